using Microsoft.OpenApi.Models;
using Newtonsoft.Json.Linq;

namespace Rp.Frontend.Tests.Fuzz;

/// <summary>One operation of a published api-version, with its example (from <c>x-ms-examples</c>).</summary>
public sealed record SpecOperation(SpecDocument Spec, OperationType Method, string PathTemplate, OpenApiOperation Operation, JObject? Example)
{
    public string OperationId => Operation.OperationId;

    public string ApiVersion => Spec.ApiVersion;

    public string HttpMethod => Method.ToString().ToUpperInvariant();

    /// <summary>The body's schema, or null when the operation takes none.</summary>
    public OpenApiSchema? BodySchema => Operation.RequestBody?.Content.Values.FirstOrDefault()?.Schema;

    /// <summary>The example's request body (its <c>parameters</c> entry of the body parameter).</summary>
    public JObject? ExampleBody => Example?["parameters"]?["parameters"] as JObject;

    public IEnumerable<OpenApiParameter> PathParameters => Operation.Parameters.Where(p => p.In == ParameterLocation.Path);

    /// <summary>Whether <paramref name="status"/> is one of the operation's declared responses (other than <c>default</c>).</summary>
    public bool Declares(int status) => Operation.Responses.ContainsKey(status.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public override string ToString() => $"{OperationId} ({ApiVersion})";
}
