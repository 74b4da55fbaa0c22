namespace Rp.Frontend;

internal enum ApiVersionRule
{
    /// <summary>Any registered api-version of the cluster resource.</summary>
    Cluster,

    /// <summary>Registered versions that serve <c>GET .../credentials</c>.</summary>
    ClusterCredentialsGet,

    /// <summary>Registered versions that serve <c>POST .../listAdminCredentials</c>.</summary>
    ClusterAdminCredentials,

    /// <summary>ARM's subscription lifecycle notification: <c>2.0</c>.</summary>
    SubscriptionNotification,

    /// <summary>
    /// ARM's deployment preflight: required, but any value, since each resource in the body names
    /// its own api-version and is validated in it.
    /// </summary>
    Preflight,

    /// <summary>The admin API: <c>admin</c>.</summary>
    Admin,
}
