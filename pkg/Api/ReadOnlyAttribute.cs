namespace Rp.Api;

/// <summary>
/// Marks a property of a versioned model that only the service sets: a request may leave it out or
/// repeat its current value. The API description shows it as <c>readOnly</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class ReadOnlyAttribute : Attribute;
