using FluentAssertions;
using Rp.Backend.Installer;
using Xunit;

namespace Rp.Backend.Tests.Installer;

public sealed class KubeconfigTests
{
    public static TheoryData<string, string> ClusterNames => new()
    {
        { "plain", "cluster1" },
        { "boolean word", "true" },
        { "YAML 1.1 boolean", "Yes" },
        { "null word", "null" },
        { "number", "12345" },
        { "leading hyphen", "-x" },
        { "colon and space", "a: b" },
        { "trailing colon", "name:" },
        { "comment marker", "a #b" },
        { "quote and backslash", "x\"y\\z" },
        { "control character", "tab\there" },
    };

    [Theory]
    [MemberData(nameof(ClusterNames))]
    public void Render_ClusterName_ReadsBackAsTheSameString(string name, string clusterName)
    {
        var yaml = Kubeconfig.Render(clusterName, "https://api.x.eastus.example.openshift.local:6443/", "ca", "cert", "key");

        var kubeconfig = KubeconfigReader.Read(yaml);

        kubeconfig["clusters[0].name"].Should().Be(clusterName, name);
        kubeconfig["contexts[0].context.cluster"].Should().Be(clusterName, name);
        kubeconfig["clusters[0].cluster.server"].Should().Be("https://api.x.eastus.example.openshift.local:6443/", name);
    }
}
