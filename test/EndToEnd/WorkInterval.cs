namespace Rp.EndToEnd.Tests;

/// <summary>A span of time in which one backend worker worked on one document: its lease, or one install phase.</summary>
public sealed record WorkInterval(string DocumentId, string WorkerId, string Activity, DateTimeOffset Start, DateTimeOffset End)
{
    public bool Overlaps(WorkInterval other) => Start < other.End && other.Start < End;

    public override string ToString() => $"{Activity} of {DocumentId} by {WorkerId} [{Start:HH:mm:ss.fff}, {End:HH:mm:ss.fff}]";
}
