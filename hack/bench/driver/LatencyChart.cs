using System.Globalization;
using System.Security;
using System.Text;
using System.Text.Json.Nodes;

namespace Rp.Bench.Driver;

/// <summary>
/// <c>chart</c>: an SVG of the latency distributions of one run (<c>--after</c>) and, dashed, of an
/// earlier one (<c>--before</c>): the GET of one cluster under load (with bare Kestrel's for scale)
/// and create → Succeeded one at a time. Percentiles run along a "nines" axis, latency on a log axis.
/// </summary>
internal static class LatencyChart
{
    private const int PanelWidth = 460;
    private const int PanelHeight = 370;
    private const int Left = 60;
    private const int Top = 40;
    private const int PlotWidth = 370;
    private const int PlotHeight = 230;
    private const double MaxNines = 4;

    private static readonly double[] Points = [1, 5, 10, 20, 30, 40, 50, 60, 70, 75, 80, 85, 90, 95, 97, 98, 99, 99.5, 99.9, 99.99];

    public static int Run(Arguments args)
    {
        var after = args.Required("after");
        var before = args.Optional("before");
        var get = new List<Series>();
        var create = new List<Series>();
        if (before is not null)
        {
            get.AddRange(WrkSeries(before, "get", "GET, before", "#999999", dashed: true));
            create.AddRange(SampleSeries(before, "create → Succeeded, before", "#999999", dashed: true));
        }

        get.AddRange(WrkSeries(after, "baseline", "bare Kestrel (ceiling)", "#2ca02c", dashed: false));
        get.AddRange(WrkSeries(after, "get", before is null ? "GET" : "GET, after", "#1f77b4", dashed: false));
        create.AddRange(SampleSeries(after, before is null ? "create → Succeeded" : "create → Succeeded, after", "#1f77b4", dashed: false));

        var svg = new StringBuilder();
        svg.AppendLine(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{PanelWidth * 2}" height="{PanelHeight}" font-family="sans-serif" font-size="11">""");
        svg.AppendLine("""<rect width="100%" height="100%" fill="white"/>""");
        Panel(svg, 0, "GET of one cluster, 32 connections (wrk)", get);
        Panel(svg, PanelWidth, "create → Succeeded, one at a time", create);
        svg.AppendLine("</svg>");
        File.WriteAllText(args.Required("out"), svg.ToString());
        Console.WriteLine($"   chart: {args.Required("out")}");
        return 0;
    }

    private static IEnumerable<Series> WrkSeries(string directory, string probe, string label, string color, bool dashed)
    {
        if (Results.Read(directory, probe)?["percentiles"] is not JsonArray percentiles)
        {
            yield break;
        }

        yield return new Series(label, color, dashed, [.. percentiles.Select(p => (p![0]!.GetValue<double>(), p[1]!.GetValue<double>()))]);
    }

    private static IEnumerable<Series> SampleSeries(string directory, string label, string color, bool dashed)
    {
        var path = Path.Combine(directory, "latency-samples.txt");
        if (!File.Exists(path))
        {
            yield break;
        }

        var samples = Samples.Read(path);
        yield return new Series(label, color, dashed, [.. Points.Select(p => (p, samples.Percentile(p)))]);
    }

    private static void Panel(StringBuilder svg, int x0, string title, List<Series> series)
    {
        var values = series.SelectMany(s => s.Points.Select(p => p.Ms)).Where(v => v > 0).ToList();
        var low = Math.Floor(Math.Log10(values.Count > 0 ? values.Min() : 0.1));
        var high = Math.Ceiling(Math.Log10(values.Count > 0 ? values.Max() : 1000));
        if (high <= low)
        {
            high = low + 1;
        }

        double X(double percentile) => x0 + Left + (Nines(percentile) / MaxNines * PlotWidth);
        double Y(double ms) => Top + PlotHeight - ((Math.Log10(Math.Max(ms, Math.Pow(10, low))) - low) / (high - low) * PlotHeight);

        svg.AppendLine(CultureInfo.InvariantCulture, $"""<text x="{x0 + Left}" y="20" font-size="13" font-weight="bold">{Escape(title)}</text>""");
        svg.AppendLine(CultureInfo.InvariantCulture, $"""<rect x="{x0 + Left}" y="{Top}" width="{PlotWidth}" height="{PlotHeight}" fill="none" stroke="#333"/>""");
        for (var decade = low; decade <= high; decade++)
        {
            var y = Y(Math.Pow(10, decade));
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<line x1="{x0 + Left}" x2="{x0 + Left + PlotWidth}" y1="{y:0.0}" y2="{y:0.0}" stroke="#ddd"/>""");
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<text x="{x0 + Left - 6}" y="{y + 4:0.0}" text-anchor="end">{Math.Pow(10, decade).ToString("0.###", CultureInfo.InvariantCulture)} ms</text>""");
        }

        foreach (var (percentile, label) in new[] { (0.0, "0"), (50.0, "50"), (90.0, "90"), (99.0, "99"), (99.9, "99.9"), (99.99, "99.99") })
        {
            var x = X(percentile);
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<line x1="{x:0.0}" x2="{x:0.0}" y1="{Top}" y2="{Top + PlotHeight}" stroke="#eee"/>""");
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<text x="{x:0.0}" y="{Top + PlotHeight + 16}" text-anchor="middle">{label}</text>""");
        }

        svg.AppendLine(CultureInfo.InvariantCulture, $"""<text x="{x0 + Left + (PlotWidth / 2)}" y="{Top + PlotHeight + 32}" text-anchor="middle">percentile</text>""");
        for (var i = 0; i < series.Count; i++)
        {
            var s = series[i];
            var points = string.Join(" ", s.Points.Where(p => p.Ms > 0).Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.Percentile):0.0},{Y(p.Ms):0.0}")));
            var dash = s.Dashed ? """ stroke-dasharray="6 4" """ : " ";
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<polyline points="{points}" fill="none" stroke="{s.Color}" stroke-width="2"{dash}/>""");
            var legendY = Top + PlotHeight + 52 + (i * 15);
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<line x1="{x0 + Left + 8}" x2="{x0 + Left + 30}" y1="{legendY - 4}" y2="{legendY - 4}" stroke="{s.Color}" stroke-width="2"{dash}/>""");
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<text x="{x0 + Left + 36}" y="{legendY}">{Escape(s.Label)} (p50 {Median(s).ToString("0.##", CultureInfo.InvariantCulture)} ms)</text>""");
        }
    }

    private static double Median(Series series) => series.Points.FirstOrDefault(p => p.Percentile == 50).Ms;

    /// <summary>0 at the 0th percentile, 1 at the 90th, 2 at the 99th, ...</summary>
    private static double Nines(double percentile) => Math.Min(MaxNines, -Math.Log10(1 - (percentile / 100)));

    private static string Escape(string text) => SecurityElement.Escape(text);

    private sealed record Series(string Label, string Color, bool Dashed, List<(double Percentile, double Ms)> Points);
}
