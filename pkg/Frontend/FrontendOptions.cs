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

    /// <summary>
    /// The longest a request may take: one still running then (a store not answering) gets 503
    /// with <c>Retry-After</c> rather than keeping the client waiting.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(20);

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

    /// <summary>
    /// The regions clusters may be created in, comma-separated region names: a create elsewhere
    /// is refused with <c>LocationNotAvailableForResourceType</c>. The default is Azure's public regions.
    /// </summary>
    public string SupportedLocations { get; set; } = DefaultLocations;

    /// <summary>The longest request line (method, URL, version) the server reads; longer gets 414.</summary>
    public int MaxRequestLineBytes { get; set; } = 8 * 1024;

    /// <summary>The most header bytes (names and values) a request may carry; more gets 431.</summary>
    public int MaxRequestHeadersBytes { get; set; } = 32 * 1024;

    /// <summary>The most headers a request may carry; more gets 431.</summary>
    public int MaxRequestHeaderCount { get; set; } = 100;

    /// <summary>The region names in <see cref="SupportedLocations"/>.</summary>
    internal IReadOnlyList<string> SupportedLocationNames() =>
        SupportedLocations.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private const string DefaultLocations =
        "australiacentral,australiacentral2,australiaeast,australiasoutheast,austriaeast,belgiumcentral,brazilsouth,brazilsoutheast,"
        + "canadacentral,canadaeast,centralindia,centralus,chilecentral,eastasia,eastus,eastus2,francecentral,francesouth,"
        + "germanynorth,germanywestcentral,indonesiacentral,israelcentral,italynorth,japaneast,japanwest,jioindiacentral,jioindiawest,"
        + "koreacentral,koreasouth,malaysiawest,mexicocentral,newzealandnorth,northcentralus,northeurope,norwayeast,norwaywest,"
        + "polandcentral,qatarcentral,southafricanorth,southafricawest,southcentralus,southeastasia,southindia,spaincentral,"
        + "swedencentral,swedensouth,switzerlandnorth,switzerlandwest,uaecentral,uaenorth,uksouth,ukwest,westcentralus,"
        + "westeurope,westindia,westus,westus2,westus3";
}
