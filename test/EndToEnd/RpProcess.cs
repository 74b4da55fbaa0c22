using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Rp.EndToEnd.Tests;

/// <summary>
/// The built <c>rp</c> binary run as a separate process, as an operator runs it: its role, data
/// directory, URLs and configuration on the command line and in the environment; its output kept
/// for assertions; stopped by SIGKILL (a crash) or SIGTERM (an orderly stop).
/// </summary>
public sealed class RpProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly Lock gate = new();

    private RpProcess(Process process, string? url, string? httpsUrl)
    {
        this.process = process;
        Url = url;
        HttpsUrl = httpsUrl;
    }

    /// <summary>The plain-http base URL, for roles that serve HTTP.</summary>
    public string? Url { get; }

    /// <summary>The https base URL, when started with https.</summary>
    public string? HttpsUrl { get; }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>Everything the process wrote so far (stdout and stderr).</summary>
    public string Output
    {
        get { lock (gate) { return output.ToString(); } }
    }

    /// <summary>Where the rp.dll next to the tests is (the test project references cmd/rp).</summary>
    public static string BinaryPath => Path.Combine(AppContext.BaseDirectory, "rp.dll");

    /// <summary>
    /// Starts <c>rp [role] --data-dir DIR</c> with <paramref name="settings"/> as environment
    /// variables (<c>Section__Key</c>). A frontend gets a free loopback port and is waited for.
    /// </summary>
    public static Task<RpProcess> StartAsync(string dataDir, string? role = null, IReadOnlyDictionary<string, string>? settings = null, CancellationToken cancellationToken = default) =>
        StartAsync(dataDir, role, settings, https: false, cancellationToken);

    /// <summary>
    /// As the other overload; with <paramref name="https"/>, a frontend also gets a free loopback
    /// port for https (<c>Frontend:HttpsPort</c>, see <see cref="HttpsUrl"/>) and is waited for
    /// on it too. In development its certificate is <c>tls.pem</c> in the data directory.
    /// </summary>
    public static async Task<RpProcess> StartAsync(string dataDir, string? role, IReadOnlyDictionary<string, string>? settings, bool https, CancellationToken cancellationToken = default)
    {
        var servesHttp = role is null or "all" or "frontend";
        var url = servesHttp ? $"http://127.0.0.1:{FreePort()}" : null;
        var httpsPort = servesHttp && https ? FreePort() : (int?)null;
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(BinaryPath);
        if (role is not null)
        {
            info.ArgumentList.Add(role);
        }

        info.ArgumentList.Add("--data-dir");
        info.ArgumentList.Add(dataDir);
        if (url is not null)
        {
            info.ArgumentList.Add("--urls");
            info.ArgumentList.Add(url);
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        info.Environment.Remove("ASPNETCORE_URLS");
        // Without https, none: a development RP would otherwise also bind the shared default https port.
        info.Environment["Frontend__HttpsPort"] = (httpsPort ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var rp = new RpProcess(process, url, httpsPort is null ? null : $"https://127.0.0.1:{httpsPort}");
        process.OutputDataReceived += (_, e) => rp.Append(e.Data);
        process.ErrorDataReceived += (_, e) => rp.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (url is not null)
        {
            await rp.WaitUntilServingAsync(TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
        }

        if (httpsPort is not null)
        {
            await rp.WaitUntilListeningAsync(httpsPort.Value, TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        }

        return rp;
    }

    /// <summary>Waits until a line containing <paramref name="text"/> has been written.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline || process.HasExited)
            {
                throw new TimeoutException($"rp (pid {Id}) did not write '{text}' within {timeout}. Output:\n{Output}");
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A crash: SIGKILL, no chance to clean up.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync().ConfigureAwait(false);
    }

    /// <summary>An orderly stop: SIGTERM, then wait.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (!process.HasExited)
        {
            using var term = Process.Start("kill", ["-TERM", Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await term.WaitForExitAsync().ConfigureAwait(false);
        }

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await KillAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync().ConfigureAwait(false);
        process.Dispose();
    }

    private async Task WaitUntilServingAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"rp exited with code {process.ExitCode} before serving. Output:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync($"{Url}/providers/RedHat.OpenShift/operations?api-version=2020-04-30", cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Not answering yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"rp did not serve {Url} within {timeout}. Output:\n{Output}");
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Waits for the https port to accept connections. Only TCP: whether TLS works with the
    /// right certificate is for the tests to check, not for the harness to assume.
    /// </summary>
    private async Task WaitUntilListeningAsync(int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"rp exited with code {process.ExitCode} before listening on {port}. Output:\n{Output}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SocketException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"rp did not listen on {port} within {timeout}. Output:\n{Output}");
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            output.AppendLine(line);
        }
    }

    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
