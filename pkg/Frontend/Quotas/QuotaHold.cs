using Rp.Api;
using Rp.Database.Documents;

namespace Rp.Frontend.Quotas;

/// <summary>
/// One request's hold on its subscription's quota: <see cref="ReserveAsync"/> checks and reserves
/// (again, when the request starts over), <see cref="EnsureCurrent"/> guards the write it reserved
/// for, and disposing withdraws the reservation: by then the cluster document is written and counts
/// by itself, or the request failed and needs none.
/// </summary>
internal sealed class QuotaHold(QuotaChecker checker, ResourceId id) : IAsyncDisposable
{
    private QuotaReservation? reservation;

    public async Task ReserveAsync(ClusterFootprint? existing, ClusterFootprint requested, CancellationToken cancellationToken) =>
        reservation = await checker.ReserveAsync(id, existing, requested, cancellationToken).ConfigureAwait(false);

    public void EnsureCurrent() => checker.EnsureCurrent(reservation);

    public async ValueTask DisposeAsync()
    {
        if (reservation is not null)
        {
            await checker.ReleaseAsync(id, reservation).ConfigureAwait(false);
        }
    }
}
