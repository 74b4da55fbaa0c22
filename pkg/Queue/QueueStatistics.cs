namespace Rp.Queue;

/// <summary>
/// The queue's backlog: how many messages it holds (visible or not), and how long the oldest
/// visible one has waited (null when none is visible).
/// </summary>
public sealed record QueueStatistics(long Depth, TimeSpan? OldestMessageAge);
