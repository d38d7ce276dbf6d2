using System;
using System.Buffers;
using Sip.Generated.Grammar;

namespace Sip.Runtime.Addressing;

/// <summary>What kind of <c>host</c> a URI names (<c>host = hostname / IPv4address / IPv6reference</c>).</summary>
public enum SipHostKind : byte
{
    /// <summary><c>hostname</c>: a domain name.</summary>
    Hostname,

    /// <summary><c>IPv4address</c>: dotted decimal.</summary>
    IPv4,

    /// <summary><c>IPv6reference</c>: an IPv6 address in brackets.</summary>
    IPv6,
}

/// <summary>
/// A SIP or SIPS URI (RFC 3261 §19.1): a view over the caller's bytes. Parsing validates the whole URI against the
/// generated <see cref="Rules.SIPURI"/> / <see cref="Rules.SIPSURI"/> matchers and records where each component lies;
/// nothing is copied, and every component is returned as written (still %HH-escaped).
/// </summary>
public readonly partial struct SipUri
{
    private const byte Colon = (byte)':';
    private const byte Semicolon = (byte)';';
    private const byte Question = (byte)'?';
    private const byte Ampersand = (byte)'&';
    private const byte OpenBracket = (byte)'[';

    private readonly ReadOnlyMemory<byte> _source;
    private readonly int _userStart, _userLength;
    private readonly int _passwordStart, _passwordLength;
    private readonly int _hostStart, _hostLength;
    private readonly int _paramsStart, _paramsLength;
    private readonly int _headersStart, _headersLength;
    private readonly int _portPlusOne; // 0 when absent, so default(SipUri) has no port
    private readonly SipHostKind _hostKind;
    private readonly Flags _flags;

    [Flags]
    private enum Flags : byte
    {
        None = 0,
        Secure = 1,
        HasUserInfo = 2,
        HasPassword = 4,
    }

    private SipUri(ReadOnlyMemory<byte> source, Flags flags, int userStart, int userLength, int passwordStart, int passwordLength,
        int hostStart, int hostLength, SipHostKind hostKind, int port, int paramsStart, int paramsLength, int headersStart, int headersLength)
    {
        _source = source;
        _flags = flags;
        _userStart = userStart;
        _userLength = userLength;
        _passwordStart = passwordStart;
        _passwordLength = passwordLength;
        _hostStart = hostStart;
        _hostLength = hostLength;
        _hostKind = hostKind;
        _portPlusOne = port + 1;
        _paramsStart = paramsStart;
        _paramsLength = paramsLength;
        _headersStart = headersStart;
        _headersLength = headersLength;
    }

    /// <summary>
    /// True when <paramref name="uri"/> has the <c>sip</c> or <c>sips</c> scheme (case-insensitive, RFC 3261 §19.1.1),
    /// which makes it a SIP-URI or SIPS-URI or invalid, never just an absoluteURI (§19.1).
    /// </summary>
    internal static bool HasSipScheme(ReadOnlySpan<byte> uri, out bool secure)
    {
        secure = uri.Length >= 5 && System.Text.Ascii.EqualsIgnoreCase(uri[..5], "sips:"u8);
        return secure || (uri.Length >= 4 && System.Text.Ascii.EqualsIgnoreCase(uri[..4], "sip:"u8));
    }

    /// <summary>
    /// Parses <paramref name="source"/> as a whole <c>SIP-URI</c> or <c>SIPS-URI</c>. Returns false (never throws) when it
    /// is not one, or when its port does not fit 0-65535.
    /// </summary>
    public static bool TryParse(ReadOnlyMemory<byte> source, out SipUri uri) => Parse(source, out uri) == OperationStatus.Done;

    /// <summary>
    /// Parses <paramref name="source"/> as a whole <c>SIP-URI</c> or <c>SIPS-URI</c>:
    /// <see cref="OperationStatus.Done"/> or <see cref="OperationStatus.InvalidData"/>.
    /// </summary>
    public static OperationStatus Parse(ReadOnlyMemory<byte> source, out SipUri uri)
    {
        uri = default;
        ReadOnlySpan<byte> s = source.Span;
        bool secure = s.Length > 4 && s[4] == Colon && (s[3] | 0x20) == 's';
        // Level one: the whole URI against the grammar (a lazily built DFA, exact). Level two: inside a valid SIP-URI
        // the delimiters are fixed, so the parts are found by a forward scan (design note "exact and fast", way 3):
        //   SIP-URI = "sip:" [ userinfo ] hostport uri-parameters [ headers ]
        // '@' occurs only in userinfo; hostport ends at the first ';' or '?' after it; headers start at the first '?'
        // after hostport (uri-parameters hold none).
        if (!(secure ? Rules.SIPSURI.IsMatch(s) : Rules.SIPURI.IsMatch(s))) return OperationStatus.InvalidData;
        int schemeEnd = secure ? 5 : 4;

        Flags flags = secure ? Flags.Secure : Flags.None;
        int userStart = 0, userLength = 0, passwordStart = 0, passwordLength = 0;
        // '@' ends the userinfo: a telephone-subscriber may hold '@' (isub = ";isub=" 1*uric), hostport, parameters
        // and headers may not, so it is the last one.
        int at = s.LastIndexOf((byte)'@');
        int hpStart = schemeEnd;
        if (at >= 0)
        {
            // userinfo = ( user / telephone-subscriber ) [ ":" password ] "@". A password holds no ':', so if there is
            // one it follows the last ':'; there is one when what follows that ':' is a password and what precedes it
            // a user or a telephone-subscriber (the earliest split the grammar allows, as the generated records take
            // it; a telephone-subscriber may itself hold ':' in a parameter value).
            flags |= Flags.HasUserInfo;
            userStart = schemeEnd;
            userLength = at - schemeEnd;
            int colon = s[schemeEnd..at].LastIndexOf(Colon);
            if (colon >= 0)
            {
                colon += schemeEnd;
                ReadOnlySpan<byte> before = s[schemeEnd..colon];
                if (Rules.Password.IsMatch(s[(colon + 1)..at]) && (Rules.User.IsMatch(before) || Rules.Tel_TelephoneSubscriber.IsMatch(before)))
                {
                    flags |= Flags.HasPassword;
                    userLength = colon - schemeEnd;
                    passwordStart = colon + 1;
                    passwordLength = at - colon - 1;
                }
            }
            hpStart = at + 1;
        }

        // hostport = host [ ":" port ]; host = hostname / IPv4address / IPv6reference.
        int hpEnd = s.Slice(hpStart).IndexOfAny(Semicolon, Question);
        hpEnd = hpEnd < 0 ? s.Length : hpStart + hpEnd;
        ReadOnlySpan<byte> hp = s[hpStart..hpEnd];
        int hostLength;
        if (hp.Length > 0 && hp[0] == OpenBracket)
        {
            hostLength = hp.IndexOf((byte)']') + 1; // the grammar matched: the reference is closed
        }
        else
        {
            int colon = hp.IndexOf(Colon);
            hostLength = colon < 0 ? hp.Length : colon;
        }
        ReadOnlySpan<byte> host = hp[..hostLength];
        SipHostKind kind = host.Length > 0 && host[0] == OpenBracket ? SipHostKind.IPv6
            : Rules.IPv4address.IsMatch(host) ? SipHostKind.IPv4
            : SipHostKind.Hostname;
        int port = -1;
        if (hostLength < hp.Length && !TryParseDecimal(hp[(hostLength + 1)..], 65535, out port)) return OperationStatus.InvalidData;
        int hostStart = 0;

        int question = s.Slice(hpEnd).IndexOf(Question);
        int paramsEnd = question < 0 ? s.Length : hpEnd + question;
        Range parameters = hpEnd..paramsEnd;
        Range headers = paramsEnd..s.Length;
        (int pStart, int pLength) = parameters.GetOffsetAndLength(s.Length);
        (int hdStart, int hdLength) = headers.GetOffsetAndLength(s.Length);
        uri = new SipUri(source, flags, userStart, userLength, passwordStart, passwordLength, hpStart + hostStart, hostLength, kind, port,
            pStart, pLength, hdStart, hdLength);
        return OperationStatus.Done;
    }

    /// <summary>The bytes this URI was parsed from.</summary>
    public ReadOnlyMemory<byte> Source => _source;

    /// <summary>True for <c>sips:</c>.</summary>
    public bool IsSecure => (_flags & Flags.Secure) != 0;

    /// <summary>True when the URI has a <c>userinfo</c> part (<c>user@</c>).</summary>
    public bool HasUserInfo => (_flags & Flags.HasUserInfo) != 0;

    /// <summary>
    /// <c>user / telephone-subscriber</c>, as written (escaped; see <see cref="UriEscaping.Unescape"/>); empty when there is no userinfo.
    /// </summary>
    public ReadOnlySpan<byte> User => _source.Span.Slice(_userStart, _userLength);

    /// <summary>True when the userinfo has a ':' (a password, possibly empty).</summary>
    public bool HasPassword => (_flags & Flags.HasPassword) != 0;

    /// <summary><c>password</c>, as written; empty when absent.</summary>
    public ReadOnlySpan<byte> Password => _source.Span.Slice(_passwordStart, _passwordLength);

    /// <summary><c>host</c> as written (an IPv6 reference keeps its brackets).</summary>
    public ReadOnlySpan<byte> Host => _source.Span.Slice(_hostStart, _hostLength);

    /// <summary>What kind of host <see cref="Host"/> is.</summary>
    public SipHostKind HostKind => _hostKind;

    /// <summary>The explicit port, or null when the URI has none.</summary>
    public int? Port => _portPlusOne == 0 ? null : _portPlusOne - 1;

    /// <summary>
    /// The port to use when none is given: 5061 for <c>sips:</c> or <c>transport=tls</c>, 5060 otherwise (RFC 3261 §19.1.2, RFC 3263 §4.2).
    /// </summary>
    public int DefaultPort => IsSecure || UriEscaping.EqualsLiteralIgnoreCase(Transport, "tls"u8) ? 5061 : 5060;

    /// <summary><see cref="Port"/> when present, else <see cref="DefaultPort"/>.</summary>
    public int PortOrDefault => _portPlusOne == 0 ? DefaultPort : _portPlusOne - 1;

    /// <summary><c>uri-parameters</c> as written, with its leading ';' (empty when there are none).</summary>
    public ReadOnlySpan<byte> RawParameters => _source.Span.Slice(_paramsStart, _paramsLength);

    /// <summary><c>headers</c> as written, with its leading '?' (empty when there are none).</summary>
    public ReadOnlySpan<byte> RawHeaders => _source.Span.Slice(_headersStart, _headersLength);

    /// <summary>The <c>uri-parameters</c>, in order.</summary>
    public UriParameterEnumerator Parameters => new(RawParameters, Semicolon);

    /// <summary>The <c>headers</c> (<c>hname=hvalue</c>), in order.</summary>
    public UriParameterEnumerator Headers => new(RawHeaders, Ampersand);

    /// <summary>
    /// Finds the first URI parameter whose name, unescaped, equals <paramref name="lowerName"/> ignoring case
    /// (<paramref name="lowerName"/> is lower-case ASCII).
    /// </summary>
    public bool TryGetParameter(ReadOnlySpan<byte> lowerName, out UriParameter parameter) =>
        UriParameterEnumerator.TryFind(RawParameters, Semicolon, lowerName, out parameter);

    /// <summary>True when the URI has a parameter named <paramref name="lowerName"/> (lower-case ASCII; matched ignoring case).</summary>
    public bool HasParameter(ReadOnlySpan<byte> lowerName) => TryGetParameter(lowerName, out _);

    /// <summary>Finds the first header (after '?') whose name equals <paramref name="lowerName"/> ignoring case.</summary>
    public bool TryGetHeader(ReadOnlySpan<byte> lowerName, out UriParameter header) =>
        UriParameterEnumerator.TryFind(RawHeaders, Ampersand, lowerName, out header);

    /// <summary><c>transport=</c> value as written (udp, tcp, sctp, tls or other); empty when absent.</summary>
    public ReadOnlySpan<byte> Transport => ValueOf("transport"u8);

    /// <summary><c>user=</c> value as written (phone, ip or other); empty when absent.</summary>
    public ReadOnlySpan<byte> UserParam => ValueOf("user"u8);

    /// <summary><c>method=</c> value as written; empty when absent.</summary>
    public ReadOnlySpan<byte> Method => ValueOf("method"u8);

    /// <summary><c>maddr=</c> value as written; empty when absent.</summary>
    public ReadOnlySpan<byte> Maddr => ValueOf("maddr"u8);

    /// <summary><c>ttl=</c> value (<c>ttl = 1*3DIGIT ; 0 to 255</c>), or null when absent or not a number in 0-255.</summary>
    public int? Ttl => TryGetParameter("ttl"u8, out UriParameter p) && TryParseDecimal(p.Value, 255, out int ttl) ? ttl : null;

    /// <summary>True when the URI has the <c>lr</c> parameter (loose routing, RFC 3261 §19.1.1).</summary>
    public bool Lr => HasParameter("lr"u8);

    /// <summary>The URI as written, as a string (allocates; for logs and tests).</summary>
    public override string ToString() => System.Text.Encoding.UTF8.GetString(_source.Span);

    private ReadOnlySpan<byte> ValueOf(ReadOnlySpan<byte> lowerName) => TryGetParameter(lowerName, out UriParameter p) ? p.Value : default;

    internal static bool TryParseDecimal(ReadOnlySpan<byte> digits, int max, out int value)
    {
        value = 0;
        if (digits.IsEmpty) return false;
        foreach (byte b in digits)
        {
            uint d = (uint)(b - '0');
            if (d > 9) return false;
            value = value * 10 + (int)d;
            if (value > max) return false;
        }
        return true;
    }
}
