using System;
using Sip.Generated.Grammar;

namespace Sip.Runtime.Sdp;

/// <summary>The media direction attributes of RFC 8866 §6.7 (RFC 3264 §5.1 for their use in offer/answer).</summary>
public enum SdpDirection
{
    /// <summary>No direction attribute.</summary>
    Unspecified = 0,

    /// <summary><c>a=sendrecv</c>.</summary>
    SendRecv,

    /// <summary><c>a=sendonly</c>.</summary>
    SendOnly,

    /// <summary><c>a=recvonly</c>.</summary>
    RecvOnly,

    /// <summary><c>a=inactive</c>.</summary>
    Inactive,
}

/// <summary>
/// <c>a=&lt;attribute-name&gt;[:&lt;attribute-value&gt;]</c> (RFC 8866 §5.13), from the generated
/// <c>attribute-field</c> record. Unknown attributes are kept as they are: "An SDP parser MUST ignore any
/// attribute it doesn't understand" means not acting on them, not rejecting the description.
/// </summary>
public readonly struct SdpAttribute : ISdpLineView<SdpAttribute>
{
    private readonly SdpSessionDescription _description;
    private readonly int _line;

    private SdpAttribute(SdpSessionDescription description, int line)
    {
        _description = description;
        _line = line;
    }

    /// <inheritdoc/>
    static SdpAttribute ISdpLineView<SdpAttribute>.Create(SdpSessionDescription description, int line) => new(description, line);

    /// <summary>The whole <c>attribute</c> (e.g. <c>rtpmap:0 PCMU/8000</c>).</summary>
    public SdpText Text => _description.Field(_line, 0);

    /// <summary><c>attribute-name</c> (a <c>token</c>; case-sensitive).</summary>
    public SdpText Name => _description.Field(_line, 1);

    /// <summary><c>attribute-value</c>; empty for a property attribute (a value has at least one octet).</summary>
    public SdpText Value => _description.Field(_line, 2);

    /// <summary>True for a value attribute (<c>name:value</c>), false for a property attribute.</summary>
    public bool HasValue => !Value.IsEmpty;

    /// <summary>The line number, from 1.</summary>
    public int LineNumber => _description.Line(_line).LineNumber;

    /// <summary>True when the attribute is named <paramref name="name"/>.</summary>
    public bool Is(ReadOnlySpan<byte> name) => Name.Equals(name);

    /// <summary>The direction this property attribute sets (<c>sendrecv</c>, <c>sendonly</c>, <c>recvonly</c>, <c>inactive</c>), or <see cref="SdpDirection.Unspecified"/>.</summary>
    public SdpDirection Direction
    {
        get
        {
            if (HasValue) return SdpDirection.Unspecified;
            ReadOnlySpan<byte> name = Name.Span;
            if (name.SequenceEqual("sendrecv"u8)) return SdpDirection.SendRecv;
            if (name.SequenceEqual("sendonly"u8)) return SdpDirection.SendOnly;
            if (name.SequenceEqual("recvonly"u8)) return SdpDirection.RecvOnly;
            if (name.SequenceEqual("inactive"u8)) return SdpDirection.Inactive;
            return SdpDirection.Unspecified;
        }
    }

    /// <summary>Reads an <c>a=rtpmap:</c> value (see <see cref="SdpRtpMap"/>); false for another attribute or a value that does not match <c>rtpmap-value</c>.</summary>
    public bool TryGetRtpMap(out SdpRtpMap rtpMap)
    {
        rtpMap = default;
        return Is("rtpmap"u8) && SdpRtpMap.TryParse(Value, out rtpMap);
    }

    /// <summary>Reads an <c>a=fmtp:</c> value (see <see cref="SdpFmtp"/>); false for another attribute or a malformed value.</summary>
    public bool TryGetFmtp(out SdpFmtp fmtp)
    {
        fmtp = default;
        return Is("fmtp"u8) && SdpFmtp.TryParse(Value, out fmtp);
    }

    /// <inheritdoc/>
    public override string ToString() => Text.ToString();
}

/// <summary>
/// The <c>a=</c> lines of the session or of a media description, with lookups by name; enumerated without allocating.
/// </summary>
public readonly struct SdpAttributeList
{
    private readonly SdpLineList<SdpAttribute> _lines;

    internal SdpAttributeList(SdpSessionDescription description, int first, int count) =>
        _lines = new SdpLineList<SdpAttribute>(description, first, count);

    /// <summary>Number of attributes.</summary>
    public int Count => _lines.Count;

    /// <summary>The <paramref name="index"/>-th attribute.</summary>
    public SdpAttribute this[int index] => _lines[index];

    /// <summary>An enumerator over the attributes.</summary>
    public SdpLineList<SdpAttribute>.Enumerator GetEnumerator() => _lines.GetEnumerator();

    /// <summary>True when an attribute is named <paramref name="name"/>.</summary>
    public bool Contains(ReadOnlySpan<byte> name) => TryGet(name, out _);

    /// <summary>The first attribute named <paramref name="name"/>.</summary>
    public bool TryGet(ReadOnlySpan<byte> name, out SdpAttribute attribute)
    {
        foreach (SdpAttribute candidate in _lines)
        {
            if (candidate.Is(name))
            {
                attribute = candidate;
                return true;
            }
        }
        attribute = default;
        return false;
    }

    /// <summary>The first direction attribute's direction, or <see cref="SdpDirection.Unspecified"/> when there is none.</summary>
    public SdpDirection Direction
    {
        get
        {
            foreach (SdpAttribute attribute in _lines)
            {
                SdpDirection direction = attribute.Direction;
                if (direction != SdpDirection.Unspecified) return direction;
            }
            return SdpDirection.Unspecified;
        }
    }

    /// <summary>The <c>a=rtpmap:</c> of payload type <paramref name="format"/>.</summary>
    public bool TryGetRtpMap(ReadOnlySpan<byte> format, out SdpRtpMap rtpMap)
    {
        foreach (SdpAttribute attribute in _lines)
        {
            if (attribute.TryGetRtpMap(out rtpMap) && rtpMap.PayloadType.Equals(format)) return true;
        }
        rtpMap = default;
        return false;
    }

    /// <summary>The <c>a=fmtp:</c> of format <paramref name="format"/>.</summary>
    public bool TryGetFmtp(ReadOnlySpan<byte> format, out SdpFmtp fmtp)
    {
        foreach (SdpAttribute attribute in _lines)
        {
            if (attribute.TryGetFmtp(out fmtp) && fmtp.Format.Equals(format)) return true;
        }
        fmtp = default;
        return false;
    }
}

/// <summary>
/// An <c>a=rtpmap:</c> value (RFC 8866 §6.6): <c>rtpmap-value = payload-type SP encoding-name "/" clock-rate
/// [ "/" encoding-params ]</c>, <c>payload-type = zero-based-integer</c>, <c>encoding-name = token</c>,
/// <c>clock-rate = integer</c>, <c>encoding-params = channels = integer</c>. §6.6's rules are not in the §9
/// grammar; this reads them with the §9 rules they are made of.
/// </summary>
public readonly struct SdpRtpMap
{
    private SdpRtpMap(SdpText payloadType, SdpText encodingName, SdpText clockRate, SdpText encodingParameters)
    {
        PayloadType = payloadType;
        EncodingName = encodingName;
        ClockRate = clockRate;
        EncodingParameters = encodingParameters;
    }

    /// <summary>The payload type (an <c>m=</c> line's <c>fmt</c>).</summary>
    public SdpText PayloadType { get; }

    /// <summary>The encoding name (e.g. <c>PCMU</c>; case-insensitive by RFC 4855).</summary>
    public SdpText EncodingName { get; }

    /// <summary>The clock rate digits.</summary>
    public SdpText ClockRate { get; }

    /// <summary>The clock rate in Hz, or null when it does not fit.</summary>
    public ulong? ClockRateValue => ClockRate.ToUInt64();

    /// <summary>The encoding parameters (the channel count for audio); empty when absent.</summary>
    public SdpText EncodingParameters { get; }

    /// <summary>Reads <paramref name="value"/> as an <c>rtpmap-value</c>.</summary>
    public static bool TryParse(SdpText value, out SdpRtpMap rtpMap)
    {
        rtpMap = default;
        ReadOnlySpan<byte> span = value.Span;
        int pt = Rules.Sdp_ZeroBasedInteger.MatchLength(span);
        if (pt <= 0 || pt >= span.Length || span[pt] != Octets.SP) return false;
        int nameStart = pt + 1;
        int name = Rules.Sdp_Token.MatchLength(span.Slice(nameStart));
        int slash = nameStart + name;
        if (name <= 0 || slash >= span.Length || span[slash] != Octets.Slash) return false;
        int rate = Rules.Sdp_Integer.MatchLength(span.Slice(slash + 1));
        int rateEnd = slash + 1 + rate;
        if (rate <= 0) return false;
        SdpText parameters = value.Slice(span.Length, 0);
        if (rateEnd < span.Length)
        {
            if (span[rateEnd] != Octets.Slash || !Rules.Sdp_Integer.IsMatch(span.Slice(rateEnd + 1))) return false;
            parameters = value.Slice(rateEnd + 1, span.Length - rateEnd - 1);
        }
        rtpMap = new SdpRtpMap(value.Slice(0, pt), value.Slice(nameStart, name), value.Slice(slash + 1, rate), parameters);
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => EncodingParameters.IsEmpty
        ? $"{PayloadType} {EncodingName}/{ClockRate}"
        : $"{PayloadType} {EncodingName}/{ClockRate}/{EncodingParameters}";
}

/// <summary>
/// An <c>a=fmtp:</c> value (RFC 8866 §6.15): <c>fmtp-value = fmt SP format-specific-params</c>,
/// <c>format-specific-params = byte-string</c>.
/// </summary>
public readonly struct SdpFmtp
{
    private SdpFmtp(SdpText format, SdpText parameters)
    {
        Format = format;
        Parameters = parameters;
    }

    /// <summary>The format (an <c>m=</c> line's <c>fmt</c>).</summary>
    public SdpText Format { get; }

    /// <summary>The format-specific parameters, as written.</summary>
    public SdpText Parameters { get; }

    /// <summary>Reads <paramref name="value"/> as an <c>fmtp-value</c>.</summary>
    public static bool TryParse(SdpText value, out SdpFmtp fmtp)
    {
        fmtp = default;
        ReadOnlySpan<byte> span = value.Span;
        int format = Rules.Sdp_Fmt.MatchLength(span);
        if (format <= 0 || format + 1 >= span.Length || span[format] != Octets.SP) return false;
        if (!Rules.Sdp_ByteString.IsMatch(span.Slice(format + 1))) return false;
        fmtp = new SdpFmtp(value.Slice(0, format), value.Slice(format + 1, span.Length - format - 1));
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Format} {Parameters}";
}
