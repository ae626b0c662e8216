using System.Numerics;
using System.Text.Json;
using GenEft.Tensors;

namespace GenEft.Nn;

/// <summary>
/// Saves and loads a module's parameters as JSON (System.Text.Json). Every element is stored as its IEEE-754
/// bit pattern (a 32-bit or 64-bit unsigned integer), so a round trip is bit-exact, NaN payloads included.
/// </summary>
/// <remarks>
/// Format: <c>{"format":"GenEft.Parameters/1","elementType":"float","parameters":[{"name":"layer0.weight","shape":[50,4],"bits":[…]}, …]}</c>.
/// </remarks>
public static class ParameterStore
{
    private const string Format = "GenEft.Parameters/1";

    /// <summary>Writes every parameter of <paramref name="module"/> with its full name and shape.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="module">The module.</param>
    /// <param name="stream">A writable stream; left open.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> is not writable.</exception>
    public static void Save<T>(Module<T> module, Stream stream)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite)
        {
            throw new ArgumentException("The stream is not writable.", nameof(stream));
        }

        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        writer.WriteStartObject();
        writer.WriteString("format", Format);
        writer.WriteString("elementType", ElementTypeName<T>());
        writer.WriteStartArray("parameters");
        foreach (var (name, p) in module.NamedParameters())
        {
            writer.WriteStartObject();
            writer.WriteString("name", name);
            writer.WriteStartArray("shape");
            foreach (int d in p.Value.Shape.Dims)
            {
                writer.WriteNumberValue(d);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("bits");
            foreach (T x in p.Value.ReadOnlySpan)
            {
                if (typeof(T) == typeof(float))
                {
                    writer.WriteNumberValue(BitConverter.SingleToUInt32Bits(float.CreateTruncating(x)));
                }
                else
                {
                    writer.WriteNumberValue(BitConverter.DoubleToUInt64Bits(double.CreateTruncating(x)));
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// Overwrites every parameter of <paramref name="module"/> with the stored values of the same full name.
    /// Nothing is changed unless every parameter is found with the right shape and element type.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="module">The module, built with the same architecture as the saved one.</param>
    /// <param name="stream">A readable stream positioned at the JSON document.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidDataException">The document is malformed, has another element type, lacks a parameter, or a shape differs (the message names the parameter).</exception>
    public static void Load<T>(Module<T> module, Stream stream)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(stream);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException("The parameter file is not valid JSON.", e);
        }

        using (document)
        {
            var root = document.RootElement;
            try
            {
                if (root.GetProperty("format").GetString() != Format)
                {
                    throw new InvalidDataException($"Unknown format; expected \"{Format}\".");
                }

                string elementType = root.GetProperty("elementType").GetString() ?? string.Empty;
                if (elementType != ElementTypeName<T>())
                {
                    throw new InvalidDataException($"The file stores {elementType} parameters; the module uses {ElementTypeName<T>()}.");
                }

                var stored = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                foreach (var entry in root.GetProperty("parameters").EnumerateArray())
                {
                    stored[entry.GetProperty("name").GetString() ?? string.Empty] = entry;
                }

                var named = module.NamedParameters();
                var decoded = new DenseTensor<T>[named.Count];
                for (int i = 0; i < named.Count; i++)
                {
                    decoded[i] = Decode<T>(named[i].Key, named[i].Value, stored);
                }

                for (int i = 0; i < named.Count; i++)
                {
                    decoded[i].CopyTo(named[i].Value.Value);
                }
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new InvalidDataException("The parameter file is malformed: " + e.Message, e);
            }
        }
    }

    private static DenseTensor<T> Decode<T>(string name, Parameter<T> target, Dictionary<string, JsonElement> stored)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!stored.TryGetValue(name, out var entry))
        {
            throw new InvalidDataException($"The file has no parameter \"{name}\".");
        }

        var dims = entry.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        if (!target.Value.Shape.Dims.SequenceEqual(dims))
        {
            throw new InvalidDataException($"Parameter \"{name}\" has shape [{string.Join(", ", dims)}] in the file but {target.Value.Shape} in the module.");
        }

        var result = DenseTensor<T>.Zeros(target.Value.Shape);
        var span = result.Span;
        int i = 0;
        foreach (var bits in entry.GetProperty("bits").EnumerateArray())
        {
            if (i >= span.Length)
            {
                throw new InvalidDataException($"Parameter \"{name}\" has more values than its shape holds.");
            }

            span[i++] = typeof(T) == typeof(float)
                ? T.CreateTruncating(BitConverter.UInt32BitsToSingle(bits.GetUInt32()))
                : T.CreateTruncating(BitConverter.UInt64BitsToDouble(bits.GetUInt64()));
        }

        if (i != span.Length)
        {
            throw new InvalidDataException($"Parameter \"{name}\" has {i} values; its shape needs {span.Length}.");
        }

        return result;
    }

    private static string ElementTypeName<T>() => typeof(T) == typeof(float) ? "float" : typeof(T) == typeof(double) ? "double" : typeof(T).Name;
}
