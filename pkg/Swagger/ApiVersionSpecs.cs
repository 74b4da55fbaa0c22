using Rp.Api.V20191231Preview;
using Rp.Api.V20200430;
using Preview = Rp.Api.V20191231Preview;
using PreviewExamples = Rp.Api.V20191231Preview.Examples.OpenShiftClusterExamples;
using Stable = Rp.Api.V20200430;
using StableExamples = Rp.Api.V20200430.Examples.OpenShiftClusterExamples;

namespace Rp.Swagger;

/// <summary>Every api-version the RP serves, with its models and examples.</summary>
internal static class ApiVersionSpecs
{
    public static IReadOnlyList<ApiVersionSpec> All { get; } =
    [
        new(
            new ApiVersion20191231Preview(),
            typeof(Preview.OpenShiftCluster),
            typeof(Preview.OpenShiftClusterCredentials),
            AdminCredentials: null,
            new ApiVersionExamples(
                PreviewExamples.SubscriptionId,
                PreviewExamples.ResourceGroup,
                PreviewExamples.ResourceName,
                PreviewExamples.Location,
                PreviewExamples.PutRequest,
                PreviewExamples.PatchRequest,
                PreviewExamples.Response,
                PreviewExamples.CredentialsResponse,
                AdminCredentialsResponse: null)),
        new(
            new ApiVersion20200430(),
            typeof(Stable.OpenShiftCluster),
            typeof(Stable.OpenShiftClusterCredentials),
            typeof(OpenShiftClusterAdminKubeconfig),
            new ApiVersionExamples(
                StableExamples.SubscriptionId,
                StableExamples.ResourceGroup,
                StableExamples.ResourceName,
                StableExamples.Location,
                StableExamples.PutRequest,
                StableExamples.PatchRequest,
                StableExamples.Response,
                StableExamples.CredentialsResponse,
                StableExamples.AdminCredentialsResponse)),
    ];
}
