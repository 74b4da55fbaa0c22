namespace Rp.Api;

public sealed class ServicePrincipalProfile : Extensible
{
    public string? ClientId { get; set; }

    public Secret? ClientSecret { get; set; }
}
