using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Rp.ArmDeploymentClient;

/// <summary>
/// What is deployed: an ARM template (JSON, or compiled from Bicep) and the values given for its
/// parameters, from a <c>.bicepparam</c> file and from <c>--parameters</c>, as <c>az deployment group
/// create</c> takes them.
/// </summary>
public sealed class DeploymentInput(JObject template, IReadOnlyDictionary<string, JToken> parameters)
{
    public JObject Template { get; } = template;

    /// <summary>The values given, by parameter name (the template's casing).</summary>
    public IReadOnlyDictionary<string, JToken> Parameters { get; } = parameters;

    /// <summary>
    /// Reads <paramref name="file"/> (<c>.json</c> template, <c>.bicep</c>, or <c>.bicepparam</c>
    /// with its template and values) and applies <paramref name="parameterArguments"/>:
    /// <c>name=value</c> (typed as the template declares the parameter) or <c>@file.json</c> (an ARM
    /// parameters file), later ones winning.
    /// </summary>
    public static async Task<DeploymentInput> LoadAsync(BicepCli bicep, string file, IReadOnlyList<string> parameterArguments, CancellationToken cancellationToken = default)
    {
        var full = System.IO.Path.GetFullPath(file);
        if (!File.Exists(full))
        {
            throw new DeploymentException($"The file '{file}' does not exist.");
        }

        var directory = System.IO.Path.GetDirectoryName(full)!;
        JObject template;
        var parameters = new Dictionary<string, JToken>(StringComparer.OrdinalIgnoreCase);
        switch (System.IO.Path.GetExtension(full).ToLowerInvariant())
        {
            case ".bicepparam":
                var built = ParseJson((await bicep.RunAsync(["build-params", full, "--stdout"], directory, cancellationToken: cancellationToken).ConfigureAwait(false)).Output, file);
                template = ParseJson((string?)built["templateJson"] ?? throw new DeploymentException($"'{file}' does not use a local template."), file);
                AddParametersFile(parameters, ParseJson((string)built["parametersJson"]!, file));
                break;
            case ".bicep":
                template = ParseJson((await bicep.RunAsync(["build", full, "--stdout"], directory, cancellationToken: cancellationToken).ConfigureAwait(false)).Output, file);
                break;
            case ".json":
                template = ParseJson(await File.ReadAllTextAsync(full, cancellationToken).ConfigureAwait(false), file);
                break;
            default:
                throw new DeploymentException($"'{file}' is neither an ARM template (.json), a Bicep file (.bicep) nor a Bicep parameters file (.bicepparam).");
        }

        foreach (var argument in parameterArguments)
        {
            if (argument.StartsWith('@'))
            {
                var path = argument[1..];
                AddParametersFile(parameters, ParseJson(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), path));
                continue;
            }

            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new DeploymentException($"The parameter '{argument}' is neither NAME=VALUE nor @FILE.json.");
            }

            var name = argument[..equals];
            parameters[name] = Typed(template, name, argument[(equals + 1)..]);
        }

        return new DeploymentInput(template, parameters);
    }

    /// <summary>The declared type of a parameter (lower case), e.g. <c>securestring</c>.</summary>
    public static string? DeclaredType(JObject template, string name) =>
        ((JObject?)template["parameters"])?.Properties().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.Value["type"]?.ToString().ToLowerInvariant();

    private static JToken Typed(JObject template, string name, string text)
    {
        var type = DeclaredType(template, name) ?? throw new DeploymentException($"The template has no parameter '{name}'.");
        try
        {
            return type switch
            {
                "string" or "securestring" => new JValue(text),
                "int" => new JValue(long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)),
                "bool" => new JValue(bool.Parse(text)),
                _ => JToken.Parse(text),
            };
        }
        catch (Exception e) when (e is FormatException or OverflowException or JsonException)
        {
            throw new DeploymentException($"The value of parameter '{name}' is not a valid {type}.");
        }
    }

    /// <summary>An ARM parameters file, <c>{"parameters":{"name":{"value":...}}}</c>.</summary>
    private static void AddParametersFile(Dictionary<string, JToken> parameters, JObject file)
    {
        foreach (var parameter in ((JObject?)file["parameters"])?.Properties() ?? [])
        {
            parameters[parameter.Name] = parameter.Value["value"] ?? throw new DeploymentException($"The parameter '{parameter.Name}' has no value (Key Vault references are not supported).");
        }
    }

    private static JObject ParseJson(string text, string source)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
            return JObject.Load(reader);
        }
        catch (JsonException e)
        {
            throw new DeploymentException($"'{source}' is not a JSON object: {e.Message}");
        }
    }
}
