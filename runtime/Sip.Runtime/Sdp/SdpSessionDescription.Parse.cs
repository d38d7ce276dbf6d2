using System;
using System.Buffers;
using System.Text;
using Sip.Generated.Grammar;
using static Sip.Runtime.Octets;

namespace Sip.Runtime.Sdp;

public sealed partial class SdpSessionDescription
{
    // Where the parse is in the order of RFC 8866 §9 session-description. Session level: -1 before v=, then
    // v 0, o 1, s 2, i 3, u 4, e 5, p 6, c 7, b 8, t/r/z 9, k 10, a 11. Media level: m 0, i 1, c 2, b 3, k 4, a 5.
    private int _rank;
    private bool _inMedia;

    // Inside a time description: 0 after t=, 1 after r=, 2 after z=.
    private int _timePhase;

    // A line ended by a lone LF is copied here with CRLF so that the generated field rules can check it.
    private byte[] _scratch = [];

    /// <summary>Parses <paramref name="input"/> with the default options (every <see cref="SdpTolerances">tolerance</see> on).</summary>
    public static SdpParseResult TryParse(ReadOnlyMemory<byte> input, out SdpSessionDescription? description) =>
        TryParse(input, SdpParserOptions.Default, out description);

    /// <summary>Parses <paramref name="input"/> into a new description (null when the input is rejected).</summary>
    public static SdpParseResult TryParse(ReadOnlyMemory<byte> input, SdpParserOptions options, out SdpSessionDescription? description)
    {
        var parsed = new SdpSessionDescription();
        SdpParseResult result = parsed.TryLoad(input, options);
        description = result.IsDone ? parsed : null;
        return result;
    }

    /// <summary>
    /// Parses <paramref name="input"/>, throwing <see cref="FormatException"/> (with the line named) when it is
    /// rejected. For callers that hold trusted input; the parse path itself is <see cref="TryLoad"/>.
    /// </summary>
    public static SdpSessionDescription Parse(ReadOnlyMemory<byte> input, SdpParserOptions? options = null)
    {
        SdpParseResult result = TryParse(input, options ?? SdpParserOptions.Default, out SdpSessionDescription? description);
        return description ?? throw new FormatException(result.Error.ToString());
    }

    /// <summary>Parses UTF-8 encoded <paramref name="text"/> (see <see cref="Parse(ReadOnlyMemory{byte}, SdpParserOptions)"/>).</summary>
    public static SdpSessionDescription Parse(string text, SdpParserOptions? options = null) =>
        Parse(Encoding.UTF8.GetBytes(text), options);

    /// <summary>
    /// Parses <paramref name="input"/> into this instance, reusing its index: allocation-free once the index has
    /// grown to the input's line count. On failure the instance holds no description (<see cref="IsLoaded"/> is false).
    /// </summary>
    /// <remarks>
    /// Each line is split off at CRLF (or a lone LF, when tolerated) and checked against its generated field rule,
    /// e.g. <c>Rules.Sdp_OriginField</c>; the order of the lines is checked against <c>session-description</c>,
    /// <c>time-description</c> and <c>media-description</c>. A CRLF followed by SP or HTAB does not end a line:
    /// it can only be RFC 5322 folding white space inside an <c>e=</c> address (any other line rejects it).
    /// </remarks>
    public SdpParseResult TryLoad(ReadOnlyMemory<byte> input, SdpParserOptions? options = null)
    {
        SdpTolerances tolerate = (options ?? SdpParserOptions.Default).Tolerate;
        Reset(input);
        ReadOnlySpan<byte> span = input.Span;
        int pos = 0;
        int physical = 0;
        while (pos < span.Length)
        {
            int lineNumber = physical + 1;
            int start = pos;
            SdpLineType type = (SdpLineType)span[start];

            // Find the end of the line: CRLF not followed by WSP, or a lone LF.
            int search = start;
            int end;
            bool bareLf;
            while (true)
            {
                int lf = span.Slice(search).IndexOf(LF);
                if (lf < 0)
                {
                    return Fail(new SdpError(SdpErrorKind.MissingLineEnding, physical + 1, Known(type), Due(type)));
                }
                lf += search;
                physical++;
                bareLf = lf == search || span[lf - 1] != CR;
                if (!bareLf && lf + 1 < span.Length && IsWsp(span[lf + 1]))
                {
                    search = lf + 1;
                    continue;
                }
                end = bareLf ? lf : lf - 1;
                pos = lf + 1;
                break;
            }

            if (bareLf)
            {
                if ((tolerate & SdpTolerances.BareLineFeed) == 0)
                {
                    return Fail(new SdpError(SdpErrorKind.BareLineFeed, lineNumber, Known(type), Due(type)));
                }
                _tolerated |= SdpTolerances.BareLineFeed;
            }

            // <type>=<value>, with a type letter RFC 8866 §5 defines.
            if (end - start < 2 || span[start + 1] != Equal)
            {
                return Fail(new SdpError(SdpErrorKind.MalformedLine, lineNumber, Known(type), Due(type)));
            }
            if (!SdpLineTypes.IsKnown((byte)type))
            {
                return Fail(new SdpError(SdpErrorKind.UnknownLineType, lineNumber, type, Due(type)));
            }

            int index = _lineCount;
            if (index == _lines.Length) Array.Resize(ref _lines, index * 2);
            ref SdpLineEntry entry = ref _lines[index];
            entry = default;
            entry.Start = start;
            entry.End = end;
            entry.LineNumber = lineNumber;
            entry.Type = type;
            _lineCount++;

            SdpError error = Place(type, index, lineNumber, tolerate);
            if (error.Kind != SdpErrorKind.None) return Fail(error);

            if (type == SdpLineType.SessionName && end - start == 2)
            {
                // "s=" CRLF: session-name-field needs one octet of text; tolerated by default (RFC 3264, RFC 4317).
                if ((tolerate & SdpTolerances.EmptySessionName) == 0)
                {
                    return Fail(new SdpError(SdpErrorKind.EmptySessionName, lineNumber, type));
                }
                _tolerated |= SdpTolerances.EmptySessionName;
                entry.Fields[0] = new SdpSegment(end, end);
                continue;
            }

            ReadOnlySpan<byte> line = bareLf ? WithCrlf(span.Slice(start, end - start)) : span.Slice(start, pos - start);
            string? rule = Validate(type, line, start, ref entry);
            if (rule is not null)
            {
                return Fail(new SdpError(SdpErrorKind.InvalidLine, lineNumber, type, SdpLineType.None, rule));
            }
        }

        if (_lineCount == 0) return Fail(new SdpError(SdpErrorKind.Empty, 1, SdpLineType.None, SdpLineType.Version));
        if (!_inMedia && _rank < 9)
        {
            return Fail(new SdpError(SdpErrorKind.MissingLine, physical + 1, SdpLineType.None, Due(SdpLineType.None)));
        }
        _loaded = true;
        return new SdpParseResult(OperationStatus.Done, default, _tolerated);
    }

    private void Reset(ReadOnlyMemory<byte> input)
    {
        _source = input;
        _loaded = false;
        _tolerated = SdpTolerances.None;
        _lineCount = _timeCount = _mediaCount = 0;
        _rank = -1;
        _inMedia = false;
        _timePhase = 0;
        _version = _origin = _sessionName = _information = _uri = _connection = _key = -1;
        _emailFirst = _phoneFirst = _bandwidthFirst = _attributeFirst = 0;
        _emailCount = _phoneCount = _bandwidthCount = _attributeCount = 0;
    }

    private SdpParseResult Fail(SdpError error)
    {
        SdpTolerances tolerated = _tolerated;
        Reset(default);
        return new SdpParseResult(OperationStatus.InvalidData, error, tolerated);
    }

    private static SdpLineType Known(SdpLineType type) => SdpLineTypes.IsKnown((byte)type) ? type : SdpLineType.None;

    /// <summary>The line the grammar requires next, if <paramref name="type"/> is not it: v=, o=, s=, or t= before k=, a=, m= or the end.</summary>
    private SdpLineType Due(SdpLineType type)
    {
        if (_inMedia) return SdpLineType.None;
        SdpLineType due = _rank switch
        {
            -1 => SdpLineType.Version,
            0 => SdpLineType.Origin,
            1 => SdpLineType.SessionName,
            < 9 => SdpLineType.Time,
            _ => SdpLineType.None,
        };
        if (due == SdpLineType.Time && type is not (SdpLineType.None or SdpLineType.Key or SdpLineType.Attribute or SdpLineType.Media or SdpLineType.Repeat or SdpLineType.Zone))
        {
            // Lines that may still come before t= (i=, u=, e=, p=, c=, b=) are not missing a t=.
            due = SdpLineType.None;
        }
        return due == type ? SdpLineType.None : due;
    }

    /// <summary>
    /// Puts line <paramref name="index"/> in the structure, checking the order of RFC 8866 §9:
    /// <c>session-description</c>, <c>time-description</c>, <c>repeat-description</c>, <c>media-description</c>.
    /// </summary>
    private SdpError Place(SdpLineType type, int index, int lineNumber, SdpTolerances tolerate)
    {
        if (_inMedia) return PlaceInMedia(type, index, lineNumber);

        switch (type)
        {
            case SdpLineType.Version when _rank == -1:
                _rank = 0;
                _version = index;
                return default;
            case SdpLineType.Origin when _rank == 0:
                _rank = 1;
                _origin = index;
                return default;
            case SdpLineType.SessionName when _rank == 1:
                _rank = 2;
                _sessionName = index;
                return default;
        }
        if (_rank < 2 || (_rank < 9 && type is SdpLineType.Key or SdpLineType.Attribute or SdpLineType.Media or SdpLineType.Repeat or SdpLineType.Zone))
        {
            return new SdpError(SdpErrorKind.MissingLine, lineNumber, type, Due(SdpLineType.None));
        }

        switch (type)
        {
            case SdpLineType.Information when _rank < 3:
                _rank = 3;
                _information = index;
                return default;
            case SdpLineType.Uri when _rank < 4:
                _rank = 4;
                _uri = index;
                return default;
            case SdpLineType.Email when _rank <= 5:
                _rank = 5;
                Append(ref _emailFirst, ref _emailCount, index);
                return default;
            case SdpLineType.Phone when _rank <= 6:
                _rank = 6;
                Append(ref _phoneFirst, ref _phoneCount, index);
                return default;
            case SdpLineType.Connection when _rank < 7:
                _rank = 7;
                _connection = index;
                return default;
            case SdpLineType.Bandwidth when _rank <= 8:
                _rank = 8;
                Append(ref _bandwidthFirst, ref _bandwidthCount, index);
                return default;
            case SdpLineType.Time when _rank <= 9:
                _rank = 9;
                _timePhase = 0;
                if (_timeCount == _times.Length) Array.Resize(ref _times, _timeCount * 2);
                _times[_timeCount++] = new SdpTimeEntry { Line = index, Zone = -1 };
                return default;
            case SdpLineType.Repeat when _rank == 9 && _timePhase <= 1:
                _timePhase = 1;
                ref SdpTimeEntry time = ref _times[_timeCount - 1];
                Append(ref time.RepeatFirst, ref time.RepeatCount, index);
                return default;
            case SdpLineType.Zone when _rank == 9 && _timePhase <= 1:
                if (_timePhase == 0)
                {
                    // repeat-description = 1*repeat-field [zone-field]: a zone needs a repeat (RFC 4566 did not).
                    if ((tolerate & SdpTolerances.ZoneWithoutRepeat) == 0)
                    {
                        return new SdpError(SdpErrorKind.ZoneWithoutRepeat, lineNumber, type);
                    }
                    _tolerated |= SdpTolerances.ZoneWithoutRepeat;
                }
                _timePhase = 2;
                _times[_timeCount - 1].Zone = index;
                return default;
            case SdpLineType.Key when _rank < 10:
                _rank = 10;
                _key = index;
                return default;
            case SdpLineType.Attribute when _rank <= 11:
                _rank = 11;
                Append(ref _attributeFirst, ref _attributeCount, index);
                return default;
            case SdpLineType.Media:
                _inMedia = true;
                return PlaceInMedia(type, index, lineNumber);
        }
        return new SdpError(SdpErrorKind.UnexpectedLine, lineNumber, type);
    }

    private SdpError PlaceInMedia(SdpLineType type, int index, int lineNumber)
    {
        if (type == SdpLineType.Media)
        {
            _rank = 0;
            if (_mediaCount == _media.Length) Array.Resize(ref _media, _mediaCount * 2);
            _media[_mediaCount++] = new SdpMediaEntry { Line = index, Information = -1, Key = -1 };
            return default;
        }
        ref SdpMediaEntry media = ref _media[_mediaCount - 1];
        switch (type)
        {
            case SdpLineType.Information when _rank < 1:
                _rank = 1;
                media.Information = index;
                return default;
            case SdpLineType.Connection when _rank <= 2:
                _rank = 2;
                Append(ref media.ConnectionFirst, ref media.ConnectionCount, index);
                return default;
            case SdpLineType.Bandwidth when _rank <= 3:
                _rank = 3;
                Append(ref media.BandwidthFirst, ref media.BandwidthCount, index);
                return default;
            case SdpLineType.Key when _rank < 4:
                _rank = 4;
                media.Key = index;
                return default;
            case SdpLineType.Attribute when _rank <= 5:
                _rank = 5;
                Append(ref media.AttributeFirst, ref media.AttributeCount, index);
                return default;
        }
        return new SdpError(SdpErrorKind.UnexpectedLine, lineNumber, type);
    }

    private static void Append(ref int first, ref int count, int index)
    {
        if (count == 0) first = index;
        count++;
    }

    private ReadOnlySpan<byte> WithCrlf(ReadOnlySpan<byte> content)
    {
        if (_scratch.Length < content.Length + 2) _scratch = new byte[Math.Max(content.Length + 2, _scratch.Length * 2)];
        content.CopyTo(_scratch);
        _scratch[content.Length] = CR;
        _scratch[content.Length + 1] = LF;
        return _scratch.AsSpan(0, content.Length + 2);
    }

    /// <summary>The line's value: after "x=" and before CRLF.</summary>
    private static SdpSegment Rest(ReadOnlySpan<byte> line, int offset) => new(offset + 2, offset + line.Length - 2);

    /// <summary>
    /// The first <paramref name="count"/> fields of a line already matched by its rule, whose fields hold no SP: split
    /// on SP between "x=" and the CRLF (the design note's second, deterministic pass).
    /// </summary>
    private static void SplitOnSpace(ReadOnlySpan<byte> line, int offset, ref SdpFieldSegments f, int count)
    {
        int start = 2, end = line.Length - 2;
        for (int k = 0; k < count; k++)
        {
            int space = k == count - 1 ? -1 : line[start..end].IndexOf((byte)' ');
            int fieldEnd = space < 0 ? end : start + space;
            f[k] = new SdpSegment(offset + start, offset + fieldEnd);
            start = fieldEnd + 1;
        }
    }

    /// <summary>
    /// Checks <paramref name="line"/> (type letter to CRLF) against its generated field rule and stores the fields
    /// the rule's record gives. Returns the rule's name when the line does not match it.
    /// </summary>
    private static string? Validate(SdpLineType type, ReadOnlySpan<byte> line, int offset, ref SdpLineEntry entry)
    {
        const OperationStatus Done = OperationStatus.Done;
        ref SdpFieldSegments f = ref entry.Fields;
        switch (type)
        {
            case SdpLineType.Version:
                if (!Rules.Sdp_VersionField.IsMatch(line)) return Rules.Sdp_VersionField.RuleName;
                f[0] = Rest(line, offset);
                return null;
            case SdpLineType.Origin:
                // o=username SP sess-id SP sess-version SP nettype SP addrtype SP unicast-address: no field holds SP.
                if (!Rules.Sdp_OriginField.IsMatch(line)) return Rules.Sdp_OriginField.RuleName;
                SplitOnSpace(line, offset, ref f, 6);
                return null;
            case SdpLineType.SessionName:
                if (!Rules.Sdp_SessionNameField.IsMatch(line)) return Rules.Sdp_SessionNameField.RuleName;
                f[0] = Rest(line, offset);
                return null;
            case SdpLineType.Information:
                if (!Rules.Sdp_InformationField.IsMatch(line)) return Rules.Sdp_InformationField.RuleName;
                f[0] = Rest(line, offset);
                return null;
            case SdpLineType.Uri:
                if (!Rules.Sdp_UriField.IsMatch(line)) return Rules.Sdp_UriField.RuleName;
                f[0] = Rest(line, offset);
                return null;
            case SdpLineType.Email:
                if (!Rules.Sdp_EmailField.IsMatch(line)) return Rules.Sdp_EmailField.RuleName;
                f[0] = Rest(line, offset);
                return null;
            case SdpLineType.Phone:
                if (!Rules.Sdp_PhoneField.IsMatch(line)) return Rules.Sdp_PhoneField.RuleName;
                f[0] = Rest(line, offset);
                return null;
            case SdpLineType.Connection:
                // c=nettype SP addrtype SP connection-address: no field holds SP.
                if (!Rules.Sdp_ConnectionField.IsMatch(line)) return Rules.Sdp_ConnectionField.RuleName;
                SplitOnSpace(line, offset, ref f, 3);
                SplitConnectionAddress(line[(f[2].Start - offset)..(f[2].End - offset)], f[2].Start, ref f);
                return null;
            case SdpLineType.Bandwidth:
            {
                // b=bwtype ":" bandwidth: bwtype is a token (no ':').
                if (!Rules.Sdp_BandwidthField.IsMatch(line)) return Rules.Sdp_BandwidthField.RuleName;
                int colon = line.IndexOf((byte)':');
                f[0] = new SdpSegment(offset + 2, offset + colon);
                f[1] = new SdpSegment(offset + colon + 1, offset + line.Length - 2);
                return null;
            }
            case SdpLineType.Time:
                if (!Rules.Sdp_TimeField.IsMatch(line)) return Rules.Sdp_TimeField.RuleName;
                SplitOnSpace(line, offset, ref f, 2);
                return null;
            case SdpLineType.Repeat:
                if (Rules.Sdp_RepeatField.TryParse(line, out var r) != Done) return Rules.Sdp_RepeatField.RuleName;
                f[0] = SdpSegment.Of(r.RepeatInterval, offset);
                f[1] = SdpSegment.Of(r.TypedTime, offset);
                // 1*(SP typed-time): the list without its leading SP.
                f[2] = new SdpSegment(r.TypedTimeList.Start.Value + offset + 1, r.TypedTimeList.End.Value + offset);
                return null;
            case SdpLineType.Zone:
                if (Rules.Sdp_ZoneField.TryParse(line, out _) != Done) return Rules.Sdp_ZoneField.RuleName;
                // time SP ["-"] typed-time *(SP time SP ["-"] typed-time): split into pairs on access.
                f[0] = new SdpSegment(offset + 2, offset + line.Length - 2);
                return null;
            case SdpLineType.Key:
                if (!Rules.Sdp_KeyField.IsMatch(line)) return Rules.Sdp_KeyField.RuleName;
                f[0] = Rest(line, offset);
                return null;
            case SdpLineType.Attribute:
            {
                if (!Rules.Sdp_AttributeField.IsMatch(line)) return Rules.Sdp_AttributeField.RuleName;
                f[0] = Rest(line, offset);
                // attribute = (attribute-name ":" attribute-value) / attribute-name. A token has no ':', so the
                // name is the longest attribute-name prefix and a value follows its ':' (byte-string: 1 octet or more).
                ReadOnlySpan<byte> attribute = line[2..^2];
                int nameLength = Rules.Sdp_AttributeName.MatchLength(attribute);
                f[1] = new SdpSegment(f[0].Start, f[0].Start + nameLength);
                f[2] = nameLength < attribute.Length ? new SdpSegment(f[1].End + 1, f[0].End) : new SdpSegment(f[0].End, f[0].End);
                return null;
            }
            case SdpLineType.Media:
            {
                // m=media SP port ["/" integer] SP proto 1*(SP fmt): media, port, integer and proto hold no SP.
                if (!Rules.Sdp_MediaField.IsMatch(line)) return Rules.Sdp_MediaField.RuleName;
                int mediaEnd = 2 + line[2..].IndexOf((byte)' ');
                int portEnd = mediaEnd + 1 + line[(mediaEnd + 1)..].IndexOf((byte)' ');
                int protoEnd = portEnd + 1 + line[(portEnd + 1)..].IndexOf((byte)' ');
                f[0] = new SdpSegment(offset + 2, offset + mediaEnd);
                int slash = line[(mediaEnd + 1)..portEnd].IndexOf((byte)'/');
                if (slash >= 0)
                {
                    f[1] = new SdpSegment(offset + mediaEnd + 1, offset + mediaEnd + 1 + slash);
                    f[2] = new SdpSegment(offset + mediaEnd + 2 + slash, offset + portEnd);
                }
                else
                {
                    f[1] = new SdpSegment(offset + mediaEnd + 1, offset + portEnd);
                    f[2] = new SdpSegment(offset + portEnd, offset + portEnd);
                }
                f[3] = new SdpSegment(offset + portEnd + 1, offset + protoEnd);
                // 1*(SP fmt): the list without its leading SP.
                f[4] = new SdpSegment(offset + protoEnd + 1, offset + line.Length - 2);
                return null;
            }
            default:
                return "session-description";
        }
    }

    /// <summary>
    /// Splits a <c>connection-address</c> into base address, TTL and number of addresses (fields 3 to 5).
    /// <c>IP4-multicast = m1 3("." decimal-uchar) "/" ttl ["/" numaddr]</c> and
    /// <c>IP6-multicast = IP6-address ["/" numaddr]</c>; the same text also matches <c>extn-addr</c>
    /// (<c>non-ws-string</c>), and the typed view takes the multicast reading, as §5.7 describes it.
    /// </summary>
    private static void SplitConnectionAddress(ReadOnlySpan<byte> address, int offset, ref SdpFieldSegments f)
    {
        int end = offset + address.Length;
        f[3] = new SdpSegment(offset, end);
        f[4] = new SdpSegment(end, end);
        f[5] = new SdpSegment(end, end);
        if (Rules.Sdp_IP4Multicast.IsMatch(address))
        {
            int slash = address.IndexOf(Slash);
            int second = address.Slice(slash + 1).IndexOf(Slash);
            f[3] = new SdpSegment(offset, offset + slash);
            if (second < 0)
            {
                f[4] = new SdpSegment(offset + slash + 1, end);
            }
            else
            {
                f[4] = new SdpSegment(offset + slash + 1, offset + slash + 1 + second);
                f[5] = new SdpSegment(offset + slash + 2 + second, end);
            }
        }
        else if (address.IndexOf(Slash) is int slash and >= 0 && Rules.Sdp_IP6Multicast.IsMatch(address))
        {
            f[3] = new SdpSegment(offset, offset + slash);
            f[5] = new SdpSegment(offset + slash + 1, end);
        }
    }
}
