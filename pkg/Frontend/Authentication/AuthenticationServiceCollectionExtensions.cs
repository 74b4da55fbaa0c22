using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authentication.Certificate;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Rp.Env;

namespace Rp.Frontend.Authentication;

internal static class AuthenticationServiceCollectionExtensions
{
    /// <summary>Per-attempt bound on a metadata fetch; the retries come on top.</summary>
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Production: the two certificate schemes, ARM's certificates (pinned, and refreshed from the
    /// metadata endpoint when one is configured) and their readiness check. Development: nothing,
    /// so nobody needs a certificate.
    /// </summary>
    public static IServiceCollection AddRpClientCertificates(this IServiceCollection services, IConfiguration configuration)
    {
        var arm = services.AddOptions<ArmAuthenticationOptions>().Bind(configuration.GetSection(ArmAuthenticationOptions.SectionName));
        var admin = services.AddOptions<AdminAuthenticationOptions>().Bind(configuration.GetSection(AdminAuthenticationOptions.SectionName));
        var rp = configuration.GetSection(RpOptions.SectionName).Get<RpOptions>() ?? new RpOptions();
        if (rp.Mode != RpMode.Production)
        {
            return services;
        }

        arm.Validate(
                o => o.MetadataUrl is not null || o.PinnedCertificates.Any(p => !string.IsNullOrWhiteSpace(p)),
                $"Production mode needs {ArmAuthenticationOptions.SectionName}:{nameof(ArmAuthenticationOptions.MetadataUrl)} or {ArmAuthenticationOptions.SectionName}:{nameof(ArmAuthenticationOptions.PinnedCertificates)}: ARM's client certificate is the only way in.")
            .ValidateOnStart();
        admin.Validate(
                o => string.IsNullOrWhiteSpace(o.CaBundlePath) == string.IsNullOrWhiteSpace(o.ClientCertificateCommonName) && (!o.IsConfigured || File.Exists(o.CaBundlePath)),
                $"The admin API needs both {AdminAuthenticationOptions.SectionName}:{nameof(AdminAuthenticationOptions.CaBundlePath)} (an existing PEM file) and {AdminAuthenticationOptions.SectionName}:{nameof(AdminAuthenticationOptions.ClientCertificateCommonName)}, or neither.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ArmCertificates>();
        services.AddAuthentication()
            .AddCertificate(ClientCertificateSchemes.Arm, _ => { })
            .AddCertificate(ClientCertificateSchemes.Admin, _ => { });
        services.AddOptions<CertificateAuthenticationOptions>(ClientCertificateSchemes.Arm).Configure<ArmCertificates, TimeProvider>(ConfigureArm);
        services.AddOptions<CertificateAuthenticationOptions>(ClientCertificateSchemes.Admin).Configure<IOptions<AdminAuthenticationOptions>>((o, admin) => ConfigureAdmin(o, admin.Value));
        services.AddHealthChecks().AddCheck<ArmCertificatesHealthCheck>(ArmCertificatesHealthCheck.Name, tags: ["ready"]);

        if (configuration.GetSection(ArmAuthenticationOptions.SectionName)[nameof(ArmAuthenticationOptions.MetadataUrl)] is { Length: > 0 })
        {
            services.AddHttpClient<ArmMetadataClient>()
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
                .AddResilienceHandler("arm-metadata", (pipeline, context) =>
                {
                    var options = context.ServiceProvider.GetRequiredService<IOptions<ArmAuthenticationOptions>>().Value;
                    pipeline.AddRetry(new HttpRetryStrategyOptions { MaxRetryAttempts = 3, Delay = options.RetryDelay, BackoffType = DelayBackoffType.Exponential, UseJitter = true });
                    pipeline.AddTimeout(AttemptTimeout);
                });
            services.AddHostedService<ArmMetadataRefresher>();
        }

        return services;
    }

    /// <summary>
    /// ARM's certificates are pinned byte for byte: whatever they chain to, or whatever usages they
    /// name, the pin decides. (The handler still builds a chain: a self-signed certificate passes
    /// it as its own root; a CA-issued one must chain to a root this machine trusts, as ARM's do.)
    /// </summary>
    private static void ConfigureArm(CertificateAuthenticationOptions options, ArmCertificates certificates, TimeProvider time)
    {
        options.AllowedCertificateTypes = CertificateTypes.All;
        options.RevocationMode = X509RevocationMode.NoCheck;
        options.ValidateCertificateUse = false;
        options.Events = new CertificateAuthenticationEvents
        {
            OnCertificateValidated = context =>
            {
                if (certificates.Accepts(context.ClientCertificate, time.GetUtcNow()))
                {
                    context.Success();
                }
                else
                {
                    context.Fail("it is not a certificate ARM publishes or one pinned");
                }

                return Task.CompletedTask;
            },
        };
    }

    /// <summary>
    /// Admin certificates chain to the configured CA bundle and nothing else (never the machine's
    /// roots), are not self-signed, and pass <see cref="AdminCertificateRules"/>. Revocation is not
    /// checked: an operator's CA publishes no revocation list this process could reach.
    /// </summary>
    private static void ConfigureAdmin(CertificateAuthenticationOptions options, AdminAuthenticationOptions admin)
    {
        options.AllowedCertificateTypes = CertificateTypes.Chained;
        options.ChainTrustValidationMode = X509ChainTrustMode.CustomRootTrust;
        options.RevocationMode = X509RevocationMode.NoCheck;
        options.ValidateCertificateUse = true;
        if (admin.IsConfigured)
        {
            options.CustomTrustStore.ImportFromPemFile(admin.CaBundlePath!);
        }

        options.Events = new CertificateAuthenticationEvents
        {
            OnCertificateValidated = context =>
            {
                if (AdminCertificateRules.Refusal(context.ClientCertificate, admin.ClientCertificateCommonName ?? "") is { } refusal)
                {
                    context.Fail(refusal);
                }
                else
                {
                    context.Success();
                }

                return Task.CompletedTask;
            },
        };
    }
}
