namespace Rp.Frontend;

/// <summary>Frontend settings (section <c>Frontend</c>).</summary>
public sealed class FrontendOptions
{
    public const string SectionName = "Frontend";

    /// <summary>The <see cref="RetryAfterSeconds"/> of a production RP when none is configured.</summary>
    public const int DefaultRetryAfterSeconds = 5;

    /// <summary>
    /// The <see cref="RetryAfterSeconds"/> of a development RP when none is configured: its
    /// operations take milliseconds, and a client told to wait 5 s between polls (or, without the
    /// header, the Azure SDK's 30 s) would spend its time waiting for nothing.
    /// </summary>
    public const int DevelopmentRetryAfterSeconds = 1;

    /// <summary>
    /// The <c>Retry-After</c> seconds on async responses and on polls of running operations. At
    /// least 1: the Azure SDK treats 0 as no header and waits its 30 s default.
    /// </summary>
    public int RetryAfterSeconds { get; set; } = DefaultRetryAfterSeconds;

    /// <summary>Request bodies larger than this get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Items per list page when the client sends no <c>$top</c>.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>The largest <c>$top</c> accepted.</summary>
    public int MaxPageSize { get; set; } = 1000;

    /// <summary>
    /// How many documents the frontend keeps what it made of them for (a cluster's rendered GET, a
    /// subscription's state), each used only once the store confirmed the document unchanged.
    /// </summary>
    public int CachedDocuments { get; set; } = 10_000;

    /// <summary>
    /// The port https is served on, next to the configured URLs, whenever there is a certificate
    /// (Kestrel's default certificate, or in development one generated in the data directory) and
    /// no URL is https already. 0: https only where a URL says so.
    /// </summary>
    public int HttpsPort { get; set; } = 8443;
}
