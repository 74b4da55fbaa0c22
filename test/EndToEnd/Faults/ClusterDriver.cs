using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;

namespace Rp.EndToEnd.Tests.Faults;

/// <summary>
/// Runs one cluster's plan as a client would: each request until it is answered (through
/// <see cref="RetryingClient"/>), a 409 <c>AnotherOperationInProgress</c> waited out and sent again.
/// Records every accepted operation and whether the client believes the cluster exists.
/// </summary>
public sealed class ClusterDriver(
    RetryingClient client,
    FaultCounts counts,
    ClusterPlan plan,
    TestPullSecret pullSecret,
    ConcurrentBag<(ClusterRef Cluster, string What, string Url)> accepted,
    ConcurrentDictionary<ClusterRef, bool> exists)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private ClusterRef Cluster => plan.Cluster;

    private string Url => $"{Cluster.Path}?api-version={plan.ApiVersion}";

    public async Task RunAsync()
    {
        var workers = 3;
        foreach (var (operation, index) in plan.Operations.Select((o, i) => (o, i)))
        {
            switch (operation)
            {
                case PlannedOperation.Create:
                    await PutAsync("create", workers = 3);
                    break;
                case PlannedOperation.Update:
                    await PutAsync("update", workers = 3 + ((index + workers) % 4));
                    break;
                case PlannedOperation.RepeatedPut:
                    await PutAsync("update", workers);
                    await PutAsync("update", workers);
                    break;
                case PlannedOperation.TagsPatch:
                    await PatchTagsAsync(index);
                    break;
                case PlannedOperation.Delete:
                    await DeleteAsync();
                    break;
                case PlannedOperation.DeleteDuringCreate:
                    await PutAsync("create", workers = 3);
                    await DeleteAsync();
                    break;
            }
        }
    }

    private async Task PutAsync(string what, int workers)
    {
        var response = await UntilNoConflictAsync(HttpMethod.Put, Body(workers));
        Expect(response, "PUT", HttpStatusCode.OK, HttpStatusCode.Created);
        exists[Cluster] = true;
        Record(response.StatusCode == HttpStatusCode.Created ? "create" : what, response);
    }

    private async Task PatchTagsAsync(int index)
    {
        var body = new JsonObject { ["tags"] = new JsonObject { ["step"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture) } };
        var response = await UntilNoConflictAsync(HttpMethod.Patch, body.ToJsonString());
        Expect(response, "PATCH", HttpStatusCode.OK, HttpStatusCode.Accepted);
        Record("update", response);
    }

    private async Task DeleteAsync()
    {
        var response = await client.SendAsync(HttpMethod.Delete, Url);
        counts.Operation();
        Expect(response, "DELETE", HttpStatusCode.Accepted, HttpStatusCode.NoContent);
        exists[Cluster] = false;
        Record("delete", response);
    }

    private async Task<RpResponse> UntilNoConflictAsync(HttpMethod method, string body)
    {
        counts.Operation();
        for (var attempt = 0; ; attempt++)
        {
            var response = await client.SendAsync(method, Url, body);
            if (response.StatusCode != HttpStatusCode.Conflict || attempt > 100)
            {
                return response;
            }

            counts.Retry();
            await WaitForTheRunningOperationAsync();
        }
    }

    /// <summary>Asks once a second (as a client polling an operation would, not hammering the stores) until the cluster is gone or its operation ended.</summary>
    private async Task WaitForTheRunningOperationAsync()
    {
        var until = DateTime.UtcNow + Deadline;
        while (true)
        {
            await Task.Delay(PollInterval);
            var get = await client.SendAsync(HttpMethod.Get, Url);
            if (get.StatusCode == HttpStatusCode.NotFound || get.ProvisioningState is "Succeeded" or "Failed" or "Canceled")
            {
                return;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"{Cluster.Name}: its operation did not end within {Deadline}; last seen: {get}");
            }
        }
    }

    private void Record(string what, RpResponse response)
    {
        if (response.AsyncOperation is { } url)
        {
            accepted.Add((Cluster, what, url));
        }
    }

    private void Expect(RpResponse response, string method, params HttpStatusCode[] statuses)
    {
        if (!statuses.Contains(response.StatusCode))
        {
            throw new InvalidOperationException($"{method} {Cluster.Path} ({plan.ApiVersion}) answered {response}");
        }
    }

    private string Body(int workers)
    {
        var worker = new JsonObject { ["name"] = "worker", ["vmSize"] = "Standard_D2s_v3", ["diskSizeGB"] = 128, ["count"] = workers };
        var properties = plan.ApiVersion == RpClient.V20191231Preview
            ? new JsonObject { ["pullSecret"] = pullSecret.Base64, ["workerProfiles"] = new JsonArray(worker) }
            : new JsonObject { ["clusterProfile"] = new JsonObject { ["pullSecret"] = pullSecret.Decoded }, ["workerProfiles"] = new JsonArray(worker) };
        return new JsonObject { ["location"] = "eastus", ["properties"] = properties }.ToJsonString();
    }
}
