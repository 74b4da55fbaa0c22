using Rp.Database.Documents;

namespace Rp.Database;

/// <summary>
/// A named lease in the <c>Leases</c> container that at most one owner holds at a time, with a
/// checkpoint that only the holder may move. Every write is ETag-guarded, so two claimants can
/// never both believe they won.
/// </summary>
/// <remarks>
/// An expiry is always computed from the clock read just before the write that stores it, never
/// from a time read before other I/O: the first call of a process may wait seconds for the store
/// (creating the database, a loaded machine), and a lease stamped with the time before that wait
/// would be stored already expired, so a standby would rightly take it at once.
/// </remarks>
public sealed class LeaderLease(ILeases leases, TimeProvider time, string name, string owner, TimeSpan duration)
{
    // A lost race (another write between our read and our write) is looked at again at once:
    // when the other write freed the lease or was our own, waiting a poll interval, or a whole
    // lease, before someone leads again would gain nothing.
    private const int MaxAttempts = 3;

    private LeaseDocument? held;

    public string Owner => owner;

    /// <summary>The checkpoint stored with the lease while it is held.</summary>
    public string? Continuation => held?.Continuation;

    /// <summary>
    /// Takes the lease if it is free, expired or already this owner's, renews it when a third of
    /// its time is gone, and returns whether this owner holds an unexpired lease now.
    /// </summary>
    public async Task<bool> TryAcquireOrRenewAsync(CancellationToken cancellationToken = default)
    {
        if (held is not null && held.Expires - time.GetUtcNow() > duration * 2 / 3)
        {
            return true;
        }

        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await leases.GetAsync(name, cancellationToken).ConfigureAwait(false);
            if (current is not null && current.Owner != owner && current.Expires > time.GetUtcNow())
            {
                held = null;
                return false;
            }

            try
            {
                held = current is null
                    ? await leases.CreateAsync(new LeaseDocument { Id = name, PartitionKey = name, Owner = owner, Expires = time.GetUtcNow() + duration }, cancellationToken).ConfigureAwait(false)
                    : await leases.ReplaceAsync(Stamped(current, current.Continuation), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is PreconditionFailedException or ConflictException)
            {
                held = null;
                continue;
            }

            // A write slower than the whole lease stored an expiry that has already passed.
            if (held.Expires > time.GetUtcNow())
            {
                return true;
            }
        }

        held = null;
        return false;
    }

    /// <summary>Moves the checkpoint; false (and the lease is no longer held) if another owner took it meanwhile.</summary>
    public async Task<bool> SaveContinuationAsync(string continuation, CancellationToken cancellationToken = default)
    {
        if (held is null)
        {
            return false;
        }

        try
        {
            // A copy: if the write fails, what this instance believes it holds must stay what is stored.
            held = await leases.ReplaceAsync(Stamped(held, continuation), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (PreconditionFailedException)
        {
            held = null;
            return false;
        }
    }

    /// <summary>Gives the lease up so a standby can take it at once (on orderly shutdown).</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken = default)
    {
        if (held is null)
        {
            return;
        }

        var released = held;
        held = null;
        try
        {
            await leases.ReplaceAsync(Stamped(released, released.Continuation, expires: time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }
        catch (PreconditionFailedException)
        {
            // Someone else already holds it.
        }
    }

    /// <summary>The lease as this owner's, expiring a whole duration from now unless told otherwise.</summary>
    private LeaseDocument Stamped(LeaseDocument lease, string? continuation, DateTimeOffset? expires = null) => new()
    {
        Id = lease.Id,
        PartitionKey = lease.PartitionKey,
        ETag = lease.ETag,
        ExtensionData = lease.ExtensionData,
        Owner = owner,
        Continuation = continuation,
        Expires = expires ?? time.GetUtcNow() + duration,
    };
}
