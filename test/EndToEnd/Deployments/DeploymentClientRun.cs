using System.Diagnostics;

namespace Rp.EndToEnd.Tests.Deployments;

/// <summary>One run of the built <c>arm-deployment-client</c>, as a person runs it: its exit code and what it printed.</summary>
public sealed record DeploymentClientRun(int ExitCode, string Output, string Errors)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>Where the client next to the tests is (the test project references cmd/arm-deployment-client).</summary>
    public static string BinaryPath => Path.Combine(AppContext.BaseDirectory, "arm-deployment-client.dll");

    public static async Task<DeploymentClientRun> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        info.ArgumentList.Add(BinaryPath);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"arm-deployment-client {string.Join(' ', arguments)} did not end within {Timeout}: {await output}{await errors}");
        }

        return new DeploymentClientRun(process.ExitCode, await output, await errors);
    }

    public override string ToString() => $"exit {ExitCode}\n{Output}\n{Errors}";
}
