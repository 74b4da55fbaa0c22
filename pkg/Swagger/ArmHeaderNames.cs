namespace Rp.Swagger;

/// <summary>The response headers of ARM's asynchronous operations, as the frontend writes them.</summary>
internal static class ArmHeaderNames
{
    public const string AzureAsyncOperation = "Azure-AsyncOperation";
    public const string Location = "Location";
    public const string RetryAfter = "Retry-After";
}
