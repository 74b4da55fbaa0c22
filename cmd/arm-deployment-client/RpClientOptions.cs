using Azure.Core;

namespace Rp.ArmDeploymentClient;

/// <summary>The HTTP pipeline's options: Azure.Core's retries (408, 429, 5xx, honouring Retry-After), as ARM retries the RP.</summary>
public sealed class RpClientOptions : ClientOptions
{
    /// <summary>How long to wait between polls when the RP gives no Retry-After.</summary>
    public TimeSpan DefaultPollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
