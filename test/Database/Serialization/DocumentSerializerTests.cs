using System.Security.Cryptography;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using Rp.Api;
using Rp.Database.Documents;
using Rp.Database.Serialization;
using Xunit;

namespace Rp.Database.Tests.Serialization;

public sealed class DocumentSerializerTests
{
    private static readonly byte[] OldKey = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] NewKey = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void Deserialize_DocumentWithSecrets_DecryptsNothingUntilRevealed()
    {
        using var aead = new AesGcmSecretProtector([OldKey]);
        var counting = new CountingProtector(aead);
        var serializer = new DocumentSerializer(counting);
        var json = serializer.Serialize(WithSecrets("pull-secret", "password"));

        var read = serializer.Deserialize<OpenShiftClusterDocument>(json);
        counting.Unprotects.Should().Be(0);

        read.OpenShiftCluster.Properties.KubeadminPassword!.Reveal().Should().Be("password");
        counting.Unprotects.Should().Be(1);
    }

    [Fact]
    public void Serialize_SecretReadWithPrimaryKey_WritesTheSameSealedValue()
    {
        using var aead = new AesGcmSecretProtector([OldKey]);
        var serializer = new DocumentSerializer(aead);
        var first = serializer.Serialize(WithSecrets("pull-secret", "password"));

        var second = serializer.Serialize(serializer.Deserialize<OpenShiftClusterDocument>(first));

        Sealed(second).Should().Be(Sealed(first));
    }

    [Fact]
    public void Serialize_SecretSealedWithRetiringKey_IsReencryptedWithThePrimaryKey()
    {
        using var old = new AesGcmSecretProtector([OldKey]);
        var written = new DocumentSerializer(old).Serialize(WithSecrets("pull-secret", "password"));

        using var rotated = new AesGcmSecretProtector([NewKey, OldKey]);
        var rewritten = new DocumentSerializer(rotated).Serialize(new DocumentSerializer(rotated).Deserialize<OpenShiftClusterDocument>(written));

        Sealed(rewritten).Should().NotBe(Sealed(written));
        using var onlyNew = new AesGcmSecretProtector([NewKey]);
        new DocumentSerializer(onlyNew).Deserialize<OpenShiftClusterDocument>(rewritten)
            .OpenShiftCluster.Properties.ClusterProfile.PullSecret!.Reveal().Should().Be("pull-secret");
    }

    [Fact]
    public void Serialize_Secrets_NoPlaintextInTheJson()
    {
        using var aead = new AesGcmSecretProtector([OldKey]);
        var json = new DocumentSerializer(aead).Serialize(WithSecrets("pull-secret-plaintext", "password-plaintext"));

        json.Should().NotContain("pull-secret-plaintext").And.NotContain("password-plaintext");
    }

    private static string Sealed(string json) => (string)JObject.Parse(json).SelectToken("openShiftCluster.properties.clusterProfile.pullSecret")!;

    private static OpenShiftClusterDocument WithSecrets(string pullSecret, string password) => new()
    {
        Id = "id",
        PartitionKey = "pk",
        Key = "/subscriptions/pk/resourcegroups/rg/providers/redhat.openshift/openshiftclusters/c",
        OpenShiftCluster = new OpenShiftCluster
        {
            Properties = new OpenShiftClusterProperties
            {
                ClusterProfile = new ClusterProfile { PullSecret = new Secret(pullSecret) },
                KubeadminPassword = new Secret(password),
            },
        },
    };

    private sealed class CountingProtector(ISecretProtector inner) : ISecretProtector
    {
        public int Unprotects { get; private set; }

        public string Protect(string plaintext) => inner.Protect(plaintext);

        public string Unprotect(string protectedValue)
        {
            Unprotects++;
            return inner.Unprotect(protectedValue);
        }

        public bool IsProtectedWithPrimaryKey(string protectedValue) => inner.IsProtectedWithPrimaryKey(protectedValue);
    }
}
