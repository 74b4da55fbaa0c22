namespace Rp.Database.Serialization;

/// <summary>
/// Keys for secrets at rest (section <c>Encryption</c>). <see cref="Keys"/>: base64 256-bit keys;
/// the first encrypts, any decrypts, so keys rotate by prepending a new one. Without keys, a key
/// is read from (or created at) <see cref="KeyFile"/>, which only development mode sets.
/// </summary>
public sealed class EncryptionOptions
{
    public const string SectionName = "Encryption";

    public List<string> Keys { get; set; } = [];

    public string? KeyFile { get; set; }
}
