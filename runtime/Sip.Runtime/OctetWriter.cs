using System;
using System.Buffers;

namespace Sip.Runtime;

/// <summary>Small writers every serializer shares (headers, messages, responses, proxy edits).</summary>
internal static class OctetWriter
{
    public static void Write(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return;
        bytes.CopyTo(output.GetSpan(bytes.Length));
        output.Advance(bytes.Length);
    }

    public static void Write(IBufferWriter<byte> output, byte b)
    {
        output.GetSpan(1)[0] = b;
        output.Advance(1);
    }

    public static void WriteCrlf(IBufferWriter<byte> output) => Write(output, "\r\n"u8);

    public static void WriteDecimal(IBufferWriter<byte> output, ulong value)
    {
        Span<byte> span = output.GetSpan(20);
        System.Buffers.Text.Utf8Formatter.TryFormat(value, span, out int written);
        output.Advance(written);
    }

    /// <summary>Copies a value with each fold (CRLF + WSP, and the white space around it) written as one SP (§7.3.1).</summary>
    public static void WriteUnfolded(IBufferWriter<byte> output, ReadOnlySpan<byte> value)
    {
        while (true)
        {
            int cr = value.IndexOf(Octets.CR);
            if (cr < 0 || cr + 1 >= value.Length || value[cr + 1] != Octets.LF)
            {
                Write(output, value);
                return;
            }
            Write(output, value.Slice(0, cr).TrimEnd(" \t"u8));
            Write(output, Octets.SP);
            value = value.Slice(cr + 2).TrimStart(" \t"u8);
        }
    }
}
