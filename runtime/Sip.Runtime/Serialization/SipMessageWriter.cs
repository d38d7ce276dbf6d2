using System;
using System.Buffers;
using Sip.Generated.Grammar;
using Sip.Runtime.Headers;
using Sip.Runtime.Message;

namespace Sip.Runtime.Serialization;

/// <summary>Writes a parsed <see cref="SipMessage"/> back as octets.</summary>
public static class SipMessageWriter
{
    /// <summary>
    /// Writes the message as it was indexed: the start line, each header field line as received (name, value, folds
    /// and all), the empty line and the body. What a stack forwards when it changes nothing; one copy per line.
    /// </summary>
    public static void Write(SipMessage message, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(output);
        OctetWriter.Write(output, message.Span(message.StartLine));
        OctetWriter.WriteCrlf(output);
        foreach (HeaderField field in message.Headers)
        {
            OctetWriter.Write(output, message.Span(field.Line));
            OctetWriter.WriteCrlf(output);
        }
        OctetWriter.WriteCrlf(output);
        OctetWriter.Write(output, message.Span(message.Body));
    }

    /// <summary>
    /// The canonical form: the start line as received; each header field as its long name (RFC 3261
    /// §7.3.3: compact forms expanded; unknown names kept as written), ": ", and its value written by the header's
    /// typed serializer (each list element canonical, joined by ", "; no optional white space), or, for an extension
    /// header or a value that does not parse, as received with line folding replaced by a single SP (§7.3.1: folding
    /// is equivalent to one SP); the empty line; the body. Header order and the split of values over header fields are
    /// kept (§7.3.1: the order of same-named fields is significant).
    /// </summary>
    public static void WriteCanonical(SipMessage message, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(output);
        OctetWriter.Write(output, message.Span(message.StartLine));
        OctetWriter.WriteCrlf(output);
        var writer = new CanonicalValueWriter(output);
        ReadOnlySpan<byte> source = message.Source.Span;
        foreach (HeaderField field in message.Headers)
        {
            ReadOnlySpan<byte> name = field.Kind == HeaderKind.Unknown ? message.Span(field.Name) : SipHeaders.LongNameUtf8(field.Kind);
            OctetWriter.Write(output, name);
            OctetWriter.Write(output, ": "u8);
            if (field.Kind == HeaderKind.Unknown)
            {
                OctetWriter.WriteUnfolded(output, message.Span(field.Value));
            }
            else if (!SipHeaders.IsList(field.Kind))
            {
                SipRange value = Octets.TrimLws(source, field.Value.Offset, field.Value.End);
                if (!SipMessageHeaders.Visit(field.Kind, message.Source, value, ref writer)) OctetWriter.WriteUnfolded(output, message.Span(value));
            }
            else
            {
                // One field of a list header: its elements, each canonical (empty elements dropped, as §7.3.1 allows).
                bool first = true;
                int next = field.Value.Offset, end = field.Value.End;
                while (next <= end)
                {
                    int comma = SipMessage.ValueEnumerator.NextComma(source, next, end, field.Kind);
                    SipRange element = Octets.TrimLws(source, next, comma);
                    next = comma + 1;
                    if (element.IsEmpty) continue;
                    if (!first) OctetWriter.Write(output, ", "u8);
                    if (!SipMessageHeaders.Visit(field.Kind, message.Source, element, ref writer)) OctetWriter.WriteUnfolded(output, message.Span(element));
                    first = false;
                }
            }
            OctetWriter.WriteCrlf(output);
        }
        OctetWriter.WriteCrlf(output);
        OctetWriter.Write(output, message.Span(message.Body));
    }

    /// <summary>Writes each visited value with its own serializer.</summary>
    private readonly struct CanonicalValueWriter(IBufferWriter<byte> output) : IHeaderValueVisitor
    {
        public void Visit<T>(HeaderKind kind, in T value) where T : struct, ISipHeaderValue<T> => value.WriteTo(output);
    }
}
