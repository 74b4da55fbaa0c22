using System.Text;
using FluentAssertions;
using Rp.Api;
using Rp.Database.Tests.Conformance;
using Xunit;

namespace Rp.Database.Tests.Sqlite;

public sealed class SqliteSecretsAtRestTests : IAsyncLifetime
{
    private readonly SqliteDatabaseUnderTest database = SqliteDatabaseUnderTest.CreateTemporary();

    public static TheoryData<string, Action<OpenShiftClusterProperties, Secret>> Secrets => new()
    {
        { "pull secret", (p, s) => p.ClusterProfile.PullSecret = s },
        { "client secret", (p, s) => p.ServicePrincipalProfile.ClientSecret = s },
        { "kubeadmin password", (p, s) => p.KubeadminPassword = s },
        { "admin kubeconfig", (p, s) => p.AdminKubeconfig = s },
        { "CA private key", (p, s) => p.Pki = new ClusterPki { CaPrivateKeyPem = s } },
    };

    [Theory]
    [MemberData(nameof(Secrets))]
    public async Task CreateAsync_DocumentWithSecret_FileHoldsNoPlaintext(string name, Action<OpenShiftClusterProperties, Secret> set)
    {
        var plaintext = "plaintext-" + Guid.NewGuid().ToString("N");
        var doc = TestDocuments.Cluster(TestDocuments.NewSubscriptionId());
        set(doc.OpenShiftCluster.Properties, new Secret(plaintext));

        await database.OpenShiftClusters.CreateAsync(doc);
        var read = await database.OpenShiftClusters.GetAsync(doc.Key);
        var files = ReadDatabaseFiles();

        // The key proves that the bytes searched are the ones the document went to.
        files.Should().Contain(doc.Key, name);
        files.Should().NotContain(plaintext, name);
        read!.OpenShiftCluster.Properties.Should().BeEquivalentTo(doc.OpenShiftCluster.Properties, name);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => database.DisposeAsync().AsTask();

    // The committed pages may still sit in the write-ahead log, so both files are read.
    private string ReadDatabaseFiles()
    {
        var text = new StringBuilder();
        foreach (var path in new[] { database.DatabasePath, database.DatabasePath + "-wal" }.Where(File.Exists))
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            text.Append(Encoding.Latin1.GetString(memory.ToArray()));
        }

        return text.ToString();
    }
}
