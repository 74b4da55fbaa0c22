namespace Rp.Api;

/// <summary>
/// A value that must never leave the process in clear text except through an explicit
/// credentials action. It has no public properties, so a serializer without the database's
/// encrypting converter writes it as an empty object, and ToString never shows it.
/// A secret read from the database stays sealed until something reveals it, so reads that do not
/// need it (every GET and list) pay no decryption, and writing it back reuses the sealed form.
/// </summary>
public sealed class Secret : IEquatable<Secret>
{
    private readonly Lock gate = new();
    private readonly string? sealedValue;
    private Func<string, string>? unseal;
    private string? value;

    public Secret(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        this.value = value;
    }

    private Secret(string sealedValue, Func<string, string> unseal)
    {
        this.sealedValue = sealedValue;
        this.unseal = unseal;
    }

    /// <summary>A secret as stored: <paramref name="unseal"/> turns it into clear text on first use.</summary>
    public static Secret FromSealed(string sealedValue, Func<string, string> unseal)
    {
        ArgumentNullException.ThrowIfNull(sealedValue);
        ArgumentNullException.ThrowIfNull(unseal);
        return new Secret(sealedValue, unseal);
    }

    /// <summary>The stored form this secret was read from, if it was read from storage.</summary>
    public string? SealedValue => sealedValue;

    public string Reveal()
    {
        lock (gate)
        {
            if (value is null)
            {
                value = unseal!(sealedValue!);
                unseal = null;
            }

            return value;
        }
    }

    public bool Equals(Secret? other) =>
        other is not null && (ReferenceEquals(this, other) || (sealedValue is not null && sealedValue == other.sealedValue) || string.Equals(Reveal(), other.Reveal(), StringComparison.Ordinal));

    public override bool Equals(object? obj) => obj is Secret other && Equals(other);

    public override int GetHashCode() => Reveal().GetHashCode(StringComparison.Ordinal);

    public override string ToString() => "[secret]";
}
