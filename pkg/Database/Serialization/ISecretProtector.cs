namespace Rp.Database.Serialization;

/// <summary>Encrypts secret values at rest (authenticated encryption).</summary>
public interface ISecretProtector
{
    string Protect(string plaintext);

    string Unprotect(string protectedValue);

    /// <summary>Whether <paramref name="protectedValue"/> was sealed with the key that encrypts now (else it is re-encrypted on write, so old keys can retire).</summary>
    bool IsProtectedWithPrimaryKey(string protectedValue);
}
