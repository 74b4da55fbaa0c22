using System.Security.Cryptography;

namespace Rp.Backend.Installer;

/// <summary>OpenShift-style kubeadmin passwords: four groups of five characters joined by hyphens (<c>xxxxx-xxxxx-xxxxx-xxxxx</c>).</summary>
internal static class KubeadminPassword
{
    public const int GroupCount = 4;
    public const int GroupLength = 5;

    // Letters and digits without the look-alikes 0/O/o and 1/l/I, so the password can be read
    // off a screen: 20 characters of 56 give about 116 bits.
    public const string Alphabet = "23456789abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string Generate()
    {
        var characters = RandomNumberGenerator.GetString(Alphabet, GroupCount * GroupLength);
        return string.Join('-', characters.Chunk(GroupLength).Select(group => new string(group)));
    }
}
