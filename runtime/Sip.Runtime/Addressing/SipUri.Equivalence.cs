using System;

namespace Sip.Runtime.Addressing;

public readonly partial struct SipUri
{
    /// <summary>
    /// RFC 3261 §19.1.4 URI comparison.
    /// <list type="bullet">
    /// <item>A SIP and a SIPS URI are never equivalent.</item>
    /// <item>Userinfo (user and password) is compared case-sensitively; every other component ignores case.</item>
    /// <item>Characters other than those in the reserved set are equivalent to their %HH encoding (<c>%00</c> included).</item>
    /// <item>The user, password, host and port components must match; a URI omitting the port does not match one with an
    /// explicit port, even 5060. Hosts of different kinds never match (no DNS); IPv6 hosts are compared as addresses.</item>
    /// <item>The user, ttl, method, maddr and transport parameters must match when present in either URI (a URI omitting one
    /// does not match a URI explicitly containing it, whatever its value).</item>
    /// <item>Other URI parameters are compared only when present in both; appearing in only one is ignored.</item>
    /// <item>Header components must all be present in both URIs and match (names and values ignoring case, after unescaping).</item>
    /// </list>
    /// </summary>
    public static bool Equivalent(in SipUri a, in SipUri b)
    {
        if (a.IsSecure != b.IsSecure) return false;

        if (a.HasUserInfo != b.HasUserInfo || a.HasPassword != b.HasPassword) return false;
        if (!UriEscaping.EquivalentComponents(a.User, b.User, ignoreCase: false)) return false;
        if (!UriEscaping.EquivalentComponents(a.Password, b.Password, ignoreCase: false)) return false;

        if (a._hostKind != b._hostKind || !HostsEqual(a.Host, b.Host, a._hostKind)) return false;
        if (a._portPlusOne != b._portPlusOne) return false;

        if (!ParametersEquivalent(a.RawParameters, b.RawParameters)) return false;
        if (!ParametersEquivalent(b.RawParameters, a.RawParameters)) return false;

        return HeadersContained(a.RawHeaders, b.RawHeaders) && HeadersContained(b.RawHeaders, a.RawHeaders);
    }

    /// <summary>Instance form of <see cref="Equivalent(in SipUri, in SipUri)"/>.</summary>
    public bool IsEquivalentTo(in SipUri other) => Equivalent(this, other);

    private static bool HostsEqual(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, SipHostKind kind)
    {
        if (kind == SipHostKind.IPv6)
        {
            Span<byte> x = stackalloc byte[16];
            Span<byte> y = stackalloc byte[16];
            if (Ipv6.TryParse(a[1..^1], x) && Ipv6.TryParse(b[1..^1], y)) return x.SequenceEqual(y);
        }
        // IPv4address uses dec-octet (no leading zeros, RFC 5954), so equal addresses are equal text.
        return a.Length == b.Length && UriEscaping.EquivalentComponents(a, b, ignoreCase: true);
    }

    /// <summary>Must a parameter present in only one URI make them differ? (§19.1.4: user, ttl, method, maddr, transport.)</summary>
    private static bool IsMustMatch(ReadOnlySpan<byte> name) =>
        UriEscaping.EqualsLiteralIgnoreCase(name, "transport"u8)
        || UriEscaping.EqualsLiteralIgnoreCase(name, "user"u8)
        || UriEscaping.EqualsLiteralIgnoreCase(name, "method"u8)
        || UriEscaping.EqualsLiteralIgnoreCase(name, "ttl"u8)
        || UriEscaping.EqualsLiteralIgnoreCase(name, "maddr"u8);

    /// <summary>Every parameter of <paramref name="a"/> is compatible with <paramref name="b"/>.</summary>
    private static bool ParametersEquivalent(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        foreach (UriParameter p in new UriParameterEnumerator(a, Semicolon))
        {
            if (UriParameterEnumerator.TryFindEquivalent(b, Semicolon, p.Name, out UriParameter q))
            {
                if (p.HasValue != q.HasValue) return false;
                if (!UriEscaping.EquivalentComponents(p.Value, q.Value, ignoreCase: true)) return false;
            }
            else if (IsMustMatch(p.Name))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Every header of <paramref name="a"/> has an equal header in <paramref name="b"/>.</summary>
    private static bool HeadersContained(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        foreach (UriParameter h in new UriParameterEnumerator(a, Ampersand))
        {
            bool found = false;
            foreach (UriParameter k in new UriParameterEnumerator(b, Ampersand))
            {
                if (UriEscaping.EquivalentComponents(h.Name, k.Name, ignoreCase: true)
                    && UriEscaping.EquivalentComponents(h.Value, k.Value, ignoreCase: true))
                {
                    found = true;
                    break;
                }
            }
            if (!found) return false;
        }
        return true;
    }
}
