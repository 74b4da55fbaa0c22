using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Rp.Database;

/// <summary>
/// The database's meter (<c>Rp.Database</c>): every request's duration, on either store, named as
/// OpenTelemetry's database conventions name them; on Cosmos DB also its request charge.
/// </summary>
internal static class DatabaseTelemetry
{
    public const string Name = "Rp.Database";

    public const string Sqlite = "sqlite";
    public const string Cosmos = "azure.cosmosdb";

    private static readonly Meter Meter = new(Name);

    private static readonly Histogram<double> Duration = Meter.CreateHistogram(
        "db.client.operation.duration",
        "s",
        "Duration of database requests, by store, namespace, collection, operation and status code.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    private static readonly Histogram<double> RequestCharge = Meter.CreateHistogram(
        "azure.cosmosdb.client.operation.request_charge",
        "{request_unit}",
        "Request units consumed by each Cosmos DB request.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000] });

    /// <summary>A request to the embedded store: a read or a write transaction on one file.</summary>
    public static void RecordSqlite(string file, string operation, long startedTimestamp, bool failed)
    {
        var tags = new TagList { { "db.system.name", Sqlite }, { "db.namespace", file }, { "db.operation.name", operation } };
        if (failed)
        {
            tags.Add("error.type", "exception");
        }

        Duration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds, tags);
    }

    /// <summary>A request to Cosmos DB as the client finally saw it (after its own retries); a 429 here is a request still throttled after them.</summary>
    public static void RecordCosmos(string? collection, string operation, int statusCode, double requestCharge, TimeSpan elapsed)
    {
        var tags = new TagList
        {
            { "db.system.name", Cosmos },
            { "db.collection.name", collection ?? "" },
            { "db.operation.name", operation },
            { "db.response.status_code", statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        Duration.Record(elapsed.TotalSeconds, tags);
        RequestCharge.Record(requestCharge, tags);
    }
}
