using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using Rp.Api;

namespace Rp.Backend.Installer;

/// <summary>
/// The installer that needs no cloud: it generates, for real, everything a cluster's control plane
/// hands out (domain, PKI, kubeadmin password, URLs, admin kubeconfig) and renders the ARM template
/// its infrastructure would be deployed from. <see cref="InstallerOptions"/> make phases slow, fail
/// or hang so that every path of the control plane can be exercised.
/// </summary>
internal sealed partial class LocalClusterInstaller : IClusterInstaller
{
    public const string DefaultVersion = "4.3.0";

    private readonly InstallerOptions options;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<LocalClusterInstaller> logger;

    public LocalClusterInstaller(IOptions<InstallerOptions> options, TimeProvider timeProvider, ILogger<LocalClusterInstaller> logger)
    {
        this.options = options.Value;
        this.timeProvider = timeProvider;
        this.logger = logger;
    }

    public IReadOnlyList<string> PhasesFor(ProvisioningState state) => InstallerPhases.For(state);

    public async Task RunPhaseAsync(string phase, OpenShiftCluster cluster, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        Action<OpenShiftCluster> run = phase switch
        {
            InstallerPhases.Domain => EnsureDomain,
            InstallerPhases.Pki => EnsurePki,
            InstallerPhases.Credentials => EnsureCredentials,
            InstallerPhases.Urls => EnsureUrls,
            InstallerPhases.Kubeconfig => WriteKubeconfig,
            InstallerPhases.Infrastructure or InstallerPhases.Reconcile => c => RenderInfrastructure(phase, c),
            InstallerPhases.Deprovision => Deprovision,
            _ => throw new ArgumentException($"Unknown install phase '{phase}'.", nameof(phase)),
        };

        cancellationToken.ThrowIfCancellationRequested();
        LogPhaseStarting(phase);
        if (options.PhaseDuration > TimeSpan.Zero)
        {
            await Task.Delay(options.PhaseDuration, timeProvider, cancellationToken).ConfigureAwait(false);
        }

        if (IsPhase(options.HangAtPhase, phase))
        {
            LogPhaseHanging(phase);
            await Task.Delay(Timeout.InfiniteTimeSpan, timeProvider, cancellationToken).ConfigureAwait(false);
        }

        if (IsPhase(options.FailAtPhase, phase))
        {
            LogPhaseFailing(phase);
            throw new InstallerException(CloudErrorCodes.DeploymentFailed, $"The deployment failed at phase '{phase}'.");
        }

        // Each phase computes everything that can fail before it changes the cluster, so a failed
        // phase leaves the worker's copy as it found it.
        run(cluster);
        LogPhaseCompleted(phase);
    }

    private static bool IsPhase(string? configured, string phase) => string.Equals(configured, phase, StringComparison.OrdinalIgnoreCase);

    private static string RequireDomain(OpenShiftCluster cluster, string phase) =>
        cluster.Properties.ClusterProfile.Domain
        ?? throw new InstallerException(CloudErrorCodes.InternalServerError, $"Phase '{phase}' needs the cluster's domain (phase '{InstallerPhases.Domain}').");

    private static string DefaultResourceGroupId(OpenShiftCluster cluster, string domain)
    {
        if (!ResourceId.TryParse(cluster.Id, out var id))
        {
            throw new InstallerException(CloudErrorCodes.InternalServerError, $"'{cluster.Id}' is not a cluster resource id.");
        }

        return $"/subscriptions/{id!.SubscriptionId}/resourceGroups/aro-{domain}";
    }

    private static void EnsureDomain(OpenShiftCluster cluster)
    {
        var profile = cluster.Properties.ClusterProfile;
        var domain = profile.Domain ?? DomainLabel.Generate();
        var resourceGroupId = profile.ResourceGroupId ?? DefaultResourceGroupId(cluster, domain);

        profile.Domain = domain;
        profile.Version ??= DefaultVersion;
        profile.ResourceGroupId = resourceGroupId;
    }

    private void EnsurePki(OpenShiftCluster cluster)
    {
        var pki = cluster.Properties.Pki;
        var now = timeProvider.GetUtcNow();
        if (pki is null || pki.CaCertificatePem.Length == 0 || pki.CaPrivateKeyPem is null)
        {
            var (ca, admin) = ClusterPkiGenerator.CreateCaAndAdmin(now);
            pki ??= new ClusterPki();
            pki.CaCertificatePem = ca.CertificatePem;
            pki.CaPrivateKeyPem = new Secret(ca.PrivateKeyPem);
            pki.AdminCertificatePem = admin.CertificatePem;
            pki.AdminPrivateKeyPem = new Secret(admin.PrivateKeyPem);
            cluster.Properties.Pki = pki;
            LogCaCreated();
        }
        else if (pki.AdminCertificatePem.Length == 0 || pki.AdminPrivateKeyPem is null)
        {
            var admin = ClusterPkiGenerator.IssueAdmin(pki.CaCertificatePem, pki.CaPrivateKeyPem.Reveal(), now);
            pki.AdminCertificatePem = admin.CertificatePem;
            pki.AdminPrivateKeyPem = new Secret(admin.PrivateKeyPem);
            LogAdminCertificateIssued();
        }
    }

    private static void EnsureCredentials(OpenShiftCluster cluster) =>
        cluster.Properties.KubeadminPassword ??= new Secret(KubeadminPassword.Generate());

    private void EnsureUrls(OpenShiftCluster cluster)
    {
        var properties = cluster.Properties;
        var host = ClusterHost(RequireDomain(cluster, InstallerPhases.Urls), cluster.Location);
        var layout = ClusterLayout.For(cluster);

        var apiserver = properties.ApiserverProfile;
        apiserver.Visibility ??= ClusterLayout.Public;
        apiserver.Url ??= $"https://api.{host}:6443/";
        apiserver.Ip = layout.ApiserverAddress(apiserver.Visibility, apiserver.Ip);
        properties.ConsoleProfile.Url ??= $"https://console-openshift-console.apps.{host}/";

        if (properties.IngressProfiles.Count == 0)
        {
            properties.IngressProfiles.Add(new IngressProfile { Name = ClusterLayout.DefaultIngressName });
        }

        foreach (var ingress in properties.IngressProfiles)
        {
            ingress.Visibility ??= ClusterLayout.Public;
            ingress.Ip = layout.IngressAddress(ingress.Name, ingress.Visibility, ingress.Ip);
        }
    }

    /// <summary>
    /// A domain with a dot is the customer's own zone; a single label is placed under the
    /// region's zone in <see cref="InstallerOptions.BaseDomain"/>.
    /// </summary>
    private string ClusterHost(string domain, string location)
    {
        domain = domain.ToLowerInvariant();
        if (domain.Contains('.', StringComparison.Ordinal))
        {
            return domain;
        }

        var region = new string(location.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
        if (region.Length == 0)
        {
            throw new InstallerException(CloudErrorCodes.InvalidParameter, $"The cluster's location '{location}' is not a region name.");
        }

        return $"{domain}.{region}.{options.BaseDomain}";
    }

    // The kubeconfig is a pure function of the PKI and the apiserver URL, so a re-run writes the same bytes.
    private static void WriteKubeconfig(OpenShiftCluster cluster)
    {
        var properties = cluster.Properties;
        var pki = properties.Pki;
        if (pki is null || pki.CaCertificatePem.Length == 0 || pki.AdminCertificatePem.Length == 0 || pki.AdminPrivateKeyPem is null)
        {
            throw new InstallerException(CloudErrorCodes.InternalServerError, $"Phase '{InstallerPhases.Kubeconfig}' needs the cluster PKI (phase '{InstallerPhases.Pki}').");
        }

        var server = properties.ApiserverProfile.Url
            ?? throw new InstallerException(CloudErrorCodes.InternalServerError, $"Phase '{InstallerPhases.Kubeconfig}' needs the apiserver URL (phase '{InstallerPhases.Urls}').");

        properties.AdminKubeconfig = new Secret(Kubeconfig.Render(
            cluster.Name,
            server,
            pki.CaCertificatePem,
            pki.AdminCertificatePem,
            pki.AdminPrivateKeyPem.Reveal()));
    }

    /// <summary>
    /// Renders the infrastructure template for the document as it is now (the worker counts of an
    /// update included) and records its hash. Frontend addresses that no longer fit their
    /// visibility are re-derived, as the template already does. The template is a pure function of
    /// the document, so a re-run records the same hash.
    /// </summary>
    private void RenderInfrastructure(string phase, OpenShiftCluster cluster)
    {
        var properties = cluster.Properties;
        var layout = ClusterLayout.For(cluster);
        var template = InfrastructureTemplate.Render(cluster, layout);
        var sha256 = InfrastructureTemplate.Sha256(template);

        var apiserver = properties.ApiserverProfile;
        apiserver.Ip = layout.ApiserverAddress(apiserver.Visibility ?? ClusterLayout.Public, apiserver.Ip);
        foreach (var ingress in properties.IngressProfiles)
        {
            ingress.Ip = layout.IngressAddress(ingress.Name, ingress.Visibility ?? ClusterLayout.Public, ingress.Ip);
        }

        var install = properties.Install;
        install.ExtensionData ??= new Dictionary<string, JToken>();
        var changed = !install.ExtensionData.TryGetValue(InfrastructureTemplate.Sha256Key, out var previous) || (string?)previous != sha256;
        install.ExtensionData[InfrastructureTemplate.Sha256Key] = sha256;
        LogInfrastructureRendered(phase, sha256, template.Length, changed);
    }

    // Nothing local outlives the document, which the worker deletes next; dropping the template
    // hash records that no deployed infrastructure is left.
    private void Deprovision(OpenShiftCluster cluster)
    {
        cluster.Properties.Install.ExtensionData?.Remove(InfrastructureTemplate.Sha256Key);
        LogDeprovisioned(cluster.Properties.ClusterProfile.ResourceGroupId);
    }
}
