namespace Rp.EndToEnd.Tests.Monitoring;

/// <summary>The repository's root: the folder above the test binaries that holds <c>Rp.sln</c>.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Rp.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Rp.sln above {AppContext.BaseDirectory}.");
    }
}
