using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace Rp.ArmDeploymentClient;

/// <summary>
/// The template engine leaves <c>[parameters('x')]</c> where a secure parameter is used, as ARM
/// does until it sends the PUT. This fills them in from the values given or the parameter's default.
/// </summary>
public static partial class SecureParameters
{
    public static void Fill(JToken token, JObject template, IReadOnlyDictionary<string, JToken> given)
    {
        foreach (var value in JsonStrings.In(token))
        {
            var match = Parameter().Match((string)value!);
            if (!match.Success)
            {
                continue;
            }

            var name = match.Groups["name"].Value;
            if (DeploymentInput.DeclaredType(template, name) is not ("securestring" or "secureobject"))
            {
                continue;
            }

            var replacement = given.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value
                ?? Default(template, name)
                ?? throw new DeploymentException($"The secure parameter '{name}' has no value.");
            value.Replace(replacement.DeepClone());
        }
    }

    private static JToken? Default(JObject template, string name)
    {
        var parameter = ((JObject)template["parameters"]!).Properties().First(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value;
        return parameter["defaultValue"] is { } value && !(value.Type == JTokenType.String && ((string)value!).StartsWith('['))
            ? value
            : null;
    }

    [GeneratedRegex(@"^\[parameters\('(?<name>[^']+)'\)\]$")]
    private static partial Regex Parameter();
}
