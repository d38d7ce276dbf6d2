using System;
using System.Buffers;
using Sip.Generated.Grammar;
using Sip.Runtime.Addressing;
using Sip.Runtime.Message;

namespace Sip.Runtime.Headers;

/// <summary>
/// An address with parameters: From, To, Contact, Route, Record-Route, Reply-To, Path, Service-Route,
/// P-Asserted-Identity, P-Preferred-Identity, Refer-To, Referred-By, and the <c>&lt;URI&gt; *(SEMI param)</c> of
/// Alert-Info, Call-Info and Error-Info (RFC 3261 §20):
/// <code>
/// ( name-addr / addr-spec ) *( SEMI param )
/// name-addr    = [ display-name ] LAQUOT addr-spec RAQUOT
/// display-name = *(token LWS) / quoted-string
/// </code>
/// RFC 3261 §20 prose: "If the URI is not enclosed in angle brackets, any semicolon-delimited parameters are
/// header-parameters, not URI parameters." So a bare URI ends at the first ';'. A Contact of <c>*</c>
/// (<see cref="IsWildcard"/>) has no URI.
/// </summary>
public readonly struct AddressValue : ISipHeaderValue<AddressValue>
{
    private readonly ReadOnlyMemory<byte> _source;

    private AddressValue(ReadOnlyMemory<byte> source, SipRange range, bool valid, SipRange displayName, SipRange uri,
        bool angle, bool wildcard, SipRange parameters)
    {
        _source = source;
        Range = range;
        IsValid = valid;
        DisplayNameRange = displayName;
        UriRange = uri;
        HasAngleBrackets = angle;
        IsWildcard = wildcard;
        Parameters = new SipParameters(source, parameters, Octets.Semicolon);
    }

    /// <inheritdoc/>
    public bool IsValid { get; }
    /// <inheritdoc/>
    public SipRange Range { get; }
    /// <summary>Where <see cref="DisplayName"/> is in the source (empty when absent).</summary>
    public SipRange DisplayNameRange { get; }
    /// <summary>Where <see cref="Uri"/> is in the source (empty when absent).</summary>
    public SipRange UriRange { get; }

    /// <summary>The display name as written: tokens separated by LWS, or a quoted-string with its quotes; empty when absent.</summary>
    public ReadOnlySpan<byte> DisplayName => Slice(DisplayNameRange);

    /// <summary>True when the display name is a quoted-string.</summary>
    public bool IsDisplayNameQuoted => DisplayNameRange.Length >= 2 && DisplayName[0] == Octets.DQuote;

    /// <summary>The addr-spec (a SIP, SIPS, tel or other absolute URI), without the angle brackets.</summary>
    public ReadOnlySpan<byte> Uri => Slice(UriRange);

    /// <summary>True for the name-addr form (<c>&lt;uri&gt;</c>).</summary>
    public bool HasAngleBrackets { get; }

    /// <summary>True for the Contact value <c>*</c> (§10.2.2: remove all bindings).</summary>
    public bool IsWildcard { get; }

    /// <summary>The header parameters (not the URI's own), in order.</summary>
    public SipParameters Parameters { get; }

    /// <summary><c>tag</c> (From and To, §19.3); empty when absent.</summary>
    public ReadOnlySpan<byte> Tag => Parameters.ValueOf("tag"u8);

    /// <summary>Contact <c>expires</c> in seconds (§20.10), or -1 when absent or not a number.</summary>
    public long Expires => Octets.ParseUInt64(Parameters.ValueOf("expires"u8)) is ulong e and <= uint.MaxValue ? (long)e : -1;

    /// <summary>
    /// Contact <c>q</c> in thousandths (<c>qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )</c>): 0-1000,
    /// or -1 when absent or malformed.
    /// </summary>
    public int Q => ParseQ(Parameters.ValueOf("q"u8));

    /// <summary>True when the URI parses as a SIP or SIPS URI (§19.1); <paramref name="uri"/> then views it.</summary>
    public bool TryGetSipUri(out SipUri uri)
    {
        uri = default;
        return IsValid && !IsWildcard && SipUri.TryParse(_source.Slice(UriRange.Offset, UriRange.Length), out uri);
    }

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlyMemory<byte> source, SipRange value, out AddressValue result) =>
        Parse(source, value, allowParameters: true, out result);

    /// <summary>
    /// The parse behind <see cref="TryParse"/> and <see cref="IdentityValue"/>: with <paramref name="allowParameters"/>
    /// false (a header whose rule is just <c>name-addr / addr-spec</c>) a bare URI runs to the end.
    /// </summary>
    internal static bool Parse(ReadOnlyMemory<byte> source, SipRange value, bool allowParameters, out AddressValue result)
    {
        ReadOnlySpan<byte> span = source.Span;
        var r = new HeaderReader(span, value);
        SipRange display = default, uri = default, parameters = default;
        bool angle = false, wildcard = false, ok;
        if (IsStar(span, value))
        {
            wildcard = true;
            ok = true;
            r.Seek(value.End);
        }
        else if (r.Peek == Octets.DQuote)
        {
            ok = r.TryQuoted(out display) && TryAngle(ref r, out uri);
            angle = true;
        }
        else
        {
            // *(token LWS) then '<' is a name-addr; otherwise the tokens were the start of an addr-spec.
            int start = r.Position, lastTokenEnd = start;
            while (!r.Token().IsEmpty)
            {
                lastTokenEnd = r.Position;
                r.SkipLws();
            }
            if (r.Peek == Octets.LAngle)
            {
                display = SipRange.FromBounds(start, lastTokenEnd);
                ok = TryAngle(ref r, out uri);
                angle = true;
            }
            else
            {
                // A bare addr-spec. §20: its ';' parameters are header parameters, so the URI ends at the first ';'
                // after which a parameter list runs to the end and before which the URI is an addr-spec (the user
                // part of a URI may itself hold ';' and ','; "tel:+1;x" is one URI where no parameters are allowed).
                // When no split gives a grammar-valid addr-spec, the first that splits at all is kept (lenient).
                ok = false;
                int end = value.End;
                bool lenientFound = false;
                SipRange lenientUri = default, lenientParameters = default;
                for (int cut = start; cut <= end && !ok; cut++)
                {
                    if (cut < end && (span[cut] != Octets.Semicolon || !allowParameters)) continue;
                    SipRange candidate = Octets.TrimLws(span, start, cut);
                    ReadOnlySpan<byte> text = span.Slice(candidate.Offset, candidate.Length);
                    // A URI has a scheme and no white space or angle brackets (RFC 3986; §25.1 absoluteURI).
                    if (text.IndexOf(Octets.Colon) <= 0 || text.IndexOfAny(" \t\r\n<>"u8) >= 0) break;
                    var rest = new HeaderReader(span, SipRange.FromBounds(cut, end));
                    if (!rest.TryParameters(Octets.Semicolon, out SipRange candidateParameters, exact: true)) continue;
                    if (IsAddrSpec(text))
                    {
                        (uri, parameters, ok) = (candidate, candidateParameters, true);
                    }
                    else if (!lenientFound)
                    {
                        (lenientUri, lenientParameters, lenientFound) = (candidate, candidateParameters, true);
                    }
                }
                if (!ok && lenientFound) (uri, parameters, ok) = (lenientUri, lenientParameters, true);
                result = new AddressValue(source, value, ok, display, uri, angle, wildcard, parameters);
                return ok;
            }
        }
        ok = ok && (allowParameters ? r.TryParameters(Octets.Semicolon, out parameters) : AtEndAfterLws(ref r));
        result = new AddressValue(source, value, ok, display, uri, angle, wildcard, parameters);
        return ok;
    }

    /// <summary>
    /// <c>addr-spec = SIP-URI / SIPS-URI / absoluteURI</c>, with §19.1's prose: a sip or sips URI is a SIP-URI or
    /// SIPS-URI, never just an absoluteURI.
    /// </summary>
    private static bool IsAddrSpec(ReadOnlySpan<byte> uri) =>
        SipUri.HasSipScheme(uri, out bool secure) ? (secure ? Rules.SIPSURI.IsMatch(uri) : Rules.SIPURI.IsMatch(uri)) : Rules.AbsoluteURI.IsMatch(uri);

    private static bool AtEndAfterLws(ref HeaderReader r)
    {
        r.SkipLws();
        return r.AtEnd;
    }

    /// <summary>The Contact value <c>STAR</c> (<c>SWS "*" SWS</c>) and nothing else; "*x" is a display-name token.</summary>
    private static bool IsStar(ReadOnlySpan<byte> span, SipRange value)
    {
        SipRange trimmed = Octets.TrimLws(span, value.Offset, value.End);
        return trimmed.Length == 1 && span[trimmed.Offset] == (byte)'*';
    }

    /// <summary>LWS, <c>&lt;</c>, the URI up to <c>&gt;</c> (a URI cannot hold one), <c>&gt;</c>.</summary>
    private static bool TryAngle(ref HeaderReader r, out SipRange uri)
    {
        uri = default;
        r.SkipLws();
        if (r.Peek != Octets.LAngle) return false;
        r.Seek(r.Position + 1);
        int start = r.Position;
        if (!r.SkipTo(Octets.RAngle)) return false;
        uri = SipRange.FromBounds(start, r.Position);
        r.Seek(r.Position + 1);
        return !uri.IsEmpty;
    }

    internal static int ParseQ(ReadOnlySpan<byte> q)
    {
        if (q.IsEmpty || q.Length > 5 || (q[0] != (byte)'0' && q[0] != (byte)'1')) return -1;
        int value = (q[0] - Octets.Zero) * 1000;
        if (q.Length == 1) return value;
        if (q[1] != (byte)'.') return -1;
        int scale = 100;
        for (int i = 2; i < q.Length; i++, scale /= 10)
        {
            if (!Octets.IsDigit(q[i])) return -1;
            value += (q[i] - Octets.Zero) * scale;
        }
        return value <= 1000 ? value : -1;
    }

    /// <inheritdoc/>
    public void WriteTo(IBufferWriter<byte> output)
    {
        if (!IsValid)
        {
            OctetWriter.WriteUnfolded(output, Slice(Range));
            return;
        }
        if (IsWildcard)
        {
            OctetWriter.Write(output, (byte)'*');
        }
        else
        {
            Write(output, DisplayName, Uri);
        }
        Parameters.WriteTo(output);
    }

    /// <summary>
    /// Writes a name-addr: <c>"display" &lt;uri&gt;</c> or <c>&lt;uri&gt;</c>. The canonical form always uses angle
    /// brackets, so parameters that follow stay header parameters (§20). <paramref name="displayName"/> is written as
    /// given (a quoted-string with its quotes, or tokens).
    /// </summary>
    public static void Write(IBufferWriter<byte> output, ReadOnlySpan<byte> displayName, ReadOnlySpan<byte> uri)
    {
        if (!displayName.IsEmpty)
        {
            OctetWriter.WriteUnfolded(output, displayName);
            OctetWriter.Write(output, Octets.SP);
        }
        OctetWriter.Write(output, Octets.LAngle);
        OctetWriter.Write(output, uri);
        OctetWriter.Write(output, Octets.RAngle);
    }

    private ReadOnlySpan<byte> Slice(SipRange range) => _source.Span.Slice(range.Offset, range.Length);

    /// <inheritdoc/>
    public override string ToString() => System.Text.Encoding.UTF8.GetString(Slice(Range));
}
