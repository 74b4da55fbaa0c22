namespace Rp.Database.Serialization;

/// <summary>Encrypts secret values at rest (authenticated encryption).</summary>
public interface ISecretProtector
{
    string Protect(string plaintext);

    string Unprotect(string protectedValue);
}
