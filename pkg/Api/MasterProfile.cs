namespace Rp.Api;

public sealed class MasterProfile : Extensible
{
    public string? VmSize { get; set; }

    public string? SubnetId { get; set; }
}
