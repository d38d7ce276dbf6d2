using System;
using System.Buffers;

namespace Sip.Runtime.Sdp;

/// <summary>Writes SDP lines to an <see cref="IBufferWriter{T}"/>: <c>&lt;type&gt;=</c>, the fields, CRLF.</summary>
internal static class SdpWriter
{
    public static void Begin(IBufferWriter<byte> writer, SdpLineType type)
    {
        Span<byte> span = writer.GetSpan(2);
        span[0] = (byte)type;
        span[1] = Sip.Runtime.Octets.Equal;
        writer.Advance(2);
    }

    public static void End(IBufferWriter<byte> writer)
    {
        Span<byte> span = writer.GetSpan(2);
        span[0] = Sip.Runtime.Octets.CR;
        span[1] = Sip.Runtime.Octets.LF;
        writer.Advance(2);
    }

    public static void Octet(IBufferWriter<byte> writer, byte octet)
    {
        writer.GetSpan(1)[0] = octet;
        writer.Advance(1);
    }

    public static void Octets(IBufferWriter<byte> writer, ReadOnlySpan<byte> octets) => writer.Write(octets);

    /// <summary><paramref name="separator"/> then <paramref name="octets"/>.</summary>
    public static void Field(IBufferWriter<byte> writer, byte separator, ReadOnlySpan<byte> octets)
    {
        Octet(writer, separator);
        writer.Write(octets);
    }

    public static void Number(IBufferWriter<byte> writer, ulong value)
    {
        Span<byte> span = writer.GetSpan(20);
        value.TryFormat(span, out int written);
        writer.Advance(written);
    }

    /// <summary>A whole line: <c>&lt;type&gt;=&lt;value&gt;</c> CRLF.</summary>
    public static void Line(IBufferWriter<byte> writer, SdpLineType type, ReadOnlySpan<byte> value)
    {
        Begin(writer, type);
        writer.Write(value);
        End(writer);
    }
}
