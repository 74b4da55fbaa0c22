namespace Rp.EndToEnd.Tests.Faults;

/// <summary>What a client does to a cluster, as ARM would forward it.</summary>
public enum PlannedOperation
{
    /// <summary>PUT of a new cluster.</summary>
    Create,

    /// <summary>PUT of the cluster with another worker count.</summary>
    Update,

    /// <summary>PATCH of its tags alone.</summary>
    TagsPatch,

    /// <summary>The same PUT twice in a row (ARM retrying a PUT whose answer it did not get).</summary>
    RepeatedPut,

    /// <summary>DELETE of the cluster.</summary>
    Delete,

    /// <summary>PUT of a new cluster and, at once, its DELETE (while it is Creating).</summary>
    DeleteDuringCreate,
}
