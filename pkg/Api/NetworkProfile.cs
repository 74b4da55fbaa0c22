namespace Rp.Api;

public sealed class NetworkProfile : Extensible
{
    public string? VnetCidr { get; set; }

    public string? PodCidr { get; set; }

    public string? ServiceCidr { get; set; }
}
