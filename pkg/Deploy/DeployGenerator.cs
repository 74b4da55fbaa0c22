using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Rp.Deploy;

/// <summary>Everything under <c>deploy/</c> that is generated, serialized the way it is committed.</summary>
public static class DeployGenerator
{
    public const string TemplateFile = "rp-infrastructure.json";
    public const string ParametersExampleFile = "rp-infrastructure.parameters.example.json";

    public static IReadOnlyList<DeployFile> Generate() =>
    [
        new(TemplateFile, Serialize(RpInfrastructureTemplate.Build())),
        new(ParametersExampleFile, Serialize(RpInfrastructureTemplate.BuildParametersExample())),
    ];

    private static string Serialize(JObject json) => json.ToString(Formatting.Indented).ReplaceLineEndings("\n") + "\n";
}
