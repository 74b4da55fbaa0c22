using System.Text.RegularExpressions;
using FluentAssertions;
using Newtonsoft.Json.Linq;

namespace Rp.Frontend.Tests.Harness;

/// <summary>What ARM-CONTRACT.md asks of every response, whatever the route.</summary>
public static partial class ArmInvariants
{
    private static readonly string[] ErrorFields = ["code", "message", "target", "details"];

    /// <summary>Text that only an exception leaking out would put in a body.</summary>
    private static readonly string[] LeakMarkers = ["Exception", "   at ", "System.", "Microsoft.AspNetCore", "Microsoft.Extensions", "Newtonsoft", "Rp.Frontend", "Rp.Database", "Rp.Api"];

    public static void Check(ArmResponse response)
    {
        var requestId = response.Header("x-ms-request-id");
        Guid.TryParse(requestId, out _).Should().BeTrue("every response carries a GUID x-ms-request-id: {0}", response);

        if (response.Text.Length > 0)
        {
            response.Header("Content-Type").Should().StartWith("application/json", "a body is JSON: {0}", response);
            response.Invoking(r => r.Json).Should().NotThrow("a body is well-formed JSON: {0}", response);
        }

        if (response.Header("Retry-After") is { } retryAfter)
        {
            int.TryParse(retryAfter, out _).Should().BeTrue("Retry-After is whole seconds: {0}", response);
        }

        foreach (var name in new[] { "Azure-AsyncOperation", "Location" })
        {
            if (response.Header(name) is { } url)
            {
                Uri.TryCreate(url, UriKind.Absolute, out _).Should().BeTrue("{0} is an absolute URL: {1}", name, response);
            }
        }

        if ((int)response.StatusCode >= 400)
        {
            CheckCloudError(response);
        }
    }

    private static void CheckCloudError(ArmResponse response)
    {
        var body = response.Json as JObject;
        body.Should().NotBeNull("an error has a CloudError body: {0}", response);
        body!.Properties().Select(p => p.Name).Should().Equal(["error"], "a CloudError body is {{\"error\":{{...}}}} only: {0}", response);
        var error = body["error"] as JObject;
        error.Should().NotBeNull("error is an object: {0}", response);
        error!.Properties().Select(p => p.Name).Should().BeSubsetOf(ErrorFields, "an error has code, message, target and details only: {0}", response);
        error["code"]?.Type.Should().Be(JTokenType.String, "the code is a string: {0}", response);
        PascalCase().IsMatch((string)error["code"]!).Should().BeTrue("the code is PascalCase: {0}", response);
        error["message"]?.Type.Should().Be(JTokenType.String, "the message is a string: {0}", response);
        ((string)error["message"]!).Should().NotBeNullOrWhiteSpace("an error explains itself: {0}", response);
        if (error["target"] is { } target)
        {
            target.Type.Should().Be(JTokenType.String, "the target is a JSON path: {0}", response);
        }

        if (error["details"] is { } details)
        {
            details.Type.Should().Be(JTokenType.Array, "details is a list of errors: {0}", response);
        }

        foreach (var marker in LeakMarkers)
        {
            response.Text.Should().NotContain(marker, "an error never shows an exception or a stack trace: {0}", response);
        }
    }

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex PascalCase();
}
