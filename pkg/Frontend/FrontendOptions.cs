namespace Rp.Frontend;

/// <summary>Frontend settings (section <c>Frontend</c>).</summary>
public sealed class FrontendOptions
{
    public const string SectionName = "Frontend";

    /// <summary>The <c>Retry-After</c> seconds on async responses and running polls.</summary>
    public int RetryAfterSeconds { get; set; } = 5;

    /// <summary>Request bodies larger than this get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Items per list page when the client sends no <c>$top</c>.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>The largest <c>$top</c> accepted.</summary>
    public int MaxPageSize { get; set; } = 1000;

    /// <summary>
    /// The port https is served on, next to the configured URLs, whenever there is a certificate
    /// (Kestrel's default certificate, or in development one generated in the data directory) and
    /// no URL is https already. 0: https only where a URL says so.
    /// </summary>
    public int HttpsPort { get; set; } = 8443;
}
