namespace Sip.Runtime.Sdp;

/// <summary>
/// The type letter of an SDP line (RFC 8866 §5): each value is the letter's octet, so <c>(SdpLineType)line[0]</c>
/// names the line. The set is closed: "an SDP parser MUST completely ignore or reject any session description that
/// contains a type letter that it does not understand".
/// </summary>
public enum SdpLineType : byte
{
    /// <summary>No line type (absent, or a line whose type could not be read).</summary>
    None = 0,

    /// <summary><c>v=</c> protocol version (§5.1).</summary>
    Version = (byte)'v',

    /// <summary><c>o=</c> originator and session identifier (§5.2).</summary>
    Origin = (byte)'o',

    /// <summary><c>s=</c> session name (§5.3).</summary>
    SessionName = (byte)'s',

    /// <summary><c>i=</c> session or media information (§5.4).</summary>
    Information = (byte)'i',

    /// <summary><c>u=</c> URI of description (§5.5).</summary>
    Uri = (byte)'u',

    /// <summary><c>e=</c> email address (§5.6).</summary>
    Email = (byte)'e',

    /// <summary><c>p=</c> phone number (§5.6).</summary>
    Phone = (byte)'p',

    /// <summary><c>c=</c> connection information (§5.7).</summary>
    Connection = (byte)'c',

    /// <summary><c>b=</c> bandwidth information (§5.8).</summary>
    Bandwidth = (byte)'b',

    /// <summary><c>t=</c> time the session is active (§5.9).</summary>
    Time = (byte)'t',

    /// <summary><c>r=</c> repeat times (§5.10).</summary>
    Repeat = (byte)'r',

    /// <summary><c>z=</c> time zone adjustments (§5.11).</summary>
    Zone = (byte)'z',

    /// <summary><c>k=</c> encryption key (§5.12, obsolete).</summary>
    Key = (byte)'k',

    /// <summary><c>a=</c> attribute (§5.13).</summary>
    Attribute = (byte)'a',

    /// <summary><c>m=</c> media name and transport address (§5.14).</summary>
    Media = (byte)'m',
}

/// <summary>Helpers for <see cref="SdpLineType"/>.</summary>
public static class SdpLineTypes
{
    /// <summary>True when <paramref name="letter"/> is one of the fifteen type letters RFC 8866 §5 defines.</summary>
    public static bool IsKnown(byte letter) => letter is
        (byte)'v' or (byte)'o' or (byte)'s' or (byte)'i' or (byte)'u' or (byte)'e' or (byte)'p' or (byte)'c' or
        (byte)'b' or (byte)'t' or (byte)'r' or (byte)'z' or (byte)'k' or (byte)'a' or (byte)'m';

    /// <summary>The line prefix, e.g. <c>"s="</c>; <c>""</c> for <see cref="SdpLineType.None"/>.</summary>
    public static string Prefix(this SdpLineType type) => type switch
    {
        SdpLineType.None => "",
        _ => $"{(char)type}=",
    };
}
