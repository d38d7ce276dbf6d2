using System;
using System.Buffers;
using System.Buffers.Text;
using Sip.Generated.Grammar;
using Sip.Runtime.Message;

namespace Sip.Runtime.Serialization;

/// <summary>What a proxy changes when it forwards a request (RFC 3261 §16.6).</summary>
public readonly ref struct ProxyEdit
{
    /// <summary>A Via value to push on top (§16.6 step 8), e.g. <c>SIP/2.0/UDP proxy.example.com;branch=z9hG4bK...</c>; empty for none.</summary>
    public ReadOnlySpan<byte> PushVia { get; init; }

    /// <summary>A Record-Route value to insert on top (§16.6 step 4), e.g. <c>&lt;sip:proxy.example.com;lr&gt;</c>; empty for none.</summary>
    public ReadOnlySpan<byte> InsertRecordRoute { get; init; }

    /// <summary>Remove the first Route value (§16.4: the proxy's own URI in the top Route).</summary>
    public bool PopRoute { get; init; }

    /// <summary>Decrement Max-Forwards by one, or add <c>Max-Forwards: 70</c> when absent (§16.6 step 3).</summary>
    public bool DecrementMaxForwards { get; init; }
}

/// <summary>
/// Writes a request with proxy edits applied by splicing ranges of the received message: the new Via
/// and Record-Route fields go first, the top Route value and the Max-Forwards value are replaced in
/// place, everything else is copied as received. No re-parse; nothing allocated beyond the output.
/// </summary>
public static class SipProxyEditor
{
    /// <summary>Writes the edited request. Returns false (writing nothing) when Max-Forwards is 0 (§16.3: answer 483 instead) or not a number.</summary>
    public static bool TryWrite(SipMessage request, in ProxyEdit edit, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        if (!request.IsRequest) throw new ArgumentException("proxy edits apply to requests", nameof(request));

        int maxForwards = -1;
        if (edit.DecrementMaxForwards && request.TryGetFirst(HeaderKind.MaxForwards, out HeaderField mf))
        {
            ReadOnlySpan<byte> value = request.Span(mf.Value).TrimEnd(" \t"u8);
            if (!Utf8Parser.TryParse(value, out maxForwards, out int used) || used != value.Length || maxForwards < 0) return false;
            if (maxForwards == 0) return false;
        }

        ReadOnlySpan<byte> source = request.Source.Span;
        // Start line.
        OctetWriter.Write(output, request.Span(request.StartLine));
        OctetWriter.Write(output, "\r\n"u8);
        if (!edit.PushVia.IsEmpty)
        {
            OctetWriter.Write(output, "Via: "u8);
            OctetWriter.Write(output, edit.PushVia);
            OctetWriter.Write(output, "\r\n"u8);
        }
        if (!edit.InsertRecordRoute.IsEmpty)
        {
            OctetWriter.Write(output, "Record-Route: "u8);
            OctetWriter.Write(output, edit.InsertRecordRoute);
            OctetWriter.Write(output, "\r\n"u8);
        }

        bool routePopped = !edit.PopRoute;
        bool maxForwardsDone = !edit.DecrementMaxForwards;
        foreach (HeaderField field in request.Headers)
        {
            if (!routePopped && field.Kind == HeaderKind.Route)
            {
                routePopped = true;
                WriteWithoutFirstValue(request, field, output);
                continue;
            }
            if (!maxForwardsDone && field.Kind == HeaderKind.MaxForwards)
            {
                maxForwardsDone = true;
                OctetWriter.Write(output, source.Slice(field.Line.Offset, field.Value.Offset - field.Line.Offset));
                WriteNumber(output, maxForwards - 1);
                OctetWriter.Write(output, "\r\n"u8);
                continue;
            }
            OctetWriter.Write(output, request.Span(field.Line));
            OctetWriter.Write(output, "\r\n"u8);
        }
        if (!maxForwardsDone) OctetWriter.Write(output, "Max-Forwards: 70\r\n"u8);
        OctetWriter.Write(output, "\r\n"u8);
        OctetWriter.Write(output, request.Span(request.Body));
        return true;
    }

    /// <summary>A Route field minus its first value: the field is dropped when that was its only value.</summary>
    private static void WriteWithoutFirstValue(SipMessage request, in HeaderField field, IBufferWriter<byte> output)
    {
        int index = 0;
        SipRange second = default;
        foreach (SipRange value in request.Values(HeaderKind.Route))
        {
            // Values of this field only: the enumerator walks every Route field in order.
            if (value.Offset < field.Value.Offset || value.End > field.Line.End) continue;
            if (index++ == 1)
            {
                second = value;
                break;
            }
        }
        if (index < 2) return;
        ReadOnlySpan<byte> source = request.Source.Span;
        OctetWriter.Write(output, source.Slice(field.Line.Offset, field.Value.Offset - field.Line.Offset));
        OctetWriter.Write(output, source.Slice(second.Offset, field.Line.End - second.Offset));
        OctetWriter.Write(output, "\r\n"u8);
    }

    private static void WriteNumber(IBufferWriter<byte> output, int value)
    {
        Span<byte> span = output.GetSpan(11);
        Utf8Formatter.TryFormat(value, span, out int written);
        output.Advance(written);
    }
}
