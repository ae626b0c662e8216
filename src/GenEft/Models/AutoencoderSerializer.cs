using System.Numerics;
using System.Text;

namespace GenEft.Models;

/// <summary>A small versioned binary format for <see cref="RelationAutoencoder{T}"/>: config, then every parameter as doubles.</summary>
internal static class AutoencoderSerializer
{
    private const int Magic = 0x45414547; // "GEAE"
    private const int Version = 1;

    public static void Save<T>(RelationAutoencoder<T> model, Stream stream)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        var c = model.Config;
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(c.ElementCount);
        writer.Write(c.EmbeddingDimension);
        writer.Write(c.DecoderDepth);
        writer.Write(c.DecoderWidth);
        writer.Write((int)c.Activation);
        writer.Write((int)c.Combine);
        writer.Write((int)c.Head);
        writer.Write(c.EmbeddingInitScale);
        writer.Write(c.DecoderInitScale);
        writer.Write(model.Parameters.Count);
        foreach (var p in model.Parameters)
        {
            writer.Write(p.Length);
            foreach (T value in p.ReadOnlySpan)
            {
                writer.Write(double.CreateTruncating(value));
            }
        }
    }

    public static RelationAutoencoder<T> Load<T>(Stream stream, Func<AutoencoderConfig, RelationAutoencoder<T>> create)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            if (reader.ReadInt32() != Magic || reader.ReadInt32() != Version)
            {
                throw new InvalidDataException("The stream does not hold a saved RelationAutoencoder (bad header or version).");
            }

            var config = new AutoencoderConfig
            {
                ElementCount = reader.ReadInt32(),
                EmbeddingDimension = reader.ReadInt32(),
                DecoderDepth = reader.ReadInt32(),
                DecoderWidth = reader.ReadInt32(),
                Activation = (DecoderActivation)reader.ReadInt32(),
                Combine = (CombineMode)reader.ReadInt32(),
                Head = (OutputHead)reader.ReadInt32(),
                EmbeddingInitScale = reader.ReadDouble(),
                DecoderInitScale = reader.ReadDouble(),
            };
            var model = create(config);
            if (reader.ReadInt32() != model.Parameters.Count)
            {
                throw new InvalidDataException("The saved parameter count does not match the saved configuration.");
            }

            foreach (var p in model.Parameters)
            {
                if (reader.ReadInt32() != p.Length)
                {
                    throw new InvalidDataException("A saved parameter's size does not match the saved configuration.");
                }

                Span<T> span = p.Span;
                for (int i = 0; i < span.Length; i++)
                {
                    span[i] = T.CreateTruncating(reader.ReadDouble());
                }
            }

            return model;
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentOutOfRangeException)
        {
            throw new InvalidDataException("The stream ends early or holds an invalid configuration.", e);
        }
    }
}
