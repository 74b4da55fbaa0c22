using System.Diagnostics;
using System.Reflection;

namespace Rp.ArmDeploymentClient;

/// <summary>
/// The Bicep CLI restored from NuGet with this project (its path is recorded at build time), or the
/// one <c>BICEP_PATH</c> names. It carries ARM's template engine: <c>snapshot</c> evaluates a
/// deployment as ARM would, offline.
/// </summary>
public sealed class BicepCli(string path)
{
    public const string PathVariable = "BICEP_PATH";

    public string Path { get; } = path;

    public static BicepCli Locate()
    {
        var path = Environment.GetEnvironmentVariable(PathVariable);
        if (string.IsNullOrEmpty(path))
        {
            path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value;
        }

        return File.Exists(path)
            ? new BicepCli(path!)
            : throw new DeploymentException($"The Bicep CLI is not at '{path}': restore the project (dotnet restore), or set {PathVariable}.");
    }

    /// <summary>Runs <c>bicep ARGS</c> in <paramref name="workingDirectory"/>: its output and diagnostics, or a <see cref="DeploymentException"/> with them when it fails.</summary>
    public async Task<BicepRun> RunAsync(IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(Path)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Bicep looks for updates and sends telemetry unless told not to; this runs offline.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new DeploymentException($"Could not start '{Path}'.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = await stdout.ConfigureAwait(false);
        var errors = await stderr.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new DeploymentException($"bicep {arguments[0]} failed (exit code {process.ExitCode}):{Environment.NewLine}{errors.Trim()}");
        }

        return new BicepRun(output, errors);
    }
}
