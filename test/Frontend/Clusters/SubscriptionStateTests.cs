using System.Net;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using Rp.Database;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Clusters;

/// <summary>Every row of the subscription lifecycle table of ARM-CONTRACT.md, for every kind of request.</summary>
public abstract class SubscriptionStateTests(RpFactory factory, ApiVersionCase version) : ClusterTestBase(factory, version)
{
    private static readonly string[] Requests = ["GET", "list by resource group", "list by subscription", "PUT", "PATCH", "DELETE", "POST listCredentials"];

    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Registered"] = Requests,
        ["Warned"] = ["GET", "list by resource group", "list by subscription", "DELETE"],
        ["Suspended"] = ["GET", "list by resource group", "list by subscription", "DELETE"],
        ["Deleted"] = [],
        ["Unregistered"] = ["GET", "list by resource group", "list by subscription"],
    };

    /// <summary>Case, subscription state, request, whether it is allowed.</summary>
    public static TheoryData<string, string, string, bool> Table
    {
        get
        {
            var data = new TheoryData<string, string, string, bool>();
            foreach (var (state, allowed) in Allowed)
            {
                foreach (var request in Requests)
                {
                    var isAllowed = allowed.Contains(request);
                    data.Add($"{state}: {request} {(isAllowed ? "allowed" : "refused")}", state, request, isAllowed);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Request_InSubscriptionState_IsAllowedOrRefusedWith409(string name, string state, string request, bool allowed)
    {
        var cluster = ClusterRef.New();
        await CreateSucceededAsync(cluster);
        (await Arm.PutSubscriptionAsync(cluster.SubscriptionId, state)).ShouldHaveStatus(HttpStatusCode.OK);
        var etagBefore = await StoredEtagAsync(cluster);

        var response = request switch
        {
            "GET" => await GetAsync(cluster),
            "list by resource group" => await ListAsync(cluster.ResourceGroupList),
            "list by subscription" => await ListAsync(cluster.SubscriptionList),
            "PUT" => await PutAsync(cluster),
            "PATCH" => await PatchAsync(cluster, new JObject { ["tags"] = new JObject { ["a"] = "b" } }),
            "DELETE" => await DeleteAsync(cluster),
            _ => await PostAsync(cluster, "listCredentials"),
        };

        if (allowed)
        {
            var expected = request switch
            {
                "PUT" => HttpStatusCode.OK,
                "DELETE" => HttpStatusCode.Accepted,
                _ => HttpStatusCode.OK,
            };
            response.StatusCode.Should().Be(expected, "{0}: {1}", name, response);
        }
        else
        {
            response.ShouldBeCloudError(HttpStatusCode.Conflict, "InvalidSubscriptionState");
            ((string?)response.Body["error"]!["message"]).Should().Contain(state, name);
            (await StoredEtagAsync(cluster)).Should().Be(etagBefore, "a refused request changes nothing");
        }
    }

    private async Task<string?> StoredEtagAsync(ClusterRef cluster) =>
        (await Factory.GetRequiredService<IOpenShiftClusters>().GetAsync(cluster.Id.ToLowerInvariant()))?.ResourceETag;
}
