namespace Rp.Api;

/// <summary>
/// Marks a property of a versioned model that is set on create and cannot change after: an update
/// may leave it out or repeat its stored value. The API description shows it with
/// <c>x-ms-mutability: [read, create]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class ImmutableAttribute : Attribute;
