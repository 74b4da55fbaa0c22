namespace Rp.Api;

/// <summary>
/// The values a string property of a versioned model takes, under a name; the API description shows
/// them as an extensible enum (clients must accept values added later).
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class ApiEnumAttribute : Attribute
{
    public ApiEnumAttribute(string name, params string[] values)
    {
        Name = name;
        Values = values;
    }

    /// <summary>The names of <paramref name="enumType"/>'s members, under its name.</summary>
    public ApiEnumAttribute(Type enumType)
    {
        ArgumentNullException.ThrowIfNull(enumType);
        Name = enumType.Name;
        Values = Enum.GetNames(enumType);
    }

    public string Name { get; }

    public IReadOnlyList<string> Values { get; }
}
