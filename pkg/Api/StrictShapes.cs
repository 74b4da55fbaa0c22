using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace Rp.Api;

/// <summary>
/// Refuses a JSON string where the model has an object, a list or a map: Newtonsoft reads an empty
/// string there as null (which would then take its default), and a client's type mistake would go
/// unnoticed. Walks the body along the model's own contracts, so names match as they bind: ignoring case.
/// </summary>
internal static class StrictShapes
{
    public static void Check(JToken token, Type type, IContractResolver resolver)
    {
        var contract = resolver.ResolveContract(type);
        switch (contract)
        {
            case JsonObjectContract or JsonArrayContract or JsonDictionaryContract when token.Type == JTokenType.String:
                throw new JsonSerializationException($"Expected an {(contract is JsonArrayContract ? "array" : "object")}.", token.Path, 0, 0, null);
            case JsonObjectContract model when token is JObject obj:
                foreach (var property in obj.Properties())
                {
                    if (model.Properties.GetClosestMatchProperty(property.Name) is { Ignored: false, PropertyType: { } propertyType })
                    {
                        Check(property.Value, propertyType, resolver);
                    }
                }

                break;
            case JsonArrayContract list when token is JArray array && list.CollectionItemType is { } itemType:
                foreach (var item in array)
                {
                    Check(item, itemType, resolver);
                }

                break;
            case JsonDictionaryContract map when token is JObject obj && map.DictionaryValueType is { } valueType:
                foreach (var property in obj.Properties())
                {
                    Check(property.Value, valueType, resolver);
                }

                break;
        }
    }
}
