using System;
using System.Buffers;
using Sip.Runtime.Message;

namespace Sip.Runtime.Headers;

/// <summary>
/// <c>media-type = m-type SLASH m-subtype *(SEMI m-parameter)</c> (RFC 3261 §20.15): Content-Type, and each element
/// of Accept (where <c>*/*</c> and <c>type/*</c> are allowed, and <c>q</c> is a parameter).
/// </summary>
public readonly struct MediaTypeValue : ISipHeaderValue<MediaTypeValue>
{
    private readonly ReadOnlyMemory<byte> _source;

    private MediaTypeValue(ReadOnlyMemory<byte> source, SipRange range, bool valid, SipRange type, SipRange subtype, SipRange parameters)
    {
        _source = source;
        Range = range;
        IsValid = valid;
        TypeRange = type;
        SubtypeRange = subtype;
        Parameters = new SipParameters(source, parameters, Octets.Semicolon);
    }

    /// <inheritdoc/>
    public bool IsValid { get; }
    /// <inheritdoc/>
    public SipRange Range { get; }
    /// <summary>Where <see cref="Type"/> is in the source (empty when absent).</summary>
    public SipRange TypeRange { get; }
    /// <summary>Where <see cref="Subtype"/> is in the source (empty when absent).</summary>
    public SipRange SubtypeRange { get; }

    /// <summary><c>m-type</c> (e.g. <c>application</c>; compare case-insensitively).</summary>
    public ReadOnlySpan<byte> Type => _source.Span.Slice(TypeRange.Offset, TypeRange.Length);

    /// <summary><c>m-subtype</c> (e.g. <c>sdp</c>).</summary>
    public ReadOnlySpan<byte> Subtype => _source.Span.Slice(SubtypeRange.Offset, SubtypeRange.Length);

    /// <summary>The <c>m-parameter</c>s (e.g. <c>charset</c>, <c>boundary</c>; Accept's <c>q</c>).</summary>
    public SipParameters Parameters { get; }

    /// <summary>True when the type is <paramref name="type"/>/<paramref name="subtype"/>, ignoring ASCII case.</summary>
    public bool Is(ReadOnlySpan<byte> type, ReadOnlySpan<byte> subtype) =>
        System.Text.Ascii.EqualsIgnoreCase(Type, type) && System.Text.Ascii.EqualsIgnoreCase(Subtype, subtype);

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlyMemory<byte> source, SipRange value, out MediaTypeValue result)
    {
        var r = new HeaderReader(source.Span, value);
        SipRange type = r.Token(), subtype = default, parameters = default;
        bool ok = !type.IsEmpty && r.TrySkip(Octets.Slash) && !(subtype = r.Token()).IsEmpty
            && r.TryParameters(Octets.Semicolon, out parameters);
        result = new MediaTypeValue(source, value, ok, type, subtype, parameters);
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
        OctetWriter.Write(output, Type);
        OctetWriter.Write(output, Octets.Slash);
        OctetWriter.Write(output, Subtype);
        Parameters.WriteTo(output);
    }

    /// <inheritdoc/>
    public override string ToString() => System.Text.Encoding.UTF8.GetString(_source.Span.Slice(Range.Offset, Range.Length));
}
