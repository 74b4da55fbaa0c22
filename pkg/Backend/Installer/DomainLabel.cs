using System.Security.Cryptography;

namespace Rp.Backend.Installer;

/// <summary>Random DNS labels for clusters created without a domain.</summary>
internal static class DomainLabel
{
    public const int Length = 8;

    private const string Letters = "abcdefghijklmnopqrstuvwxyz";
    private const string LettersAndDigits = Letters + "0123456789";

    /// <summary>A lower-case label that starts with a letter, so it is valid wherever a hostname is.</summary>
    public static string Generate() =>
        RandomNumberGenerator.GetString(Letters, 1) + RandomNumberGenerator.GetString(LettersAndDigits, Length - 1);
}
