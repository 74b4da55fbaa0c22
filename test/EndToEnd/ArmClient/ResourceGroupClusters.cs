using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.ResourceManager;
using Azure.ResourceManager.Models;
using Azure.ResourceManager.Resources;

namespace Rp.EndToEnd.Tests.ArmClient;

/// <summary>
/// The clusters of one resource group, listed as a generated management SDK lists a provider's
/// resources: <c>GET .../resourceGroups/{rg}/providers/RedHat.OpenShift/OpenShiftClusters</c> on
/// the <see cref="Azure.ResourceManager.ArmClient"/>'s own pipeline (its authentication, retries
/// and policies), one page per request, following <c>nextLink</c>. ArmClient's own list calls go
/// to Microsoft.Resources (<c>.../resources?$filter=</c>), which ARM serves from its cache, not
/// the RP.
/// </summary>
internal sealed class ResourceGroupClusters(Azure.ResourceManager.ArmClient client, ResourceIdentifier resourceGroupId) : ArmResource(client, resourceGroupId)
{
    public static readonly ResourceType ClusterType = new("RedHat.OpenShift/OpenShiftClusters");

    public AsyncPageable<GenericResourceData> GetAllAsync(CancellationToken cancellationToken = default) => new Pages(this, cancellationToken);

    private async Task<Page<GenericResourceData>> GetPageAsync(string? nextLink, CancellationToken cancellationToken)
    {
        Uri uri;
        if (nextLink is null)
        {
            TryGetApiVersion(ClusterType, out var apiVersion);
            var builder = new RequestUriBuilder();
            builder.Reset(Endpoint);
            builder.AppendPath($"{Id}/providers/{ClusterType}", escape: false);
            builder.AppendQuery("api-version", apiVersion ?? throw new InvalidOperationException($"Set an api-version for {ClusterType}."));
            uri = builder.ToUri();
        }
        else
        {
            uri = new Uri(nextLink);
        }

        using var message = Pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Get;
        message.Request.Uri.Reset(uri);
        message.Request.Headers.Add("Accept", "application/json");
        await Pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.Status != 200)
        {
            throw new RequestFailedException(response);
        }

        using var document = await JsonDocument.ParseAsync(response.ContentStream!, cancellationToken: cancellationToken).ConfigureAwait(false);
        var items = document.RootElement.GetProperty("value").EnumerateArray().Select(ToData).ToList();
        var next = document.RootElement.TryGetProperty("nextLink", out var link) ? link.GetString() : null;
        return Page<GenericResourceData>.FromValues(items, next, response);
    }

    private static GenericResourceData ToData(JsonElement item)
    {
        var tags = item.TryGetProperty("tags", out var t) ? t.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!) : new Dictionary<string, string>();
        // Azure.ResourceManager 1.7.0 keeps its JSON reader for this type internal; its model factory is the public way in.
        return ResourceManagerModelFactory.GenericResourceData(
            new ResourceIdentifier(item.GetProperty("id").GetString()!),
            item.GetProperty("name").GetString()!,
            new ResourceType(item.GetProperty("type").GetString()!),
            systemData: null,
            tags,
            new AzureLocation(item.GetProperty("location").GetString()!),
            extendedLocation: null,
            plan: null,
            BinaryData.FromString(item.GetProperty("properties").GetRawText()),
            kind: null,
            managedBy: null,
            sku: null,
            identity: null,
            createdOn: null,
            changedOn: null,
            provisioningState: null);
    }

    private sealed class Pages(ResourceGroupClusters clusters, CancellationToken cancellationToken) : AsyncPageable<GenericResourceData>(cancellationToken)
    {
        public override async IAsyncEnumerable<Page<GenericResourceData>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
        {
            var nextLink = continuationToken;
            do
            {
                var page = await clusters.GetPageAsync(nextLink, CancellationToken).ConfigureAwait(false);
                yield return page;
                nextLink = page.ContinuationToken;
            }
            while (nextLink is not null);
        }
    }
}
