namespace Rp.Frontend.Tests.Fuzz;

/// <summary>How a fuzzed request departs from a valid one.</summary>
public enum MutationKind
{
    /// <summary>Not at all: a valid request, which must be accepted.</summary>
    None,

    /// <summary>One value of the JSON body: wrong type, out of range, not in the enum, null, huge, deep, removed, or an unknown sibling.</summary>
    BodyValue,

    /// <summary>The body's bytes: duplicate or differently-cased keys, invalid UTF-8, truncation, other encodings, over the size limit.</summary>
    RawBody,

    /// <summary>The Content-Type header.</summary>
    ContentType,

    /// <summary>One path segment: bad names and ids, encodings, control characters.</summary>
    PathValue,

    /// <summary>The query: api-version missing or wrong, paging parameters out of range, unknown parameters.</summary>
    Query,

    /// <summary>One request header of ARM's or HTTP's, with a hostile value.</summary>
    Header,

    /// <summary>Another method on the same URL.</summary>
    Method,
}
