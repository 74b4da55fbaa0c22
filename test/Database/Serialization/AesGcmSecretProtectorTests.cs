using System.Security.Cryptography;
using FluentAssertions;
using Microsoft.Extensions.Options;
using Rp.Database.Serialization;
using Xunit;

namespace Rp.Database.Tests.Serialization;

public sealed class AesGcmSecretProtectorTests
{
    [Fact]
    public void ProtectAndUnprotect_ManyThreadsAtOnce_EveryValueRoundTrips()
    {
        using var protector = new AesGcmSecretProtector([RandomNumberGenerator.GetBytes(32)]);
        var failures = 0;

        // Dedicated threads, more than there are cores, so that calls interleave mid-operation.
        var threads = Enumerable.Range(0, 16).Select(t => new Thread(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                var plaintext = $"secret-{t}-{i}";
                try
                {
                    if (protector.Unprotect(protector.Protect(plaintext)) != plaintext)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
                catch (CryptographicException)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        failures.Should().Be(0);
    }

    [Fact]
    public void Constructor_ManyProcessesCreateTheKeyFileAtOnce_AllUseOneKey()
    {
        using var dir = new TempDirectory();
        for (var round = 0; round < 20; round++)
        {
            var keyFile = Path.Combine(dir.Path, $"encryption-{round}.key");
            var protectors = new AesGcmSecretProtector?[8];
            var errors = new Exception?[protectors.Length];
            using var start = new Barrier(protectors.Length);

            // Threads stand in for processes: each loads the key file as a process starting on the same data directory does.
            var threads = Enumerable.Range(0, protectors.Length).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                try
                {
                    protectors[i] = new AesGcmSecretProtector(Options.Create(new EncryptionOptions { KeyFile = keyFile }));
                }
                catch (Exception e) when (e is FormatException or ArgumentException or CryptographicException or IOException)
                {
                    errors[i] = e;
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());

            errors.Should().AllSatisfy(e => e.Should().BeNull());
            var sealedValue = protectors[0]!.Protect("secret");
            protectors.Should().AllSatisfy(p => p!.Unprotect(sealedValue).Should().Be("secret"));
            foreach (var protector in protectors)
            {
                protector!.Dispose();
            }
        }

        Directory.GetFiles(dir.Path).Should().HaveCount(20, "only the key files remain, no half-written or temporary ones");
    }
}
