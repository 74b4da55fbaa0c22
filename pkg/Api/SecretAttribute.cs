namespace Rp.Api;

/// <summary>
/// Marks a property of a versioned model that holds a secret: it is never logged and only the
/// <c>list*Credentials</c> responses carry it. The API description shows it as <c>x-ms-secret</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class SecretAttribute : Attribute;
