namespace Rp.Management;

/// <summary>Logs, metrics and traces (section <c>Telemetry</c>).</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>
    /// An OTLP/HTTP collector (e.g. <c>http://localhost:4318</c>) to send traces and metrics to;
    /// unset: no export and no tracing (metrics are still served on <c>/metrics</c>).
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>The console log format; unset: text in development, JSON in production.</summary>
    public LogFormat? LogFormat { get; set; }
}
