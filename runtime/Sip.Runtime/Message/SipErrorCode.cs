namespace Sip.Runtime.Message;

/// <summary>
/// Why a message was refused. Each code has the SIP response it deserves (<see cref="SipParseError.StatusCode"/>);
/// the parser (<see cref="SipMessageParser"/>) produces the framing and syntax codes, the validator
/// (<see cref="SipMessageValidator"/>) the message-level ones.
/// </summary>
public enum SipErrorCode : byte
{
    /// <summary>No error.</summary>
    None = 0,

    // ---- framing (parser) ----

    /// <summary>A datagram with nothing but CRLF keep-alives in it. Dropped.</summary>
    EmptyMessage,
    /// <summary>The message (or its declared body) is larger than <see cref="SipParserOptions.MaxMessageSize"/>. 413.</summary>
    MessageTooLarge,
    /// <summary>A line is longer than <see cref="SipParserOptions.MaxLineLength"/>. 413 (414 for a request's start line).</summary>
    LineTooLong,
    /// <summary>More header fields than <see cref="SipParserOptions.MaxHeaderCount"/>. 413.</summary>
    TooManyHeaders,
    /// <summary>A LF without CR before it, or a CR without LF after it, in the start line or header section (RFC 3261 §7: lines end in CRLF). 400.</summary>
    InvalidLineEnding,
    /// <summary>The datagram ends inside a line of the start line or header section. 400.</summary>
    UnterminatedLine,
    /// <summary>Strict mode: the datagram ends after a header line without the empty line that closes the header section. 400.</summary>
    MissingEmptyLine,
    /// <summary>No Content-Length on a stream, where framing needs it (RFC 3261 §18.3, §20.14). 400, then close.</summary>
    MissingContentLength,
    /// <summary>Content-Length is not a non-negative decimal integer (RFC 4475 §3.1.2.3 ncl.dat). 400.</summary>
    InvalidContentLength,
    /// <summary>Several Content-Length fields with different values (RFC 4475 §3.3.9 mcl01.dat). 400.</summary>
    ConflictingContentLength,
    /// <summary>A datagram holds fewer body octets than Content-Length says (RFC 3261 §18.3; RFC 4475 §3.1.2.2 clerr.dat). 400.</summary>
    BodyTruncated,

    // ---- start line (parser) ----

    /// <summary>The start line is not <c>Method SP Request-URI SP SIP-Version</c> nor <c>SIP-Version SP Status-Code SP Reason-Phrase</c>. 400.</summary>
    InvalidStartLine,
    /// <summary>The method is not a <c>token</c>. 400.</summary>
    InvalidMethod,
    /// <summary>The Request-URI is not a URI (not an <c>absoluteURI</c>; whitespace or angle brackets in it). 400.</summary>
    InvalidRequestUri,
    /// <summary>A <c>sip:</c>/<c>sips:</c> Request-URI that is not a SIP-URI/SIPS-URI (RFC 3261 §19.1; RFC 5118 §4.2 ipv6-bad.dat). 400.</summary>
    RequestUriNotSipUri,
    /// <summary>Escaped headers (<c>?hname=hvalue</c>) in a SIP Request-URI, which RFC 3261 §19.1.1 Table 1 forbids (RFC 4475 §3.1.2.11 escruri.dat). 400.</summary>
    RequestUriHeaders,
    /// <summary>The version does not match <c>SIP-Version = "SIP" "/" 1*DIGIT "." 1*DIGIT</c>. 400.</summary>
    InvalidVersion,
    /// <summary>A well-formed version other than SIP/2.0 (RFC 4475 §3.1.2.16 badvers.dat). 505.</summary>
    VersionNotSupported,
    /// <summary>A status code that is not three digits from 100 to 699 (RFC 4475 §3.1.2.19 bigcode.dat). The response is dropped.</summary>
    InvalidStatusCode,
    /// <summary>Strict mode: the start line does not match <c>Request-Line</c> / <c>Status-Line</c>. 400.</summary>
    StartLineGrammar,

    // ---- header section (parser) ----

    /// <summary>The first header line starts with whitespace: a continuation with nothing to continue. 400.</summary>
    ContinuationWithoutHeader,
    /// <summary>A header line that is not <c>token *(SP / HTAB) ":"</c> ... (RFC 3261 §7.3.1). 400.</summary>
    InvalidHeaderName,
    /// <summary>A header field does not match its grammar rule (strict mode: any field; validator: the fields every element relies on). 400.</summary>
    HeaderGrammar,

    // ---- message level (validator) ----

    /// <summary>A mandatory header field is missing (RFC 3261 §8.1.1; RFC 4475 §3.3.1 insuf.dat). 400.</summary>
    MissingHeader,
    /// <summary>A header field that is not a comma-separated list appears on several lines (RFC 3261 §7.3.1; RFC 4475 §3.3.8 multi01.dat). 400.</summary>
    DuplicateHeader,
    /// <summary>The CSeq number does not fit 32 bits (RFC 3261 §20.16; RFC 4475 §3.1.2.4 scalar02.dat). 400.</summary>
    CSeqOutOfRange,
    /// <summary>The CSeq method differs from the request method (RFC 3261 §8.1.1.5; RFC 4475 §3.1.2.17 mismatch01.dat). 400.</summary>
    CSeqMethodMismatch,
    /// <summary>Max-Forwards is larger than 255 (RFC 3261 §20.22). 400.</summary>
    MaxForwardsOutOfRange,
    /// <summary>An addr-spec with <c>?</c> or <c>,</c> outside angle brackets (RFC 3261 §20.10; RFC 4475 §3.1.2.13 regbadct.dat). 400.</summary>
    NameAddrRequired,
    /// <summary>An address header's URI has a <c>sip:</c>/<c>sips:</c> scheme but is not a SIP-URI/SIPS-URI (RFC 3261 §19.1: the grammar's absoluteURI alternative does not apply to them). 400.</summary>
    HeaderUriNotSipUri,
    /// <summary>A user agent does not implement the method (RFC 3261 §8.2.1). 501.</summary>
    MethodNotImplemented,
    /// <summary>The Request-URI scheme is not supported (RFC 3261 §8.2.2.1, §16.3 step 2). 416.</summary>
    UnsupportedUriScheme,
    /// <summary>Require (at a UAS) or Proxy-Require (at a proxy) names an option-tag that is not supported (RFC 3261 §8.2.2.3, §16.3 step 5). 420.</summary>
    BadExtension,
    /// <summary>Max-Forwards is 0 at a proxy (RFC 3261 §16.3 step 3). 483.</summary>
    TooManyHops,
}

/// <summary>What the receiver should do with a message it refused.</summary>
public enum SipErrorAction : byte
{
    /// <summary>
    /// Answer with <see cref="SipParseError.StatusCode"/> (a request). On a stream the message was framed and
    /// <c>consumed</c> is past it, so the connection stays usable.
    /// </summary>
    Respond,
    /// <summary>
    /// Discard silently: a malformed response is never answered (RFC 4475 §3.1.2.19, §3.1.2.5), nor is an ACK
    /// (RFC 3261 §17.1.1.3), nor octets that are no request at all. On a stream the message was framed and skipped.
    /// </summary>
    Drop,
    /// <summary>Answer (a request), then close the stream: the message cannot be framed, so nothing after it can be (RFC 4475 §3.1.2.3).</summary>
    RespondAndClose,
    /// <summary>Close the stream without answering (a response or unidentifiable octets that cannot be framed).</summary>
    Close,
}
