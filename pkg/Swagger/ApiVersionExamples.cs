namespace Rp.Swagger;

/// <summary>A version's example builders (its <c>Examples/</c> folder), as the generator calls them.</summary>
internal sealed record ApiVersionExamples(
    string SubscriptionId,
    string ResourceGroup,
    string ResourceName,
    string Location,
    Func<object> PutRequest,
    Func<object> PatchRequest,
    Func<object> Response,
    Func<object> CredentialsResponse,
    Func<object>? AdminCredentialsResponse);
