namespace Rp.EndToEnd.Tests.Faults;

/// <summary>The operations one client does to one cluster, in order, in one api-version.</summary>
public sealed record ClusterPlan(ClusterRef Cluster, string ApiVersion, IReadOnlyList<PlannedOperation> Operations)
{
    /// <summary>Requests the plan sends, retries and polls aside (a repeated PUT and a delete during create are two).</summary>
    public int Requests => Operations.Sum(o => o is PlannedOperation.RepeatedPut or PlannedOperation.DeleteDuringCreate ? 2 : 1);

    /// <summary>
    /// Mixed plans of <paramref name="requests"/> requests in all: each cluster is created (or
    /// created and deleted at once), then updated, tag-patched, PUT twice, deleted, and sometimes created again.
    /// </summary>
    public static IReadOnlyList<ClusterPlan> Mix(int requests, IReadOnlyList<string> subscriptions, Random random)
    {
        var plans = new List<ClusterPlan>();
        for (var total = 0; total < requests;)
        {
            var operations = new List<PlannedOperation>();
            var exists = false;
            do
            {
                if (!exists)
                {
                    var deleteAtOnce = random.Next(5) == 0;
                    operations.Add(deleteAtOnce ? PlannedOperation.DeleteDuringCreate : PlannedOperation.Create);
                    exists = !deleteAtOnce;
                    continue;
                }

                var next = random.Next(100) switch
                {
                    < 25 => PlannedOperation.Update,
                    < 50 => PlannedOperation.TagsPatch,
                    < 65 => PlannedOperation.RepeatedPut,
                    _ => PlannedOperation.Delete,
                };
                operations.Add(next);
                exists = next != PlannedOperation.Delete;
            }
            while (random.Next(100) < 75);

            var index = plans.Count;
            var plan = new ClusterPlan(
                new ClusterRef(subscriptions[index % subscriptions.Count], $"faults{index % 7}", $"cluster{index:0000}"),
                index % 2 == 0 ? RpClient.V20191231Preview : RpClient.V20200430,
                operations);
            plans.Add(plan);
            total += plan.Requests;
        }

        return plans;
    }
}
