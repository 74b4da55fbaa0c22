using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Rp.Api;
using Rp.Frontend.Json;

namespace Rp.Frontend.Server;

/// <summary>
/// Turns an HTTP/1.x error the server wrote on its own (status line and headers, no body) into the
/// same error with a CloudError body and an <c>x-ms-request-id</c>, as every answer of the RP has.
/// </summary>
internal sealed class ServerErrorBodies(FrontendOptions options)
{
    private static readonly byte[] HeadEnd = "\r\n\r\n"u8.ToArray();

    /// <summary>
    /// The response to write instead of <paramref name="written"/>, or null to write it as it is:
    /// anything but one complete HTTP/1.x error head without a body and without a request id.
    /// </summary>
    public byte[]? Rewrite(ReadOnlySpan<byte> written)
    {
        var end = written.IndexOf(HeadEnd);
        if (!written.StartsWith("HTTP/1."u8) || end < 0 || end + HeadEnd.Length != written.Length)
        {
            return null;
        }

        var lines = Encoding.ASCII.GetString(written[..end]).Split("\r\n");
        var statusLine = lines[0].Split(' ', 3);
        if (statusLine.Length < 2 || !int.TryParse(statusLine[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status) || status < 400)
        {
            return null;
        }

        var headers = lines.Skip(1).Select(l => (Line: l, Name: l.Split(':', 2)[0].Trim())).ToList();
        if (headers.Any(h => h.Name.Equals(ArmHeaders.RequestId, StringComparison.OrdinalIgnoreCase)
            || (h.Name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && h.Line.Split(':', 2)[1].Trim() != "0")
            || h.Name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var body = ArmJson.ToUtf8(ArmJson.FromObject(Error(status)));
        var head = new StringBuilder()
            .Append(lines[0]).Append("\r\n")
            .Append("Content-Type: application/json\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n")
            .Append(CultureInfo.InvariantCulture, $"{ArmHeaders.RequestId}: {Guid.NewGuid()}\r\n");
        foreach (var (line, _) in headers.Where(h => !h.Name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)))
        {
            head.Append(line).Append("\r\n");
        }

        return [.. Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()), .. body];
    }

    private CloudError Error(int status) => status switch
    {
        StatusCodes.Status400BadRequest => new(status, CloudErrorCodes.BadRequest, "The request is not a well-formed HTTP request: its request line, a header name or value, or their encoding (ASCII or UTF-8) is invalid."),
        StatusCodes.Status408RequestTimeout => new(status, CloudErrorCodes.RequestTimeout, "The request was not received in time."),
        StatusCodes.Status411LengthRequired => new(status, CloudErrorCodes.LengthRequired, "The request has a body but neither a Content-Length nor chunked transfer encoding."),
        StatusCodes.Status413PayloadTooLarge => new(status, CloudErrorCodes.RequestEntityTooLarge, $"The request body is larger than the limit of {options.MaxRequestBodyBytes} bytes."),
        StatusCodes.Status414UriTooLong => new(status, CloudErrorCodes.RequestUriTooLong, $"The request line (method, URL and version) is longer than the limit of {options.MaxRequestLineBytes} bytes."),
        StatusCodes.Status431RequestHeaderFieldsTooLarge => new(status, CloudErrorCodes.RequestHeaderFieldsTooLarge, $"The request headers are larger than the limit of {options.MaxRequestHeadersBytes} bytes or more than {options.MaxRequestHeaderCount} headers."),
        StatusCodes.Status505HttpVersionNotsupported => new(status, CloudErrorCodes.HttpVersionNotSupported, "The request's HTTP version is not supported."),
        < 500 => new(status, CloudErrorCodes.BadRequest, "The request could not be read."),
        _ => new(status, CloudErrorCodes.InternalServerError, "Internal server error."),
    };
}
