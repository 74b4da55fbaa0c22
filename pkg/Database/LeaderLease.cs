using Rp.Database.Documents;

namespace Rp.Database;

/// <summary>
/// A named lease in the <c>Leases</c> container that at most one owner holds at a time, with a
/// checkpoint that only the holder may move. Every write is ETag-guarded, so two claimants can
/// never both believe they won.
/// </summary>
public sealed class LeaderLease(ILeases leases, TimeProvider time, string name, string owner, TimeSpan duration)
{
    private LeaseDocument? held;

    public string Owner => owner;

    /// <summary>The checkpoint stored with the lease while it is held.</summary>
    public string? Continuation => held?.Continuation;

    /// <summary>
    /// Takes the lease if it is free or expired, renews it when a third of its time is gone, and
    /// returns whether this owner holds it now.
    /// </summary>
    public async Task<bool> TryAcquireOrRenewAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (held is not null && held.Expires - now > duration * 2 / 3)
        {
            return true;
        }

        try
        {
            var current = await leases.GetAsync(name, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                held = await leases.CreateAsync(new LeaseDocument { Id = name, PartitionKey = name, Owner = owner, Expires = now + duration }, cancellationToken).ConfigureAwait(false);
                return true;
            }

            if (current.Owner != owner && current.Expires > now)
            {
                held = null;
                return false;
            }

            current.Owner = owner;
            current.Expires = now + duration;
            held = await leases.ReplaceAsync(current, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is PreconditionFailedException or ConflictException)
        {
            held = null;
            return false;
        }
    }

    /// <summary>Moves the checkpoint; false (and the lease is no longer held) if another owner took it meanwhile.</summary>
    public async Task<bool> SaveContinuationAsync(string continuation, CancellationToken cancellationToken = default)
    {
        if (held is null)
        {
            return false;
        }

        var next = held;
        next.Continuation = continuation;
        next.Expires = time.GetUtcNow() + duration;
        try
        {
            held = await leases.ReplaceAsync(next, cancellationToken).ConfigureAwait(false);
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
        released.Expires = time.GetUtcNow();
        try
        {
            await leases.ReplaceAsync(released, cancellationToken).ConfigureAwait(false);
        }
        catch (PreconditionFailedException)
        {
            // Someone else already holds it.
        }
    }
}
