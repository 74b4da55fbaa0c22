namespace Rp.Database;

/// <summary>One page of a listing; <see cref="Continuation"/> is null on the last page.</summary>
public sealed record DocumentPage<T>(IReadOnlyList<T> Items, string? Continuation);
