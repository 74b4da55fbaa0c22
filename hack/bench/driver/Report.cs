using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Rp.Bench.Driver;

/// <summary>
/// <c>report</c>: the run's summary table, every figure with its ratio to the bare-Kestrel run of
/// the same invocation where one applies, and the issue's target next to it. <c>--dir</c> is the
/// embedded default's results; <c>--distributed</c>, when given, the same probes on Cosmos DB and
/// Azure Storage Queues (no targets there). Printed, and written as Markdown to <c>--markdown</c>.
/// </summary>
internal static class Report
{
    public static int Run(Arguments args)
    {
        var embedded = args.Required("dir");
        var distributed = args.Optional("distributed");
        var rows = Rows(embedded, distributed).ToList();

        var header = distributed is null
            ? new[] { "measure", "embedded", "ratio", "target", "met" }
            : ["measure", "embedded", "ratio", "target", "met", "distributed", "ratio"];
        var table = rows.Select(r => distributed is null
            ? new[] { r.Measure, r.Embedded.Figure, r.Embedded.Ratio, r.Target, r.Met }
            : [r.Measure, r.Embedded.Figure, r.Embedded.Ratio, r.Target, r.Met, r.Distributed.Figure, r.Distributed.Ratio]).ToList();

        var widths = header.Select((h, i) => Math.Max(h.Length, table.Max(t => t[i].Length))).ToArray();
        Console.WriteLine();
        Console.WriteLine(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))));
        Console.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var line in table)
        {
            Console.WriteLine(string.Join("  ", line.Select((c, i) => c.PadRight(widths[i]))));
        }

        if (args.Optional("markdown") is { } markdown)
        {
            var text = new StringBuilder();
            text.AppendLine("| " + string.Join(" | ", header) + " |");
            text.AppendLine("|" + string.Concat(header.Select(_ => "---|")));
            foreach (var line in table)
            {
                text.AppendLine("| " + string.Join(" | ", line) + " |");
            }

            File.WriteAllText(markdown, text.ToString());
        }

        var missed = rows.Count(r => r.Met == "no");
        Console.WriteLine();
        Console.WriteLine(missed == 0 ? "every target met" : $"{missed} target(s) missed");
        return 0;
    }

    private static IEnumerable<Row> Rows(string embedded, string? distributed)
    {
        var e = new RunResults(embedded);
        var d = distributed is null ? null : new RunResults(distributed);
        Cell Both(Func<RunResults, Cell> cell, RunResults? run) => run is null ? Cell.None : cell(run);
        Row Make(string measure, Func<RunResults, Cell> cell, string target = "", Func<RunResults, bool?>? met = null) =>
            new(measure, cell(e), Both(cell, d), target, double.IsNaN(cell(e).Value) ? "" : met?.Invoke(e) switch { true => "yes", false => "no", null => "" });

        yield return Make("bare Kestrel GET, requests/s", r => r.Figure("baseline", "rps", "0"));
        yield return Make("bare Kestrel GET p99 (32 connections)", r => r.Figure("baseline", "p99Ms", "0.00", " ms"));
        yield return Make(
            "GET of one cluster, requests/s",
            r => r.Ratio("get", "rps", "0", "", r.Value("baseline", "rps"), percent: true),
            "≥ 30 %",
            r => r.Value("get", "rps") / r.Value("baseline", "rps") >= 0.30);
        yield return Make(
            "GET p99 (32 connections)",
            r => r.Ratio("get", "p99Ms", "0.00", " ms", r.Value("baseline", "p99Ms"), percent: false),
            "≤ 3 ×",
            r => r.Value("get", "p99Ms") / r.Value("baseline", "p99Ms") <= 3);
        yield return Make(
            "PUT of a new cluster (frontend role), requests/s",
            r => r.Ratio("put", "rps", "0", "", r.Value("baseline", "rps"), percent: true),
            "≥ 3 %",
            r => r.Value("put", "rps") / r.Value("baseline", "rps") >= 0.03);
        yield return Make("PUT p99 (32 connections)", r => r.Figure("put", "p99Ms", "0.0", " ms"));
        yield return Make("create → Succeeded p50, one at a time", r => r.Figure("latency", "p50Ms", "0.0", " ms"), "≤ 50 ms", r => r.Value("latency", "p50Ms") <= 50);
        yield return Make("create → Succeeded p90", r => r.Figure("latency", "p90Ms", "0.0", " ms"), "≤ 100 ms", r => r.Value("latency", "p90Ms") <= 100);
        yield return Make("create → Succeeded p99", r => r.Figure("latency", "p99Ms", "0.0", " ms"));
        yield return Make("burst: creates at once → all Succeeded, creates/s", r => r.Figure("burst", "createsPerSecond", "0"), "≥ 300/s", r => r.Value("burst", "createsPerSecond") >= 300);
        yield return Make("burst: PUTs answered/s while the backend works", r => r.Figure("burst", "putsPerSecond", "0"), "≥ 300/s", r => r.Value("burst", "putsPerSecond") >= 300);
        yield return Make("burst: PUT p99", r => r.Figure("burst", "putP99Ms", "0.0", " ms"));
        yield return Make("seeding through the API (frontend role), clusters/s", r => r.SeedRate());
        yield return Make("list page p50 (100 per page), small set", r => r.Figure("list-small", "p50Ms", "0.00", " ms", "clusters"));
        yield return Make("list page p50, whole set", r => r.Figure("list-large", "p50Ms", "0.00", " ms", "clusters"));
        yield return Make(
            "list page p50, whole set ÷ small set",
            r => r.Quotient("list-large", "list-small", "p50Ms"),
            "≤ 1.3",
            r => r.Value("list-large", "p50Ms") / r.Value("list-small", "p50Ms") <= 1.3);
        yield return Make("list page p99, whole set", r => r.Figure("list-large", "p99Ms", "0.00", " ms"), "≤ 15 ms", r => r.Value("list-large", "p99Ms") <= 15);
        yield return Make("restart to ready with the whole set", r => r.Figure("ready", "seconds", "0.00", " s"), "≤ 1 s", r => r.Value("ready", "seconds") <= 1);
        yield return Make("backlog of the whole set drained after the restart, creates/s", r => r.Figure("drain", "createsPerSecond", "0", "", "creates"), "≥ 300/s", r => r.Value("drain", "createsPerSecond") >= 300);
        yield return Make("backlog drain: peak RSS", r => r.Figure("drain", "peakRssMiB", "0", " MiB"), "≤ 300 MB", r => r.Value("drain", "peakRssMiB") * 1.048576 <= 300);
        foreach (var process in new[] { "baseline", "get", "put", "seed", "drain", "cosmos-server", "azurite" })
        {
            yield return Make($"peak RSS of the {process} process", r => r.Figure("rss-" + process, "peakRssMiB", "0", " MiB"));
        }
    }

    private sealed record Row(string Measure, Cell Embedded, Cell Distributed, string Target, string Met);

    /// <summary>A figure as printed, its ratio, and the figure's value (NaN when it was not measured).</summary>
    private sealed record Cell(string Figure, string Ratio, double Value = double.NaN)
    {
        public static readonly Cell None = new("", "");
    }

    private sealed class RunResults(string directory)
    {
        public double Value(string probe, string field) =>
            Results.Read(directory, probe)?[field]?.GetValue<double>() ?? double.NaN;

        /// <summary>One run's figure divided by another's.</summary>
        public Cell Quotient(string probe, string by, string field)
        {
            var quotient = Value(probe, field) / Value(by, field);
            return new Cell(double.IsNaN(quotient) ? "–" : quotient.ToString("0.00", CultureInfo.InvariantCulture), "", quotient);
        }

        /// <summary>Both seeding runs together: clusters per second.</summary>
        public Cell SeedRate()
        {
            var rate = (Value("seed-small", "clusters") + Value("seed-large", "clusters")) / (Value("seed-small", "seconds") + Value("seed-large", "seconds"));
            return new Cell(double.IsNaN(rate) ? "–" : rate.ToString("0", CultureInfo.InvariantCulture), "", rate);
        }

        /// <summary>The figure, with the set's size in parentheses when <paramref name="sizeField"/> names it.</summary>
        public Cell Figure(string probe, string field, string format, string unit = "", string? sizeField = null)
        {
            var value = Value(probe, field);
            if (double.IsNaN(value))
            {
                return new Cell("–", "");
            }

            var size = sizeField is null ? "" : $" ({Value(probe, sizeField).ToString("#,0", CultureInfo.InvariantCulture)})";
            return new Cell(value.ToString(format, CultureInfo.InvariantCulture) + unit + size, "", value);
        }

        public Cell Ratio(string probe, string field, string format, string unit, double baseline, bool percent)
        {
            var figure = Figure(probe, field, format, unit);
            var ratio = Value(probe, field) / baseline;
            return double.IsNaN(ratio)
                ? figure
                : figure with { Ratio = percent ? (ratio * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : ratio.ToString("0.00", CultureInfo.InvariantCulture) + " ×" };
        }
    }
}
