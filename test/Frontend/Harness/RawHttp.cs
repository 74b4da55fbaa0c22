using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Rp.Frontend.Tests.Harness;

/// <summary>
/// Sends bytes no HTTP client library would (a NUL in the path, header bytes that are not UTF-8,
/// a header over every limit, pipelined requests) on a fresh connection, and reads the answers
/// until the server closes it.
/// </summary>
public static class RawHttp
{
    /// <summary>One request, <c>Connection: close</c>, with <paramref name="headerLines"/> as given.</summary>
    public static async Task<ArmResponse> SendAsync(Uri server, string method, string target, IEnumerable<byte[]> headerLines)
    {
        var request = new MemoryStream();
        request.Write(Encoding.ASCII.GetBytes($"{method} {target} HTTP/1.1\r\nHost: {server.Authority}\r\nConnection: close\r\n"));
        foreach (var line in headerLines)
        {
            request.Write(line);
            request.Write("\r\n"u8);
        }

        request.Write("\r\n"u8);
        return (await SendPipelinedAsync(server, request.ToArray())).Single();
    }

    /// <summary>Whatever requests <paramref name="bytes"/> hold, written at once; their answers in order.</summary>
    public static async Task<IReadOnlyList<ArmResponse>> SendPipelinedAsync(Uri server, byte[] bytes)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(bytes);
        }
        catch (IOException)
        {
            // The server may answer and close before it has read everything sent.
        }

        var answer = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await stream.CopyToAsync(answer, timeout.Token);
        }
        catch (IOException)
        {
            // A reset after the answer: what was read is the answer.
        }

        return Parse(answer.ToArray());
    }

    private static List<ArmResponse> Parse(byte[] bytes)
    {
        var responses = new List<ArmResponse>();
        var text = Encoding.UTF8.GetString(bytes);
        var at = 0;
        while (at < text.Length)
        {
            var headEnd = text.IndexOf("\r\n\r\n", at, StringComparison.Ordinal);
            if (headEnd < 0)
            {
                throw new InvalidOperationException($"No complete HTTP response: '{text[at..]}'");
            }

            var lines = text[at..headEnd].Split("\r\n");
            var status = (HttpStatusCode)int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
            var headers = lines.Skip(1)
                .Select(l => l.Split(':', 2))
                .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
            var length = headers.TryGetValue("Content-Length", out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : 0;
            var body = text.Substring(headEnd + 4, length);
            var response = new ArmResponse(HttpMethod.Get, "(raw)", status, headers, body);
            ArmInvariants.Check(response);
            responses.Add(response);
            at = headEnd + 4 + length;
        }

        return responses;
    }
}
