using System.Security.Cryptography;
using FluentAssertions;
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
}
