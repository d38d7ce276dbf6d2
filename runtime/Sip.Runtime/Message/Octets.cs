namespace Sip.Runtime.Message;

/// <summary>Octet constants of the SIP wire format, pre-cast.</summary>
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
    public const byte Zero = (byte)'0';
    public const byte Nine = (byte)'9';

    /// <summary>SP or HTAB: WSP (RFC 5234), the octets that start a continuation line (RFC 3261 §7.3.1).</summary>
    public static bool IsWsp(byte b) => b == SP || b == HTAB;

    /// <summary>SP, HTAB, CR or LF: what LWS (RFC 3261 §25.1) is made of.</summary>
    public static bool IsLws(byte b) => b == SP || b == HTAB || b == CR || b == LF;

    public static bool IsDigit(byte b) => (uint)(b - Zero) <= 9;

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
}
