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

    /// <summary>The longest client or correlation request id accepted.</summary>
    public const int MaxRequestIdLength = 1024;

    /// <summary>Whether a client's request id may be logged, stored and echoed: printable ASCII, bounded (empty: none sent).</summary>
    public static bool IsValidRequestId(string value) => value.Length <= MaxRequestIdLength && IsPrintableAscii(value);

    /// <summary>Whether <paramref name="value"/> can go into a response header as it is.</summary>
    public static bool IsPrintableAscii(string value) => value.All(c => c is >= ' ' and <= '~');
}
