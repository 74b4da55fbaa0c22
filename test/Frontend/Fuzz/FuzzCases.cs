using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using Microsoft.OpenApi.Models;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Rp.Frontend.Tests.Harness;

namespace Rp.Frontend.Tests.Fuzz;

/// <summary>
/// Requests for every operation of a published api-version: valid ones, made from the spec (its
/// parameters' patterns and lengths, its examples, the values its schema closes), and mutations of
/// them, each departing from the valid request in one way (<see cref="MutationKind"/>).
/// </summary>
public static partial class FuzzCases
{
    private const string ExampleSubscription = "00000000-0000-0000-0000-000000000000";
    private const string AlphaNumeric = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private static readonly Gen<string> SubscriptionIds = Gen.Select(Gen.Guid, Gen.Int[0, 3], (g, c) => c == 0 ? g.ToString().ToUpperInvariant() : g.ToString());

    private static readonly Gen<string> ResourceGroupNames = Gen.String[Gen.Char[AlphaNumeric + "-_.()"], 1, 90].Where(n => !n.EndsWith('.'));

    private static readonly Gen<string> ClusterNames =
        from first in Gen.Char[AlphaNumeric]
        from middle in Gen.String[Gen.Char[AlphaNumeric + "-_"], 0, 61]
        from last in Gen.Char[AlphaNumeric]
        from single in Gen.Int[0, 4]
        select single == 0 ? first.ToString() : $"{first}{middle}{last}";

    private static readonly string[] Methods = ["GET", "PUT", "PATCH", "DELETE", "POST", "OPTIONS"];

    /// <summary>How often each kind of mutation is drawn: the body's, where there is one, most.</summary>
    private static readonly (MutationKind Kind, int Weight)[] Weights =
    [
        (MutationKind.BodyValue, 6), (MutationKind.RawBody, 6), (MutationKind.ContentType, 1), (MutationKind.PathValue, 3),
        (MutationKind.Query, 2), (MutationKind.Header, 3), (MutationKind.Method, 1),
    ];

    /// <summary>Cases of <paramref name="operation"/>: valid one time in five, else mutated (of <paramref name="kind"/> only, when given).</summary>
    public static Gen<FuzzCase> For(SpecOperation operation, MutationKind? kind = null)
    {
        var valid = Valid(operation);
        if (kind == MutationKind.None)
        {
            return valid;
        }

        var kinds = Weights
            .Where(w => kind is null || w.Kind == kind)
            .Where(w => operation.BodySchema is not null || w.Kind is not (MutationKind.BodyValue or MutationKind.RawBody or MutationKind.ContentType))
            .Where(w => operation.PathParameters.Any() || w.Kind != MutationKind.PathValue)
            .Select(w => (w.Weight, w.Kind))
            .ToArray();
        var mutated = valid.SelectMany(c => Gen.Frequency(kinds).SelectMany(k => Mutate(c, k)));
        return kind is null ? Gen.Frequency((1, valid), (4, mutated)) : mutated;
    }

    /// <summary>A valid request: what the spec says the operation takes, set up so that it must succeed.</summary>
    public static Gen<FuzzCase> Valid(SpecOperation operation) =>
        from subscription in SubscriptionIds
        from resourceGroup in ResourceGroupNames
        from name in ClusterNames
        from setup in Gen.OneOf(Setups(operation))
        from body in ValidBody(operation, subscription, setup)
        from headers in ValidHeaders
        let cluster = new ClusterRef(subscription, resourceGroup, name)
        select new FuzzCase(
            operation,
            setup,
            cluster,
            operation.HttpMethod,
            PathValues(operation, cluster),
            $"api-version={operation.ApiVersion}",
            headers,
            body is null ? null : Encoding.UTF8.GetBytes(body.ToString(Formatting.None)),
            body is null ? null : "application/json",
            MutationKind.None,
            "");

    /// <summary>Whether a valid value of path parameter <paramref name="parameter"/> keeps the spec's pattern and length.</summary>
    public static bool Conforms(OpenApiParameter parameter, string value) =>
        (parameter.Schema.Pattern is not { } pattern || new Regex(pattern, RegexOptions.ECMAScript).IsMatch(value))
        && (parameter.Schema.MinLength is not { } min || value.Length >= min)
        && (parameter.Schema.MaxLength is not { } max || value.Length <= max);

    private static FuzzSetup[] Setups(SpecOperation operation)
    {
        var template = operation.PathTemplate;
        if (template.Contains("{operationId}", StringComparison.Ordinal))
        {
            return [FuzzSetup.RunningCluster, FuzzSetup.SucceededCluster];
        }

        if (!template.Contains("{resourceName}", StringComparison.Ordinal))
        {
            return template.Contains("{subscriptionId}", StringComparison.Ordinal) ? [FuzzSetup.None, FuzzSetup.SucceededCluster] : [FuzzSetup.None];
        }

        return operation.HttpMethod switch
        {
            "PUT" => [FuzzSetup.None, FuzzSetup.SucceededCluster],
            "DELETE" => [FuzzSetup.None, FuzzSetup.SucceededCluster, FuzzSetup.RunningCluster],
            _ => [FuzzSetup.SucceededCluster],
        };
    }

    /// <summary>The example's create body, of the case's own subscription (ids in the body must be in it).</summary>
    public static JObject CreateExample(SpecDocument spec, string subscription)
    {
        var create = spec.Operations.Single(o => o.HttpMethod == "PUT" && o.PathTemplate.EndsWith("{resourceName}", StringComparison.Ordinal)).ExampleBody!;
        return (JObject)JToken.Parse(create.ToString(Formatting.None).Replace(ExampleSubscription, subscription.ToLowerInvariant(), StringComparison.Ordinal));
    }

    private static Gen<JToken?> ValidBody(SpecOperation operation, string subscription, FuzzSetup setup)
    {
        if (operation.BodySchema is not { } schema)
        {
            return Gen.Const((JToken?)null);
        }

        var create = CreateExample(operation.Spec, subscription);
        if (operation.HttpMethod == "PUT")
        {
            return BodyGen.Vary(create, schema, update: setup != FuzzSetup.None).Select(b => (JToken?)b);
        }

        // A PATCH: the create example's tags and properties (what PATCH's schema has), then some of them.
        var patch = new JObject(create.Properties().Where(p => BodyGen.Property(schema, p.Name) is not null));
        return BodyGen.Vary(patch, schema, update: true).SelectMany(BodyGen.Subset).Select(b => (JToken?)b);
    }

    private static readonly Gen<IReadOnlyList<(string, string)>> ValidHeaders =
        from clientRequestId in Gen.Guid
        from echo in Gen.Bool
        from referer in Gen.Bool
        select (IReadOnlyList<(string, string)>)[
            ("x-ms-client-request-id", clientRequestId.ToString()),
            ("x-ms-return-client-request-id", echo ? "true" : "false"),
            .. referer ? new[] { ("Referer", "https://management.azure.com/fuzz") } : []];

    private static Dictionary<string, string> PathValues(SpecOperation operation, ClusterRef cluster) =>
        operation.PathParameters.ToDictionary(
            p => p.Name,
            p => p.Name switch
            {
                "subscriptionId" => cluster.SubscriptionId,
                "resourceGroupName" => Uri.EscapeDataString(cluster.ResourceGroup),
                "resourceName" => Uri.EscapeDataString(cluster.Name),
                "location" => "eastus",
                "operationId" => FuzzCase.SetupOperationId,
                _ => throw new InvalidOperationException($"{operation}: no valid value for path parameter {p.Name}"),
            });

    private static Gen<FuzzCase> Mutate(FuzzCase valid, MutationKind kind) => kind switch
    {
        MutationKind.BodyValue => BodyValues(valid),
        MutationKind.RawBody => RawBodies(valid),
        MutationKind.ContentType => Gen.OneOf(ContentTypes).Select(t => valid with
        {
            ContentType = t.Length == 0 ? null : t,
            Kind = kind,
            Mutation = $"Content-Type '{t}'",
            MustRefuse = !t.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase),
        }),
        MutationKind.PathValue => PathValueMutations(valid),
        MutationKind.Query => QueryMutations(valid),
        MutationKind.Header => HeaderMutations(valid),
        MutationKind.Method => Gen.OneOf(Methods.Where(m => m != valid.Method).ToArray()).Select(m => valid with { Method = m, Kind = kind, Mutation = $"method {m}" }),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
