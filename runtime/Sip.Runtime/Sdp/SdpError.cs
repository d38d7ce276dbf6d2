using System;

namespace Sip.Runtime.Sdp;

/// <summary>Why a session description was rejected.</summary>
public enum SdpErrorKind
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>The input is empty: a session description has at least <c>v=</c>, <c>o=</c>, <c>s=</c> and <c>t=</c>.</summary>
    Empty,

    /// <summary>The last line has no line terminator (every <c>*-field</c> rule ends in CRLF).</summary>
    MissingLineEnding,

    /// <summary>A line ended by a single LF while <see cref="SdpTolerances.BareLineFeed"/> is off.</summary>
    BareLineFeed,

    /// <summary>A line that is not <c>&lt;type&gt;=&lt;value&gt;</c> (e.g. RFC 3666 §3.7 F3's <c>c c=IN IP4 ...</c>).</summary>
    MalformedLine,

    /// <summary>A type letter RFC 8866 §5 does not define; "an SDP parser MUST completely ignore or reject" the description.</summary>
    UnknownLineType,

    /// <summary>A known line where the order of §5 / §9 does not allow it (out of order, repeated, or at the wrong level).</summary>
    UnexpectedLine,

    /// <summary>A required line (<see cref="SdpError.Expected"/>) is missing where <see cref="SdpError.LineNumber"/> is.</summary>
    MissingLine,

    /// <summary>A line that does not match its ABNF rule (<see cref="SdpError.Rule"/>).</summary>
    InvalidLine,

    /// <summary>An empty <c>s=</c> line while <see cref="SdpTolerances.EmptySessionName"/> is off.</summary>
    EmptySessionName,

    /// <summary>A <c>z=</c> line without <c>r=</c> while <see cref="SdpTolerances.ZoneWithoutRepeat"/> is off.</summary>
    ZoneWithoutRepeat,
}

/// <summary>
/// Why a session description was rejected, naming the line: its number (from 1, counting every CRLF- or
/// LF-ended line of the input) and its type letter. Creating one allocates nothing; <see cref="ToString"/> does.
/// </summary>
public readonly struct SdpError : IEquatable<SdpError>
{
    internal SdpError(SdpErrorKind kind, int lineNumber, SdpLineType lineType, SdpLineType expected = SdpLineType.None, string? rule = null)
    {
        Kind = kind;
        LineNumber = lineNumber;
        LineType = lineType;
        Expected = expected;
        Rule = rule;
    }

    /// <summary>What is wrong (<see cref="SdpErrorKind.None"/> when nothing is).</summary>
    public SdpErrorKind Kind { get; }

    /// <summary>The line at fault, from 1; one past the last line when a required line is missing at the end.</summary>
    public int LineNumber { get; }

    /// <summary>The type letter of the line at fault (<see cref="SdpLineType.None"/> when it has none or there is no line).</summary>
    public SdpLineType LineType { get; }

    /// <summary>The line that was required at this point (<c>v=</c>, <c>o=</c>, <c>s=</c> or <c>t=</c>), if one was.</summary>
    public SdpLineType Expected { get; }

    /// <summary>For <see cref="SdpErrorKind.InvalidLine"/>: the ABNF rule the line fails (e.g. <c>origin-field</c>).</summary>
    public string? Rule { get; }

    /// <summary>
    /// The SIP response a request deserves when its SDP body is rejected: 400 Bad Request (RFC 3261 §21.4.1,
    /// "malformed syntax"); 0 when there is no error.
    /// </summary>
    public int StatusCode => Kind == SdpErrorKind.None ? 0 : 400;

    /// <inheritdoc/>
    public bool Equals(SdpError other) =>
        Kind == other.Kind && LineNumber == other.LineNumber && LineType == other.LineType &&
        Expected == other.Expected && Rule == other.Rule;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SdpError other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, LineNumber, LineType, Expected, Rule);

    /// <summary>True when both errors say the same.</summary>
    public static bool operator ==(SdpError left, SdpError right) => left.Equals(right);

    /// <summary>True when the errors differ.</summary>
    public static bool operator !=(SdpError left, SdpError right) => !left.Equals(right);

    /// <summary>A human message, e.g. <c>line 3 (c=): malformed line, expected s=</c>.</summary>
    public override string ToString()
    {
        if (Kind == SdpErrorKind.None) return "no error";
        string where = LineType == SdpLineType.None ? $"line {LineNumber}" : $"line {LineNumber} ({LineType.Prefix()})";
        string what = Kind switch
        {
            SdpErrorKind.Empty => "empty session description",
            SdpErrorKind.MissingLineEnding => "line has no CRLF at the end",
            SdpErrorKind.BareLineFeed => "line ends in LF, not CRLF",
            SdpErrorKind.MalformedLine => "malformed line, not <type>=<value>",
            SdpErrorKind.UnknownLineType => "unknown line type",
            SdpErrorKind.UnexpectedLine => "line not allowed here (RFC 8866 §5 order)",
            SdpErrorKind.MissingLine => "required line missing",
            SdpErrorKind.InvalidLine => $"line does not match {Rule}",
            SdpErrorKind.EmptySessionName => "empty s= line (RFC 8866 §5.3: MUST NOT be empty)",
            SdpErrorKind.ZoneWithoutRepeat => "z= line without r= (RFC 8866 §9 repeat-description)",
            _ => Kind.ToString(),
        };
        return Expected == SdpLineType.None ? $"{where}: {what}" : $"{where}: {what}, expected {Expected.Prefix()}";
    }
}
