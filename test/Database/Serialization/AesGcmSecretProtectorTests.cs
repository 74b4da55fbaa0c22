using System.Collections.Concurrent;
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
    public void Constructor_ProcessesStartingTogetherOnNewKeyFile_AllUseOneWholeKey()
    {
        using var directory = new TempDirectory();
        var failures = new ConcurrentBag<string>();
        for (var round = 0; round < 200; round++)
        {
            var options = Options.Create(new EncryptionOptions { KeyFile = Path.Combine(directory.Path, $"round-{round}", "encryption.key") });
            var protectors = new AesGcmSecretProtector?[8];
            using var start = new Barrier(protectors.Length);

            // Threads, not tasks, so that the constructors run at the same moment.
            var threads = Enumerable.Range(0, protectors.Length).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                try
                {
                    protectors[i] = new AesGcmSecretProtector(options);
                }
                catch (Exception e) when (e is IOException or FormatException or InvalidOperationException)
                {
                    failures.Add($"round {round}: {e.Message}");
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());

            failures.Should().BeEmpty();
            var written = protectors[0]!.Protect("secret");
            protectors.Should().AllSatisfy(p => p!.Unprotect(written).Should().Be("secret"), $"every protector of round {round} has the one key");
            Directory.GetFiles(Path.GetDirectoryName(options.Value.KeyFile!)!).Should().NotContain(f => f.EndsWith(".tmp", StringComparison.Ordinal), "no half-made key is left behind");
            foreach (var protector in protectors)
            {
                protector!.Dispose();
            }
        }
    }
}
