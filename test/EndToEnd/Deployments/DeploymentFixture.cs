using Xunit;

namespace Rp.EndToEnd.Tests.Deployments;

/// <summary>One real <c>rp</c> (every role, embedded stores) that the deployment tests deploy to, each into subscriptions of its own.</summary>
public sealed class DeploymentFixture : IAsyncLifetime
{
    private readonly TempDirectory dir = new();

    public RpProcess Rp { get; private set; } = null!;

    public string DataDir => dir.Path;

    /// <summary>The repository's deploy/examples, where the README's command runs from.</summary>
    public static string Examples { get; } = FindExamples();

    public async Task InitializeAsync() =>
        Rp = await RpProcess.StartAsync(dir.Path, settings: new Dictionary<string, string>
        {
            ["Frontend:RetryAfterSeconds"] = "1",
            ["Forwarder:PollInterval"] = "00:00:00.050",
            ["Backend:PollInterval"] = "00:00:00.050",
        });

    public async Task DisposeAsync()
    {
        await Rp.DisposeAsync();
        dir.Dispose();
    }

    private static string FindExamples()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Rp.sln")))
            {
                return Path.Combine(d.FullName, "deploy", "examples");
            }
        }

        throw new InvalidOperationException($"No Rp.sln above {AppContext.BaseDirectory}.");
    }
}
