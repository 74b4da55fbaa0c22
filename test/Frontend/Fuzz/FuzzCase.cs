using System.Globalization;
using System.Text;
using Rp.Frontend.Tests.Harness;

namespace Rp.Frontend.Tests.Fuzz;

/// <summary>
/// One generated request of an operation, and what must exist before it is sent. Path values are
/// URL-encoded as sent; <see cref="SetupOperationId"/> stands for the id of the setup's operation.
/// <see cref="MustRefuse"/> marks a mutation no reading of the contract lets the RP accept.
/// </summary>
public sealed record FuzzCase(
    SpecOperation Operation,
    FuzzSetup Setup,
    ClusterRef Cluster,
    string Method,
    IReadOnlyDictionary<string, string> PathValues,
    string Query,
    IReadOnlyList<(string Name, string Value)> Headers,
    byte[]? Body,
    string? ContentType,
    MutationKind Kind,
    string Mutation,
    bool MustRefuse = false)
{
    public const string SetupOperationId = "{operation id of the setup}";

    private const int ShownBodyBytes = 2048;

    public bool IsValid => Kind == MutationKind.None;

    /// <summary>The path and query, with <paramref name="operationId"/> for the setup's operation.</summary>
    public string PathAndQuery(string? operationId)
    {
        var path = Operation.PathTemplate;
        foreach (var (name, value) in PathValues)
        {
            path = path.Replace("{" + name + "}", value == SetupOperationId ? operationId ?? Guid.Empty.ToString() : value, StringComparison.Ordinal);
        }

        return Query.Length == 0 ? path : $"{path}?{Query}";
    }

    public override string ToString()
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{Operation} — {(IsValid ? "valid" : $"{Kind}: {Mutation}{(MustRefuse ? " (must be refused)" : "")}")}\n")
            .Append(CultureInfo.InvariantCulture, $"  setup: {Setup} {Cluster.Id}\n")
            .Append(CultureInfo.InvariantCulture, $"  {Method} {Printable(PathAndQuery(null))}\n");
        foreach (var (name, value) in Headers)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {name}: {Printable(value)}\n");
        }

        if (ContentType is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"  Content-Type: {ContentType}\n");
        }

        if (Body is not null)
        {
            var shown = Printable(Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, ShownBodyBytes)));
            text.Append(CultureInfo.InvariantCulture, $"  body ({Body.Length} bytes{(Body.Length > ShownBodyBytes ? $", first {ShownBodyBytes}" : "")}): {shown}\n");
        }

        return text.ToString();
    }

    /// <summary>Control and non-ASCII characters as \uXXXX, invalid UTF-8 as U+FFFD, so a failure report reads as it was sent.</summary>
    private static string Printable(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            text.Append(c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:x4}");
        }

        return text.ToString();
    }
}
