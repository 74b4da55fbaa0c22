using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Rp.Backend.Installer;

/// <summary>An IPv4 network in CIDR notation, normalised to its network address.</summary>
internal readonly record struct Ipv4Cidr(uint Network, int PrefixLength)
{
    public ulong Size => 1UL << (32 - PrefixLength);

    public static bool TryParse(string? text, out Ipv4Cidr cidr)
    {
        cidr = default;
        var slash = text?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (slash < 0
            || !IPAddress.TryParse(text.AsSpan(0, slash), out var address)
            || address.AddressFamily != AddressFamily.InterNetwork
            || !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var prefix)
            || prefix > 32)
        {
            return false;
        }

        var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
        cidr = new Ipv4Cidr(BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes()) & mask, prefix);
        return true;
    }

    /// <summary>The two halves of this network.</summary>
    public (Ipv4Cidr Lower, Ipv4Cidr Upper) Halve() =>
        (new Ipv4Cidr(Network, PrefixLength + 1), new Ipv4Cidr(Network + (uint)(Size / 2), PrefixLength + 1));

    /// <summary>
    /// A host address chosen by <paramref name="seed"/> among those Azure lets a VM or frontend use:
    /// a subnet's first four addresses and its last one are reserved.
    /// </summary>
    public string AzureHostAddress(uint seed)
    {
        const uint reservedAtStart = 4;
        const uint reservedAtEnd = 1;
        var usable = Size - reservedAtStart - reservedAtEnd;
        return Format(Network + reservedAtStart + (uint)(seed % usable));
    }

    /// <summary>A host address chosen by <paramref name="seed"/>, never the network or broadcast address.</summary>
    public string HostAddress(uint seed) => Format(Network + 1 + (uint)(seed % (Size - 2)));

    public bool Contains(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetwork
        && (BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes()) - Network) < Size;

    public override string ToString() => $"{Format(Network)}/{PrefixLength.ToString(CultureInfo.InvariantCulture)}";

    private static string Format(uint address)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, address);
        return new IPAddress(bytes).ToString();
    }
}
