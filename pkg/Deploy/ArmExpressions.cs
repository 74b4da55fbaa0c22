namespace Rp.Deploy;

/// <summary>ARM template language expressions, written once so every resource spells them alike.</summary>
internal static class ArmExpressions
{
    public static string Expression(string inner) => $"[{inner}]";

    public static string Parameter(string name) => $"parameters('{name}')";

    public static string Variable(string name) => $"variables('{name}')";

    public static string Literal(string value) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";

    public static string ResourceId(string type, params string[] names) => $"resourceId('{type}', {string.Join(", ", names)})";

    public static string Reference(string resourceId, string apiVersion) => $"reference({resourceId}, '{apiVersion}')";

    /// <summary>A child resource's name: its parent names and its own, joined by <c>/</c>.</summary>
    public static string ChildName(params string[] names) =>
        Expression($"format('{string.Join("/", names.Select((_, i) => $"{{{i}}}"))}', {string.Join(", ", names)})");
}
