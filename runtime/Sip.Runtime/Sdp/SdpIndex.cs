using System;
using System.Runtime.CompilerServices;

namespace Sip.Runtime.Sdp;

/// <summary>Start and end offsets of a field in the parsed buffer.</summary>
internal readonly struct SdpSegment
{
    public SdpSegment(int start, int end)
    {
        Start = start;
        End = end;
    }

    public int Start { get; }

    public int End { get; }

    public int Length => End - Start;

    /// <summary>A generated record's range (relative to a line) moved to the line's offset in the buffer.</summary>
    public static SdpSegment Of(Range range, int offset) => new(range.Start.Value + offset, range.End.Value + offset);
}

/// <summary>Up to six field segments of one line (the most any line has: <c>o=</c>).</summary>
[InlineArray(6)]
internal struct SdpFieldSegments
{
    private SdpSegment _element0;
}

/// <summary>One line of the index: where it lies, its type, its number and the fields its rule gave.</summary>
internal struct SdpLineEntry
{
    /// <summary>Offset of the type letter.</summary>
    public int Start;

    /// <summary>Offset of the line terminator (CRLF, or LF when tolerated).</summary>
    public int End;

    /// <summary>Line number from 1.</summary>
    public int LineNumber;

    public SdpLineType Type;

    /// <summary>
    /// The fields, by line type: v (digits); o (username, sess-id, sess-version, nettype, addrtype, address);
    /// s/i/u/e/p/k (value); c (nettype, addrtype, connection-address, base address, ttl, numaddr);
    /// b (bwtype, bandwidth); t (start, stop); r (interval, duration, offsets); z (adjustments);
    /// a (attribute, name, value); m (media, port, port count, proto, fmt list).
    /// </summary>
    public SdpFieldSegments Fields;
}

/// <summary>A time description: its <c>t=</c> line, its <c>r=</c> lines and its <c>z=</c> line (-1 when absent).</summary>
internal struct SdpTimeEntry
{
    public int Line;
    public int RepeatFirst;
    public int RepeatCount;
    public int Zone;
}

/// <summary>A media description: its <c>m=</c> line and where its other lines are (-1 / 0 when absent).</summary>
internal struct SdpMediaEntry
{
    public int Line;
    public int Information;
    public int ConnectionFirst;
    public int ConnectionCount;
    public int BandwidthFirst;
    public int BandwidthCount;
    public int Key;
    public int AttributeFirst;
    public int AttributeCount;
}
