namespace Rp.Api;

public sealed class IngressProfile : Extensible
{
    public string? Name { get; set; }

    public string? Visibility { get; set; }

    public string? Ip { get; set; }
}
