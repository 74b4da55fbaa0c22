using Microsoft.AspNetCore.Server.Kestrel.Https;
using Rp.Env;
using Rp.Frontend;

namespace Rp.Cmd;

/// <summary>Where the frontend listens, and with which certificate it serves https.</summary>
internal static class RpEndpoints
{
    public const string DefaultUrl = "http://localhost:8080";

    private const string DefaultCertificateSection = "Kestrel:Certificates:Default";

    /// <summary>
    /// The configured URLs (default <see cref="DefaultUrl"/>) and, when there is a certificate,
    /// https on <see cref="FrontendOptions.HttpsPort"/>. The certificate is Kestrel's configured
    /// default one; development falls back to one generated in the data directory, production
    /// never generates one (ARM only trusts a certificate the operator issued). Production asks
    /// every https client for its certificate.
    /// </summary>
    public static void ConfigureRpEndpoints(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var rp = configuration.GetSection(RpOptions.SectionName).Get<RpOptions>() ?? new RpOptions();
        var frontend = configuration.GetSection(FrontendOptions.SectionName).Get<FrontendOptions>() ?? new FrontendOptions();
        var urls = new[] { configuration["urls"], configuration["ASPNETCORE_URLS"] }.FirstOrDefault(u => !string.IsNullOrWhiteSpace(u)) ?? DefaultUrl;

        // Kestrel reads a file (Path) or a store (Subject) certificate; empty keys configure nothing.
        var hasCertificate = !string.IsNullOrWhiteSpace(configuration[$"{DefaultCertificateSection}:Path"])
            || !string.IsNullOrWhiteSpace(configuration[$"{DefaultCertificateSection}:Subject"]);
        if (!hasCertificate && rp.Mode == RpMode.Development)
        {
            var certificate = DevelopmentCertificate.LoadOrCreate(Path.Combine(rp.DataDir, DevelopmentCertificate.FileName), TimeProvider.System);
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate));
            hasCertificate = true;
        }

        if (rp.Mode == RpMode.Production)
        {
            // Every caller proves who it is with its TLS client certificate. The handshake takes any
            // certificate (and none, so the refusal can be a CloudError): the authentication
            // middleware decides whether it is ARM's or an operator's.
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https =>
            {
                https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
                https.ClientCertificateValidation = static (_, _, _) => true;
            }));
        }

        builder.WebHost.UseUrls(hasCertificate ? ListenUrls.WithHttps(urls, frontend.HttpsPort) : urls);
    }
}
