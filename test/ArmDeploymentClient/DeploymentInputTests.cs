using FluentAssertions;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Rp.ArmDeploymentClient.Tests;

/// <summary>Parameter values as <c>az deployment group create --parameters</c> takes them, and secure ones filled in.</summary>
public sealed class DeploymentInputTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("arm-deployment-client-tests-").FullName;

    /// <summary>Case, NAME=VALUE argument, the value it gives.</summary>
    public static TheoryData<string, string, JToken> Values => new()
    {
        { "string stays text", "name=0123", "0123" },
        { "secure string stays text", "secret={\"auths\":{}}", "{\"auths\":{}}" },
        { "int", "count=3", 3 },
        { "negative int", "count=-1", -1 },
        { "bool", "enabled=true", true },
        { "object", "tags={\"a\":\"b\"}", new JObject { ["a"] = "b" } },
        { "array", "list=[1,2]", new JArray(1, 2) },
        { "name in other case", "COUNT=4", 4 },
    };

    /// <summary>Case, argument refused.</summary>
    public static TheoryData<string, string> Refused => new()
    {
        { "unknown parameter", "other=1" },
        { "not an int", "count=three" },
        { "not a bool", "enabled=yes" },
        { "not JSON", "tags={a" },
        { "no equals sign", "count" },
    };

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Theory]
    [MemberData(nameof(Values))]
    public async Task LoadAsync_NameEqualsValue_IsTypedAsTheTemplateDeclaresIt(string name, string argument, JToken expected)
    {
        var input = await DeploymentInput.LoadAsync(Bicep(), await TemplateFileAsync(), [argument]);

        JToken.DeepEquals(input.Parameters.Single().Value, expected).Should().BeTrue($"{name}: {input.Parameters.Single().Value}");
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task LoadAsync_BadArgument_IsRefusedClearly(string name, string argument)
    {
        var load = async () => await DeploymentInput.LoadAsync(Bicep(), await TemplateFileAsync(), [argument]);

        (await load.Should().ThrowAsync<DeploymentException>(name)).Which.Message.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task LoadAsync_ParametersFileThenValue_LaterWins()
    {
        var file = Path.Combine(dir, "parameters.json");
        await File.WriteAllTextAsync(file, """{"parameters":{"count":{"value":5},"name":{"value":"x"}}}""");

        var input = await DeploymentInput.LoadAsync(Bicep(), await TemplateFileAsync(), [$"@{file}", "count=6"]);

        input.Parameters["count"].Value<int>().Should().Be(6);
        input.Parameters["name"].Value<string>().Should().Be("x");
    }

    [Fact]
    public async Task LoadAsync_NoSuchFile_IsRefused()
    {
        var load = () => DeploymentInput.LoadAsync(Bicep(), Path.Combine(dir, "missing.json"), []);

        await load.Should().ThrowAsync<DeploymentException>().WithMessage("*does not exist*");
    }

    [Theory]
    [InlineData("given", "[parameters('secret')]", "given-secret")]
    [InlineData("default", "[parameters('defaulted')]", "default-secret")]
    [InlineData("not secure: left to the engine", "[parameters('name')]", "[parameters('name')]")]
    [InlineData("part of a longer expression", "[concat(parameters('secret'), 'x')]", "[concat(parameters('secret'), 'x')]")]
    public void Fill_SecureParameterLeftByTheEngine_IsFilledIn(string name, string value, string expected)
    {
        var resource = new JObject { ["properties"] = new JObject { ["value"] = value } };

        SecureParameters.Fill(resource, Template(), new Dictionary<string, JToken> { ["secret"] = "given-secret" });

        ((string?)resource.SelectToken("properties.value")).Should().Be(expected, name);
    }

    [Fact]
    public void Fill_SecureParameterWithoutValue_Throws()
    {
        var resource = new JObject { ["value"] = "[parameters('secret')]" };

        var fill = () => SecureParameters.Fill(resource, Template(), new Dictionary<string, JToken>());

        fill.Should().Throw<DeploymentException>().WithMessage("*secret*no value*");
    }

    private static BicepCli Bicep() => new("/nonexistent/bicep: a JSON template needs no Bicep CLI");

    private static JObject Template() => JObject.Parse("""
        {
          "parameters": {
            "name": { "type": "string" },
            "secret": { "type": "securestring" },
            "defaulted": { "type": "securestring", "defaultValue": "default-secret" },
            "count": { "type": "int" },
            "enabled": { "type": "bool" },
            "tags": { "type": "object" },
            "list": { "type": "array" }
          },
          "resources": []
        }
        """);

    private async Task<string> TemplateFileAsync()
    {
        var file = Path.Combine(dir, "template.json");
        await File.WriteAllTextAsync(file, Template().ToString());
        return file;
    }
}
