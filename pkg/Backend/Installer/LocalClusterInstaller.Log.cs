using Microsoft.Extensions.Logging;

namespace Rp.Backend.Installer;

internal sealed partial class LocalClusterInstaller
{
    [LoggerMessage(1, LogLevel.Information, "Install phase {Phase} starting")]
    private partial void LogPhaseStarting(string phase);

    [LoggerMessage(2, LogLevel.Information, "Install phase {Phase} completed")]
    private partial void LogPhaseCompleted(string phase);

    [LoggerMessage(3, LogLevel.Warning, "Install phase {Phase} hangs until canceled, as configured")]
    private partial void LogPhaseHanging(string phase);

    [LoggerMessage(4, LogLevel.Warning, "Install phase {Phase} fails, as configured")]
    private partial void LogPhaseFailing(string phase);

    [LoggerMessage(5, LogLevel.Information, "Created the cluster CA and the admin client certificate")]
    private partial void LogCaCreated();

    [LoggerMessage(6, LogLevel.Information, "Issued the admin client certificate from the existing cluster CA")]
    private partial void LogAdminCertificateIssued();

    [LoggerMessage(7, LogLevel.Information, "Install phase {Phase} rendered the infrastructure template ({Length} characters, SHA-256 {Sha256}, changed: {Changed})")]
    private partial void LogInfrastructureRendered(string phase, string sha256, int length, bool changed);

    [LoggerMessage(8, LogLevel.Information, "Deprovisioned the cluster infrastructure in {ResourceGroupId}")]
    private partial void LogDeprovisioned(string? resourceGroupId);
}
