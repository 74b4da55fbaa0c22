using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using Rp.Api;
using Rp.Backend.Installer;
using Xunit;

namespace Rp.Backend.Tests.Installer;

public sealed class LocalClusterInstallerTests
{
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    public static TheoryData<string, ProvisioningState, string[]> PhasesCases => new()
    {
        { "creating", ProvisioningState.Creating, ["domain", "pki", "credentials", "urls", "kubeconfig", "infrastructure"] },
        { "updating", ProvisioningState.Updating, ["reconcile"] },
        { "deleting", ProvisioningState.Deleting, ["deprovision"] },
    };

    public static TheoryData<string, ProvisioningState> TerminalStates => new()
    {
        { "succeeded", ProvisioningState.Succeeded },
        { "failed", ProvisioningState.Failed },
        { "canceled", ProvisioningState.Canceled },
    };

    public static TheoryData<string> CreatePhases => new(InstallerPhases.Creating);

    public static TheoryData<string, string, string, string> DomainCases => new()
    {
        { "label under the base domain", "mycluster", "https://api.mycluster.eastus.example.openshift.local:6443/", "https://console-openshift-console.apps.mycluster.eastus.example.openshift.local/" },
        { "upper-case label", "MyCluster", "https://api.mycluster.eastus.example.openshift.local:6443/", "https://console-openshift-console.apps.mycluster.eastus.example.openshift.local/" },
        { "customer's own zone", "cluster.contoso.com", "https://api.cluster.contoso.com:6443/", "https://console-openshift-console.apps.cluster.contoso.com/" },
    };

    public static TheoryData<string, string> InvalidVnetCidrs => new()
    {
        { "not a cidr", "ten-dot-zero" },
        { "no prefix length", "10.0.0.0" },
        { "too small to split", "10.0.0.0/29" },
        { "too large", "10.0.0.0/7" },
        { "prefix beyond 32", "10.0.0.0/33" },
        { "IPv6", "fd00::/48" },
    };

    [Theory]
    [MemberData(nameof(PhasesCases))]
    public void PhasesFor_NonTerminalState_ReturnsPhasesInOrder(string name, ProvisioningState state, string[] expected)
    {
        TestClusters.Installer().PhasesFor(state).Should().Equal(expected, name);
    }

    [Theory]
    [MemberData(nameof(TerminalStates))]
    public void PhasesFor_TerminalState_Throws(string name, ProvisioningState state)
    {
        var act = () => TestClusters.Installer().PhasesFor(state);

        act.Should().Throw<ArgumentOutOfRangeException>(name);
    }

    [Fact]
    public async Task RunPhaseAsync_UnknownPhase_ThrowsArgumentException()
    {
        var act = () => TestClusters.Installer().RunPhaseAsync("bootstrap", TestClusters.New());

        await act.Should().ThrowAsync<ArgumentException>().WithParameterName("phase");
    }

    [Fact]
    public async Task RunPhaseAsync_AllCreatePhasesWithoutDomain_FillsClusterProfileDefaults()
    {
        var cluster = await TestClusters.CreatedAsync();

        var profile = cluster.Properties.ClusterProfile;
        profile.Domain.Should().MatchRegex("^[a-z][a-z0-9]{7}$");
        profile.Version.Should().Be("4.3.0");
        profile.ResourceGroupId.Should().Be($"/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/aro-{profile.Domain}");
        profile.PullSecret.Should().Be(new Secret(TestClusters.PullSecret));
    }

    [Fact]
    public async Task RunPhaseAsync_DomainPhaseOnTwoClusters_LabelsDiffer()
    {
        var first = TestClusters.New();
        var second = TestClusters.New();

        await TestClusters.Installer().RunPhaseAsync(InstallerPhases.Domain, first);
        await TestClusters.Installer().RunPhaseAsync(InstallerPhases.Domain, second);

        first.Properties.ClusterProfile.Domain.Should().NotBe(second.Properties.ClusterProfile.Domain);
    }

    [Fact]
    public async Task RunPhaseAsync_DomainPhaseWithProfileSet_KeepsIt()
    {
        var cluster = TestClusters.New();
        cluster.Properties.ClusterProfile.Domain = "given";
        cluster.Properties.ClusterProfile.Version = "4.4.1";
        cluster.Properties.ClusterProfile.ResourceGroupId = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/mine";

        await TestClusters.Installer().RunPhaseAsync(InstallerPhases.Domain, cluster);

        cluster.Properties.ClusterProfile.Domain.Should().Be("given");
        cluster.Properties.ClusterProfile.Version.Should().Be("4.4.1");
        cluster.Properties.ClusterProfile.ResourceGroupId.Should().Be("/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/mine");
    }

    [Theory]
    [MemberData(nameof(DomainCases))]
    public async Task RunPhaseAsync_UrlsPhase_UrlsFromDomainLocationAndBaseDomain(string name, string domain, string apiserverUrl, string consoleUrl)
    {
        var cluster = TestClusters.New();
        cluster.Properties.ClusterProfile.Domain = domain;

        await TestClusters.Installer().RunPhaseAsync(InstallerPhases.Urls, cluster);

        cluster.Properties.ApiserverProfile.Url.Should().Be(apiserverUrl, name);
        cluster.Properties.ConsoleProfile.Url.Should().Be(consoleUrl, name);
    }

    [Fact]
    public async Task RunPhaseAsync_UrlsPhaseWithConfiguredBaseDomain_UsesIt()
    {
        var cluster = TestClusters.New();
        cluster.Properties.ClusterProfile.Domain = "abc";

        await TestClusters.Installer(new InstallerOptions { BaseDomain = "osadev.cloud" }).RunPhaseAsync(InstallerPhases.Urls, cluster);

        cluster.Properties.ApiserverProfile.Url.Should().Be("https://api.abc.eastus.osadev.cloud:6443/");
    }

    [Fact]
    public async Task RunPhaseAsync_UrlsPhaseWithNothingSet_PublicEndpointsWithDerivedAddresses()
    {
        var cluster = await TestClusters.CreatedAsync();

        var apiserver = cluster.Properties.ApiserverProfile;
        apiserver.Visibility.Should().Be("Public");
        IsPublicTestAddress(apiserver.Ip).Should().BeTrue(apiserver.Ip);
        var ingress = cluster.Properties.IngressProfiles.Should().ContainSingle().Subject;
        ingress.Name.Should().Be("default");
        ingress.Visibility.Should().Be("Public");
        IsPublicTestAddress(ingress.Ip).Should().BeTrue(ingress.Ip);
        ingress.Ip.Should().NotBe(apiserver.Ip);
    }

    [Fact]
    public async Task RunPhaseAsync_UrlsPhaseWithPrivateEndpoints_AddressesInTheirSubnets()
    {
        var cluster = TestClusters.New();
        cluster.Properties.ClusterProfile.Domain = "private";
        cluster.Properties.ApiserverProfile.Visibility = "Private";
        cluster.Properties.IngressProfiles.Add(new IngressProfile { Name = "default", Visibility = "Private" });

        await TestClusters.Installer().RunPhaseAsync(InstallerPhases.Urls, cluster);

        // 10.0.0.0/22 splits into the master subnet 10.0.0.0/23 and the worker subnet 10.0.2.0/23;
        // Azure reserves the first four addresses and the last one of each.
        var apiserver = IPAddress.Parse(cluster.Properties.ApiserverProfile.Ip!).GetAddressBytes();
        (apiserver[0], apiserver[1], apiserver[2] & 0xFE).Should().Be(((byte)10, (byte)0, 0));
        ((apiserver[2] << 8) | apiserver[3]).Should().BeInRange(4, 510);
        var ingress = IPAddress.Parse(cluster.Properties.IngressProfiles[0].Ip!).GetAddressBytes();
        (ingress[0], ingress[1], ingress[2] & 0xFE).Should().Be(((byte)10, (byte)0, 2));
        (((ingress[2] & 1) << 8) | ingress[3]).Should().BeInRange(4, 510);
    }

    [Fact]
    public async Task RunPhaseAsync_UrlsPhase_AddressesDependOnlyOnTheClusterId()
    {
        var first = TestClusters.New("one");
        var again = TestClusters.New("one");
        var other = TestClusters.New("two");
        foreach (var cluster in new[] { first, again, other })
        {
            cluster.Properties.ClusterProfile.Domain = "same";
            await TestClusters.Installer().RunPhaseAsync(InstallerPhases.Urls, cluster);
        }

        again.Properties.ApiserverProfile.Ip.Should().Be(first.Properties.ApiserverProfile.Ip);
        again.Properties.IngressProfiles[0].Ip.Should().Be(first.Properties.IngressProfiles[0].Ip);
        other.Properties.ApiserverProfile.Ip.Should().NotBe(first.Properties.ApiserverProfile.Ip);
    }

    [Fact]
    public async Task RunPhaseAsync_UrlsPhaseWithAddressesSet_KeepsThem()
    {
        var cluster = TestClusters.New();
        cluster.Properties.ClusterProfile.Domain = "kept";
        cluster.Properties.ApiserverProfile.Ip = "198.18.7.7";
        cluster.Properties.IngressProfiles.Add(new IngressProfile { Name = "default", Visibility = "Private", Ip = "10.0.2.100" });

        await TestClusters.Installer().RunPhaseAsync(InstallerPhases.Urls, cluster);

        cluster.Properties.ApiserverProfile.Ip.Should().Be("198.18.7.7");
        cluster.Properties.IngressProfiles[0].Ip.Should().Be("10.0.2.100");
    }

    [Fact]
    public async Task RunPhaseAsync_AllCreatePhases_KubeconfigAuthenticatesAdminAgainstTheApiserver()
    {
        var cluster = await TestClusters.CreatedAsync();

        var kubeconfig = KubeconfigReader.Read(cluster.Properties.AdminKubeconfig!.Reveal());

        kubeconfig["apiVersion"].Should().Be("v1");
        kubeconfig["kind"].Should().Be("Config");
        kubeconfig["current-context"].Should().Be("admin");
        kubeconfig["contexts[0].name"].Should().Be("admin");
        kubeconfig["contexts[0].context.user"].Should().Be("admin");
        kubeconfig["contexts[0].context.cluster"].Should().Be(kubeconfig["clusters[0].name"]);
        kubeconfig["users[0].name"].Should().Be("admin");
        kubeconfig["clusters[0].cluster.server"].Should().Be(cluster.Properties.ApiserverProfile.Url);

        var caPem = FromBase64(kubeconfig["clusters[0].cluster.certificate-authority-data"]);
        caPem.Should().Be(cluster.Properties.Pki!.CaCertificatePem);
        using var ca = X509Certificate2.CreateFromPem(caPem);
        using var client = X509Certificate2.CreateFromPem(
            FromBase64(kubeconfig["users[0].user.client-certificate-data"]),
            FromBase64(kubeconfig["users[0].user.client-key-data"]));
        client.HasPrivateKey.Should().BeTrue();
        client.SubjectName.EnumerateRelativeDistinguishedNames().Select(rdn => (rdn.GetSingleElementType().FriendlyName, rdn.GetSingleElementValue()))
            .Should().BeEquivalentTo([("O", "system:masters"), ("CN", "system:admin")]);

        ChainFailures(client, ca).Should().BeEmpty();
    }

    [Fact]
    public async Task RunPhaseAsync_PkiPhaseOnTwoClusters_CertificatesDoNotCrossChain()
    {
        var first = TestClusters.New();
        var second = TestClusters.New();
        await TestClusters.Installer().RunPhaseAsync(InstallerPhases.Pki, first);
        await TestClusters.Installer().RunPhaseAsync(InstallerPhases.Pki, second);

        using var firstAdmin = X509Certificate2.CreateFromPem(first.Properties.Pki!.AdminCertificatePem);
        using var secondCa = X509Certificate2.CreateFromPem(second.Properties.Pki!.CaCertificatePem);

        ChainFailures(firstAdmin, secondCa).Should().NotBeEmpty();
    }

    [Fact]
    public async Task RunPhaseAsync_PkiPhase_CaIsAnAuthorityAndAdminCertificateIsAClient()
    {
        var cluster = TestClusters.New();

        await TestClusters.Installer().RunPhaseAsync(InstallerPhases.Pki, cluster);

        var pki = cluster.Properties.Pki!;
        using var ca = X509Certificate2.CreateFromPem(pki.CaCertificatePem, pki.CaPrivateKeyPem!.Reveal());
        ca.HasPrivateKey.Should().BeTrue();
        ca.SubjectName.RawData.Should().Equal(ca.IssuerName.RawData);
        var caConstraints = ca.Extensions.OfType<X509BasicConstraintsExtension>().Single();
        (caConstraints.CertificateAuthority, caConstraints.Critical).Should().Be((true, true));
        var caUsage = ca.Extensions.OfType<X509KeyUsageExtension>().Single();
        caUsage.KeyUsages.Should().HaveFlag(X509KeyUsageFlags.KeyCertSign).And.HaveFlag(X509KeyUsageFlags.CrlSign);
        caUsage.Critical.Should().BeTrue();
        ca.GetECDsaPublicKey()!.KeySize.Should().Be(256);
        new DateTimeOffset(ca.NotBefore).Should().BeBefore(TestClusters.Start);

        using var admin = X509Certificate2.CreateFromPem(pki.AdminCertificatePem, pki.AdminPrivateKeyPem!.Reveal());
        admin.HasPrivateKey.Should().BeTrue();
        admin.Issuer.Should().Be(ca.Subject);
        admin.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority.Should().BeFalse();
        admin.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<Oid>().Select(oid => oid.Value)
            .Should().Equal(ClientAuthentication);
        admin.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages.Should().Be(X509KeyUsageFlags.DigitalSignature);
        admin.Extensions.OfType<X509AuthorityKeyIdentifierExtension>().Single().KeyIdentifier!.Value.ToArray()
            .Should().Equal(Convert.FromHexString(ca.Extensions.OfType<X509SubjectKeyIdentifierExtension>().Single().SubjectKeyIdentifier!));
        admin.NotAfter.Should().BeOnOrBefore(ca.NotAfter);
    }

    [Fact]
    public async Task RunPhaseAsync_PkiPhaseWithCaButNoAdminCertificate_IssuesAdminFromTheExistingCa()
    {
        var cluster = TestClusters.New();
        var installer = TestClusters.Installer();
        await installer.RunPhaseAsync(InstallerPhases.Pki, cluster);
        var caPem = cluster.Properties.Pki!.CaCertificatePem;
        var firstAdmin = cluster.Properties.Pki.AdminCertificatePem;
        cluster.Properties.Pki.AdminCertificatePem = "";
        cluster.Properties.Pki.AdminPrivateKeyPem = null;

        await installer.RunPhaseAsync(InstallerPhases.Pki, cluster);

        cluster.Properties.Pki.CaCertificatePem.Should().Be(caPem);
        cluster.Properties.Pki.AdminCertificatePem.Should().NotBeEmpty().And.NotBe(firstAdmin);
        using var ca = X509Certificate2.CreateFromPem(caPem);
        using var admin = X509Certificate2.CreateFromPem(cluster.Properties.Pki.AdminCertificatePem);
        ChainFailures(admin, ca).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(CreatePhases))]
    public async Task RunPhaseAsync_CreatePhaseRunAgain_KeepsWhatItProduced(string phase)
    {
        var cluster = await TestClusters.CreatedAsync();
        var before = TestClusters.Snapshot(cluster);

        await TestClusters.Installer().RunPhaseAsync(phase, cluster);

        TestClusters.Snapshot(cluster).Should().Be(before);
    }

    [Fact]
    public async Task RunPhaseAsync_AllCreatePhasesRunAgain_KeepCaPasswordAndKubeconfig()
    {
        var cluster = await TestClusters.CreatedAsync();
        var ca = cluster.Properties.Pki!.CaCertificatePem;
        var caKey = cluster.Properties.Pki.CaPrivateKeyPem!.Reveal();
        var password = cluster.Properties.KubeadminPassword!.Reveal();
        var kubeconfig = cluster.Properties.AdminKubeconfig!.Reveal();

        await TestClusters.RunAllAsync(TestClusters.Installer(), cluster, ProvisioningState.Creating);

        cluster.Properties.Pki.CaCertificatePem.Should().Be(ca);
        cluster.Properties.Pki.CaPrivateKeyPem!.Reveal().Should().Be(caKey);
        cluster.Properties.KubeadminPassword!.Reveal().Should().Be(password);
        cluster.Properties.AdminKubeconfig!.Reveal().Should().Be(kubeconfig);
    }

    [Fact]
    public async Task RunPhaseAsync_CredentialsPhase_PasswordHasOpenShiftShape()
    {
        var cluster = TestClusters.New();

        await TestClusters.Installer().RunPhaseAsync(InstallerPhases.Credentials, cluster);

        var password = cluster.Properties.KubeadminPassword!.Reveal();
        password.Should().HaveLength(23).And.MatchRegex("^[2-9a-km-zA-HJ-NP-Z]{5}(-[2-9a-km-zA-HJ-NP-Z]{5}){3}$");
        password.Should().NotContainAny("0", "1", "l", "I", "O", "o");
    }

    [Fact]
    public async Task RunPhaseAsync_CredentialsPhaseOnManyClusters_PasswordsDiffer()
    {
        var passwords = new HashSet<string>();
        for (var i = 0; i < 20; i++)
        {
            var cluster = TestClusters.New($"cluster{i}");
            await TestClusters.Installer().RunPhaseAsync(InstallerPhases.Credentials, cluster);
            passwords.Add(cluster.Properties.KubeadminPassword!.Reveal());
        }

        passwords.Should().HaveCount(20);
    }

    [Theory]
    [MemberData(nameof(CreatePhases))]
    public async Task RunPhaseAsync_FailAtPhase_ThrowsAtThatPhaseOnlyAndChangesNothing(string failing)
    {
        var installer = TestClusters.Installer(new InstallerOptions { FailAtPhase = failing });
        var cluster = TestClusters.New();

        foreach (var phase in installer.PhasesFor(ProvisioningState.Creating))
        {
            if (phase != failing)
            {
                await installer.RunPhaseAsync(phase, cluster);
                continue;
            }

            var before = TestClusters.Snapshot(cluster);
            var act = () => installer.RunPhaseAsync(phase, cluster);
            var failure = (await act.Should().ThrowAsync<InstallerException>()).Which;
            failure.Code.Should().Be(CloudErrorCodes.DeploymentFailed);
            failure.Message.Should().Contain($"'{failing}'");
            failure.ToCloudErrorBody().Code.Should().Be(CloudErrorCodes.DeploymentFailed);
            TestClusters.Snapshot(cluster).Should().Be(before);

            await TestClusters.Installer().RunPhaseAsync(phase, cluster);
        }

        cluster.Properties.AdminKubeconfig.Should().NotBeNull();
    }

    [Fact]
    public async Task RunPhaseAsync_FailAtPhaseInOtherCase_Throws()
    {
        var act = () => TestClusters.Installer(new InstallerOptions { FailAtPhase = "PKI" }).RunPhaseAsync(InstallerPhases.Pki, TestClusters.New());

        await act.Should().ThrowAsync<InstallerException>();
    }

    [Fact]
    public async Task RunPhaseAsync_HangAtPhase_ReturnsOnlyWhenCanceled()
    {
        var time = new ManualTimeProvider(TestClusters.Start);
        var installer = TestClusters.Installer(new InstallerOptions { HangAtPhase = InstallerPhases.Pki }, time);
        var cluster = TestClusters.New();
        using var cancellation = new CancellationTokenSource();

        installer.RunPhaseAsync(InstallerPhases.Domain, cluster, cancellation.Token).IsCompletedSuccessfully.Should().BeTrue();
        var hanging = installer.RunPhaseAsync(InstallerPhases.Pki, cluster, cancellation.Token);
        time.Advance(TimeSpan.FromDays(365));
        hanging.IsCompleted.Should().BeFalse();

        await cancellation.CancelAsync();

        var act = () => hanging.WaitAsync(TimeSpan.FromSeconds(10));
        await act.Should().ThrowAsync<OperationCanceledException>();
        hanging.IsCanceled.Should().BeTrue();
        cluster.Properties.Pki.Should().BeNull();
    }

    [Fact]
    public async Task RunPhaseAsync_PhaseDuration_WaitsOnTheInjectedTimeProvider()
    {
        var time = new ManualTimeProvider(TestClusters.Start);
        var installer = TestClusters.Installer(new InstallerOptions { PhaseDuration = TimeSpan.FromMinutes(10) }, time);
        var cluster = TestClusters.New();

        var running = installer.RunPhaseAsync(InstallerPhases.Credentials, cluster);
        time.ActiveTimers.Should().Be(1);
        time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromTicks(1));
        running.IsCompleted.Should().BeFalse();
        cluster.Properties.KubeadminPassword.Should().BeNull();

        time.Advance(TimeSpan.FromTicks(1));

        await running.WaitAsync(TimeSpan.FromSeconds(10));
        cluster.Properties.KubeadminPassword.Should().NotBeNull();
    }

    [Fact]
    public async Task RunPhaseAsync_CanceledDuringPhaseDuration_EndsCanceledAndChangesNothing()
    {
        var time = new ManualTimeProvider(TestClusters.Start);
        var installer = TestClusters.Installer(new InstallerOptions { PhaseDuration = TimeSpan.FromMinutes(10) }, time);
        var cluster = TestClusters.New();
        using var cancellation = new CancellationTokenSource();

        var running = installer.RunPhaseAsync(InstallerPhases.Credentials, cluster, cancellation.Token);
        await cancellation.CancelAsync();

        var act = () => running.WaitAsync(TimeSpan.FromSeconds(10));
        await act.Should().ThrowAsync<OperationCanceledException>();
        running.IsCanceled.Should().BeTrue();
        cluster.Properties.KubeadminPassword.Should().BeNull();
        time.ActiveTimers.Should().Be(0);
    }

    [Fact]
    public async Task RunPhaseAsync_AlreadyCanceled_DoesNotRun()
    {
        var cluster = TestClusters.New();

        var act = () => TestClusters.Installer().RunPhaseAsync(InstallerPhases.Credentials, cluster, new CancellationToken(canceled: true));

        await act.Should().ThrowAsync<OperationCanceledException>();
        cluster.Properties.KubeadminPassword.Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(InvalidVnetCidrs))]
    public async Task RunPhaseAsync_UrlsPhaseWithInvalidVnetCidr_ThrowsInvalidParameterAndChangesNothing(string name, string vnetCidr)
    {
        var cluster = TestClusters.New();
        cluster.Properties.ClusterProfile.Domain = "bad";
        cluster.Properties.NetworkProfile.VnetCidr = vnetCidr;
        var before = TestClusters.Snapshot(cluster);

        var act = () => TestClusters.Installer().RunPhaseAsync(InstallerPhases.Urls, cluster);

        (await act.Should().ThrowAsync<InstallerException>(name)).Which.Code.Should().Be(CloudErrorCodes.InvalidParameter);
        TestClusters.Snapshot(cluster).Should().Be(before);
    }

    [Fact]
    public async Task RunPhaseAsync_KubeconfigBeforePki_ThrowsInstallerException()
    {
        var cluster = TestClusters.New();
        cluster.Properties.ApiserverProfile.Url = "https://api.x.eastus.example.openshift.local:6443/";

        var act = () => TestClusters.Installer().RunPhaseAsync(InstallerPhases.Kubeconfig, cluster);

        (await act.Should().ThrowAsync<InstallerException>()).Which.Message.Should().Contain("'pki'");
        cluster.Properties.AdminKubeconfig.Should().BeNull();
    }

    [Fact]
    public async Task RunPhaseAsync_InfrastructurePhase_RecordsTheTemplateHash()
    {
        var cluster = await TestClusters.CreatedAsync();

        var expected = InfrastructureTemplate.Sha256(InfrastructureTemplate.Render(cluster, ClusterLayout.For(cluster)));
        ((string?)cluster.Properties.Install.ExtensionData![InfrastructureTemplate.Sha256Key]).Should().Be(expected).And.MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public async Task RunPhaseAsync_ReconcileAfterScaling_RendersTheNewWorkerCount()
    {
        var cluster = await TestClusters.CreatedAsync();
        var createdHash = (string?)cluster.Properties.Install.ExtensionData![InfrastructureTemplate.Sha256Key];
        cluster.Properties.ProvisioningState = ProvisioningState.Updating;
        cluster.Properties.WorkerProfiles[0].Count = 5;

        await TestClusters.RunAllAsync(TestClusters.Installer(), cluster, ProvisioningState.Updating);

        var hash = (string?)cluster.Properties.Install.ExtensionData[InfrastructureTemplate.Sha256Key];
        hash.Should().NotBe(createdHash);
        var template = InfrastructureTemplate.Render(cluster, ClusterLayout.For(cluster));
        InfrastructureTemplate.Sha256(template).Should().Be(hash);
        JObject.Parse(template)["resources"]!.Single(r => (string?)r["type"] == "Microsoft.Compute/virtualMachineScaleSets")["sku"]!["capacity"]!.Value<int>()
            .Should().Be(5);
    }

    [Fact]
    public async Task RunPhaseAsync_ReconcileAfterMakingTheApiserverPrivate_MovesItsAddressIntoTheMasterSubnet()
    {
        var cluster = await TestClusters.CreatedAsync();
        cluster.Properties.ApiserverProfile.Visibility = "Private";

        await TestClusters.Installer().RunPhaseAsync(InstallerPhases.Reconcile, cluster);

        cluster.Properties.ApiserverProfile.Ip.Should().StartWith("10.0.");
    }

    [Fact]
    public async Task RunPhaseAsync_Deprovision_KeepsTheDocumentAndForgetsTheInfrastructure()
    {
        var cluster = await TestClusters.CreatedAsync();
        cluster.Properties.ProvisioningState = ProvisioningState.Deleting;
        var password = cluster.Properties.KubeadminPassword;
        var pki = cluster.Properties.Pki;

        await TestClusters.RunAllAsync(TestClusters.Installer(), cluster, ProvisioningState.Deleting);
        await TestClusters.RunAllAsync(TestClusters.Installer(), cluster, ProvisioningState.Deleting);

        cluster.Properties.Install.ExtensionData.Should().NotContainKey(InfrastructureTemplate.Sha256Key);
        cluster.Properties.KubeadminPassword.Should().BeSameAs(password);
        cluster.Properties.Pki.Should().BeSameAs(pki);
        cluster.Properties.AdminKubeconfig.Should().NotBeNull();
    }

    /// <summary>Why <paramref name="certificate"/> is not a client certificate issued by <paramref name="ca"/> (nothing when it is).</summary>
    private static IEnumerable<string> ChainFailures(X509Certificate2 certificate, X509Certificate2 ca)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = TestClusters.Start.UtcDateTime.AddDays(1);
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(ClientAuthentication));
        if (!chain.Build(certificate))
        {
            return chain.ChainStatus.Select(status => $"{status.Status}: {status.StatusInformation}").ToList();
        }

        return chain.ChainElements[^1].Certificate.Thumbprint == ca.Thumbprint ? [] : ["the chain ends at another root"];
    }

    private static string FromBase64(string value) => Encoding.UTF8.GetString(Convert.FromBase64String(value));

    private static bool IsPublicTestAddress(string? address) =>
        IPAddress.TryParse(address, out var ip) && Regex.IsMatch(ip.ToString(), @"^198\.1[89]\.\d+\.\d+$");
}
