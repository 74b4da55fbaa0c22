namespace Rp.Queue.Forwarder;

/// <summary>Forwarder settings (section <c>Forwarder</c>).</summary>
public sealed class ForwarderOptions
{
    public const string SectionName = "Forwarder";

    /// <summary>How long the leader lease lasts without renewal; a standby takes over after it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait when the change feed has nothing new (or this instance is standby).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The most changes read at a time.</summary>
    public int BatchSize { get; set; } = 100;
}
