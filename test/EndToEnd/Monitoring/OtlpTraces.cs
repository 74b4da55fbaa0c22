using System.Text;

namespace Rp.EndToEnd.Tests.Monitoring;

/// <summary>
/// Reads the spans out of an OTLP <c>ExportTraceServiceRequest</c> (protobuf wire format; only the
/// fields a test looks at: ids, name, kind, string attributes, the resource's string attributes).
/// </summary>
public static class OtlpTraces
{
    public static IEnumerable<ReceivedSpan> Parse(byte[] request)
    {
        foreach (var resourceSpans in Fields(request).Where(f => f.Number == 1).Select(f => f.Bytes))
        {
            var fields = Fields(resourceSpans).ToList();
            var resource = fields.Where(f => f.Number == 1).SelectMany(f => Attributes(Fields(f.Bytes).Where(a => a.Number == 1))).ToDictionary(a => a.Key, a => a.Value);
            foreach (var scopeSpans in fields.Where(f => f.Number == 2).Select(f => f.Bytes))
            {
                foreach (var span in Fields(scopeSpans).Where(f => f.Number == 2).Select(f => Fields(f.Bytes).ToList()))
                {
                    yield return new ReceivedSpan(
                        Hex(span, 1),
                        Hex(span, 2),
                        Hex(span, 4),
                        Encoding.UTF8.GetString(span.FirstOrDefault(f => f.Number == 5).Bytes ?? []),
                        (int)span.FirstOrDefault(f => f.Number == 6).Value,
                        resource,
                        Attributes(span.Where(f => f.Number == 9)).ToDictionary(a => a.Key, a => a.Value));
                }
            }
        }
    }

    private static string Hex(List<Field> fields, int number) => Convert.ToHexStringLower(fields.FirstOrDefault(f => f.Number == number).Bytes ?? []);

    /// <summary>KeyValue messages with a string value (AnyValue field 1); others are skipped.</summary>
    private static IEnumerable<(string Key, string Value)> Attributes(IEnumerable<Field> keyValues)
    {
        foreach (var keyValue in keyValues.Select(f => Fields(f.Bytes).ToList()))
        {
            var key = keyValue.FirstOrDefault(f => f.Number == 1).Bytes;
            var value = keyValue.FirstOrDefault(f => f.Number == 2).Bytes;
            var text = value is null ? null : Fields(value).FirstOrDefault(f => f.Number == 1).Bytes;
            if (key is not null && text is not null)
            {
                yield return (Encoding.UTF8.GetString(key), Encoding.UTF8.GetString(text));
            }
        }
    }

    private static IEnumerable<Field> Fields(byte[]? bytes)
    {
        var message = bytes ?? [];
        var position = 0;
        while (position < message.Length)
        {
            var tag = ReadVarint(message, ref position);
            var number = (int)(tag >> 3);
            switch ((int)(tag & 7))
            {
                case 0:
                    yield return new Field(number, ReadVarint(message, ref position), null);
                    break;
                case 1:
                    yield return new Field(number, BitConverter.ToUInt64(message, position), null);
                    position += 8;
                    break;
                case 2:
                    var length = (int)ReadVarint(message, ref position);
                    yield return new Field(number, 0, message[position..(position + length)]);
                    position += length;
                    break;
                case 5:
                    yield return new Field(number, BitConverter.ToUInt32(message, position), null);
                    position += 4;
                    break;
                default:
                    throw new FormatException($"Unsupported protobuf wire type in tag {tag}.");
            }
        }
    }

    private static ulong ReadVarint(byte[] message, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = message[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }

    private readonly record struct Field(int Number, ulong Value, byte[]? Bytes);
}
