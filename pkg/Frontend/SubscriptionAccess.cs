namespace Rp.Frontend;

internal enum SubscriptionAccess
{
    /// <summary>Not scoped to a subscription's state.</summary>
    None,

    /// <summary>GET and lists: allowed unless the subscription is Deleted.</summary>
    Read,

    /// <summary>PUT, PATCH and POST actions: Registered only.</summary>
    Write,

    /// <summary>DELETE: Registered, Warned or Suspended.</summary>
    Delete,

    /// <summary>
    /// Deployment preflight: allowed where a write is, but it writes nothing, so it never registers
    /// an unknown subscription; in development mode one passes, since the PUT would register it.
    /// </summary>
    Validate,
}
