using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Rp.EndToEnd.Tests.Monitoring;

/// <summary>
/// A real Prometheus server (Debian's package, installed by <c>hack/prometheus.sh</c> when
/// missing) running the committed <c>deploy/monitoring/prometheus.yml</c>, with its targets file
/// pointing at the given management listeners and a one-second scrape interval; queried over its
/// HTTP API.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly HttpClient http;
    private readonly string directory;

    private PrometheusServer(Process process, string url, string directory)
    {
        this.process = process;
        this.directory = directory;
        Url = url;
        http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) };
    }

    public string Url { get; }

    public static async Task<PrometheusServer> StartAsync(IEnumerable<string> managementUrls)
    {
        var root = RepositoryRoot.Path;
        var binary = (await RunAsync("bash", Path.Combine(root, "hack", "prometheus.sh"), "path")).Trim();
        var directory = Path.Combine(Path.GetTempPath(), "rp-prometheus-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);

        const string committedInterval = "scrape_interval: 15s";
        var config = await File.ReadAllTextAsync(Path.Combine(root, "deploy", "monitoring", "prometheus.yml"));
        if (!config.Contains(committedInterval, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"deploy/monitoring/prometheus.yml no longer says '{committedInterval}': update this harness.");
        }

        await File.WriteAllTextAsync(Path.Combine(directory, "prometheus.yml"), config.Replace(committedInterval, "scrape_interval: 1s", StringComparison.Ordinal));
        var targets = new JsonArray(new JsonObject
        {
            ["targets"] = new JsonArray(managementUrls.Select(u => (JsonNode)new Uri(u).Authority).ToArray()),
            ["labels"] = new JsonObject(),
        });
        await File.WriteAllTextAsync(Path.Combine(directory, "rp-targets.json"), targets.ToJsonString());

        var url = $"http://127.0.0.1:{RpProcess.FreePort()}";
        var info = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        info.ArgumentList.Add("--config.file=" + Path.Combine(directory, "prometheus.yml"));
        info.ArgumentList.Add("--storage.tsdb.path=" + Path.Combine(directory, "data"));
        info.ArgumentList.Add("--web.listen-address=" + new Uri(url).Authority);
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PrometheusServer(process, url, directory);
        try
        {
            await Poll.UntilAsync(server.IsReadyAsync, ready => ready, TimeSpan.FromSeconds(60), "Prometheus ready");
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>An instant query's result vector (empty when nothing matches); throws when Prometheus refuses the query.</summary>
    public async Task<JsonArray> QueryAsync(string promql)
    {
        using var response = await http.GetAsync("/api/v1/query?query=" + Uri.EscapeDataString(promql));
        var body = await response.Content.ReadFromJsonAsync<JsonObject>() ?? throw new InvalidOperationException("empty answer");
        if (body["status"]?.GetValue<string>() != "success")
        {
            throw new InvalidOperationException($"Prometheus refused '{promql}': {body.ToJsonString()}");
        }

        return body["data"]?["result"] as JsonArray ?? [];
    }

    /// <summary>The sum over a query's series (0 when there is none).</summary>
    public async Task<double> ScalarAsync(string promql) =>
        (await QueryAsync(promql)).Sum(series => double.Parse(series!["value"]![1]!.GetValue<string>(), CultureInfo.InvariantCulture));

    /// <summary>Every metric name Prometheus has stored.</summary>
    public async Task<IReadOnlySet<string>> MetricNamesAsync()
    {
        var body = await http.GetFromJsonAsync<JsonObject>("/api/v1/label/__name__/values") ?? [];
        return (body["data"] as JsonArray ?? []).Select(n => n!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The health of each scrape target, by address.</summary>
    public async Task<IReadOnlyDictionary<string, string>> TargetHealthAsync()
    {
        var body = await http.GetFromJsonAsync<JsonObject>("/api/v1/targets") ?? [];
        return (body["data"]?["activeTargets"] as JsonArray ?? [])
            .ToDictionary(t => t!["labels"]!["instance"]!.GetValue<string>(), t => t!["health"]!.GetValue<string>());
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
        http.Dispose();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleaner.
        }
    }

    private static async Task<string> RunAsync(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await stderr}");
        }

        return await stdout;
    }

    private async Task<bool> IsReadyAsync()
    {
        if (process.HasExited)
        {
            throw new InvalidOperationException($"Prometheus exited with code {process.ExitCode}.");
        }

        try
        {
            using var response = await http.GetAsync("/-/ready");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
