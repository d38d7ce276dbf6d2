using Sip.Runtime.Message;

namespace Sip.Runtime;

/// <summary>Octet constants and small octet predicates of the SIP and SDP wire formats, pre-cast.</summary>
internal static class Octets
{
    public const byte CR = (byte)'\r';
    public const byte LF = (byte)'\n';
    public const byte SP = (byte)' ';
    public const byte HTAB = (byte)'\t';
    public const byte Colon = (byte)':';
    public const byte Comma = (byte)',';
    public const byte Semicolon = (byte)';';
    public const byte DQuote = (byte)'"';
    public const byte Backslash = (byte)'\\';
    public const byte LAngle = (byte)'<';
    public const byte RAngle = (byte)'>';
    public const byte LParen = (byte)'(';
    public const byte RParen = (byte)')';
    public const byte LBracket = (byte)'[';
    public const byte RBracket = (byte)']';
    public const byte Question = (byte)'?';
    public const byte At = (byte)'@';
    public const byte Equal = (byte)'=';
    public const byte Slash = (byte)'/';
    public const byte Minus = (byte)'-';
    public const byte Zero = (byte)'0';
    public const byte Nine = (byte)'9';

    /// <summary>SP or HTAB: WSP (RFC 5234), the octets that start a continuation line (RFC 3261 §7.3.1).</summary>
    public static bool IsWsp(byte b) => b == SP || b == HTAB;

    /// <summary>SP, HTAB, CR or LF: what LWS (RFC 3261 §25.1) is made of.</summary>
    public static bool IsLws(byte b) => b == SP || b == HTAB || b == CR || b == LF;

    public static bool IsDigit(byte b) => (uint)(b - Zero) <= 9;

    public static bool IsHexDigit(byte b) => IsDigit(b) || (uint)((b | 0x20) - (byte)'a') <= 5;

    /// <summary>
    /// <c>token = 1*( alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~" )</c> (RFC 3261 §25.1),
    /// one octet at a time.
    /// </summary>
    public static bool IsTokenChar(byte b) =>
        (uint)((b | 0x20) - 'a') <= 'z' - 'a' || IsDigit(b) ||
        b is (byte)'-' or (byte)'.' or (byte)'!' or (byte)'%' or (byte)'*' or (byte)'_' or (byte)'+' or (byte)'`' or (byte)'\'' or (byte)'~';

    /// <summary>The range with leading and trailing LWS octets removed.</summary>
    public static SipRange TrimLws(System.ReadOnlySpan<byte> source, int start, int end)
    {
        while (start < end && IsLws(source[start])) start++;
        while (end > start && IsLws(source[end - 1])) end--;
        return SipRange.FromBounds(start, end);
    }

    /// <summary>
    /// The value of a run of decimal digits, or null when it does not fit in 64 bits (the grammar bounds
    /// none of SDP's numbers: <c>time</c> is "an unbounded length field").
    /// </summary>
    public static ulong? ParseUInt64(System.ReadOnlySpan<byte> digits)
    {
        if (digits.IsEmpty) return null;
        ulong value = 0;
        foreach (byte b in digits)
        {
            uint d = (uint)(b - Zero);
            if (d > 9) return null;
            if (value > (ulong.MaxValue - d) / 10) return null;
            value = value * 10 + d;
        }
        return value;
    }

    /// <summary>Like <see cref="ParseUInt64"/>, bounded to <see cref="int.MaxValue"/>.</summary>
    public static int? ParseInt32(System.ReadOnlySpan<byte> digits)
    {
        ulong? value = ParseUInt64(digits);
        return value is { } v && v <= int.MaxValue ? (int)v : null;
    }

    /// <summary>Length of the run of <c>SP</c> octets at the end of <paramref name="span"/>.</summary>
    public static int TrailingSpaces(System.ReadOnlySpan<byte> span)
    {
        int n = 0;
        while (n < span.Length && span[span.Length - 1 - n] == SP) n++;
        return n;
    }
}
