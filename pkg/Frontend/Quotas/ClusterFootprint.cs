using Rp.Api;
using Rp.Api.Validation;
using Rp.Database.Documents;

namespace Rp.Frontend.Quotas;

/// <summary>What one cluster counts against its subscription's quota: the vCPUs of its VMs, in its region.</summary>
internal sealed record ClusterFootprint(string Location, int VCpus)
{
    /// <summary>Three masters and every worker profile. A size no validator accepts counts nothing: it cannot be requested.</summary>
    public static ClusterFootprint Of(OpenShiftCluster cluster)
    {
        var properties = cluster.Properties;
        var vCpus = VmSizes.MasterCount * (VmSizes.VCpus(properties.MasterProfile.VmSize) ?? 0)
            + properties.WorkerProfiles.Sum(w => w.Count * (VmSizes.VCpus(w.VmSize) ?? 0));
        return new ClusterFootprint(AsyncOperationDocument.NormalizeLocation(cluster.Location), vCpus);
    }
}
