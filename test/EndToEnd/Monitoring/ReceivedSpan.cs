namespace Rp.EndToEnd.Tests.Monitoring;

/// <summary>A span as an OTLP collector received it: ids in hex, its process's resource attributes and its own.</summary>
public sealed record ReceivedSpan(
    string TraceId,
    string SpanId,
    string ParentSpanId,
    string Name,
    int Kind,
    IReadOnlyDictionary<string, string> Resource,
    IReadOnlyDictionary<string, string> Attributes)
{
    public string? Role => Resource.GetValueOrDefault("rp.role");

    public override string ToString() => $"{Role}: {Name} trace {TraceId} span {SpanId} parent {ParentSpanId}";
}
