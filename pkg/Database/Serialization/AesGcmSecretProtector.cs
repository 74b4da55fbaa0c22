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
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.KeyFile))!);
            var key = RandomNumberGenerator.GetBytes(32);
            try
            {
                using var stream = new FileStream(options.KeyFile, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(options.KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }

                stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(key)));
            }
            catch (IOException) when (File.Exists(options.KeyFile))
            {
                // Another process of this data directory created it first: use theirs.
            }
        }

        return [ReadKeyFile(options.KeyFile)];
    }

    /// <summary>
    /// The file's key. A process starting on the same data directory at the same moment as the one
    /// that creates the file can open it between its creation and the write of its key, so an empty
    /// file is read again for a moment before it counts as damaged.
    /// </summary>
    private static byte[] ReadKeyFile(string path)
    {
        const int attempts = 200;
        var key = new byte[32];
        for (var attempt = 1; ; attempt++)
        {
            var text = TryReadAllText(path, attempt < attempts);
            if (Convert.TryFromBase64String(text, key, out var length) && length == key.Length)
            {
                return key;
            }

            if (text.Length > 0 || attempt == attempts)
            {
                throw new InvalidOperationException($"The encryption key file '{path}' does not hold a base64 256-bit key.");
            }

            Thread.Sleep(10);
        }
    }

    private static string TryReadAllText(string path, bool mayRetry)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (IOException) when (mayRetry && File.Exists(path))
        {
            // Still held by the process writing it.
            return "";
        }
    }
}
