using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Rp.Backend.Installer;

/// <summary>Writes the admin kubeconfig (YAML) that <c>oc</c> and <c>kubectl</c> read.</summary>
internal static partial class Kubeconfig
{
    public const string User = "admin";
    public const string Context = "admin";

    // YAML 1.1 reads these as booleans or null; kubectl's loader would then reject the field.
    private static readonly HashSet<string> ReservedScalars = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    };

    public static string Render(string clusterName, string server, string caCertificatePem, string clientCertificatePem, string clientKeyPem)
    {
        var yaml = new StringBuilder();
        yaml.Append("apiVersion: v1\n");
        yaml.Append("kind: Config\n");
        yaml.Append("clusters:\n");
        yaml.Append("- cluster:\n");
        yaml.Append("    certificate-authority-data: ").Append(Base64(caCertificatePem)).Append('\n');
        yaml.Append("    server: ").Append(Scalar(server)).Append('\n');
        yaml.Append("  name: ").Append(Scalar(clusterName)).Append('\n');
        yaml.Append("contexts:\n");
        yaml.Append("- context:\n");
        yaml.Append("    cluster: ").Append(Scalar(clusterName)).Append('\n');
        yaml.Append("    user: ").Append(User).Append('\n');
        yaml.Append("  name: ").Append(Context).Append('\n');
        yaml.Append("current-context: ").Append(Context).Append('\n');
        yaml.Append("preferences: {}\n");
        yaml.Append("users:\n");
        yaml.Append("- name: ").Append(User).Append('\n');
        yaml.Append("  user:\n");
        yaml.Append("    client-certificate-data: ").Append(Base64(clientCertificatePem)).Append('\n');
        yaml.Append("    client-key-data: ").Append(Base64(clientKeyPem)).Append('\n');
        return yaml.ToString();
    }

    /// <summary>A plain scalar when YAML reads it back as the same string, else a double-quoted one.</summary>
    private static string Scalar(string value)
    {
        if (PlainScalar().IsMatch(value) && !ReservedScalars.Contains(value))
        {
            return value;
        }

        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => quoted.Append("\\\""),
                '\\' => quoted.Append("\\\\"),
                < ' ' or '\u007f' => quoted.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => quoted.Append(c),
            };
        }

        return quoted.Append('"').ToString();
    }

    private static string Base64(string pem) => Scalar(Convert.ToBase64String(Encoding.UTF8.GetBytes(pem)));

    // Starts with a letter (never a number, indicator or quote), holds no ": " or " #" and does
    // not end with a colon, so YAML cannot read it as anything but this string.
    [GeneratedRegex(@"^[A-Za-z](?:[A-Za-z0-9._/:+=-]*[A-Za-z0-9._/+=-])?\z", RegexOptions.CultureInvariant)]
    private static partial Regex PlainScalar();
}
