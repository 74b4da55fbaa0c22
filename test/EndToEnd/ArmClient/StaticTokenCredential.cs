using Azure.Core;

namespace Rp.EndToEnd.Tests.ArmClient;

/// <summary>
/// A bearer token that is never checked: ARM authenticates callers before it forwards their
/// requests, and the RP trusts ARM, not the token.
/// </summary>
internal sealed class StaticTokenCredential : TokenCredential
{
    private static readonly AccessToken Token = new("e2e-token", DateTimeOffset.MaxValue);

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => Token;

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => ValueTask.FromResult(Token);
}
