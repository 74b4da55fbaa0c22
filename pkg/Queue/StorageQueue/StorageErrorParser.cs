using System.Xml;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace Rp.Queue.StorageQueue;

/// <summary>
/// Reads the service's error (<c>x-ms-error-code</c>, and the XML <c>&lt;Error&gt;</c> body) into
/// <see cref="RequestFailedException.ErrorCode"/> and the exception's message.
/// </summary>
internal sealed class StorageErrorParser : RequestFailedDetailsParser
{
    public static readonly StorageErrorParser Instance = new();

    public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
    {
        data = null;
        string? code = response.Headers.TryGetValue("x-ms-error-code", out var header) ? header : null;
        string? message = null;
        if (response.ContentStream is { CanSeek: true } stream && stream.Length > 0)
        {
            try
            {
                stream.Position = 0;
                var root = XDocument.Load(stream).Root;
                code ??= root?.Element("Code")?.Value;
                message = root?.Element("Message")?.Value;
            }
            catch (XmlException)
            {
                // Not the service's XML (a proxy's page, say): the status and header still tell what failed.
            }
            finally
            {
                stream.Position = 0;
            }
        }

        error = code is null && message is null ? null : new ResponseError(code, message);
        return error is not null;
    }
}
