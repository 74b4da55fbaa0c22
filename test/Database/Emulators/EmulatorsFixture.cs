using System.Diagnostics;
using System.Text;
using Xunit;

namespace Rp.Database.Tests.Emulators;

/// <summary>
/// Starts the Cosmos DB server and Azurite with <c>hack/emulators.sh</c> for a test collection and
/// stops them afterwards. When they cannot start (no Node.js, no npm and no installed packages),
/// every test of the collection fails with the script's output: these tests are never skipped.
/// </summary>
public sealed class EmulatorsFixture : IAsyncLifetime
{
    // npm ci on a fresh machine takes about half a minute; the servers start in about a second.
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(5);

    private readonly string repositoryRoot = FindRepositoryRoot();
    private readonly string directory = Path.Combine(Path.GetTempPath(), "rp-emulators-" + Guid.NewGuid().ToString("N"));

    public string CosmosEndpoint { get; private set; } = "";

    public string CosmosKey { get; private set; } = "";

    public string StorageConnectionString { get; private set; } = "";

    /// <summary>The Cosmos DB server's process, for tests that stop and resume it.</summary>
    public int CosmosPid { get; private set; }

    /// <summary>Azurite's process, for tests that stop and resume it.</summary>
    public int AzuritePid { get; private set; }

    /// <summary>The processes of the Cosmos DB server and of Azurite (to stop and continue them: an outage).</summary>
    public IReadOnlyList<int> ProcessIds { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var (exitCode, output) = await RunScriptAsync("start");
        var envFile = Path.Combine(directory, "emulators.env");
        if (exitCode != 0 || !File.Exists(envFile))
        {
            throw new InvalidOperationException(
                $"hack/emulators.sh start {directory} failed (exit code {exitCode}). The Cosmos DB and storage queue tests need "
                + $"Node.js 20+ and npm (or an installed hack/node_modules) to run the emulators. Its output:{Environment.NewLine}{output}");
        }

        var settings = ParseEnvFile(File.ReadAllLines(envFile));
        CosmosEndpoint = settings["RP_TEST_COSMOS_ENDPOINT"];
        CosmosKey = settings["RP_TEST_COSMOS_KEY"];
        StorageConnectionString = settings["RP_TEST_STORAGE_CONNECTION_STRING"];
        CosmosPid = int.Parse(settings["RP_TEST_COSMOS_PID"], System.Globalization.CultureInfo.InvariantCulture);
        AzuritePid = int.Parse(settings["RP_TEST_AZURITE_PID"], System.Globalization.CultureInfo.InvariantCulture);
        ProcessIds = [CosmosPid, AzuritePid];
    }

    public async Task DisposeAsync()
    {
        await RunScriptAsync("stop");
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A server that was slow to exit may still hold its log open; the temp folder is left to the OS.
        }
    }

    /// <summary>Reads the <c>NAME='value'</c> lines that the script writes (shell syntax, so a shell can source them).</summary>
    internal static Dictionary<string, string> ParseEnvFile(IEnumerable<string> lines)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Where(l => l.Contains('=', StringComparison.Ordinal)))
        {
            var separator = line.IndexOf('=', StringComparison.Ordinal);
            var value = line[(separator + 1)..];
            if (value.Length >= 2 && value[0] == '\'' && value[^1] == '\'')
            {
                value = value[1..^1];
            }

            settings[line[..separator]] = value;
        }

        return settings;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Rp.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Rp.sln above {AppContext.BaseDirectory}: cannot find hack/emulators.sh.");
    }

    private async Task<(int ExitCode, string Output)> RunScriptAsync(string command)
    {
        var output = new StringBuilder();
        using var process = new Process
        {
            StartInfo = new ProcessStartInfo("bash")
            {
                ArgumentList = { Path.Combine(repositoryRoot, "hack", "emulators.sh"), command, directory },
                WorkingDirectory = repositoryRoot,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            },
        };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, $"cannot run bash: {e.Message}");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(ScriptTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"timed out after {ScriptTimeout}{Environment.NewLine}{output}");
        }

        // The exit event can precede the last lines: this wait drains them.
        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
