using System.Diagnostics.Metrics;
using Rp.Api;

namespace Rp.Frontend;

/// <summary>
/// The frontend's meter (<c>Rp.Frontend</c>). Request rates and latencies are ASP.NET Core's own
/// <c>http.server.request.duration</c>, to which <see cref="ApiVersionTag"/> is added.
/// </summary>
internal static class FrontendTelemetry
{
    public const string Name = "Rp.Frontend";

    /// <summary>The api-version attribute on the HTTP server metrics (only versions the RP serves, so its values stay few).</summary>
    public const string ApiVersionTag = "rp.api_version";

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> OperationsStarted = Meter.CreateCounter<long>(
        "rp.operations.started", "{operation}", "Async operations started by a request, by type.");

    public static void OperationStarted(ProvisioningState state) =>
        OperationsStarted.Add(1, new KeyValuePair<string, object?>("rp.operation.type", state.OperationType()));
}
