namespace Rp.Api;

/// <summary>The cluster's certificate authority and the admin client certificate it issued (PEM).</summary>
public sealed class ClusterPki : Extensible
{
    public string CaCertificatePem { get; set; } = "";

    public Secret? CaPrivateKeyPem { get; set; }

    public string AdminCertificatePem { get; set; } = "";

    public Secret? AdminPrivateKeyPem { get; set; }
}
