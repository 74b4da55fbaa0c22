namespace Rp.Api.Validation;

/// <summary>
/// The cluster's address ranges. The pod range is cut into one /23 per node and the service range
/// needs room for the cluster's services, hence their tighter bounds; no range may touch addresses
/// the platform reserves, and no two ranges of one cluster may overlap.
/// </summary>
internal static class CidrRules
{
    public const int NodePrefixLength = 23;

    public static readonly (int Min, int Max) VnetPrefix = (8, 27);
    public static readonly (int Min, int Max) PodPrefix = (8, 18);
    public static readonly (int Min, int Max) ServicePrefix = (8, 22);

    private static readonly (Ipv4Cidr Range, string Why)[] Reserved =
    [
        (Parse("0.0.0.0/8"), "the 'this network' range"),
        (Parse("127.0.0.0/8"), "the loopback range"),
        (Parse("169.254.0.0/16"), "the link-local range"),
        (Parse("168.63.129.16/32"), "Azure's platform address"),
        (Parse("224.0.0.0/3"), "the multicast and reserved ranges"),
    ];

    /// <summary>Null when <paramref name="value"/> is null; throws when it is not a usable range.</summary>
    public static Ipv4Cidr? Validate(string? value, string target, (int Min, int Max) prefix)
    {
        if (value is null)
        {
            return null;
        }

        if (!Ipv4Cidr.TryParse(value, out var cidr))
        {
            throw ValidationErrors.Invalid(target, $"The provided CIDR '{value}' at '{target}' is invalid: expected an IPv4 network such as 10.0.0.0/16, without host bits set.");
        }

        if (cidr.PrefixLength < prefix.Min || cidr.PrefixLength > prefix.Max)
        {
            throw ValidationErrors.Invalid(target, $"The provided CIDR '{value}' at '{target}' is invalid: its prefix length must be between /{prefix.Min} and /{prefix.Max}.");
        }

        foreach (var (range, why) in Reserved)
        {
            if (cidr.Overlaps(range))
            {
                throw ValidationErrors.Invalid(target, $"The provided CIDR '{value}' at '{target}' is invalid: it overlaps {why} {range}.");
            }
        }

        return cidr;
    }

    /// <summary>Throws at the later of the first two ranges found overlapping.</summary>
    public static void Disjoint(params ReadOnlySpan<(Ipv4Cidr? Cidr, string Target)> ranges)
    {
        for (var i = 0; i < ranges.Length; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (ranges[i].Cidr is { } a && ranges[j].Cidr is { } b && a.Overlaps(b))
                {
                    throw ValidationErrors.Invalid(ranges[i].Target, $"The provided CIDR '{a}' at '{ranges[i].Target}' overlaps '{b}' at '{ranges[j].Target}'.");
                }
            }
        }
    }

    /// <summary>Throws when the pod range has fewer /23 node ranges than the cluster has nodes.</summary>
    public static void RoomForNodes(Ipv4Cidr? pod, long nodes, string target)
    {
        if (pod is { } p && p.PrefixLength <= NodePrefixLength && nodes > 1L << (NodePrefixLength - p.PrefixLength))
        {
            throw ValidationErrors.Invalid(target, $"The cluster would have {nodes} nodes, more than the pod CIDR '{p}' has room for ({1L << (NodePrefixLength - p.PrefixLength)}, one /{NodePrefixLength} each).");
        }
    }

    private static Ipv4Cidr Parse(string value) =>
        Ipv4Cidr.TryParse(value, out var cidr) ? cidr : throw new ArgumentException($"'{value}' is not a CIDR.", nameof(value));
}
