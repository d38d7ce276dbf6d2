using System;
using System.Buffers;
using Sip.Generated.Grammar;

namespace Sip.Runtime.Message;

/// <summary>
/// The grammar checks of the parser and validator, with the two departures from the RFC 3261 ABNF that the RFCs
/// themselves ask receivers to tolerate. Each is applied only after the exact matcher has refused the text, by
/// matching a rewritten copy (on the stack) against the same rule:
/// <list type="number">
/// <item>RFC 5118 §4.10: an IPv6 reference with three colons, <c>[2001:db8:::192.0.2.1]</c>, which RFC 3261's
/// original <c>IPv6address = hexpart [ ":" IPv4address ]</c> allowed and RFC 5954 does not. A bracketed text that
/// fails <c>IPv6reference</c> but matches <c>IPv6reference-tolerant</c> is replaced by <c>[::1]</c>.</item>
/// <item>RFC 4475 §3.1.1.6 (lwsdisp.dat): a display-name token directly followed by <c>&lt;</c>
/// (<c>caller&lt;sip:caller@example.com&gt;</c>), which the RFC calls a specification bug. In header fields built on
/// <c>name-addr</c>, a <c>&lt;</c> right after a token character gets a SP inserted before it.</item>
/// </list>
/// </summary>
internal static class GrammarTolerance
{
    private const int StackLimit = 1024;
    // Room for inserted SPs beyond the input's length; a rewrite that needs more gives up (no tolerance).
    private const int Slack = 16;

    private enum Target : byte
    {
        Header,
        RequestLine,
        SipUri,
        SipsUri,
    }

    /// <summary>True when the header field <paramref name="line"/> (no final CRLF) matches the rule of <paramref name="kind"/>.</summary>
    public static bool HeaderMatches(HeaderKind kind, ReadOnlySpan<byte> line)
    {
        if (kind == HeaderKind.Unknown) return Rules.ExtensionHeader.IsMatch(line);
        return SipHeaders.IsMatch(kind, line) || MatchesRewritten(Target.Header, kind, line);
    }

    /// <summary>True when <paramref name="line"/> (with its CRLF) matches <c>Request-Line</c>.</summary>
    public static bool RequestLineMatches(ReadOnlySpan<byte> line) =>
        Rules.RequestLine.IsMatch(line) || MatchesRewritten(Target.RequestLine, HeaderKind.Unknown, line);

    /// <summary>True when <paramref name="uri"/> matches <c>SIP-URI</c> (or <c>SIPS-URI</c>).</summary>
    public static bool SipUriMatches(ReadOnlySpan<byte> uri, bool sips) =>
        (sips ? Rules.SIPSURI.IsMatch(uri) : Rules.SIPURI.IsMatch(uri)) || MatchesRewritten(sips ? Target.SipsUri : Target.SipUri, HeaderKind.Unknown, uri);

    /// <summary>Header fields whose rule is built on <c>name-addr</c>, where a display name can precede <c>&lt;</c>.</summary>
    private static bool HasNameAddr(HeaderKind kind) => kind is HeaderKind.From or HeaderKind.To or HeaderKind.Contact
        or HeaderKind.ReplyTo or HeaderKind.Route or HeaderKind.RecordRoute or HeaderKind.ReferTo or HeaderKind.ReferredBy
        or HeaderKind.PAssertedIdentity or HeaderKind.PPreferredIdentity or HeaderKind.Path or HeaderKind.ServiceRoute;

    private static bool MatchesRewritten(Target target, HeaderKind kind, ReadOnlySpan<byte> text)
    {
        // Cheap pre-check: neither tolerance can apply without '[' or '<'.
        if (text.IndexOfAny(Octets.LBracket, Octets.LAngle) < 0) return false;
        int size = text.Length + Slack;
        byte[]? rented = null;
        Span<byte> buffer = size <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(size));
        try
        {
            int n = Rewrite(text, buffer, target == Target.Header && HasNameAddr(kind));
            if (n < 0) return false;
            ReadOnlySpan<byte> rewritten = buffer[..n];
            return target switch
            {
                Target.Header => SipHeaders.IsMatch(kind, rewritten),
                Target.RequestLine => Rules.RequestLine.IsMatch(rewritten),
                Target.SipUri => Rules.SIPURI.IsMatch(rewritten),
                _ => Rules.SIPSURI.IsMatch(rewritten),
            };
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The rewritten text's length in <paramref name="output"/>, or -1 when no tolerance applied (or no room).</summary>
    private static int Rewrite(ReadOnlySpan<byte> text, Span<byte> output, bool nameAddr)
    {
        bool changed = false, quoted = false;
        int o = 0;
        for (int i = 0; i < text.Length; i++)
        {
            byte b = text[i];
            if (quoted)
            {
                if (b == Octets.Backslash && i + 1 < text.Length)
                {
                    if (o + 2 > output.Length) return -1;
                    output[o++] = b;
                    output[o++] = text[++i];
                    continue;
                }
                if (b == Octets.DQuote) quoted = false;
            }
            else if (b == Octets.DQuote)
            {
                quoted = true;
            }
            else if (b == Octets.LBracket)
            {
                int close = text[i..].IndexOf(Octets.RBracket);
                if (close > 0)
                {
                    ReadOnlySpan<byte> reference = text.Slice(i, close + 1);
                    if (!Rules.IPv6reference.IsMatch(reference) && Rules.IPv6referenceTolerant.IsMatch(reference))
                    {
                        // Any valid IPv6reference stands in: the grammar only needs the shape.
                        if (o + 5 > output.Length) return -1;
                        "[::1]"u8.CopyTo(output[o..]);
                        o += 5;
                        i += close;
                        changed = true;
                        continue;
                    }
                }
            }
            else if (b == Octets.LAngle && nameAddr && i > 0 && Octets.IsTokenChar(text[i - 1]))
            {
                if (o + 1 > output.Length) return -1;
                output[o++] = Octets.SP;
                changed = true;
            }
            if (o + 1 > output.Length) return -1;
            output[o++] = b;
        }
        return changed ? o : -1;
    }
}
