using System.Globalization;
using Rp.Api;

namespace Rp.Frontend;

/// <summary>The page size of a list: <c>$top</c>, or the configured default.</summary>
internal static class PageSizes
{
    public static int Parse(string top, FrontendOptions options)
    {
        if (top.Length == 0)
        {
            return options.PageSize;
        }

        if (!int.TryParse(top, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1 || value > options.MaxPageSize)
        {
            throw CloudError.BadRequest(CloudErrorCodes.InvalidParameter, $"$top must be a whole number from 1 to {options.MaxPageSize}.", "$top");
        }

        return value;
    }
}
