using System;

namespace Sip.Runtime.Sdp;

/// <summary>
/// Departures from the RFC 8866 §9 grammar that the parser accepts unless told to be strict. Each one is
/// reported in <see cref="SdpParseResult.Tolerated"/> (and <see cref="SdpSessionDescription.Tolerated"/>) when
/// it occurred, so a lenient parse still says what a strict one would have rejected.
/// </summary>
[Flags]
public enum SdpTolerances
{
    /// <summary>Nothing tolerated: the input must be in the language of <c>session-description</c>.</summary>
    None = 0,

    /// <summary>
    /// An empty <c>s=</c> line (<c>"s=" CRLF</c>). <c>session-name-field = %s"s" "=" text CRLF</c> needs at least
    /// one octet and §5.3 says "The s= line MUST NOT be empty", but the examples of RFC 3264 §10 and RFC 4317, and
    /// RFC 5118 §4.8, send <c>s=</c> empty, and so do deployed implementations. The session name is then
    /// <see cref="SdpText.IsEmpty">empty</see>; the serializer writes it back as it was.
    /// </summary>
    EmptySessionName = 1,

    /// <summary>
    /// A line ended by a single LF instead of CRLF: "The sequence CRLF (0x0d0a) is used to end a line, although
    /// parsers SHOULD be tolerant and also accept lines terminated with a single newline character" (§5).
    /// The serializer writes CRLF.
    /// </summary>
    BareLineFeed = 2,

    /// <summary>
    /// A <c>z=</c> line right after a <c>t=</c> line with no <c>r=</c> between. RFC 8866 puts <c>zone-field</c>
    /// inside <c>repeat-description = 1*repeat-field [zone-field]</c>; RFC 4566 §9 allowed
    /// <c>[zone-adjustments]</c> after the time fields whether or not they had repeats, so RFC 4566 senders
    /// produce it. The zone is kept with the time description it follows.
    /// </summary>
    ZoneWithoutRepeat = 4,

    /// <summary>Every tolerance above: the default.</summary>
    All = EmptySessionName | BareLineFeed | ZoneWithoutRepeat,
}

/// <summary>How <see cref="SdpSessionDescription"/> parses.</summary>
public sealed class SdpParserOptions
{
    /// <summary>The default: every <see cref="SdpTolerances">tolerance</see> on.</summary>
    public static SdpParserOptions Default { get; } = new() { Tolerate = SdpTolerances.All };

    /// <summary>
    /// Strict: the input must be in the language of RFC 8866 §9 <c>session-description</c> exactly
    /// (each line is checked against its generated field rule, the line order against the rule's sequence).
    /// </summary>
    public static SdpParserOptions Strict { get; } = new() { Tolerate = SdpTolerances.None };

    /// <summary>Which departures from the grammar are accepted (default <see cref="SdpTolerances.All"/>).</summary>
    public SdpTolerances Tolerate { get; init; } = SdpTolerances.All;

    /// <summary>True when nothing is tolerated.</summary>
    public bool IsStrict => Tolerate == SdpTolerances.None;
}
