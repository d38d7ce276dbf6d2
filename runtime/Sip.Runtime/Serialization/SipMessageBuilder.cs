using System;
using System.Buffers;
using Sip.Generated.Grammar;
using Sip.Runtime.Headers;
using Sip.Runtime.Message;

namespace Sip.Runtime.Serialization;

/// <summary>
/// Writes a SIP message from typed values, straight into an <see cref="IBufferWriter{T}"/>: start line, header fields
/// in the order they are added, then Content-Type/Content-Length, the empty line and the body (<see cref="End"/>).
/// Every header is written in canonical form (long name, ": ", value). Nothing is allocated beyond the output.
/// </summary>
/// <example>
/// <code>
/// var b = SipMessageBuilder.Request(output, "INVITE"u8, "sip:bob@biloxi.com"u8);
/// b.Via("UDP"u8, "pc33.atlanta.com"u8, -1, "z9hG4bK776asdhds"u8);
/// b.MaxForwards(70);
/// b.To(default, "sip:bob@biloxi.com"u8, default);
/// b.From("Alice"u8, "sip:alice@atlanta.com"u8, "1928301774"u8);
/// b.CallId("a84b4c76e66710@pc33.atlanta.com"u8);
/// b.CSeq(314159, "INVITE"u8);
/// b.Contact("sip:alice@pc33.atlanta.com"u8);
/// b.End(sdp, "application/sdp"u8);
/// </code>
/// </example>
public struct SipMessageBuilder
{
    // RFC 3261 §8.1.1: "A valid SIP request formulated by a UAC MUST, at a minimum, contain the following header
    // fields: To, From, CSeq, Call-ID, Max-Forwards, and Via".
    [Flags]
    private enum Mandatory : byte
    {
        None = 0,
        To = 1,
        From = 2,
        CSeq = 4,
        CallId = 8,
        MaxForwards = 16,
        Via = 32,
        Request = To | From | CSeq | CallId | MaxForwards | Via,
        Response = To | From | CSeq | CallId | Via,
    }

    private readonly IBufferWriter<byte> _output;
    private readonly Mandatory _required;
    private Mandatory _written;
    private bool _ended;

    private SipMessageBuilder(IBufferWriter<byte> output, Mandatory required)
    {
        _output = output;
        _required = required;
        _written = Mandatory.None;
        _ended = false;
    }

    /// <summary>Starts a request: <c>Method SP Request-URI SP SIP/2.0 CRLF</c> (§7.1).</summary>
    public static SipMessageBuilder Request(IBufferWriter<byte> output, ReadOnlySpan<byte> method, ReadOnlySpan<byte> requestUri)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (method.IsEmpty || Rules.Token.MatchLength(method) != method.Length) throw new ArgumentException("a method is a token (RFC 3261 §25.1)", nameof(method));
        if (requestUri.IsEmpty) throw new ArgumentException("a request needs a Request-URI", nameof(requestUri));
        OctetWriter.Write(output, method);
        OctetWriter.Write(output, Octets.SP);
        OctetWriter.Write(output, requestUri);
        OctetWriter.Write(output, " SIP/2.0\r\n"u8);
        return new SipMessageBuilder(output, Mandatory.Request);
    }

    /// <summary>
    /// Starts a response: <c>SIP/2.0 SP Status-Code SP Reason-Phrase CRLF</c> (§7.2); an empty
    /// <paramref name="reasonPhrase"/> takes the code's default from the grammar.
    /// </summary>
    public static SipMessageBuilder Response(IBufferWriter<byte> output, int statusCode, ReadOnlySpan<byte> reasonPhrase = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (statusCode < 100 || statusCode > 699) throw new ArgumentOutOfRangeException(nameof(statusCode), "a status code is 3 digits, 100 to 699");
        OctetWriter.Write(output, "SIP/2.0 "u8);
        OctetWriter.WriteDecimal(output, (ulong)statusCode);
        OctetWriter.Write(output, Octets.SP);
        OctetWriter.Write(output, reasonPhrase.IsEmpty ? SipStatusCodes.ReasonPhraseUtf8(statusCode) : reasonPhrase);
        OctetWriter.Write(output, "\r\n"u8);
        return new SipMessageBuilder(output, Mandatory.Response);
    }

    /// <summary>
    /// The first header §8.1.1 (request) or §8.2.6.2 (response) requires that has not been written yet, or
    /// <see cref="HeaderKind.Unknown"/> when all are there.
    /// </summary>
    public readonly HeaderKind MissingMandatoryHeader
    {
        get
        {
            Mandatory missing = _required & ~_written;
            if ((missing & Mandatory.Via) != 0) return HeaderKind.Via;
            if ((missing & Mandatory.MaxForwards) != 0) return HeaderKind.MaxForwards;
            if ((missing & Mandatory.To) != 0) return HeaderKind.To;
            if ((missing & Mandatory.From) != 0) return HeaderKind.From;
            if ((missing & Mandatory.CallId) != 0) return HeaderKind.CallID;
            if ((missing & Mandatory.CSeq) != 0) return HeaderKind.CSeq;
            return HeaderKind.Unknown;
        }
    }

    /// <summary>A header field with a value written as given (no folding: CR and LF are refused).</summary>
    public void Header(HeaderKind kind, ReadOnlySpan<byte> value)
    {
        if (kind == HeaderKind.Unknown) throw new ArgumentException("name an extension header by its name", nameof(kind));
        StartHeader(kind);
        WriteValue(value);
        EndHeader();
    }

    /// <summary>An extension header (or a known one by name) with a value written as given.</summary>
    public void Header(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        if (name.IsEmpty || Rules.Token.MatchLength(name) != name.Length) throw new ArgumentException("a header name is a token (RFC 3261 §25.1)", nameof(name));
        HeaderKind kind = SipHeaders.Lookup(name);
        if (kind != HeaderKind.Unknown)
        {
            Header(kind, value);
            return;
        }
        CheckOpen();
        OctetWriter.Write(_output, name);
        OctetWriter.Write(_output, ": "u8);
        WriteValue(value);
        EndHeader();
    }

    /// <summary>A header field holding a typed value (e.g. one read from another message), written canonically.</summary>
    public void Header<T>(HeaderKind kind, in T value) where T : struct, ISipHeaderValue<T>
    {
        StartHeader(kind);
        value.WriteTo(_output);
        EndHeader();
    }

    /// <summary><c>Via: SIP/2.0/{transport} {host}[:{port}];branch={branch}[;rport]</c>; a port below 0 is left out.</summary>
    public void Via(ReadOnlySpan<byte> transport, ReadOnlySpan<byte> host, int port, ReadOnlySpan<byte> branch, bool rport = false)
    {
        StartHeader(HeaderKind.Via);
        ViaValue.Write(_output, transport, host, port, branch, rport);
        EndHeader();
    }

    /// <summary><c>Max-Forwards: {hops}</c> (§8.1.1.6: 70 is the recommended start).</summary>
    public void MaxForwards(int hops)
    {
        if (hops < 0 || hops > 255) throw new ArgumentOutOfRangeException(nameof(hops), "Max-Forwards is 0 to 255");
        StartHeader(HeaderKind.MaxForwards);
        OctetWriter.WriteDecimal(_output, (ulong)hops);
        EndHeader();
    }

    /// <summary><c>From: [display] &lt;uri&gt;;tag={tag}</c> (§8.1.1.3: a UAC always adds a tag).</summary>
    public void From(ReadOnlySpan<byte> displayName, ReadOnlySpan<byte> uri, ReadOnlySpan<byte> tag) => Address(HeaderKind.From, displayName, uri, tag);

    /// <summary><c>To: [display] &lt;uri&gt;[;tag={tag}]</c> (no tag outside a dialog, §8.1.1.2).</summary>
    public void To(ReadOnlySpan<byte> displayName, ReadOnlySpan<byte> uri, ReadOnlySpan<byte> tag) => Address(HeaderKind.To, displayName, uri, tag);

    /// <summary><c>Contact: &lt;uri&gt;</c>, with <c>;expires=</c> when <paramref name="expires"/> is 0 or more.</summary>
    public void Contact(ReadOnlySpan<byte> uri, ReadOnlySpan<byte> displayName = default, long expires = -1)
    {
        StartHeader(HeaderKind.Contact);
        AddressValue.Write(_output, displayName, uri);
        if (expires >= 0)
        {
            OctetWriter.Write(_output, ";expires="u8);
            OctetWriter.WriteDecimal(_output, (ulong)expires);
        }
        EndHeader();
    }

    /// <summary><c>Route</c> or <c>Record-Route: &lt;uri&gt;</c> (and any name-addr header without parameters).</summary>
    public void Address(HeaderKind kind, ReadOnlySpan<byte> displayName, ReadOnlySpan<byte> uri, ReadOnlySpan<byte> tag = default)
    {
        if (uri.IsEmpty) throw new ArgumentException("an address needs a URI", nameof(uri));
        StartHeader(kind);
        AddressValue.Write(_output, displayName, uri);
        if (!tag.IsEmpty)
        {
            OctetWriter.Write(_output, ";tag="u8);
            OctetWriter.Write(_output, tag);
        }
        EndHeader();
    }

    /// <summary><c>Call-ID: {callId}</c>.</summary>
    public void CallId(ReadOnlySpan<byte> callId) => Header(HeaderKind.CallID, callId);

    /// <summary><c>CSeq: {number} {method}</c>.</summary>
    public void CSeq(uint number, ReadOnlySpan<byte> method)
    {
        StartHeader(HeaderKind.CSeq);
        CSeqValue.Write(_output, number, method);
        EndHeader();
    }

    /// <summary>A number-valued header: <c>Expires</c>, <c>Min-Expires</c>, <c>RSeq</c>...</summary>
    public void Number(HeaderKind kind, uint value)
    {
        StartHeader(kind);
        OctetWriter.WriteDecimal(_output, value);
        EndHeader();
    }

    /// <summary>
    /// Ends the header section: <c>Content-Type</c> when <paramref name="contentType"/> is given, <c>Content-Length</c>
    /// (always: §18.3 makes it mandatory over streams, and it is harmless over datagrams), the empty line, the body.
    /// </summary>
    public void End(ReadOnlySpan<byte> body = default, ReadOnlySpan<byte> contentType = default)
    {
        CheckOpen();
        if (!contentType.IsEmpty) Header(HeaderKind.ContentType, contentType);
        else if (!body.IsEmpty) throw new ArgumentException("a body needs a Content-Type (RFC 3261 §20.15)", nameof(contentType));
        StartHeader(HeaderKind.ContentLength);
        OctetWriter.WriteDecimal(_output, (ulong)body.Length);
        EndHeader();
        OctetWriter.Write(_output, "\r\n"u8);
        OctetWriter.Write(_output, body);
        _ended = true;
    }

    private void StartHeader(HeaderKind kind)
    {
        CheckOpen();
        _written |= kind switch
        {
            HeaderKind.To => Mandatory.To,
            HeaderKind.From => Mandatory.From,
            HeaderKind.CSeq => Mandatory.CSeq,
            HeaderKind.CallID => Mandatory.CallId,
            HeaderKind.MaxForwards => Mandatory.MaxForwards,
            HeaderKind.Via => Mandatory.Via,
            _ => Mandatory.None,
        };
        OctetWriter.Write(_output, SipHeaders.LongNameUtf8(kind));
        OctetWriter.Write(_output, ": "u8);
    }

    private readonly void EndHeader() => OctetWriter.Write(_output, "\r\n"u8);

    private readonly void WriteValue(ReadOnlySpan<byte> value)
    {
        // A CR or LF would end the header (or start a fold the caller did not mean): refuse rather than inject.
        if (value.IndexOfAny(Octets.CR, Octets.LF) >= 0) throw new ArgumentException("a header value cannot contain CR or LF", nameof(value));
        OctetWriter.Write(_output, value);
    }

    private readonly void CheckOpen()
    {
        if (_output is null) throw new InvalidOperationException("start the message with Request or Response");
        if (_ended) throw new InvalidOperationException("the message has ended");
    }
}
