using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rp.Env;
using Xunit;

namespace Rp.Frontend.Tests;

public sealed class FrontendServiceCollectionExtensionsTests
{
    public static TheoryData<string, string, string?, int> RetryAfterCases => new()
    {
        { "development, unset: a local RP's operations take milliseconds", "Development", null, FrontendOptions.DevelopmentRetryAfterSeconds },
        { "development, configured", "Development", "3", 3 },
        { "production, unset", "Production", null, FrontendOptions.DefaultRetryAfterSeconds },
        { "production, configured", "Production", "2", 2 },
    };

    [Theory]
    [MemberData(nameof(RetryAfterCases))]
    public void AddRpFrontend_RetryAfterSeconds_DependsOnModeUnlessConfigured(string name, string mode, string? configured, int expected)
    {
        var options = Resolve(mode, configured);

        options.Value.RetryAfterSeconds.Should().Be(expected, name);
    }

    [Fact]
    public void AddRpFrontend_RetryAfterSecondsZero_IsRefused()
    {
        var options = Resolve("Production", "0");

        var read = () => options.Value;

        read.Should().Throw<OptionsValidationException>().WithMessage("*RetryAfterSeconds must be at least 1*");
    }

    private static IOptions<FrontendOptions> Resolve(string mode, string? retryAfterSeconds)
    {
        var settings = new Dictionary<string, string?> { ["Rp:Mode"] = mode };
        if (retryAfterSeconds is not null)
        {
            settings["Frontend:RetryAfterSeconds"] = retryAfterSeconds;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddOptions<RpOptions>().Bind(configuration.GetSection(RpOptions.SectionName));
        services.AddRpFrontend(configuration);
        return services.BuildServiceProvider().GetRequiredService<IOptions<FrontendOptions>>();
    }
}
