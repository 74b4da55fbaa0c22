using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Rp.Api;

namespace Rp.Backend.Installer;

/// <summary>
/// Where a cluster's infrastructure lives: resource names, the vnet split into the master and
/// worker subnets, and the addresses of the apiserver and ingress frontends. Everything is derived
/// from the cluster document alone, so every phase that re-derives it gets the same answer.
/// </summary>
internal sealed class ClusterLayout
{
    public const string Public = "Public";
    public const string Private = "Private";
    public const string DefaultVnetCidr = "10.0.0.0/22";
    public const string DefaultIngressName = "default";

    // Azure's smallest usable subnet is a /29, and the vnet is split into two subnets.
    private const int MaxVnetPrefixLength = 28;
    private const int MinVnetPrefixLength = 8;
    private const int MaxInfraNameLength = 21;

    // Without a cloud to allocate public addresses from, take them from the benchmarking range
    // (RFC 2544), which no real endpoint uses.
    private static readonly Ipv4Cidr PublicAddresses = new(0xC6120000, 15);

    private readonly string seed;

    private ClusterLayout(OpenShiftCluster cluster, Ipv4Cidr vnet)
    {
        seed = cluster.Id.ToLowerInvariant();
        Vnet = vnet;
        (MasterSubnet, WorkerSubnet) = vnet.Halve();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)));
        InfraId = $"{DnsName(cluster.Name, MaxInfraNameLength, "cluster")}-{hash[..5]}";
        StorageAccountName = $"cluster{hash[..17]}";
    }

    /// <summary>The prefix of every resource name, unique per cluster id.</summary>
    public string InfraId { get; }

    public string StorageAccountName { get; }

    public Ipv4Cidr Vnet { get; }

    public Ipv4Cidr MasterSubnet { get; }

    public Ipv4Cidr WorkerSubnet { get; }

    public static ClusterLayout For(OpenShiftCluster cluster)
    {
        var text = cluster.Properties.NetworkProfile.VnetCidr ?? DefaultVnetCidr;
        if (!Ipv4Cidr.TryParse(text, out var vnet) || vnet.PrefixLength is < MinVnetPrefixLength or > MaxVnetPrefixLength)
        {
            throw new InstallerException(
                CloudErrorCodes.InvalidParameter,
                $"The vnet CIDR '{text}' is not an IPv4 network with a prefix length from /{MinVnetPrefixLength} to /{MaxVnetPrefixLength}.");
        }

        return new ClusterLayout(cluster, vnet);
    }

    public static bool IsPrivate(string? visibility) => string.Equals(visibility, Private, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A lower-case DNS label made of <paramref name="name"/>'s letters, digits and hyphens, at most
    /// <paramref name="maxLength"/> long, or <paramref name="fallback"/> when nothing is left.
    /// </summary>
    public static string DnsName(string? name, int maxLength, string fallback)
    {
        var label = new StringBuilder(maxLength);
        foreach (var c in (name ?? "").ToLowerInvariant())
        {
            if (label.Length == maxLength)
            {
                break;
            }

            label.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        var trimmed = label.ToString().Trim('-');
        return trimmed.Length == 0 ? fallback : trimmed;
    }

    /// <summary>The apiserver's frontend address: <paramref name="current"/> when it fits the visibility, else a derived one.</summary>
    public string ApiserverAddress(string visibility, string? current) =>
        Address(visibility, MasterSubnet, current, "apiserver");

    /// <summary>An ingress frontend's address: <paramref name="current"/> when it fits the visibility, else a derived one.</summary>
    public string IngressAddress(string? profileName, string visibility, string? current) =>
        Address(visibility, WorkerSubnet, current, $"ingress/{(profileName ?? DefaultIngressName).ToLowerInvariant()}");

    private string Address(string visibility, Ipv4Cidr privateSubnet, string? current, string purpose)
    {
        var isPrivate = IsPrivate(visibility);
        if (current is not null && IPAddress.TryParse(current, out var address) && address.AddressFamily == AddressFamily.InterNetwork)
        {
            var inSubnet = privateSubnet.Contains(address);
            if (isPrivate ? inSubnet : !Vnet.Contains(address))
            {
                return current;
            }
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}\n{purpose}"));
        var value = BinaryPrimitives.ReadUInt32BigEndian(hash);
        return isPrivate ? privateSubnet.AzureHostAddress(value) : PublicAddresses.HostAddress(value);
    }
}
