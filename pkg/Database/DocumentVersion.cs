namespace Rp.Database;

/// <summary>
/// Which version of a document a caller holds a copy of (or something made from it, such as a
/// rendered response), as the store that read it describes it: the document's id and ETag, and
/// <see cref="Observed"/>, a store-specific mark of when that was last confirmed (the embedded
/// store's data version; 0 elsewhere). Handed back to a conditional read, it lets the store answer
/// "not modified" without reading or decoding the document.
/// </summary>
public sealed record DocumentVersion(string Id, string ETag, long Observed);
