using Rp.Database.Documents;

namespace Rp.Database;

/// <summary>
/// The answer to a read conditional on the version the caller holds: <see cref="NotModified"/>
/// (nothing read; <see cref="Version"/> is the caller's, confirmed), the current document and its
/// version, or neither when the document does not exist.
/// </summary>
public sealed record ConditionalRead<T>(T? Document, DocumentVersion? Version)
    where T : Document
{
    public static readonly ConditionalRead<T> Missing = new(null, null);

    public bool NotModified => Document is null && Version is not null;

    public static ConditionalRead<T> Unchanged(DocumentVersion version) => new(null, version);
}
