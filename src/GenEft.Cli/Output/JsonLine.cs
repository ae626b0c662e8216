using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GenEft.Cli.Output;

/// <summary>Builds one JSON object as a single line (JSON Lines output: one result per line, numbers as numbers).</summary>
internal static class JsonLine
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The object written by <paramref name="writeMembers"/>, without a trailing newline.</summary>
    public static string Object(Action<Utf8JsonWriter> writeMembers)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writeMembers(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes a finite double as a number and a NaN or infinity as null (JSON has no NaN).</summary>
    public static void WriteNumberOrNull(this Utf8JsonWriter writer, string name, double value)
    {
        if (double.IsFinite(value)) writer.WriteNumber(name, value);
        else writer.WriteNull(name);
    }

    /// <summary>Writes an array of integer arrays.</summary>
    public static void WriteNestedArray(this Utf8JsonWriter writer, string name, IEnumerable<IEnumerable<int>> rows)
    {
        writer.WriteStartArray(name);
        foreach (var row in rows)
        {
            writer.WriteStartArray();
            foreach (int v in row) writer.WriteNumberValue(v);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }
}
