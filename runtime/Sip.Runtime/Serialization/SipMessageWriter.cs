using System;
using System.Buffers;
using Sip.Generated.Grammar;
using Sip.Runtime.Message;

namespace Sip.Runtime.Serialization;

/// <summary>Writes a parsed <see cref="SipMessage"/> back as octets.</summary>
public static class SipMessageWriter
{
    private const byte Cr = (byte)'\r';
    private const byte Lf = (byte)'\n';

    /// <summary>
    /// The canonical form: the start line as received; each header field as its long name (RFC 3261
    /// §7.3.3: compact forms expanded; unknown names kept as written), ": ", and its value with line
    /// folding replaced by a single SP (§7.3.1: folding is equivalent to one SP); the empty line; the body.
    /// Header order is kept (§7.3.1: the order of same-named fields is significant).
    /// </summary>
    public static void WriteCanonical(SipMessage message, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(output);
        Write(output, message.Span(message.StartLine));
        WriteCrlf(output);
        foreach (HeaderField field in message.Headers)
        {
            ReadOnlySpan<byte> name = field.Kind == HeaderKind.Unknown ? message.Span(field.Name) : SipHeaders.LongNameUtf8(field.Kind);
            Write(output, name);
            Write(output, ": "u8);
            WriteUnfolded(output, message.Span(field.Value));
            WriteCrlf(output);
        }
        WriteCrlf(output);
        Write(output, message.Span(message.Body));
    }

    /// <summary>Copies a value, turning each fold (CRLF followed by SP/HTAB, with the white space around it) into one SP.</summary>
    private static void WriteUnfolded(IBufferWriter<byte> output, ReadOnlySpan<byte> value)
    {
        while (true)
        {
            int cr = value.IndexOf(Cr);
            if (cr < 0 || cr + 1 >= value.Length || value[cr + 1] != Lf)
            {
                Write(output, value);
                return;
            }
            ReadOnlySpan<byte> before = value.Slice(0, cr).TrimEnd(" \t"u8);
            Write(output, before);
            Write(output, " "u8);
            value = value.Slice(cr + 2).TrimStart(" \t"u8);
        }
    }

    private static void WriteCrlf(IBufferWriter<byte> output) => Write(output, "\r\n"u8);

    private static void Write(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return;
        Span<byte> destination = output.GetSpan(bytes.Length);
        bytes.CopyTo(destination);
        output.Advance(bytes.Length);
    }
}
