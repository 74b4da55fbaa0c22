using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Rp.Database.Serialization;

/// <summary>
/// AES-256-GCM. A protected value is <c>v1:</c> + base64(keyId[4] | nonce[12] | tag[16] | ciphertext),
/// where keyId is the start of the key's SHA-256, so any configured key can decrypt what it wrote.
/// </summary>
public sealed class AesGcmSecretProtector : ISecretProtector, IDisposable
{
    private const string Prefix = "v1:";
    private const int KeyIdSize = 4;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly (byte[] Id, AesGcm Aead)[] keys;

    public AesGcmSecretProtector(IOptions<EncryptionOptions> options)
        : this(LoadKeys(options.Value))
    {
    }

    public AesGcmSecretProtector(IReadOnlyList<byte[]> keys)
    {
        if (keys.Count == 0)
        {
            throw new InvalidOperationException("No encryption key is configured (Encryption:Keys).");
        }

        this.keys = keys.Select(k =>
        {
            if (k.Length != 32)
            {
                throw new InvalidOperationException("Encryption keys must be 256 bits (32 bytes, base64).");
            }

            return (SHA256.HashData(k)[..KeyIdSize], new AesGcm(k, TagSize));
        }).ToArray();
    }

    public string Protect(string plaintext)
    {
        var (id, aead) = keys[0];
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var buffer = new byte[KeyIdSize + NonceSize + TagSize + plain.Length];
        id.CopyTo(buffer, 0);
        var nonce = buffer.AsSpan(KeyIdSize, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        // An AesGcm instance keeps one native cipher context: concurrent calls corrupt each other
        // (wrong tags, undecryptable ciphertext), so each key's instance is used by one thread at a time.
        lock (aead)
        {
            aead.Encrypt(nonce, plain, buffer.AsSpan(KeyIdSize + NonceSize + TagSize), buffer.AsSpan(KeyIdSize + NonceSize, TagSize), id);
        }

        return Prefix + Convert.ToBase64String(buffer);
    }

    public string Unprotect(string protectedValue)
    {
        if (!protectedValue.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new CryptographicException("Unknown secret format.");
        }

        var buffer = Convert.FromBase64String(protectedValue[Prefix.Length..]);
        if (buffer.Length < KeyIdSize + NonceSize + TagSize)
        {
            throw new CryptographicException("Truncated secret.");
        }

        var id = buffer.AsSpan(0, KeyIdSize);
        foreach (var (keyId, aead) in keys)
        {
            if (!id.SequenceEqual(keyId))
            {
                continue;
            }

            var plain = new byte[buffer.Length - KeyIdSize - NonceSize - TagSize];
            lock (aead)
            {
                aead.Decrypt(buffer.AsSpan(KeyIdSize, NonceSize), buffer.AsSpan(KeyIdSize + NonceSize + TagSize), buffer.AsSpan(KeyIdSize + NonceSize, TagSize), plain, keyId);
            }

            return Encoding.UTF8.GetString(plain);
        }

        throw new CryptographicException("The secret was encrypted with a key that is not configured.");
    }

    public bool IsProtectedWithPrimaryKey(string protectedValue)
    {
        // The key id is the first 4 bytes: the first 8 base64 characters after the prefix hold them.
        if (!protectedValue.StartsWith(Prefix, StringComparison.Ordinal) || protectedValue.Length < Prefix.Length + 8)
        {
            return false;
        }

        Span<byte> head = stackalloc byte[6];
        return Convert.TryFromBase64Chars(protectedValue.AsSpan(Prefix.Length, 8), head, out var written)
            && written >= KeyIdSize
            && head[..KeyIdSize].SequenceEqual(keys[0].Id);
    }

    public void Dispose()
    {
        foreach (var (_, aead) in keys)
        {
            aead.Dispose();
        }
    }

    private static List<byte[]> LoadKeys(EncryptionOptions options)
    {
        var keys = options.Keys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(Convert.FromBase64String).ToList();
        if (keys.Count > 0 || options.KeyFile is null)
        {
            return keys;
        }

        if (!File.Exists(options.KeyFile))
        {
            CreateKeyFile(options.KeyFile);
        }

        return [Convert.FromBase64String(File.ReadAllText(options.KeyFile).Trim())];
    }

    /// <summary>
    /// Creates the key file once, whichever of the processes starting on a new data directory gets
    /// there first: they take turns on a lock file, and the key is written under a name of its own
    /// and renamed into place, so no process reads an empty or half-written key or makes another.
    /// </summary>
    private static void CreateKeyFile(string keyFile)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(keyFile))!;
        Directory.CreateDirectory(directory);
        using var turn = LockExclusively(keyFile + ".lock");
        if (File.Exists(keyFile))
        {
            return;
        }

        var temporary = Path.Combine(directory, $".{Path.GetFileName(keyFile)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }

                stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
            }

            File.Move(temporary, keyFile);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Opens <paramref name="path"/> for this process alone, waiting while another holds it; the lock ends with the handle, even if the process dies.</summary>
    private static FileStream LockExclusively(string path)
    {
        const int attempts = 30_000;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < attempts)
            {
                // Held by a process creating the key right now: it takes milliseconds.
                Thread.Sleep(1);
            }
        }
    }
}
