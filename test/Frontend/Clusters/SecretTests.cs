using System.Net;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Clusters;

/// <summary>The secrets a client sends (pull secret, client secret) never come back from GET, PUT, PATCH or lists.</summary>
public abstract class SecretTests(RpFactory factory, ApiVersionCase version) : ClusterTestBase(factory, version)
{
    [Fact]
    public async Task Responses_NeverCarryTheSecretsSent()
    {
        var cluster = ClusterRef.New();
        var responses = new List<ArmResponse> { await PutAsync(cluster), await GetAsync(cluster) };
        await Backend.EndOperationAsync(cluster);
        var replace = await PutAsync(cluster, Version.CreateBody().With("tags.env", "replaced"));
        responses.Add(replace);
        await Backend.EndOperationAsync(cluster);
        responses.Add(await Arm.GetAsync(OperationResultsUrl(replace.Header("Azure-AsyncOperation")!)));
        responses.Add(await PatchAsync(cluster, new JObject { ["tags"] = new JObject { ["a"] = "b" } }));
        responses.Add(await ListAsync(cluster.ResourceGroupList));
        responses.Add(await ListAsync(cluster.SubscriptionList));
        responses.Add(await Arm.GetAsync(replace.Header("Azure-AsyncOperation")!));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK || r.StatusCode == HttpStatusCode.Created);
        foreach (var response in responses)
        {
            ShouldContainNoSecret(response);
        }
    }

    [Fact]
    public async Task Response_ToAnInvalidBody_DoesNotEchoTheSecret()
    {
        var put = await PutAsync(ClusterRef.New(), Version.CreateBody().With("properties.workerProfiles[0].count", 1));

        put.ShouldBeCloudError(HttpStatusCode.BadRequest, "InvalidParameter");
        ShouldContainNoSecret(put);
    }
}
