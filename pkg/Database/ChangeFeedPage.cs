namespace Rp.Database;

/// <summary>Changes read from a container's change feed and the continuation to resume after them.</summary>
public sealed record ChangeFeedPage<T>(IReadOnlyList<T> Items, string Continuation);
