using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Rp.Frontend.Authentication;

/// <summary>
/// Fetches ARM's published certificates at start and every <see cref="ArmAuthenticationOptions.RefreshInterval"/>.
/// A failed refresh keeps the last good set: requests go on being accepted with it, and only
/// readiness reports the age (<see cref="ArmCertificatesHealthCheck"/>).
/// </summary>
internal sealed partial class ArmMetadataRefresher(
    ArmMetadataClient client,
    ArmCertificates certificates,
    TimeProvider time,
    IOptions<ArmAuthenticationOptions> options,
    ILogger<ArmMetadataRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await RefreshAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(options.Value.RefreshInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>One refresh; false (and the current set kept) when it failed.</summary>
    internal async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            var published = await client.GetAsync(time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            certificates.Publish(published, time.GetUtcNow());
            LogRefreshed(logger, published.Count);
            return true;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is HttpRequestException or InvalidDataException or OperationCanceledException)
        {
            // OperationCanceledException without the stopping token: the HTTP attempt timed out.
            LogRefreshFailed(logger, certificates.RefreshedAt, e.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ARM metadata refreshed: {Count} client certificates published")]
    private static partial void LogRefreshed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ARM metadata refresh failed; keeping the certificates of the last refresh ({LastRefresh}): {Reason}")]
    private static partial void LogRefreshFailed(ILogger logger, DateTimeOffset? lastRefresh, string reason);
}
