using System;
using System.Buffers;
using System.Buffers.Text;
using System.Text;
using Sip.Generated.Grammar;
using Sip.Runtime.Headers;
using Sip.Runtime.Message;

namespace Sip.Runtime.Serialization;

/// <summary>
/// Builds a response to a request by copying ranges of the request (RFC 3261 §8.2.6): no re-parse, and
/// nothing allocated beyond the output buffer.
/// </summary>
public static class SipResponseBuilder
{
    /// <summary>
    /// Writes <c>SIP/2.0 code reason</c> and the headers §8.2.6.2 requires: every Via in order, From,
    /// To (with <paramref name="toTag"/> added when the request's To has no tag and the code is not 100),
    /// Call-ID and CSeq — each field copied as received — then <c>Content-Length: 0</c> and the empty line.
    /// For a 2xx or 1xx that establishes a dialog, pass <paramref name="copyRecordRoute"/> (§12.1.1).
    /// </summary>
    /// <param name="request">The request being answered (a parsed, framed request).</param>
    /// <param name="statusCode">100 to 699.</param>
    /// <param name="output">Where the response's octets go.</param>
    /// <param name="toTag">The UAS's tag for To (§8.2.6.2); empty to add none.</param>
    /// <param name="reasonPhrase">The reason phrase; empty for the code's default (from the grammar).</param>
    /// <param name="copyRecordRoute">Copy the Record-Route fields (dialog-creating responses, §12.1.1).</param>
    public static void Write(SipMessage request, int statusCode, IBufferWriter<byte> output,
        ReadOnlySpan<byte> toTag = default, ReadOnlySpan<byte> reasonPhrase = default, bool copyRecordRoute = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        if (!request.IsRequest) throw new ArgumentException("a response is built from a request", nameof(request));
        if (statusCode < 100 || statusCode > 699) throw new ArgumentOutOfRangeException(nameof(statusCode), "a status code is 3 digits, 100 to 699");

        OctetWriter.Write(output, "SIP/2.0 "u8);
        Span<byte> digits = output.GetSpan(3);
        Utf8Formatter.TryFormat(statusCode, digits, out _);
        output.Advance(3);
        OctetWriter.Write(output, " "u8);
        OctetWriter.Write(output, reasonPhrase.IsEmpty ? SipStatusCodes.ReasonPhraseUtf8(statusCode) : reasonPhrase);
        OctetWriter.Write(output, "\r\n"u8);

        // §8.2.6.2: Via values in the same order, From, Call-ID and CSeq equal to the request's.
        foreach (HeaderField field in request.Headers)
        {
            switch (field.Kind)
            {
                case HeaderKind.Via:
                case HeaderKind.From:
                case HeaderKind.CallID:
                case HeaderKind.CSeq:
                    CopyField(request, field, output);
                    break;
                case HeaderKind.RecordRoute when copyRecordRoute:
                    CopyField(request, field, output);
                    break;
                case HeaderKind.To:
                    CopyField(request, field, output, statusCode != 100 && !toTag.IsEmpty && !HasTag(request, field) ? toTag : default);
                    break;
            }
        }
        OctetWriter.Write(output, "Content-Length: 0\r\n\r\n"u8);
    }

    /// <summary>True when a To field already carries a <c>tag</c> header parameter (§8.2.6.2: then it is kept as is).</summary>
    private static bool HasTag(SipMessage request, in HeaderField to) =>
        AddressValue.TryParse(request.Source, Octets.TrimLws(request.Source.Span, to.Value.Offset, to.Value.End), out AddressValue value)
        && value.Parameters.Contains("tag"u8);

    private static void CopyField(SipMessage request, in HeaderField field, IBufferWriter<byte> output, ReadOnlySpan<byte> addTag = default)
    {
        OctetWriter.Write(output, request.Span(field.Line));
        if (!addTag.IsEmpty)
        {
            OctetWriter.Write(output, ";tag="u8);
            OctetWriter.Write(output, addTag);
        }
        OctetWriter.Write(output, "\r\n"u8);
    }
}
