using System.Text;

namespace Rp.EndToEnd.Tests;

/// <summary>
/// A pull secret unique to one test, so that finding any of its forms in a response or a log
/// line can only mean it leaked: the base64 the API takes, the JSON it decodes to, and the
/// registry token inside.
/// </summary>
public sealed class TestPullSecret
{
    public TestPullSecret()
    {
        Token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"e2e:{Guid.NewGuid():N}"));
        Decoded = "{\"auths\":{\"registry.example.com\":{\"auth\":\"" + Token + "\"}}}";
        Base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(Decoded));
    }

    public string Base64 { get; }

    public string Decoded { get; }

    public string Token { get; }

    /// <summary>Every form of it that must never be shown.</summary>
    public IReadOnlyList<string> Forms => [Base64, Decoded, Token];
}
