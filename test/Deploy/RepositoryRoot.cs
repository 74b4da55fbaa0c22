namespace Rp.Deploy.Tests;

/// <summary>The checkout the tests run from: the nearest directory above the test binaries that holds Rp.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Deploy => System.IO.Path.Combine(Path, "deploy");

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
