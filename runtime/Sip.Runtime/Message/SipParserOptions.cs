using System;

namespace Sip.Runtime.Message;

/// <summary>
/// Limits and mode of <see cref="SipMessageParser"/>. Exceeding a limit is an error value, never an exception:
/// <list type="bullet">
/// <item><see cref="MaxMessageSize"/>: 413 Request Entity Too Large (<see cref="SipErrorCode.MessageTooLarge"/>).</item>
/// <item><see cref="MaxHeaderCount"/>: 413 (<see cref="SipErrorCode.TooManyHeaders"/>). 413 rather than 400: the message is
/// not malformed, it is more than this element is willing to process (RFC 3261 §21.4.11).</item>
/// <item><see cref="MaxLineLength"/>: 413 for a header line, 414 Request-URI Too Long for a request's start line (the
/// Request-URI is what makes a Request-Line long; RFC 3261 §21.4.12) (<see cref="SipErrorCode.LineTooLong"/>).</item>
/// </list>
/// The options are immutable once built; share one instance.
/// </summary>
public sealed class SipParserOptions
{
    private readonly int _maxMessageSize = 65535;
    private readonly int _maxHeaderCount = 128;
    private readonly int _maxLineLength = 8192;

    /// <summary>Lenient parsing with the default limits.</summary>
    public static SipParserOptions Default { get; } = new();

    /// <summary>Strict parsing (<see cref="Strict"/>) with the default limits.</summary>
    public static SipParserOptions StrictDefault { get; } = new() { Strict = true };

    /// <summary>
    /// Largest message (start line, headers and body) accepted, in octets. Default 65535, the largest UDP payload
    /// (RFC 3261 §18.1.1 messages near the path MTU go over TCP; nothing larger fits a datagram). Between 512 and 64 MiB.
    /// </summary>
    public int MaxMessageSize
    {
        get => _maxMessageSize;
        init => _maxMessageSize = value is >= 512 and <= 64 << 20 ? value : throw new ArgumentOutOfRangeException(nameof(MaxMessageSize), value, "512 to 64 MiB");
    }

    /// <summary>Largest number of header fields (folded continuation lines count with their field). Default 128; between 1 and 8192.</summary>
    public int MaxHeaderCount
    {
        get => _maxHeaderCount;
        init => _maxHeaderCount = value is >= 1 and <= 8192 ? value : throw new ArgumentOutOfRangeException(nameof(MaxHeaderCount), value, "1 to 8192");
    }

    /// <summary>
    /// Longest physical line (without its CRLF) in the start line and header section. Default 8192; between 64 and
    /// 1 MiB. A folded header field may span several lines; each line is held to this limit and the whole message to
    /// <see cref="MaxMessageSize"/>.
    /// </summary>
    public int MaxLineLength
    {
        get => _maxLineLength;
        init => _maxLineLength = value is >= 64 and <= 1 << 20 ? value : throw new ArgumentOutOfRangeException(nameof(MaxLineLength), value, "64 to 1 MiB");
    }

    /// <summary>
    /// Strict mode: besides framing, the start line must match <c>Request-Line</c> / <c>Status-Line</c>, every known
    /// header field must match its own rule (<see cref="Sip.Generated.Grammar.SipHeaders.IsMatch"/>), every other
    /// field <c>extension-header</c>, and a datagram must have the empty line that ends the header section. The only
    /// departures from the grammar are the two the RFCs themselves ask for: RFC 4475 §3.1.1.6 (a display-name token
    /// directly followed by <c>&lt;</c>) and RFC 5118 §4.10 (the three-colon IPv6 reference).
    /// Default false (lenient; see <see cref="SipMessageParser"/> for what lenient mode accepts).
    /// </summary>
    public bool Strict { get; init; }

    /// <summary>
    /// Octets <see cref="SipMessageParser.ParseStream"/> may need at most to reach a verdict: a message of
    /// <see cref="MaxMessageSize"/> plus one line that crosses that limit (with its CRLF).
    /// </summary>
    internal int StreamWindow => _maxMessageSize + _maxLineLength + 2;
}
