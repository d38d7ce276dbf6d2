using System;
using System.Buffers;
using Sip.Runtime.Message;

namespace Sip.Runtime.Headers;

/// <summary>
/// A number with optional comment and parameters: Content-Length, Max-Forwards, Expires, Min-Expires, RSeq,
/// Flow-Timer, Session-Expires, Min-SE, and Retry-After (<c>delta-seconds [ comment ] *( SEMI retry-param )</c>,
/// RFC 3261 §20.33). The number fits in 32 bits unsigned (§20.19 "delta-seconds ... 2**32-1").
/// </summary>
public readonly struct NumberValue : ISipHeaderValue<NumberValue>
{
    private readonly ReadOnlyMemory<byte> _source;

    private NumberValue(ReadOnlyMemory<byte> source, SipRange range, bool valid, uint number, SipRange comment, SipRange parameters)
    {
        _source = source;
        Range = range;
        IsValid = valid;
        Value = number;
        CommentRange = comment;
        Parameters = new SipParameters(source, parameters, Octets.Semicolon);
    }

    /// <inheritdoc/>
    public bool IsValid { get; }
    /// <inheritdoc/>
    public SipRange Range { get; }
    /// <summary>Where <see cref="Comment"/> is in the source (empty when absent).</summary>
    public SipRange CommentRange { get; }

    /// <summary>The number.</summary>
    public uint Value { get; }

    /// <summary>A comment after the number, parentheses included (Retry-After); empty when absent.</summary>
    public ReadOnlySpan<byte> Comment => _source.Span.Slice(CommentRange.Offset, CommentRange.Length);

    /// <summary>Parameters after the number (Session-Expires <c>refresher</c>, Retry-After <c>duration</c>, ...).</summary>
    public SipParameters Parameters { get; }

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlyMemory<byte> source, SipRange value, out NumberValue result)
    {
        var r = new HeaderReader(source.Span, value);
        SipRange digits = r.Digits(), comment = default, parameters = default;
        bool ok = r.TryUInt32(digits, out uint number);
        if (ok)
        {
            r.SkipLws();
            if (r.Peek == Octets.LParen) ok = r.TryComment(out comment);
            ok = ok && r.TryParameters(Octets.Semicolon, out parameters);
        }
        result = new NumberValue(source, value, ok, number, comment, parameters);
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
        OctetWriter.WriteDecimal(output, Value);
        if (!CommentRange.IsEmpty)
        {
            OctetWriter.Write(output, Octets.SP);
            OctetWriter.WriteUnfolded(output, Comment);
        }
        Parameters.WriteTo(output);
    }

    /// <inheritdoc/>
    public override string ToString() => System.Text.Encoding.UTF8.GetString(_source.Span.Slice(Range.Offset, Range.Length));
}
