using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Rp.Api;

/// <summary>
/// Base of every persisted type: fields this binary does not know (written by a newer one)
/// are kept on read and written back unchanged.
/// </summary>
public abstract class Extensible
{
    [JsonExtensionData]
    public IDictionary<string, JToken>? ExtensionData { get; set; }
}
