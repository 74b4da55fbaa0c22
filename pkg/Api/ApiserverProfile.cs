namespace Rp.Api;

public sealed class ApiserverProfile : Extensible
{
    public string? Visibility { get; set; }

    public string? Url { get; set; }

    public string? Ip { get; set; }
}
