using Microsoft.AspNetCore.Http;

namespace Rp.Env;

/// <summary>The URLs the frontend listens on.</summary>
public static class ListenUrls
{
    /// <summary>
    /// <paramref name="urls"/> (<c>;</c>-separated, as <c>--urls</c> takes them), plus
    /// <c>https://HOST:<paramref name="httpsPort"/></c> on the host of the first of them when none
    /// is https already: an operator who names an https URL has chosen where https goes. Port 0
    /// adds nothing (https only where a URL says so).
    /// </summary>
    public static string WithHttps(string urls, int httpsPort)
    {
        if (httpsPort == 0)
        {
            return urls;
        }

        var addresses = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(BindingAddress.Parse)
            .ToList();
        if (addresses.Any(a => string.Equals(a.Scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase)))
        {
            return urls;
        }

        var host = addresses.FirstOrDefault(a => !a.IsUnixPipe && !a.IsNamedPipe)?.Host ?? "localhost";
        var https = $"https://{host}:{httpsPort.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        return addresses.Count == 0 ? https : $"{urls.TrimEnd(';')};{https}";
    }
}
