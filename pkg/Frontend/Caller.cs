namespace Rp.Frontend;

/// <summary>Whose client certificate a route takes in production.</summary>
internal enum Caller
{
    /// <summary>ARM: a certificate ARM currently publishes (or a pinned one).</summary>
    Arm,

    /// <summary>An operator: a certificate of the admin CA with the admin common name.</summary>
    Admin,
}
