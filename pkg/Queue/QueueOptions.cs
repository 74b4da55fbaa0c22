namespace Rp.Queue;

/// <summary>Which queue carries work items (section <c>Queue</c>).</summary>
public sealed class QueueOptions
{
    public const string SectionName = "Queue";

    /// <summary><c>Sqlite</c> (the embedded default) or <c>StorageQueue</c>.</summary>
    public string Provider { get; set; } = QueueProviders.Sqlite;

    /// <summary>The queue's name.</summary>
    public string Name { get; set; } = "openshiftclusters";

    /// <summary>How often the backlog (depth, age of the oldest message) is sampled for metrics.</summary>
    public TimeSpan StatisticsInterval { get; set; } = TimeSpan.FromSeconds(5);
}
