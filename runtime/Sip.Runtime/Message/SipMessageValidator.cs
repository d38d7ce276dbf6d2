using System;
using System.Text;
using Sip.Generated.Grammar;

namespace Sip.Runtime.Message;

/// <summary>
/// Message-level checks above framing and syntax, so that <see cref="SipMessageParser"/> stays a parser. Each
/// returns true when the message passes, or false with the first problem as a <see cref="SipParseError"/> carrying
/// the response it deserves; a response (or an ACK) that fails is to be dropped, never answered.
/// </summary>
/// <remarks>
/// <para><see cref="Validate(SipMessage, SipValidationPolicy, out SipParseError)"/> is what every element needs before it
/// can use a message, in this order:</para>
/// <list type="number">
/// <item>Mandatory header fields (RFC 3261 §8.1.1, in its order): To, From, CSeq, Call-ID, Max-Forwards (requests, when
/// <see cref="SipValidationPolicy.RequireMaxForwards"/>), Via.</item>
/// <item>No header field that is not a comma-separated list on more than one line (§7.3.1), except the four
/// authentication headers §7.3.1 exempts (WWW-Authenticate, Authorization, Proxy-Authenticate, Proxy-Authorization).</item>
/// <item>The fields the transaction and dialog layers read must match their rules (with the tolerances of
/// <see cref="SipParserOptions.Strict"/>), in this order: Via, To, From, Call-ID, CSeq, Max-Forwards, Contact, Route,
/// Record-Route. With them: CSeq number at most 2**32-1 (§20.16), Max-Forwards at most 255 (§20.22), and §20.10's
/// prose that an addr-spec holding '?' or ',' needs angle brackets (From, To, Contact).</item>
/// <item>The CSeq method equals the request method (§8.1.1.5).</item>
/// </list>
/// <para><see cref="ValidateAtUserAgentServer"/> and <see cref="ValidateAtProxy"/> add the role checks in the order of
/// §8.2 and §16.3. The UAS checks the method (501) before the CSeq method, so an unknown method with a mismatching CSeq
/// gets 501 (RFC 4475 §3.1.2.18 mismatch02.dat prefers it; 400 is "acceptable").</para>
/// <para>Call these on a message the parser returned <see cref="System.Buffers.OperationStatus.Done"/> for. They do not allocate.</para>
/// </remarks>
public static class SipMessageValidator
{
    // RFC 3261 §8.1.1: "To, From, CSeq, Call-ID, Max-Forwards, and Via; all of these header fields are mandatory in all SIP requests."
    private static readonly HeaderKind[] s_mandatory =
        [HeaderKind.To, HeaderKind.From, HeaderKind.CSeq, HeaderKind.CallID, HeaderKind.MaxForwards, HeaderKind.Via];

    // The fields the core reads to match transactions, route responses and build dialogs.
    private static readonly HeaderKind[] s_checked =
        [HeaderKind.Via, HeaderKind.To, HeaderKind.From, HeaderKind.CallID, HeaderKind.CSeq, HeaderKind.MaxForwards, HeaderKind.Contact, HeaderKind.Route, HeaderKind.RecordRoute,
         HeaderKind.ReplyTo, HeaderKind.ReferTo, HeaderKind.ReferredBy, HeaderKind.PAssertedIdentity, HeaderKind.PPreferredIdentity, HeaderKind.Path, HeaderKind.ServiceRoute];

    /// <summary>The checks every element makes (see the remarks), with <see cref="SipValidationPolicy.Default"/>.</summary>
    public static bool Validate(SipMessage message, out SipParseError error) => Validate(message, SipValidationPolicy.Default, out error);

    /// <summary>The checks every element makes (see the remarks).</summary>
    public static bool Validate(SipMessage message, SipValidationPolicy policy, out SipParseError error)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(policy);
        return Common(message, policy, out error) && (!message.IsRequest || CheckCSeqMethod(message, out error));
    }

    /// <summary>
    /// A UAS's checks of a request, in RFC 3261 §8.2 order: <see cref="Validate(SipMessage, SipValidationPolicy, out SipParseError)"/>
    /// (CSeq method last), method (501, §8.2.1), Request-URI scheme (416, §8.2.2.1), Require (420, §8.2.2.3).
    /// A response gets <see cref="Validate(SipMessage, SipValidationPolicy, out SipParseError)"/> only.
    /// </summary>
    public static bool ValidateAtUserAgentServer(SipMessage message, SipValidationPolicy policy, out SipParseError error)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(policy);
        if (!Common(message, policy, out error)) return false;
        if (!message.IsRequest) return true;
        return CheckMethod(message, policy.Methods.AsSpan(), out error)
            && CheckCSeqMethod(message, out error)
            && CheckRequestUriScheme(message, policy.UriSchemes.AsSpan(), out error)
            && CheckOptionTags(message, HeaderKind.Require, policy.OptionTags.AsSpan(), out error);
    }

    /// <summary>
    /// A proxy's checks of a request, in RFC 3261 §16.3 order: reasonable syntax (<see cref="Validate(SipMessage, SipValidationPolicy, out SipParseError)"/>),
    /// URI scheme (416, step 2), Max-Forwards (483, step 3), Proxy-Require (420, step 5).
    /// </summary>
    public static bool ValidateAtProxy(SipMessage message, SipValidationPolicy policy, out SipParseError error)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(policy);
        if (!Validate(message, policy, out error)) return false;
        if (!message.IsRequest) return true;
        return CheckRequestUriScheme(message, policy.UriSchemes.AsSpan(), out error)
            && CheckMaxForwards(message, out error)
            && CheckOptionTags(message, HeaderKind.ProxyRequire, policy.OptionTags.AsSpan(), out error);
    }

    /// <summary>RFC 3261 §8.2.1: a UAS answers a method it does not implement with 501. Methods compare case-sensitively.</summary>
    public static bool CheckMethod(SipMessage message, ReadOnlySpan<string> methods, out SipParseError error)
    {
        ArgumentNullException.ThrowIfNull(message);
        error = default;
        if (!message.IsRequest) return true;
        ReadOnlySpan<byte> method = message.Span(message.Method);
        foreach (string m in methods)
        {
            if (Ascii.Equals(method, m)) return true;
        }
        error = Error(message, SipErrorCode.MethodNotImplemented, 1, message.Method.Offset);
        return false;
    }

    /// <summary>RFC 3261 §8.1.1.5: the CSeq method "MUST match that of the request" (RFC 4475 §3.1.2.17 mismatch01.dat: 400).</summary>
    public static bool CheckCSeqMethod(SipMessage message, out SipParseError error)
    {
        ArgumentNullException.ThrowIfNull(message);
        error = default;
        if (!message.IsRequest || !message.TryGetFirst(HeaderKind.CSeq, out HeaderField cseq)) return true;
        ReadOnlySpan<byte> value = message.Span(cseq.Value);
        // CSeq = "CSeq" HCOLON 1*DIGIT LWS Method
        int i = 0;
        while (i < value.Length && Octets.IsDigit(value[i])) i++;
        while (i < value.Length && Octets.IsLws(value[i])) i++;
        int end = value.Length;
        while (end > i && Octets.IsLws(value[end - 1])) end--;
        if (value[i..end].SequenceEqual(message.Span(message.Method))) return true;
        error = Error(message, SipErrorCode.CSeqMethodMismatch, cseq.LineNumber, cseq.Value.Offset + i, HeaderKind.CSeq, cseq.Name);
        return false;
    }

    /// <summary>
    /// RFC 3261 §8.2.2.1 (UAS) and §16.3 step 2 (proxy): a Request-URI whose scheme is not in <paramref name="schemes"/>
    /// (case-insensitive) gets 416 (RFC 4475 §3.3.2 unkscm.dat, §3.3.3 novelsc.dat).
    /// </summary>
    public static bool CheckRequestUriScheme(SipMessage message, ReadOnlySpan<string> schemes, out SipParseError error)
    {
        ArgumentNullException.ThrowIfNull(message);
        error = default;
        if (!message.IsRequest) return true;
        ReadOnlySpan<byte> uri = message.Span(message.RequestUri);
        int colon = uri.IndexOf(Octets.Colon);
        ReadOnlySpan<byte> scheme = colon > 0 ? uri[..colon] : default;
        foreach (string s in schemes)
        {
            if (Ascii.EqualsIgnoreCase(scheme, s)) return true;
        }
        error = Error(message, SipErrorCode.UnsupportedUriScheme, 1, message.RequestUri.Offset);
        return false;
    }

    /// <summary>
    /// RFC 3261 §8.2.2.3 (UAS, <see cref="HeaderKind.Require"/>) and §16.3 step 5 (proxy, <see cref="HeaderKind.ProxyRequire"/>):
    /// an option-tag not in <paramref name="supported"/> gets 420 Bad Extension, and the response lists the unsupported
    /// tags in Unsupported (<see cref="UnsupportedOptionTags"/> collects them). RFC 4475 §3.3.5 bext01.dat.
    /// </summary>
    public static bool CheckOptionTags(SipMessage message, HeaderKind header, ReadOnlySpan<string> supported, out SipParseError error)
    {
        ArgumentNullException.ThrowIfNull(message);
        error = default;
        if (!message.IsRequest) return true;
        SipMessage.ValueEnumerator tags = message.Values(header);
        while (tags.MoveNext())
        {
            if (IsSupported(tags.CurrentSpan, supported)) continue;
            ref readonly HeaderField field = ref message.Header(tags.HeaderIndex);
            error = Error(message, SipErrorCode.BadExtension, field.LineNumber, tags.Current.Offset, header, field.Name);
            return false;
        }
        return true;
    }

    /// <summary>
    /// The option-tags of <paramref name="header"/> (Require or Proxy-Require) not in <paramref name="supported"/>, in
    /// order, written to <paramref name="destination"/> (as many as fit) for the Unsupported header of a 420 response.
    /// Returns how many there are in all.
    /// </summary>
    public static int UnsupportedOptionTags(SipMessage message, HeaderKind header, ReadOnlySpan<string> supported, Span<SipRange> destination)
    {
        ArgumentNullException.ThrowIfNull(message);
        int count = 0;
        foreach (SipRange tag in message.Values(header))
        {
            if (IsSupported(message.Span(tag), supported)) continue;
            if (count < destination.Length) destination[count] = tag;
            count++;
        }
        return count;
    }

    /// <summary>
    /// RFC 3261 §16.3 step 3: a proxy answers a request whose Max-Forwards is 0 with 483 Too Many Hops (RFC 4475 §3.3.11
    /// zeromf.dat; for a parser and an endpoint, 0 is legal). §11 lets a proxy answer an OPTIONS itself instead; that
    /// choice is the caller's. A request without Max-Forwards passes (§16.6 step 3 adds one).
    /// </summary>
    public static bool CheckMaxForwards(SipMessage message, out SipParseError error)
    {
        ArgumentNullException.ThrowIfNull(message);
        error = default;
        if (!message.IsRequest || !message.TryGetFirst(HeaderKind.MaxForwards, out HeaderField field)) return true;
        if (ParseDecimal(message.Span(field.Value), out _) != 0) return true;
        error = Error(message, SipErrorCode.TooManyHops, field.LineNumber, field.Value.Offset, HeaderKind.MaxForwards, field.Name);
        return false;
    }

    // ---- Validate ----

    private static bool Common(SipMessage m, SipValidationPolicy policy, out SipParseError error)
    {
        foreach (HeaderKind kind in s_mandatory)
        {
            if (kind == HeaderKind.MaxForwards && !(m.IsRequest && policy.RequireMaxForwards)) continue;
            if (m.Count(kind) == 0)
            {
                error = Error(m, SipErrorCode.MissingHeader, 0, 0, kind);
                return false;
            }
        }

        Span<bool> seen = stackalloc bool[SipHeaders.Count + 1];
        foreach (ref readonly HeaderField h in m.Headers)
        {
            HeaderKind kind = h.Kind;
            if (kind == HeaderKind.Unknown || SipHeaders.IsList(kind) || kind is HeaderKind.Authorization or HeaderKind.ProxyAuthorization
                or HeaderKind.WWWAuthenticate or HeaderKind.ProxyAuthenticate) continue;
            if (seen[(int)kind])
            {
                error = Error(m, SipErrorCode.DuplicateHeader, h.LineNumber, h.Line.Offset, kind, h.Name);
                return false;
            }
            seen[(int)kind] = true;
        }

        foreach (HeaderKind kind in s_checked)
        {
            for (int i = m.IndexOf(kind); i >= 0; i = m.IndexOf(kind, i + 1))
            {
                if (!CheckField(m, in m.Header(i), out error)) return false;
            }
        }
        error = default;
        return true;
    }

    private static bool CheckField(SipMessage m, in HeaderField h, out SipParseError error)
    {
        error = default;
        if (!GrammarTolerance.HeaderMatches(h.Kind, m.Span(h.Line)))
        {
            error = Error(m, SipErrorCode.HeaderGrammar, h.LineNumber, h.Line.Offset, h.Kind, h.Name);
            return false;
        }
        ReadOnlySpan<byte> value = m.Span(h.Value);
        switch (h.Kind)
        {
            case HeaderKind.CSeq:
                // §20.16: "The sequence number MUST be expressible as a 32-bit unsigned integer."
                if (ParseDecimal(value, out _) > uint.MaxValue)
                {
                    error = Error(m, SipErrorCode.CSeqOutOfRange, h.LineNumber, h.Value.Offset, h.Kind, h.Name);
                    return false;
                }
                break;
            case HeaderKind.MaxForwards:
                // §20.22: "an integer in the range 0-255".
                if (ParseDecimal(value, out _) > 255)
                {
                    error = Error(m, SipErrorCode.MaxForwardsOutOfRange, h.LineNumber, h.Value.Offset, h.Kind, h.Name);
                    return false;
                }
                break;
            case HeaderKind.From:
            case HeaderKind.To:
            case HeaderKind.Contact:
            case HeaderKind.ReplyTo:
            case HeaderKind.PAssertedIdentity:
            case HeaderKind.PPreferredIdentity:
            case HeaderKind.ReferTo:
            case HeaderKind.ReferredBy:
                // §20.10: "the "name-addr" form MUST be used if the "addr-spec" contains a comma, semicolon, or question
                // mark". A semicolon cannot be told from a header parameter; '?' (and ',' where it cannot be a list
                // separator) can. RFC 4475 §3.1.2.13 regbadct.dat. The same holds for every header that takes
                // "( name-addr / addr-spec )" (§20.20, §20.39, §20.31; RFC 3325, 3515 and 3892 reuse the rule).
                bool list = SipHeaders.IsList(h.Kind);
                int start = 0;
                while (start <= value.Length)
                {
                    int end = list ? SipMessage.ValueEnumerator.NextComma(value, start, value.Length, h.Kind) : value.Length;
                    int bad = AddrSpecQuestionOrComma(value[start..end], comma: !list);
                    if (bad >= 0)
                    {
                        error = Error(m, SipErrorCode.NameAddrRequired, h.LineNumber, h.Value.Offset + start + bad, h.Kind, h.Name);
                        return false;
                    }
                    start = end + 1;
                }
                goto case HeaderKind.Route;
            case HeaderKind.Route:
            case HeaderKind.RecordRoute:
            case HeaderKind.Path:
            case HeaderKind.ServiceRoute:
                return CheckSipUris(m, h, out error);
        }
        return true;
    }

    /// <summary>
    /// RFC 3261 §19.1: a URI with the sip or sips scheme is a SIP-URI/SIPS-URI. The header rules allow any absoluteURI
    /// in an addr-spec, so "sip:a@b;" or "sip:[::1" would pass them as opaque absolute URIs; this prose rule does not.
    /// Each value is read as the header's own typed value (so P-Asserted-Identity's bare URI keeps its parameters).
    /// </summary>
    private static bool CheckSipUris(SipMessage m, in HeaderField h, out SipParseError error)
    {
        error = default;
        var check = new SipUriCheck();
        SipMessage.ValueEnumerator values = m.Values(h.Kind);
        while (values.MoveNext())
        {
            if (m.Header(values.HeaderIndex).Line != h.Line) continue; // this field's values only
            SipMessageHeaders.Visit(h.Kind, m.Source, values.Current, ref check);
            if (check.BadUri >= 0)
            {
                error = Error(m, SipErrorCode.HeaderUriNotSipUri, h.LineNumber, check.BadUri, h.Kind, h.Name);
                return false;
            }
        }
        return true;
    }

    /// <summary>Finds a sip/sips URI that is not a SIP-URI in an address value.</summary>
    private struct SipUriCheck : Headers.IHeaderValueVisitor
    {
        public int BadUri;

        public SipUriCheck() => BadUri = -1;

        public void Visit<T>(HeaderKind kind, in T value) where T : struct, Headers.ISipHeaderValue<T>
        {
            if (value is Headers.AddressValue { IsValid: true, IsWildcard: false } address) Check(address.Uri, address.UriRange);
            else if (value is Headers.IdentityValue { IsValid: true } identity) Check(identity.Uri, identity.UriRange);
        }

        private void Check(ReadOnlySpan<byte> uri, SipRange range)
        {
            if (Addressing.SipUri.HasSipScheme(uri, out bool secure) && !GrammarTolerance.SipUriMatches(uri, secure)) BadUri = range.Offset;
        }
    }

    /// <summary>Offset of a '?' (or ',') of an addr-spec written without angle brackets, or -1 (name-addr form, or none).</summary>
    private static int AddrSpecQuestionOrComma(ReadOnlySpan<byte> element, bool comma)
    {
        int found = -1;
        bool quoted = false;
        for (int i = 0; i < element.Length; i++)
        {
            byte b = element[i];
            if (quoted)
            {
                if (b == Octets.Backslash) i++;
                else if (b == Octets.DQuote) quoted = false;
            }
            else if (b == Octets.DQuote) quoted = true;
            else if (b == Octets.LAngle) return -1;
            else if (found < 0 && (b == Octets.Question || (comma && b == Octets.Comma))) found = i;
        }
        return found;
    }

    /// <summary>The leading decimal number of a value (saturating above 2**40), or -1 when it does not start with a digit.</summary>
    private static long ParseDecimal(ReadOnlySpan<byte> value, out int length)
    {
        long n = 0;
        length = 0;
        while (length < value.Length && Octets.IsDigit(value[length]))
        {
            if (n < 1L << 40) n = n * 10 + (value[length] - Octets.Zero);
            length++;
        }
        return length == 0 ? -1 : n;
    }

    private static bool IsSupported(ReadOnlySpan<byte> tag, ReadOnlySpan<string> supported)
    {
        foreach (string s in supported)
        {
            if (Ascii.EqualsIgnoreCase(tag, s)) return true;
        }
        return false;
    }

    private static SipParseError Error(SipMessage m, SipErrorCode code, int line, int offset, HeaderKind kind = HeaderKind.Unknown, SipRange name = default)
    {
        // A response is never answered, nor is an ACK (RFC 3261 §17.1.1.3): drop them.
        bool noAnswer = !m.IsRequest || m.MethodIs("ACK"u8);
        return new SipParseError(code, SipParseError.DefaultStatusOf(code), noAnswer ? SipErrorAction.Drop : SipErrorAction.Respond,
            !m.IsRequest, kind, name, offset, line);
    }
}
