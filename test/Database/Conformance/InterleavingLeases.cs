using Rp.Database.Documents;

namespace Rp.Database.Tests.Conformance;

/// <summary>
/// An <see cref="ILeases"/> over a real one that runs a test's step before each call reaches the
/// store (time passing, another owner's write in between), or fails the call once it has.
/// </summary>
public sealed class InterleavingLeases(ILeases inner) : ILeases
{
    /// <summary>Runs before every read.</summary>
    public Func<Task>? BeforeGet { get; set; }

    /// <summary>Runs before every create and replace.</summary>
    public Func<Task>? BeforeWrite { get; set; }

    /// <summary>When set, a replace fails with it (without reaching the store).</summary>
    public Exception? FailReplace { get; set; }

    public async Task<LeaseDocument?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await (BeforeGet?.Invoke() ?? Task.CompletedTask);
        return await inner.GetAsync(id, cancellationToken);
    }

    public async Task<LeaseDocument> CreateAsync(LeaseDocument document, CancellationToken cancellationToken = default)
    {
        await (BeforeWrite?.Invoke() ?? Task.CompletedTask);
        return await inner.CreateAsync(document, cancellationToken);
    }

    public async Task<LeaseDocument> ReplaceAsync(LeaseDocument document, CancellationToken cancellationToken = default)
    {
        await (BeforeWrite?.Invoke() ?? Task.CompletedTask);
        if (FailReplace is { } failure)
        {
            throw failure;
        }

        return await inner.ReplaceAsync(document, cancellationToken);
    }
}
