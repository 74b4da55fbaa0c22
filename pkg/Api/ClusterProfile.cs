namespace Rp.Api;

public sealed class ClusterProfile : Extensible
{
    public Secret? PullSecret { get; set; }

    public string? Domain { get; set; }

    public string? Version { get; set; }

    public string? ResourceGroupId { get; set; }
}
