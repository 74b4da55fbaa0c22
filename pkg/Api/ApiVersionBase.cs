using Newtonsoft.Json.Linq;

namespace Rp.Api;

/// <summary>
/// The steps every api-version takes, in one order: a body is read into the version's model, the
/// omitted fields take their defaults (or, on update, their stored values when they cannot change),
/// the whole is validated, and only then is it written onto the target, so that an invalid body
/// changes nothing. Only this assembly defines api-versions.
/// </summary>
/// <typeparam name="TCluster">The version's external cluster model.</typeparam>
public abstract class ApiVersionBase<TCluster> : IApiVersion
    where TCluster : class
{
    private protected ApiVersionBase()
    {
    }

    public abstract string Name { get; }

    public abstract bool SupportsCredentialsGet { get; }

    public abstract bool SupportsAdminCredentials { get; }

    public JObject ClusterToExternal(OpenShiftCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return ExternalJson.ToJObject(ToExternal(cluster));
    }

    /// <remarks>
    /// Parse bodies with <c>DateParseHandling.None</c>, so that date-like strings reach the model as
    /// sent. On update, fields that cannot change and that the body omits keep their stored values;
    /// mutable fields the body omits take their defaults; secrets the body omits keep their stored
    /// values. <paramref name="target"/> may be <paramref name="current"/> itself or a copy of it.
    /// </remarks>
    public void ClusterToInternal(JObject body, OpenShiftCluster? current, OpenShiftCluster target)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(target);

        var proposed = ExternalJson.Deserialize<TCluster>(body);
        var currentExternal = current is null ? null : ToExternal(current);
        ApplyDefaults(proposed, currentExternal);
        Validate(proposed, currentExternal, target);
        ToInternal(proposed, current is null, target);
    }

    public abstract JObject CredentialsToExternal(OpenShiftCluster cluster);

    public abstract JObject AdminCredentialsToExternal(OpenShiftCluster cluster);

    private protected abstract TCluster ToExternal(OpenShiftCluster cluster);

    /// <summary>Fills what <paramref name="cluster"/> omits; <paramref name="current"/> is null on create.</summary>
    private protected abstract void ApplyDefaults(TCluster cluster, TCluster? current);

    /// <summary>Throws a <see cref="CloudError"/> for the first rule <paramref name="cluster"/> breaks.</summary>
    private protected abstract void Validate(TCluster cluster, TCluster? current, OpenShiftCluster target);

    /// <summary>Writes a validated <paramref name="cluster"/> onto <paramref name="target"/>; cannot fail.</summary>
    private protected abstract void ToInternal(TCluster cluster, bool isCreate, OpenShiftCluster target);
}
