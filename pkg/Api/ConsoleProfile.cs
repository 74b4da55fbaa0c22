namespace Rp.Api;

public sealed class ConsoleProfile : Extensible
{
    public string? Url { get; set; }
}
