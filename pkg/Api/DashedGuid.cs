namespace Rp.Api;

/// <summary>
/// A GUID in the dashed "D" form, 8-4-4-4-12 hexadecimal digits and nothing else: ARM's spelling
/// of subscription, tenant, client and operation ids. <see cref="Guid.TryParseExact(string, string, out Guid)"/>
/// is not enough: it ignores white space around the digits, so a trailing newline would pass.
/// </summary>
public static class DashedGuid
{
    private const int Length = 36;

    public static bool IsValid(string? value)
    {
        if (value is not { Length: Length })
        {
            return false;
        }

        for (var i = 0; i < Length; i++)
        {
            var valid = i is 8 or 13 or 18 or 23 ? value[i] == '-' : char.IsAsciiHexDigit(value[i]);
            if (!valid)
            {
                return false;
            }
        }

        return true;
    }
}
