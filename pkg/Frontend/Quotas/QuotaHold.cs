using Rp.Api;
using Rp.Database.Documents;

namespace Rp.Frontend.Quotas;

/// <summary>
/// One request's hold on its subscription's quota: <see cref="ReserveAsync"/> checks and reserves
/// (again, when the request starts over), <see cref="EnsureCurrent"/> guards the write it reserved
/// for, <see cref="Keep"/> says that write happened. Disposed without it, the request failed: the
/// reservation is withdrawn. A kept one lapses by itself: it still covers the cluster until every
/// frontend's listing shows it.
/// </summary>
internal sealed class QuotaHold(QuotaChecker checker, ResourceId id) : IAsyncDisposable
{
    private QuotaReservation? reservation;
    private bool kept;

    public async Task ReserveAsync(ClusterFootprint? existing, ClusterFootprint requested, CancellationToken cancellationToken) =>
        reservation = await checker.ReserveAsync(id, existing, requested, cancellationToken).ConfigureAwait(false);

    public void EnsureCurrent() => checker.EnsureCurrent(reservation);

    public void Keep() => kept = true;

    public async ValueTask DisposeAsync()
    {
        if (reservation is not null && !kept)
        {
            await checker.ReleaseAsync(id, reservation).ConfigureAwait(false);
        }
    }
}
