using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Rp.Frontend.Tests.Harness;

/// <summary>
/// What differs between api-versions for the suite that runs once per version: the version's
/// name, a valid create body built from its own models, and the secrets that body carries.
/// </summary>
public abstract class ApiVersionCase
{
    /// <summary>A registry auth token that appears nowhere but in the pull secrets of this suite.</summary>
    protected const string RegistryAuth = "ZnVuY3Rpb25hbC10ZXN0OnB1bGwtc2VjcmV0LXRva2Vu";

    protected const string PullSecretText = "{\"auths\":{\"registry.example.com\":{\"auth\":\"" + RegistryAuth + "\"}}}";

    protected const string Location = "eastus";

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore });

    public abstract string Name { get; }

    /// <summary>The JSON path of the pull secret in a request body.</summary>
    public abstract string PullSecretPath { get; }

    /// <summary>Strings that must appear in no response but the credentials actions'.</summary>
    public abstract IReadOnlyList<string> Secrets { get; }

    /// <summary>A valid create body: tags, secrets and one worker profile of three nodes.</summary>
    public abstract JObject CreateBody();

    public override string ToString() => Name;

    protected static JObject ToJson(object model) => JObject.FromObject(model, Serializer);
}
