namespace Rp.Frontend;

internal static class ArmHeaders
{
    public const string RequestId = "x-ms-request-id";
    public const string ClientRequestId = "x-ms-client-request-id";
    public const string ReturnClientRequestId = "x-ms-return-client-request-id";
    public const string CorrelationRequestId = "x-ms-correlation-request-id";
    public const string SystemData = "x-ms-arm-resource-system-data";
    public const string AzureAsyncOperation = "Azure-AsyncOperation";
    public const string Location = "Location";
    public const string RetryAfter = "Retry-After";
    public const string Referer = "Referer";
}
