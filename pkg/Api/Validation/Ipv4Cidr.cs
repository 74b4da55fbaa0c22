using System.Globalization;

namespace Rp.Api.Validation;

/// <summary>An IPv4 network in CIDR notation, parsed strictly: dotted quad without leading zeros, no host bits set.</summary>
internal readonly record struct Ipv4Cidr(uint Network, int PrefixLength)
{
    public uint Mask => PrefixLength == 0 ? 0 : uint.MaxValue << (32 - PrefixLength);

    public uint Last => Network | ~Mask;

    public static bool TryParse(string value, out Ipv4Cidr cidr)
    {
        cidr = default;
        var slash = value.Split('/');
        if (slash.Length != 2 || !TryParseNumber(slash[1], 32, out var prefix))
        {
            return false;
        }

        var octets = slash[0].Split('.');
        if (octets.Length != 4)
        {
            return false;
        }

        uint address = 0;
        foreach (var octet in octets)
        {
            if (!TryParseNumber(octet, 255, out var b))
            {
                return false;
            }

            address = (address << 8) | (uint)b;
        }

        var candidate = new Ipv4Cidr(address, prefix);
        if ((address & ~candidate.Mask) != 0)
        {
            return false;
        }

        cidr = candidate;
        return true;
    }

    public bool Overlaps(Ipv4Cidr other) => Network <= other.Last && other.Network <= Last;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Network >> 24}.{(Network >> 16) & 255}.{(Network >> 8) & 255}.{Network & 255}/{PrefixLength}");

    private static bool TryParseNumber(string s, int max, out int value)
    {
        value = 0;
        if (s.Length is 0 or > 3 || (s.Length > 1 && s[0] == '0') || !s.All(char.IsAsciiDigit))
        {
            return false;
        }

        value = int.Parse(s, CultureInfo.InvariantCulture);
        return value <= max;
    }
}
