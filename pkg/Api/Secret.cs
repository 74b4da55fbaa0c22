namespace Rp.Api;

/// <summary>
/// A value that must never leave the process in clear text except through an explicit
/// credentials action. It has no public properties, so a serializer without the database's
/// encrypting converter writes it as an empty object, and ToString never shows it.
/// </summary>
public sealed class Secret : IEquatable<Secret>
{
    private readonly string value;

    public Secret(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        this.value = value;
    }

    public string Reveal() => value;

    public bool Equals(Secret? other) => other is not null && string.Equals(value, other.value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is Secret other && Equals(other);

    public override int GetHashCode() => value.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => "[secret]";
}
