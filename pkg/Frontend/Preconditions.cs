using Microsoft.AspNetCore.Http;
using Rp.Api;
using Rp.Database.Documents;

namespace Rp.Frontend;

/// <summary>The If-Match / If-None-Match rules of ARM-CONTRACT.md, against the resource's etag.</summary>
internal static class Preconditions
{
    public static void Check(HttpRequest request, OpenShiftClusterDocument? document)
    {
        var ifMatch = request.Headers.IfMatch.ToString();
        var ifNoneMatch = request.Headers.IfNoneMatch.ToString();
        if (document is null)
        {
            if (ifMatch.Length > 0)
            {
                throw Failed("The resource does not exist, so the If-Match condition cannot match.");
            }

            return;
        }

        if (ifNoneMatch.Length > 0 && (ifNoneMatch.Trim() == "*" || Matches(ifNoneMatch, document.ResourceETag)))
        {
            throw Failed("The resource exists, so the If-None-Match condition fails.");
        }

        if (ifMatch.Length > 0 && ifMatch.Trim() != "*" && !Matches(ifMatch, document.ResourceETag))
        {
            throw Failed("The If-Match condition does not match the resource's current etag.");
        }
    }

    private static bool Matches(string header, string? etag) =>
        etag is not null && header.Split(',').Any(candidate => string.Equals(Strip(candidate.Trim()), Strip(etag), StringComparison.Ordinal));

    private static string Strip(string etag) => (etag.StartsWith("W/", StringComparison.Ordinal) ? etag[2..] : etag).Trim('"');

    private static CloudError Failed(string message) => new(412, CloudErrorCodes.PreconditionFailed, message);
}
