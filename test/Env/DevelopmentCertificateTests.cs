using System.Net;
using System.Security.Cryptography.X509Certificates;
using FluentAssertions;
using Xunit;

namespace Rp.Env.Tests;

public sealed class DevelopmentCertificateTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void LoadOrCreate_Missing_CreatesServerCertificateForLoopback()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "nested", DevelopmentCertificate.FileName);

        using var certificate = DevelopmentCertificate.LoadOrCreate(path, new FixedTimeProvider(Start));

        certificate.HasPrivateKey.Should().BeTrue();
        certificate.Subject.Should().Be("CN=localhost");
        certificate.NotAfter.ToUniversalTime().Should().Be((Start + DevelopmentCertificate.Lifetime).UtcDateTime);
        certificate.NotBefore.ToUniversalTime().Should().BeBefore(Start.UtcDateTime);
        var names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        names.EnumerateDnsNames().Should().Equal("localhost");
        names.EnumerateIPAddresses().Should().BeEquivalentTo([IPAddress.Loopback, IPAddress.IPv6Loopback]);
        certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>()
            .Select(o => o.Value).Should().Equal("1.3.6.1.5.5.7.3.1");
        certificate.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority.Should().BeFalse();
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite, "the file holds the private key");
        }

        Directory.GetFiles(Path.GetDirectoryName(path)!).Should().Equal(path);
    }

    public static TheoryData<string, TimeSpan, bool> Restarts => new()
    {
        { "at once", TimeSpan.Zero, true },
        { "half-way through its life", TimeSpan.FromDays(180), true },
        { "just outside the renewal window", DevelopmentCertificate.Lifetime - DevelopmentCertificate.RenewBefore - TimeSpan.FromMinutes(1), true },
        { "inside the renewal window", DevelopmentCertificate.Lifetime - DevelopmentCertificate.RenewBefore + TimeSpan.FromMinutes(1), false },
        { "expired", DevelopmentCertificate.Lifetime + TimeSpan.FromDays(1), false },
    };

    [Theory]
    [MemberData(nameof(Restarts))]
    public void LoadOrCreate_Existing_ReusesUnlessAboutToExpire(string name, TimeSpan later, bool reused)
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, DevelopmentCertificate.FileName);
        var clock = new FixedTimeProvider(Start);
        using var first = DevelopmentCertificate.LoadOrCreate(path, clock);

        clock.Now = Start + later;
        using var second = DevelopmentCertificate.LoadOrCreate(path, clock);

        (second.Thumbprint == first.Thumbprint).Should().Be(reused, name);
        second.NotAfter.ToUniversalTime().Should().BeAfter((clock.Now + DevelopmentCertificate.RenewBefore).UtcDateTime, name);
        using var stored = DevelopmentCertificate.Load(path);
        stored.Thumbprint.Should().Be(second.Thumbprint, name);
    }

    [Fact]
    public async Task LoadOrCreate_ManyProcessesAtOnce_AllServeTheStoredCertificate()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, DevelopmentCertificate.FileName);
        var clock = new FixedTimeProvider(Start);

        var certificates = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => DevelopmentCertificate.LoadOrCreate(path, clock))));

        using var stored = DevelopmentCertificate.Load(path);
        certificates.Select(c => c.Thumbprint).Should().AllBe(stored.Thumbprint);
        Directory.GetFiles(dir.Path).Should().Equal(path);
        foreach (var certificate in certificates)
        {
            certificate.Dispose();
        }
    }
}
