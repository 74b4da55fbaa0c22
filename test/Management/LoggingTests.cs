using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Xunit;

namespace Rp.Management.Tests;

public sealed class LoggingTests
{
    public static TheoryData<string, string?, string?, string> Formats => new()
    {
        { "development default", "Development", null, ConsoleFormatterNames.Simple },
        { "production default", "Production", null, ConsoleFormatterNames.Json },
        { "json asked for in development", "Development", "Json", ConsoleFormatterNames.Json },
        { "text asked for in production", "Production", "Text", ConsoleFormatterNames.Simple },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void AddRpManagement_ModeAndLogFormat_ChooseTheConsoleFormatter(string name, string? mode, string? format, string expected)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration["Rp:Mode"] = mode;
        builder.Configuration["Telemetry:LogFormat"] = format;
        builder.Configuration["Management:Urls"] = "";
        builder.AddRpManagement("test", servesArm: false);
        using var services = builder.Services.BuildServiceProvider();

        services.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value.FormatterName.Should().Be(expected, name);
    }
}
