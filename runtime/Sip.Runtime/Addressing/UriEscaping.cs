using System;

namespace Sip.Runtime.Addressing;

/// <summary>
/// %HH handling for URI components (RFC 3261 §19.1.2, §19.1.4; RFC 2396 §2.4.1). Works in place on
/// ranges the grammar has already validated, so a stray '%' is taken literally instead of failing.
/// </summary>
public static class UriEscaping
{
    private const byte Percent = (byte)'%';

    /// <summary>
    /// Writes <paramref name="escaped"/> with every <c>%HH</c> decoded into <paramref name="destination"/>.
    /// <c>%00</c> decodes to a zero byte and does not end the value (RFC 4475 §3.1.1.12 escnull).
    /// </summary>
    /// <returns>The number of bytes written, or -1 when <paramref name="destination"/> is too small.</returns>
    public static int Unescape(ReadOnlySpan<byte> escaped, Span<byte> destination)
    {
        var reader = new Reader(escaped);
        int written = 0;
        while (reader.Next(out byte b, out _))
        {
            if ((uint)written >= (uint)destination.Length) return -1;
            destination[written++] = b;
        }
        return written;
    }

    /// <summary>The length of <paramref name="escaped"/> once every <c>%HH</c> is decoded.</summary>
    public static int UnescapedLength(ReadOnlySpan<byte> escaped)
    {
        var reader = new Reader(escaped);
        int n = 0;
        while (reader.Next(out _, out _)) n++;
        return n;
    }

    /// <summary>
    /// RFC 3261 §19.1.4: "Characters other than those in the reserved set are equivalent to their %HH encoding."
    /// Compares two escaped components byte by byte after decoding; a reserved character only equals a reserved
    /// character written the same way (both escaped or both literal).
    /// </summary>
    /// <param name="a">First component, as written.</param>
    /// <param name="b">Second component, as written.</param>
    /// <param name="ignoreCase">Fold ASCII letters (every component but userinfo).</param>
    public static bool EquivalentComponents(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, bool ignoreCase)
    {
        if (a.SequenceEqual(b)) return true;
        var ra = new Reader(a);
        var rb = new Reader(b);
        while (true)
        {
            bool ha = ra.Next(out byte x, out bool ex);
            bool hb = rb.Next(out byte y, out bool ey);
            if (ha != hb) return false;
            if (!ha) return true;
            if (ignoreCase)
            {
                x = Fold(x);
                y = Fold(y);
            }
            if (x != y) return false;
            if (ex != ey && IsReserved(x)) return false;
        }
    }

    /// <summary>True when <paramref name="escaped"/> decodes to the ASCII <paramref name="lowerLiteral"/>, ignoring case.</summary>
    internal static bool EqualsLiteralIgnoreCase(ReadOnlySpan<byte> escaped, ReadOnlySpan<byte> lowerLiteral)
    {
        if (escaped.Length == lowerLiteral.Length)
        {
            for (int i = 0; i < escaped.Length; i++)
            {
                if (Fold(escaped[i]) != lowerLiteral[i]) goto slow;
            }
            return true;
        }
        slow:
        if (escaped.IndexOf(Percent) < 0) return false;
        var r = new Reader(escaped);
        int k = 0;
        while (r.Next(out byte b, out _))
        {
            if ((uint)k >= (uint)lowerLiteral.Length || Fold(b) != lowerLiteral[k]) return false;
            k++;
        }
        return k == lowerLiteral.Length;
    }

    // reserved = ";" / "/" / "?" / ":" / "@" / "&" / "=" / "+" / "$" / ","
    internal static bool IsReserved(byte b) =>
        b is (byte)';' or (byte)'/' or (byte)'?' or (byte)':' or (byte)'@' or (byte)'&' or (byte)'=' or (byte)'+' or (byte)'$' or (byte)',';

    internal static byte Fold(byte b) => (uint)(b - 'A') <= 'Z' - 'A' ? (byte)(b | 0x20) : b;

    private static int Hex(byte b)
    {
        if ((uint)(b - '0') <= 9) return b - '0';
        int l = b | 0x20;
        if ((uint)(l - 'a') <= 5) return l - 'a' + 10;
        return -1;
    }

    /// <summary>Reads a component one decoded byte at a time.</summary>
    internal ref struct Reader
    {
        private readonly ReadOnlySpan<byte> _s;
        private int _i;

        public Reader(ReadOnlySpan<byte> s)
        {
            _s = s;
            _i = 0;
        }

        public bool Next(out byte value, out bool escaped)
        {
            ReadOnlySpan<byte> s = _s;
            int i = _i;
            if ((uint)i >= (uint)s.Length)
            {
                value = 0;
                escaped = false;
                return false;
            }
            byte b = s[i];
            if (b == Percent && i + 2 < s.Length)
            {
                int h = Hex(s[i + 1]), l = Hex(s[i + 2]);
                if (h >= 0 && l >= 0)
                {
                    value = (byte)(h << 4 | l);
                    escaped = true;
                    _i = i + 3;
                    return true;
                }
            }
            value = b;
            escaped = false;
            _i = i + 1;
            return true;
        }
    }
}
