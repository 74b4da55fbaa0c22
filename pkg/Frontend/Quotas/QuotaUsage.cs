namespace Rp.Frontend.Quotas;

/// <summary>What a subscription's other clusters use: how many there are, and their vCPUs in one region.</summary>
internal sealed record QuotaUsage(int Clusters, int VCpus);
