using System.Diagnostics;
using Microsoft.Azure.Cosmos;

namespace Rp.Database.Cosmos;

/// <summary>
/// Times every Cosmos DB request and records its request charge and status code. It sits in front
/// of the client's own retries, so it sees each request once, as the caller does.
/// </summary>
internal sealed class CosmosMetricsHandler : RequestHandler
{
    public override async Task<ResponseMessage> SendAsync(RequestMessage request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        DatabaseTelemetry.RecordCosmos(
            Collection(request.RequestUri),
            request.Method.Method,
            (int)response.StatusCode,
            response.Headers.RequestCharge,
            Stopwatch.GetElapsedTime(started));
        return response;
    }

    /// <summary>The container in a resource path (<c>dbs/D/colls/C/docs/...</c>); null for database-level requests.</summary>
    private static string? Collection(Uri? uri)
    {
        var segments = uri?.OriginalString.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var index = Array.IndexOf(segments, "colls");
        return index >= 0 && index + 1 < segments.Length ? segments[index + 1] : null;
    }
}
