using System.Globalization;

namespace Rp.Bench.Driver;

/// <summary>Latency samples in milliseconds and their percentiles (nearest rank).</summary>
internal sealed class Samples
{
    private readonly List<double> values = [];
    private readonly Lock gate = new();

    public int Count
    {
        get { lock (gate) { return values.Count; } }
    }

    public void Add(double milliseconds)
    {
        lock (gate)
        {
            values.Add(milliseconds);
        }
    }

    public double Percentile(double p)
    {
        lock (gate)
        {
            if (values.Count == 0)
            {
                return double.NaN;
            }

            var sorted = values.Order().ToArray();
            var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
            return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
        }
    }

    public double Max()
    {
        lock (gate)
        {
            return values.Count == 0 ? double.NaN : values.Max();
        }
    }

    /// <summary>One sample per line, for the chart.</summary>
    public void Write(string path)
    {
        lock (gate)
        {
            File.WriteAllLines(path, values.Select(v => v.ToString("0.###", CultureInfo.InvariantCulture)));
        }
    }

    public static Samples Read(string path)
    {
        var samples = new Samples();
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            samples.Add(double.Parse(line, CultureInfo.InvariantCulture));
        }

        return samples;
    }
}
