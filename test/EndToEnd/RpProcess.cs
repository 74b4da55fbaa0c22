using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Rp.EndToEnd.Tests;

/// <summary>
/// The built <c>rp</c> binary run as a separate process, as an operator runs it: its role, data
/// directory, URLs and configuration on the command line and in the environment; its output kept
/// for assertions; stopped by SIGKILL (a crash) or SIGTERM (an orderly stop).
/// </summary>
public sealed class RpProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly List<string> lines = [];
    private readonly Lock gate = new();
    private DateTimeOffset? exitedAt;

    private RpProcess(Process process, string role, string? url, string? httpsUrl, string managementUrl)
    {
        this.process = process;
        Role = role;
        Url = url;
        HttpsUrl = httpsUrl;
        ManagementUrl = managementUrl;
    }

    /// <summary>The role it runs: all, frontend, forwarder or backend.</summary>
    public string Role { get; }

    /// <summary>The plain-http base URL, for roles that serve HTTP.</summary>
    public string? Url { get; }

    /// <summary>The https base URL, when started with https.</summary>
    public string? HttpsUrl { get; }

    /// <summary>The management listener (health, readiness, metrics) every role has, on a free loopback port.</summary>
    public string ManagementUrl { get; }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>When the process was seen to exit (after a kill: no line can be later than this).</summary>
    public DateTimeOffset? ExitedAt
    {
        get { lock (gate) { return exitedAt; } }
    }

    /// <summary>Everything the process wrote so far (stdout and stderr).</summary>
    public string Output
    {
        get { lock (gate) { return string.Join(Environment.NewLine, lines); } }
    }

    /// <summary>The lines the process wrote so far (stdout and stderr, in the order they arrived).</summary>
    public IReadOnlyList<string> Lines
    {
        get { lock (gate) { return lines.ToArray(); } }
    }

    /// <summary>Where the rp.dll next to the tests is (the test project references cmd/rp).</summary>
    public static string BinaryPath => Path.Combine(AppContext.BaseDirectory, "rp.dll");

    /// <summary>
    /// Starts <c>rp [role] --data-dir DIR</c> with <paramref name="settings"/> as environment
    /// variables (<c>Section__Key</c>). A frontend gets a free loopback port and is waited for;
    /// every role gets a free port for its management listener, and is waited for on it.
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
        // A free port is released before rp binds it, so another program on the machine can
        // take it in between: then rp exits with "address already in use" and gets other ports.
        for (var attempt = 1; ; attempt++)
        {
            var rp = Launch(dataDir, role, settings, https);
            try
            {
                if (rp.Url is not null)
                {
                    await rp.WaitUntilServingAsync(TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
                }

                if (rp.HttpsUrl is not null)
                {
                    await rp.WaitUntilListeningAsync(new Uri(rp.HttpsUrl).Port, TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
                }

                await rp.WaitUntilListeningAsync(new Uri(rp.ManagementUrl).Port, TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);

                return rp;
            }
            catch (InvalidOperationException) when (attempt < 3 && rp.Output.Contains("address already in use", StringComparison.Ordinal))
            {
                await rp.DisposeAsync().ConfigureAwait(false);
            }
            catch
            {
                await rp.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    private static RpProcess Launch(string dataDir, string? role, IReadOnlyDictionary<string, string>? settings, bool https)
    {
        var servesHttp = role is null or "all" or "frontend";
        var url = servesHttp ? $"http://127.0.0.1:{FreePort()}" : null;
        var httpsPort = servesHttp && https ? FreePort() : (int?)null;
        var managementUrl = $"http://127.0.0.1:{FreePort()}";
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
        info.Environment["Management__Urls"] = managementUrl;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var rp = new RpProcess(process, role ?? "all", url, httpsPort is null ? null : $"https://127.0.0.1:{httpsPort}", managementUrl);
        process.OutputDataReceived += (_, e) => rp.Append(e.Data);
        process.ErrorDataReceived += (_, e) => rp.Append(e.Data);
        process.Exited += (_, _) => rp.MarkExited();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return rp;
    }

    /// <summary>Waits until a line containing <paramref name="text"/> has been written.</summary>
    public Task WaitForOutputAsync(string text, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WaitForLineAsync(l => l.Contains(text, StringComparison.Ordinal), $"'{text}'", timeout, cancellationToken);

    /// <summary>Waits until a line matching <paramref name="predicate"/> has been written; returns it.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> predicate, string description, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var line = Lines.FirstOrDefault(predicate);
            if (line is not null)
            {
                return line;
            }

            if (DateTime.UtcNow > deadline || process.HasExited)
            {
                throw new TimeoutException($"rp {Role} (pid {Id}) did not write {description} within {timeout}. Its last lines:\n{Tail(40)}");
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The last <paramref name="count"/> lines, for failure messages.</summary>
    public string Tail(int count)
    {
        lock (gate)
        {
            return string.Join(Environment.NewLine, lines.Skip(Math.Max(0, lines.Count - count)));
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
        MarkExited();
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
            MarkExited();
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

    /// <summary>Serving means: this process says it listens on its URL, and the URL answers.</summary>
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

            if (Output.Contains($"Now listening on: {Url}", StringComparison.Ordinal) && await AnswersAsync(client, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"rp did not serve {Url} within {timeout}. Output:\n{Output}");
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> AnswersAsync(HttpClient client, CancellationToken cancellationToken)
    {
        try
        {
            // Production answers a caller without ARM's client certificate 401: serving all the same.
            using var response = await client.GetAsync($"{Url}/providers/RedHat.OpenShift/operations?api-version=2020-04-30", cancellationToken).ConfigureAwait(false);
            return response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
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
            lines.Add(line);
        }
    }

    private void MarkExited()
    {
        lock (gate)
        {
            exitedAt ??= DateTimeOffset.UtcNow;
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
