using System;
using System.Buffers;
using Sip.Runtime.Message;

namespace Sip.Runtime.Headers;

/// <summary>
/// Credentials and challenges (RFC 3261 §20.7, §20.27, §20.28, §20.44, §25.1), and one element of
/// Authentication-Info (§20.6: no scheme, one <c>ainfo</c>):
/// <code>
/// credentials = ("Digest" LWS digest-response) / other-response
/// challenge   = ("Digest" LWS digest-cln *(COMMA digest-cln)) / other-challenge
/// auth-param  = auth-param-name EQUAL ( token / quoted-string )
/// </code>
/// </summary>
public readonly struct AuthValue : ISipHeaderValue<AuthValue>
{
    private readonly ReadOnlyMemory<byte> _source;

    private readonly KnownValues _known;

    private AuthValue(ReadOnlyMemory<byte> source, SipRange range, bool valid, SipRange scheme, SipRange parameters, in KnownValues known)
    {
        _source = source;
        _known = known;
        Range = range;
        IsValid = valid;
        SchemeRange = scheme;
        Parameters = new SipParameters(source, parameters, Octets.Comma);
    }

    /// <inheritdoc/>
    public bool IsValid { get; }
    /// <inheritdoc/>
    public SipRange Range { get; }
    /// <summary>Where <see cref="Scheme"/> is in the source (empty when absent).</summary>
    public SipRange SchemeRange { get; }

    /// <summary>The auth-scheme (<c>Digest</c>, compared case-insensitively); empty for Authentication-Info.</summary>
    public ReadOnlySpan<byte> Scheme => _source.Span.Slice(SchemeRange.Offset, SchemeRange.Length);

    /// <summary>True for the Digest scheme.</summary>
    public bool IsDigest => System.Text.Ascii.EqualsIgnoreCase(Scheme, "Digest"u8);

    /// <summary>Every auth-param, in order.</summary>
    public SipParameters Parameters { get; }

    /// <summary>The unquoted value of the auth-param <paramref name="name"/>; empty when absent.</summary>
    public ReadOnlySpan<byte> Get(ReadOnlySpan<byte> name) =>
        Parameters.TryGet(name, out SipParameter p) ? p.UnquotedValue : default;

    /// <summary>The value of well-known auth-param <paramref name="index"/>, found while parsing (no second walk).</summary>
    private ReadOnlySpan<byte> Known(int index) => _source.Span.Slice(_known[index].Offset, _known[index].Length);

    /// <summary>The unquoted <c>realm</c> auth-param; empty when absent.</summary>
    public ReadOnlySpan<byte> Realm => Known(0);
    /// <summary>The unquoted <c>nonce</c> auth-param; empty when absent.</summary>
    public ReadOnlySpan<byte> Nonce => Known(1);
    /// <summary>The unquoted <c>username</c> auth-param; empty when absent.</summary>
    public ReadOnlySpan<byte> Username => Known(2);
    /// <summary>The unquoted <c>uri</c> auth-param; empty when absent.</summary>
    public ReadOnlySpan<byte> DigestUri => Known(3);
    /// <summary>The unquoted <c>response</c> auth-param; empty when absent.</summary>
    public ReadOnlySpan<byte> Response => Known(4);
    /// <summary>The unquoted <c>algorithm</c> auth-param; empty when absent.</summary>
    public ReadOnlySpan<byte> Algorithm => Known(5);
    /// <summary>The unquoted <c>qop</c> auth-param; empty when absent.</summary>
    public ReadOnlySpan<byte> Qop => Known(6);
    /// <summary>The unquoted <c>opaque</c> auth-param; empty when absent.</summary>
    public ReadOnlySpan<byte> Opaque => Known(7);
    /// <summary>The unquoted <c>cnonce</c> auth-param; empty when absent.</summary>
    public ReadOnlySpan<byte> Cnonce => Known(8);
    /// <summary>The unquoted <c>nc</c> auth-param; empty when absent.</summary>
    public ReadOnlySpan<byte> NonceCount => Known(9);
    /// <summary>The unquoted <c>stale</c> auth-param; empty when absent.</summary>
    public ReadOnlySpan<byte> Stale => Known(10);
    /// <summary>The unquoted <c>nextnonce</c> auth-param; empty when absent.</summary>
    public ReadOnlySpan<byte> NextNonce => Known(11);

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlyMemory<byte> source, SipRange value, out AuthValue result)
    {
        var r = new HeaderReader(source.Span, value);
        SipRange scheme = r.Token();
        int afterScheme = r.Position;
        r.SkipLws();
        if (r.Peek == Octets.Equal)
        {
            // No scheme: an Authentication-Info element (ainfo = name EQUAL value).
            r.Seek(value.Offset);
            scheme = SipRange.FromBounds(value.Offset, value.Offset);
        }
        else if (scheme.IsEmpty || r.Position == afterScheme)
        {
            result = new AuthValue(source, value, false, scheme, default, default);
            return false;
        }
        int start = r.Position;
        bool ok = true;
        var known = new KnownValues();
        int seen = 0;
        ReadOnlySpan<byte> span = source.Span;
        while (ok)
        {
            SipRange name = r.Token(), paramValue = default;
            ok = !name.IsEmpty && r.TrySkip(Octets.Equal) && r.TryParameterValue(out paramValue);
            int index = ok ? KnownIndex(span.Slice(name.Offset, name.Length)) : -1;
            if (index >= 0 && (seen & (1 << index)) == 0)
            {
                // The first one of each name counts (as SipParameters.TryGet); quotes are not part of the value.
                seen |= 1 << index;
                known[index] = paramValue.Length >= 2 && span[paramValue.Offset] == Octets.DQuote
                    ? new SipRange(paramValue.Offset + 1, paramValue.Length - 2)
                    : paramValue;
            }
            r.SkipLws();
            if (r.AtEnd) break;
            ok = ok && r.TrySkip(Octets.Comma);
        }
        result = new AuthValue(source, value, ok, scheme, SipRange.FromBounds(start, r.Position), known);
        return ok;
    }

    /// <summary>Index of a well-known Digest auth-param (RFC 3261 §25.1, RFC 2617, RFC 7616), or -1.</summary>
    private static int KnownIndex(ReadOnlySpan<byte> name)
    {
        switch (name.Length)
        {
            case 2:
                if (System.Text.Ascii.EqualsIgnoreCase(name, "nc"u8)) return 9;
                break;
            case 3:
                if (System.Text.Ascii.EqualsIgnoreCase(name, "uri"u8)) return 3;
                if (System.Text.Ascii.EqualsIgnoreCase(name, "qop"u8)) return 6;
                break;
            case 5:
                if (System.Text.Ascii.EqualsIgnoreCase(name, "realm"u8)) return 0;
                if (System.Text.Ascii.EqualsIgnoreCase(name, "nonce"u8)) return 1;
                if (System.Text.Ascii.EqualsIgnoreCase(name, "stale"u8)) return 10;
                break;
            case 6:
                if (System.Text.Ascii.EqualsIgnoreCase(name, "opaque"u8)) return 7;
                if (System.Text.Ascii.EqualsIgnoreCase(name, "cnonce"u8)) return 8;
                break;
            case 8:
                if (System.Text.Ascii.EqualsIgnoreCase(name, "username"u8)) return 2;
                if (System.Text.Ascii.EqualsIgnoreCase(name, "response"u8)) return 4;
                break;
            case 9:
                if (System.Text.Ascii.EqualsIgnoreCase(name, "algorithm"u8)) return 5;
                if (System.Text.Ascii.EqualsIgnoreCase(name, "nextnonce"u8)) return 11;
                break;
        }
        return -1;
    }

    /// <summary>Where the well-known auth-params' values are (unquoted), by <see cref="KnownIndex"/>.</summary>
    [System.Runtime.CompilerServices.InlineArray(12)]
    private struct KnownValues
    {
        private SipRange _element;
    }

    /// <inheritdoc/>
    public void WriteTo(IBufferWriter<byte> output)
    {
        if (!IsValid)
        {
            OctetWriter.WriteUnfolded(output, _source.Span.Slice(Range.Offset, Range.Length));
            return;
        }
        OctetWriter.Write(output, Scheme);
        bool first = true;
        foreach (SipParameter p in Parameters)
        {
            if (!first) OctetWriter.Write(output, ","u8);
            if (!first || !SchemeRange.IsEmpty) OctetWriter.Write(output, Octets.SP);
            OctetWriter.Write(output, p.Name);
            OctetWriter.Write(output, Octets.Equal);
            OctetWriter.WriteUnfolded(output, p.Value);
            first = false;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => System.Text.Encoding.UTF8.GetString(_source.Span.Slice(Range.Offset, Range.Length));
}
