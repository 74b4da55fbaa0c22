using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using FluentAssertions;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Versions.V20200430;

/// <summary>The admin kubeconfig handed out by <c>listAdminCredentials</c> really lets an admin into the cluster the RP describes.</summary>
public sealed partial class AdminKubeconfigTests(CompletingPipelineFactory factory) : IClassFixture<CompletingPipelineFactory>, IDisposable
{
    private readonly ArmClient arm = factory.CreateArmClient();

    [Fact]
    public async Task ListAdminCredentials_AfterCreate_KubeconfigChainsToClusterCaAndTargetsTheApiServer()
    {
        var version = V20200430Version.Instance;
        var cluster = ClusterRef.New();
        (await arm.PutAsync(cluster.Url(version.Name), version.CreateBody())).ShouldHaveStatus(HttpStatusCode.Created);
        var get = await Eventually.UntilAsync(
            () => arm.GetAsync(cluster.Url(version.Name)),
            r => r.ProvisioningState() == "Succeeded",
            "the create to succeed");

        var response = await arm.PostAsync(cluster.Url(version.Name, "/listAdminCredentials"));
        response.ShouldHaveStatus(HttpStatusCode.OK);
        var kubeconfig = Encoding.UTF8.GetString(Convert.FromBase64String((string)response.Body["kubeconfig"]!));

        Field(kubeconfig, "server").Should().Be((string?)get.Body.SelectToken("properties.apiserverProfile.url"));
        using var ca = X509Certificate2.CreateFromPem(Encoding.UTF8.GetString(Convert.FromBase64String(Field(kubeconfig, "certificate-authority-data"))));
        using var client = X509Certificate2.CreateFromPem(
            Encoding.UTF8.GetString(Convert.FromBase64String(Field(kubeconfig, "client-certificate-data"))),
            Encoding.UTF8.GetString(Convert.FromBase64String(Field(kubeconfig, "client-key-data"))));
        client.HasPrivateKey.Should().BeTrue();
        client.Subject.Should().Contain("CN=system:admin").And.Contain("O=system:masters");

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.Build(client).Should().BeTrue(string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
        chain.ChainElements[^1].Certificate.Thumbprint.Should().Be(ca.Thumbprint);

        // Another cluster's CA must not verify it.
        var other = ClusterRef.New();
        (await arm.PutAsync(other.Url(version.Name), version.CreateBody())).ShouldHaveStatus(HttpStatusCode.Created);
        await Eventually.UntilAsync(() => arm.GetAsync(other.Url(version.Name)), r => r.ProvisioningState() == "Succeeded", "the second create to succeed");
        var otherConfig = Encoding.UTF8.GetString(Convert.FromBase64String((string)(await arm.PostAsync(other.Url(version.Name, "/listAdminCredentials"))).Body["kubeconfig"]!));
        using var otherCa = X509Certificate2.CreateFromPem(Encoding.UTF8.GetString(Convert.FromBase64String(Field(otherConfig, "certificate-authority-data"))));
        using var wrongChain = new X509Chain();
        wrongChain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        wrongChain.ChainPolicy.CustomTrustStore.Add(otherCa);
        wrongChain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        wrongChain.Build(client).Should().BeFalse();
    }

    public void Dispose() => arm.Dispose();

    private static string Field(string kubeconfig, string name)
    {
        var match = FieldPattern().Matches(kubeconfig).FirstOrDefault(m => m.Groups["name"].Value == name);
        match.Should().NotBeNull($"the kubeconfig has a '{name}' field");
        return match!.Groups["value"].Value.Trim().Trim('"', '\'');
    }

    [GeneratedRegex(@"^\s*(?<name>[a-z-]+):\s*(?<value>\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex FieldPattern();
}
