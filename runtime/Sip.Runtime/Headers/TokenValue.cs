using System;
using System.Buffers;
using Sip.Runtime.Message;

namespace Sip.Runtime.Headers;

/// <summary>
/// A word with parameters: one element of Allow, Supported, Require, Proxy-Require, Unsupported, Accept-Encoding,
/// Accept-Language, Content-Encoding, Content-Language, Allow-Events, Reason, In-Reply-To; and the values of
/// Call-ID, Content-Disposition, Event, Subscription-State, Priority, Replaces, SIP-ETag, SIP-If-Match and Privacy.
/// <code>
/// value *( SEMI param )     ; value: token, callid (word [ "@" word ]) or entity-tag
/// </code>
/// Privacy (<c>priv-value *(";" priv-value)</c>, RFC 3323) reads as its first priv-value, with the others as valueless
/// parameters.
/// </summary>
public readonly struct TokenValue : ISipHeaderValue<TokenValue>
{
    private readonly ReadOnlyMemory<byte> _source;

    private TokenValue(ReadOnlyMemory<byte> source, SipRange range, bool valid, SipRange token, SipRange parameters)
    {
        _source = source;
        Range = range;
        IsValid = valid;
        ValueRange = token;
        Parameters = new SipParameters(source, parameters, Octets.Semicolon);
    }

    /// <inheritdoc/>
    public bool IsValid { get; }
    /// <inheritdoc/>
    public SipRange Range { get; }
    /// <summary>Where <see cref="Value"/> is in the source (empty when absent).</summary>
    public SipRange ValueRange { get; }

    /// <summary>The value before any parameter: an option tag, method, event type, Call-ID, disposition type...</summary>
    public ReadOnlySpan<byte> Value => _source.Span.Slice(ValueRange.Offset, ValueRange.Length);

    /// <summary>The parameters after the value (Event <c>id</c>, Subscription-State <c>expires</c>, Reason <c>cause</c>...).</summary>
    public SipParameters Parameters { get; }

    /// <summary>True when <see cref="Value"/> equals <paramref name="value"/> ignoring ASCII case (option tags, event types).</summary>
    public bool ValueEquals(ReadOnlySpan<byte> value) => System.Text.Ascii.EqualsIgnoreCase(Value, value);

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlyMemory<byte> source, SipRange value, out TokenValue result)
    {
        var r = new HeaderReader(source.Span, value);
        SipRange token = r.Until(HeaderReader.LwsOrSemicolon), parameters = default;
        bool ok = !token.IsEmpty && r.TryParameters(Octets.Semicolon, out parameters);
        result = new TokenValue(source, value, ok, token, parameters);
        return ok;
    }

    /// <inheritdoc/>
    public void WriteTo(IBufferWriter<byte> output)
    {
        if (!IsValid)
        {
            OctetWriter.WriteUnfolded(output, _source.Span.Slice(Range.Offset, Range.Length));
            return;
        }
        OctetWriter.Write(output, Value);
        Parameters.WriteTo(output);
    }

    /// <inheritdoc/>
    public override string ToString() => System.Text.Encoding.UTF8.GetString(_source.Span.Slice(Range.Offset, Range.Length));
}
