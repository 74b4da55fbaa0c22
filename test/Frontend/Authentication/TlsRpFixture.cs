using System.Security.Cryptography.X509Certificates;
using Xunit;

namespace Rp.Frontend.Tests.Authentication;

/// <summary>One production frontend on Kestrel and the fake ARM metadata endpoint it trusts, publishing <see cref="Arm"/>.</summary>
public sealed class TlsRpFixture : IAsyncLifetime
{
    public X509Certificate2 Arm { get; } = Harness.TestCertificates.SelfSigned("arm.test");

    public FakeArmMetadata Metadata { get; private set; } = null!;

    public TlsRpFactory Rp { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Metadata = await FakeArmMetadata.StartAsync(Arm);
        Rp = new TlsRpFactory(Metadata.Url, maxMetadataAge: TimeSpan.FromHours(24));
        await Rp.WaitUntilReadyAsync();
    }

    public async Task DisposeAsync()
    {
        await Rp.DisposeAsync();
        await Metadata.DisposeAsync();
        Arm.Dispose();
    }
}
