using System.Numerics;
using System.Text;
using GenEft.Nn;

namespace GenEft.Models;

/// <summary>
/// A small versioned format for <see cref="RelationAutoencoder{T}"/>: a binary header with the configuration, then
/// the parameters through <see cref="ParameterStore"/> (bit-exact).
/// </summary>
internal static class AutoencoderSerializer
{
    private const int Magic = 0x45414547; // "GEAE"
    private const int Version = 3;

    // Version 2 stored the former DecoderActivation enum (0 = tanh, 1 = relu); version 3 stores GenEft.Nn.Activation.
    private const int VersionWithDecoderActivation = 2;

    public static void Save<T>(RelationAutoencoder<T> model, Stream stream)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(stream);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
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
        }

        ParameterStore.Save(model, stream);
    }

    public static RelationAutoencoder<T> Load<T>(Stream stream)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            AutoencoderConfig config;
            using (var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true))
            {
                int version = reader.ReadInt32() == Magic ? reader.ReadInt32() : -1;
                if (version is not (Version or VersionWithDecoderActivation))
                {
                    throw new InvalidDataException("The stream does not hold a saved RelationAutoencoder (bad header or version).");
                }

                config = new AutoencoderConfig
                {
                    ElementCount = reader.ReadInt32(),
                    EmbeddingDimension = reader.ReadInt32(),
                    DecoderDepth = reader.ReadInt32(),
                    DecoderWidth = reader.ReadInt32(),
                    Activation = ReadActivation(reader, version),
                    Combine = (CombineMode)reader.ReadInt32(),
                    Head = (OutputHead)reader.ReadInt32(),
                    EmbeddingInitScale = reader.ReadDouble(),
                    DecoderInitScale = reader.ReadDouble(),
                };
            }

            var model = new RelationAutoencoder<T>(config);
            ParameterStore.Load(model, stream);
            return model;
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentOutOfRangeException or ArgumentException or System.Text.Json.JsonException)
        {
            throw new InvalidDataException("The stream ends early or holds an invalid configuration or parameters.", e);
        }
    }

    private static Activation ReadActivation(BinaryReader reader, int version)
    {
        int value = reader.ReadInt32();
        return version != VersionWithDecoderActivation ? (Activation)value : value switch
        {
            0 => Activation.Tanh,
            1 => Activation.Relu,
            _ => throw new InvalidDataException($"Version-2 activation code {value} is not 0 (tanh) or 1 (relu)."),
        };
    }
}
