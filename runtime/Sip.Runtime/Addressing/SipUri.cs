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
        Range userinfo, hostport, parameters, headers;
        if (secure)
        {
            // SIPS-URI = "sips:" [ userinfo ] hostport uri-parameters [ headers ]
            if (Rules.SIPSURI.TryParse(s, out Rules.SIPSURI.Record r) != OperationStatus.Done) return OperationStatus.InvalidData;
            (userinfo, hostport, parameters, headers) = (r.Userinfo, r.Hostport, r.UriParameters, r.Headers);
        }
        else
        {
            if (Rules.SIPURI.TryParse(s, out Rules.SIPURI.Record r) != OperationStatus.Done) return OperationStatus.InvalidData;
            (userinfo, hostport, parameters, headers) = (r.Userinfo, r.Hostport, r.UriParameters, r.Headers);
        }

        Flags flags = secure ? Flags.Secure : Flags.None;
        int userStart = 0, userLength = 0, passwordStart = 0, passwordLength = 0;
        (int uiStart, int uiLength) = userinfo.GetOffsetAndLength(s.Length);
        if (uiLength > 0)
        {
            // userinfo = ( user / telephone-subscriber ) [ ":" password ] "@"
            ReadOnlySpan<byte> ui = s.Slice(uiStart, uiLength);
            if (Rules.Userinfo.TryParse(ui, out Rules.Userinfo.Record u) != OperationStatus.Done) return OperationStatus.InvalidData;
            flags |= Flags.HasUserInfo;
            (userStart, userLength) = u.UserOrTelephoneSubscriber.GetOffsetAndLength(ui.Length);
            (passwordStart, passwordLength) = u.Password.GetOffsetAndLength(ui.Length);
            if (userStart + userLength < ui.Length && ui[userStart + userLength] == Colon)
            {
                flags |= Flags.HasPassword;
                passwordStart = userStart + userLength + 1;
            }
            else
            {
                passwordStart = 0;
                passwordLength = 0;
            }
            userStart += uiStart;
            if ((flags & Flags.HasPassword) != 0) passwordStart += uiStart;
        }

        // hostport = host [ ":" port ]
        (int hpStart, int hpLength) = hostport.GetOffsetAndLength(s.Length);
        ReadOnlySpan<byte> hp = s.Slice(hpStart, hpLength);
        if (Rules.Hostport.TryParse(hp, out Rules.Hostport.Record h) != OperationStatus.Done) return OperationStatus.InvalidData;
        (int hostStart, int hostLength) = h.Host.GetOffsetAndLength(hp.Length);
        ReadOnlySpan<byte> host = hp.Slice(hostStart, hostLength);
        SipHostKind kind = host.Length > 0 && host[0] == OpenBracket ? SipHostKind.IPv6
            : Rules.IPv4address.IsMatch(host) ? SipHostKind.IPv4
            : SipHostKind.Hostname;
        int port = -1;
        if (hostStart + hostLength < hp.Length)
        {
            (int portStart, int portLength) = h.Port.GetOffsetAndLength(hp.Length);
            if (!TryParseDecimal(hp.Slice(portStart, portLength), 65535, out port)) return OperationStatus.InvalidData;
        }

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
