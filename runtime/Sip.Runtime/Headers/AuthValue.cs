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

    private AuthValue(ReadOnlyMemory<byte> source, SipRange range, bool valid, SipRange scheme, SipRange parameters)
    {
        _source = source;
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

    /// <summary>The unquoted <c>realm</c> auth-param; empty when absent.</summary>
    public ReadOnlySpan<byte> Realm => Get("realm"u8);
    /// <summary>The unquoted <c>nonce</c> auth-param; empty when absent.</summary>
    public ReadOnlySpan<byte> Nonce => Get("nonce"u8);
    /// <summary>The unquoted <c>username</c> auth-param; empty when absent.</summary>
    public ReadOnlySpan<byte> Username => Get("username"u8);
    /// <summary>The unquoted <c>uri</c> auth-param; empty when absent.</summary>
    public ReadOnlySpan<byte> DigestUri => Get("uri"u8);
    /// <summary>The unquoted <c>response</c> auth-param; empty when absent.</summary>
    public ReadOnlySpan<byte> Response => Get("response"u8);
    /// <summary>The unquoted <c>algorithm</c> auth-param; empty when absent.</summary>
    public ReadOnlySpan<byte> Algorithm => Get("algorithm"u8);
    /// <summary>The unquoted <c>qop</c> auth-param; empty when absent.</summary>
    public ReadOnlySpan<byte> Qop => Get("qop"u8);
    /// <summary>The unquoted <c>opaque</c> auth-param; empty when absent.</summary>
    public ReadOnlySpan<byte> Opaque => Get("opaque"u8);
    /// <summary>The unquoted <c>cnonce</c> auth-param; empty when absent.</summary>
    public ReadOnlySpan<byte> Cnonce => Get("cnonce"u8);
    /// <summary>The unquoted <c>nc</c> auth-param; empty when absent.</summary>
    public ReadOnlySpan<byte> NonceCount => Get("nc"u8);
    /// <summary>The unquoted <c>stale</c> auth-param; empty when absent.</summary>
    public ReadOnlySpan<byte> Stale => Get("stale"u8);
    /// <summary>The unquoted <c>nextnonce</c> auth-param; empty when absent.</summary>
    public ReadOnlySpan<byte> NextNonce => Get("nextnonce"u8);

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
            result = new AuthValue(source, value, false, scheme, default);
            return false;
        }
        int start = r.Position;
        bool ok = true;
        while (ok)
        {
            ok = !r.Token().IsEmpty && r.TrySkip(Octets.Equal) && r.TryParameterValue(out _);
            r.SkipLws();
            if (r.AtEnd) break;
            ok = ok && r.TrySkip(Octets.Comma);
        }
        result = new AuthValue(source, value, ok, scheme, SipRange.FromBounds(start, r.Position));
        return ok;
    }

    /// <inheritdoc/>
    public void WriteTo(IBufferWriter<byte> output)
    {
        if (!IsValid)
        {
            HeaderWriter.WriteUnfolded(output, _source.Span.Slice(Range.Offset, Range.Length));
            return;
        }
        HeaderWriter.Write(output, Scheme);
        bool first = true;
        foreach (SipParameter p in Parameters)
        {
            if (!first) HeaderWriter.Write(output, ","u8);
            if (!first || !SchemeRange.IsEmpty) HeaderWriter.Write(output, Octets.SP);
            HeaderWriter.Write(output, p.Name);
            HeaderWriter.Write(output, Octets.Equal);
            HeaderWriter.WriteUnfolded(output, p.Value);
            first = false;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => System.Text.Encoding.UTF8.GetString(_source.Span.Slice(Range.Offset, Range.Length));
}
