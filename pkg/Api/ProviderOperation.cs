using Newtonsoft.Json.Linq;

namespace Rp.Api;

/// <summary>One entry of the provider's operations list (<c>GET /providers/RedHat.OpenShift/operations</c>).</summary>
public sealed record ProviderOperation(string Name, string Resource, string Operation, string Description)
{
    public const string ProviderDisplayName = "Azure Red Hat OpenShift";

    public JObject ToJson() => new()
    {
        ["name"] = Name,
        ["isDataAction"] = false,
        ["display"] = new JObject
        {
            ["provider"] = ProviderDisplayName,
            ["resource"] = Resource,
            ["operation"] = Operation,
            ["description"] = Description,
        },
        ["origin"] = "user,system",
    };
}
