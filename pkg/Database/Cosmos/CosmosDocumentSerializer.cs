using System.Text;
using Microsoft.Azure.Cosmos;
using Newtonsoft.Json;
using Rp.Database.Serialization;

namespace Rp.Database.Cosmos;

/// <summary>
/// Lets the SDK read and write documents in the store's one JSON form, so secrets are encrypted
/// and unknown fields (the service's own <c>_rid</c>, <c>_ts</c>, ... among them) are kept.
/// </summary>
internal sealed class CosmosDocumentSerializer(DocumentSerializer serializer) : CosmosSerializer
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public override T FromStream<T>(Stream stream)
    {
        if (typeof(Stream).IsAssignableFrom(typeof(T)))
        {
            return (T)(object)stream;
        }

        using (stream)
        {
            using var reader = new StreamReader(stream, Utf8);
            using var json = new JsonTextReader(reader);
            return serializer.Serializer.Deserialize<T>(json)!;
        }
    }

    public override Stream ToStream<T>(T input)
    {
        var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, Utf8, bufferSize: 4096, leaveOpen: true))
        using (var json = new JsonTextWriter(writer))
        {
            serializer.Serializer.Serialize(json, input);
        }

        stream.Position = 0;
        return stream;
    }
}
