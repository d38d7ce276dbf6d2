using System;
using System.Text;
using Sip.Generated.Grammar;

namespace Sip.Runtime.Message;

/// <summary>
/// Why a message was refused, as a value: the reason (<see cref="Code"/>), the SIP response it deserves
/// (<see cref="StatusCode"/>, <see cref="ReasonPhrase"/>), what to do (<see cref="Action"/>) and where
/// (<see cref="Header"/>, <see cref="HeaderName"/>, <see cref="Line"/>, <see cref="Offset"/>). Building one allocates
/// nothing; <see cref="Describe()"/> builds the human-readable text on request.
/// </summary>
public readonly struct SipParseError
{
    internal SipParseError(SipErrorCode code, int statusCode, SipErrorAction action, bool isResponse, HeaderKind header, SipRange headerName, int offset, int line)
    {
        Code = code;
        StatusCode = statusCode;
        Action = action;
        IsResponse = isResponse;
        Header = header;
        HeaderName = headerName;
        Offset = offset;
        Line = line;
    }

    /// <summary>The reason; <see cref="SipErrorCode.None"/> for no error (the default value).</summary>
    public SipErrorCode Code { get; }

    /// <summary>The response this deserves (400, 413, 414, 416, 420, 483, 501, 505); meaningful when <see cref="Action"/> says to respond.</summary>
    public int StatusCode { get; }

    /// <summary>The RFC 3261 §21 reason phrase of <see cref="StatusCode"/> (a constant string).</summary>
    public string ReasonPhrase => ReasonPhraseOf(StatusCode);

    /// <summary>Respond, drop, or close the stream.</summary>
    public SipErrorAction Action { get; }

    /// <summary>True when the refused message is a response (start line <c>SIP/...</c>); responses are dropped, never answered.</summary>
    public bool IsResponse { get; }

    /// <summary>The header concerned, or <see cref="HeaderKind.Unknown"/> (also for an extension header: see <see cref="HeaderName"/>).</summary>
    public HeaderKind Header { get; }

    /// <summary>The name of the header concerned as written in the message (empty when the error concerns no header field).</summary>
    public SipRange HeaderName { get; }

    /// <summary>Offset of the offending octets from the start of the message (after any leading CRLF keep-alives).</summary>
    public int Offset { get; }

    /// <summary>1-based line number in the message (the start line is line 1; 0 when the error concerns no line).</summary>
    public int Line { get; }

    /// <summary>True when there is an error.</summary>
    public bool IsError => Code != SipErrorCode.None;

    /// <summary>True when the sender should get <see cref="StatusCode"/> back.</summary>
    public bool ShouldRespond => Action is SipErrorAction.Respond or SipErrorAction.RespondAndClose;

    /// <summary>A sentence naming the problem and the header/line, e.g. "header line 9 does not match Authorization".</summary>
    public string Describe() => Describe(default);

    /// <summary>
    /// As <see cref="Describe()"/>, quoting an extension header's name from <paramref name="message"/>
    /// (<see cref="SipMessage.Source"/> of the message the error came from).
    /// </summary>
    public string Describe(ReadOnlySpan<byte> message)
    {
        string header = HeaderLabel(message);
        string what = Code switch
        {
            SipErrorCode.None => "no error",
            SipErrorCode.EmptyMessage => "the datagram holds no message, only CRLF keep-alives",
            SipErrorCode.MessageTooLarge => $"the message is larger than the maximum message size (octet {Offset})",
            SipErrorCode.LineTooLong => Line == 1 ? "the start line is longer than the maximum line length" : $"line {Line} is longer than the maximum line length",
            SipErrorCode.TooManyHeaders => $"more header fields than the maximum header count (line {Line})",
            SipErrorCode.InvalidLineEnding => $"line {Line} has a CR or LF that is not part of a CRLF line end",
            SipErrorCode.UnterminatedLine => $"the datagram ends inside line {Line}, without CRLF",
            SipErrorCode.MissingEmptyLine => $"no empty line after the header fields (the datagram ends after line {Line - 1})",
            SipErrorCode.MissingContentLength => "no Content-Length, which stream framing requires (RFC 3261 §18.3)",
            SipErrorCode.InvalidContentLength => $"header line {Line}: Content-Length is not a non-negative integer",
            SipErrorCode.ConflictingContentLength => $"header line {Line}: Content-Length conflicts with an earlier Content-Length",
            SipErrorCode.BodyTruncated => "Content-Length is larger than the body octets in the datagram (RFC 3261 §18.3)",
            SipErrorCode.InvalidStartLine => IsResponse
                ? "start line is not SIP-Version SP Status-Code SP Reason-Phrase"
                : "start line is not Method SP Request-URI SP SIP-Version",
            SipErrorCode.InvalidMethod => "the method is not a token",
            SipErrorCode.InvalidRequestUri => "the Request-URI is not a URI",
            SipErrorCode.RequestUriNotSipUri => "the Request-URI has a sip/sips scheme but is not a SIP-URI (RFC 3261 §19.1)",
            SipErrorCode.RequestUriHeaders => "the Request-URI carries escaped headers, which RFC 3261 §19.1.1 (Table 1) forbids there",
            SipErrorCode.InvalidVersion => "the SIP-Version is malformed",
            SipErrorCode.VersionNotSupported => "SIP version not supported (only SIP/2.0)",
            SipErrorCode.InvalidStatusCode => "the status code is not three digits from 100 to 699",
            SipErrorCode.StartLineGrammar => IsResponse ? "start line does not match Status-Line" : "start line does not match Request-Line",
            SipErrorCode.ContinuationWithoutHeader => $"line {Line} continues a header field, but no header field precedes it",
            SipErrorCode.InvalidHeaderName => $"header line {Line} does not start with a header name (token) and a colon",
            SipErrorCode.HeaderGrammar => $"header line {Line} does not match {header}",
            SipErrorCode.MissingHeader => $"no {header} header (mandatory, RFC 3261 §8.1.1)",
            SipErrorCode.DuplicateHeader => $"header line {Line}: {header} appears more than once but is not a list (RFC 3261 §7.3.1)",
            SipErrorCode.CSeqOutOfRange => $"header line {Line}: the CSeq number is larger than 2**32-1 (RFC 3261 §20.16)",
            SipErrorCode.CSeqMethodMismatch => $"header line {Line}: the CSeq method differs from the request method (RFC 3261 §8.1.1.5)",
            SipErrorCode.MaxForwardsOutOfRange => $"header line {Line}: Max-Forwards is larger than 255 (RFC 3261 §20.22)",
            SipErrorCode.HeaderUriNotSipUri => $"header line {Line}: {header} has a sip/sips URI that is not a SIP-URI (RFC 3261 §19.1)",
            SipErrorCode.NameAddrRequired => $"header line {Line}: {header} has an addr-spec with '?' or ',' outside angle brackets (RFC 3261 §20.10)",
            SipErrorCode.MethodNotImplemented => "the method is not implemented here (RFC 3261 §8.2.1)",
            SipErrorCode.UnsupportedUriScheme => "the Request-URI scheme is not supported (RFC 3261 §8.2.2.1)",
            SipErrorCode.BadExtension => $"header line {Line}: {header} names an option-tag that is not supported (RFC 3261 §8.2.2.3)",
            SipErrorCode.TooManyHops => $"header line {Line}: Max-Forwards is 0 (RFC 3261 §16.3)",
            _ => Code.ToString(),
        };
        return Code == SipErrorCode.None ? what : $"{StatusCode} {ReasonPhrase}: {what}";
    }

    /// <inheritdoc/>
    public override string ToString() => Describe();

    private string HeaderLabel(ReadOnlySpan<byte> message)
    {
        if (Header != HeaderKind.Unknown) return SipHeaders.LongName(Header);
        if (!HeaderName.IsEmpty && HeaderName.End <= message.Length) return Encoding.Latin1.GetString(message.Slice(HeaderName.Offset, HeaderName.Length));
        return Code == SipErrorCode.HeaderGrammar ? "extension-header" : "the header";
    }

    /// <summary>The RFC 3261 §21 reason phrase of the status codes errors map to.</summary>
    public static string ReasonPhraseOf(int statusCode) => Sip.Generated.Grammar.SipStatusCodes.ReasonPhrase(statusCode);

    /// <summary>The response a code deserves when no context changes it.</summary>
    internal static int DefaultStatusOf(SipErrorCode code) => code switch
    {
        SipErrorCode.None => 0,
        SipErrorCode.MessageTooLarge or SipErrorCode.LineTooLong or SipErrorCode.TooManyHeaders => 413,
        SipErrorCode.VersionNotSupported => 505,
        SipErrorCode.MethodNotImplemented => 501,
        SipErrorCode.UnsupportedUriScheme => 416,
        SipErrorCode.BadExtension => 420,
        SipErrorCode.TooManyHops => 483,
        _ => 400,
    };
}
