namespace Rp.Cmd;

/// <summary>Which roles this process runs: <c>rp</c> (all), <c>rp frontend</c>, <c>rp forwarder</c>, <c>rp backend</c>.</summary>
internal sealed record RpRoles(bool Frontend, bool Forwarder, bool Backend)
{
    private static readonly string[] Names = ["all", "frontend", "forwarder", "backend"];

    public static RpRoles Parse(string[] args)
    {
        var role = args.Length > 0 && !args[0].StartsWith('-') ? args[0].ToLowerInvariant() : "all";
        return role switch
        {
            "all" => new RpRoles(true, true, true),
            "frontend" => new RpRoles(true, false, false),
            "forwarder" => new RpRoles(false, true, false),
            "backend" => new RpRoles(false, false, true),
            _ => throw new ArgumentException($"Unknown role '{args[0]}': use one of {string.Join(", ", Names)}."),
        };
    }

    /// <summary>The role's name, as given on the command line.</summary>
    public string Name => (Frontend, Forwarder, Backend) switch
    {
        (true, true, true) => "all",
        (true, _, _) => "frontend",
        (_, true, _) => "forwarder",
        _ => "backend",
    };

    public static string[] WithoutRole(string[] args) => args.Length > 0 && !args[0].StartsWith('-') ? args[1..] : args;
}
