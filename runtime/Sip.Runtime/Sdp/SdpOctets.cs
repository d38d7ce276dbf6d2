namespace Sip.Runtime.Sdp;

/// <summary>Octet constants of the SDP wire format, pre-cast.</summary>
internal static class SdpOctets
{
    public const byte CR = (byte)'\r';
    public const byte LF = (byte)'\n';
    public const byte SP = (byte)' ';
    public const byte HTAB = (byte)'\t';
    public const byte Equal = (byte)'=';
    public const byte Colon = (byte)':';
    public const byte Slash = (byte)'/';
    public const byte Minus = (byte)'-';
    public const byte LParen = (byte)'(';
    public const byte RParen = (byte)')';
    public const byte LAngle = (byte)'<';
    public const byte RAngle = (byte)'>';
    public const byte Zero = (byte)'0';

    public static bool IsDigit(byte b) => (uint)(b - Zero) <= 9;

    public static bool IsWsp(byte b) => b == SP || b == HTAB;

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
