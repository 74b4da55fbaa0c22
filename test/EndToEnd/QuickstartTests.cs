using System.Net;
using System.Text;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace Rp.EndToEnd.Tests;

/// <summary>The README's quickstart against the built binary: one <c>rp</c>, every role, embedded stores.</summary>
public sealed class QuickstartTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Quickstart_AllRolesOnOneDataDir_CreatesGivesCredentialsDeletesAndNeverShowsSecrets()
    {
        using var dir = new TempDirectory();
        await using var rp = await RpProcess.StartAsync(dir.Path);
        try
        {
            using var client = new RpClient(rp.Url!);
            var pullSecret = new TestPullSecret();
            var cluster = new ClusterRef(Guid.NewGuid().ToString(), "quickstart", "mycluster");
            var shown = new List<RpResponse>();

            var put = await client.PutClusterAsync(cluster, pullSecret.Base64);
            shown.Add(put);
            put.StatusCode.Should().Be(HttpStatusCode.Created, put.Body);
            put.ProvisioningState.Should().Be("Creating");
            put.AsyncOperation.Should().StartWith(rp.Url + $"/subscriptions/{cluster.SubscriptionId}/providers/RedHat.OpenShift/locations/eastus/operationsStatus/");

            var succeeded = await Poll.UntilAsync(
                async () =>
                {
                    var get = await client.GetClusterAsync(cluster);
                    shown.Add(get);
                    return get;
                },
                get => get.ProvisioningState == "Succeeded",
                Deadline,
                "the cluster reaching Succeeded");
            succeeded.Json["properties"]!["apiserverURL"]!.GetValue<string>().Should().StartWith("https://api.");

            var operation = await Poll.UntilAsync(() => client.GetUrlAsync(put.AsyncOperation!), o => o.Status is "Succeeded" or "Failed" or "Canceled", Deadline, "the create operation ending");
            operation.StatusCode.Should().Be(HttpStatusCode.OK);
            operation.Status.Should().Be("Succeeded", operation.Body);
            operation.Json["name"]!.GetValue<string>().Should().Be(new Uri(put.AsyncOperation!).Segments[^1]);
            operation.Json["endTime"].Should().NotBeNull();

            var byResourceGroup = await client.GetAsync($"{cluster.ResourceGroupPath}/providers/RedHat.OpenShift/OpenShiftClusters?api-version={RpClient.V20191231Preview}");
            var bySubscription = await client.GetAsync($"/subscriptions/{cluster.SubscriptionId}/providers/RedHat.OpenShift/OpenShiftClusters?api-version={RpClient.V20191231Preview}");
            shown.AddRange([byResourceGroup, bySubscription]);
            foreach (var list in new[] { byResourceGroup, bySubscription })
            {
                list.StatusCode.Should().Be(HttpStatusCode.OK);
                list.Json["value"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).Should().Equal(cluster.Name);
            }

            var credentials = await client.GetAsync($"{cluster.Path}/credentials?api-version={RpClient.V20191231Preview}");
            credentials.StatusCode.Should().Be(HttpStatusCode.OK, credentials.Body);
            credentials.Json["kubeadminUsername"]!.GetValue<string>().Should().Be("kubeadmin");
            var password = credentials.Json["kubeadminPassword"]!.GetValue<string>();
            password.Should().HaveLength(23);

            var admin = await client.PostAsync($"{cluster.Path}/listAdminCredentials?api-version={RpClient.V20200430}");
            admin.StatusCode.Should().Be(HttpStatusCode.OK, admin.Body);
            var kubeconfig = Encoding.UTF8.GetString(Convert.FromBase64String(admin.Json["kubeconfig"]!.GetValue<string>()));
            var clientKey = kubeconfig.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("client-key-data:", StringComparison.Ordinal))["client-key-data:".Length..].Trim();

            var delete = await client.DeleteClusterAsync(cluster);
            delete.StatusCode.Should().Be(HttpStatusCode.Accepted, delete.Body);
            delete.AsyncOperation.Should().NotBeNull();
            var gone = await Poll.UntilAsync(() => client.GetClusterAsync(cluster), g => g.StatusCode == HttpStatusCode.NotFound, Deadline, "the cluster being gone");
            gone.Json["error"]!["code"]!.GetValue<string>().Should().Be("ResourceNotFound");
            var deleted = await Poll.UntilAsync(() => client.GetUrlAsync(delete.AsyncOperation!), o => o.Status is "Succeeded" or "Failed" or "Canceled", Deadline, "the delete operation ending");
            deleted.Status.Should().Be("Succeeded", deleted.Body);

            shown.Should().HaveCountGreaterThan(3);
            foreach (var response in shown)
            {
                foreach (var secret in pullSecret.Forms.Append(password))
                {
                    response.Body.Should().NotContain(secret, "GET, PUT and list responses never show a secret");
                }
            }

            await rp.StopAsync(TimeSpan.FromSeconds(30));
            rp.Output.Should().Contain("Install phase kubeconfig completed", "the output is the whole log");
            foreach (var secret in pullSecret.Forms.Concat([password, clientKey, Convert.ToBase64String(Encoding.UTF8.GetBytes(kubeconfig))]))
            {
                rp.Output.Should().NotContain(secret, "no secret is ever logged");
            }
        }
        finally
        {
            RpProcesses.WriteLogs(output, [rp]);
        }
    }
}
