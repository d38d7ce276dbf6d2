using System;

namespace Sip.Runtime.Addressing;

/// <summary>Reads an already-validated RFC 5954 <c>IPv6address</c> into its 16 bytes, without allocating.</summary>
internal static class Ipv6
{
    private const byte Colon = (byte)':';
    private const byte Dot = (byte)'.';

    /// <summary>Writes the address to <paramref name="address"/> (16 bytes); false when the text is not an IPv6 address.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, Span<byte> address)
    {
        address.Clear();
        Span<ushort> head = stackalloc ushort[8];
        Span<ushort> tail = stackalloc ushort[8];
        int gap = text.IndexOf("::"u8);
        int headCount, tailCount = 0;
        if (gap < 0)
        {
            if (!TryGroups(text, head, out headCount) || headCount != 8) return false;
        }
        else
        {
            if (!TryGroups(text[..gap], head, out headCount)) return false;
            if (!TryGroups(text[(gap + 2)..], tail, out tailCount)) return false;
            if (headCount + tailCount > 7) return false;
        }
        for (int i = 0; i < headCount; i++)
        {
            address[2 * i] = (byte)(head[i] >> 8);
            address[2 * i + 1] = (byte)head[i];
        }
        for (int i = 0; i < tailCount; i++)
        {
            int g = 8 - tailCount + i;
            address[2 * g] = (byte)(tail[i] >> 8);
            address[2 * g + 1] = (byte)tail[i];
        }
        return true;
    }

    /// <summary>Reads <c>h16 *( ":" h16 ) [ ":" IPv4address ]</c> (or nothing) into 16-bit groups.</summary>
    private static bool TryGroups(ReadOnlySpan<byte> text, Span<ushort> groups, out int count)
    {
        count = 0;
        if (text.IsEmpty) return true;
        while (true)
        {
            int colon = text.IndexOf(Colon);
            ReadOnlySpan<byte> part = colon < 0 ? text : text[..colon];
            if (colon < 0 && part.IndexOf(Dot) >= 0)
            {
                // ls32 as an IPv4address: two groups
                if (count + 2 > groups.Length || !TryIPv4(part, out uint v4)) return false;
                groups[count++] = (ushort)(v4 >> 16);
                groups[count++] = (ushort)v4;
                return true;
            }
            if (part.IsEmpty || part.Length > 4 || count >= groups.Length) return false;
            int v = 0;
            foreach (byte b in part)
            {
                int d = (uint)(b - '0') <= 9 ? b - '0' : (uint)((b | 0x20) - 'a') <= 5 ? (b | 0x20) - 'a' + 10 : -1;
                if (d < 0) return false;
                v = v << 4 | d;
            }
            groups[count++] = (ushort)v;
            if (colon < 0) return true;
            text = text[(colon + 1)..];
        }
    }

    private static bool TryIPv4(ReadOnlySpan<byte> text, out uint value)
    {
        value = 0;
        for (int i = 0; i < 4; i++)
        {
            int dot = text.IndexOf(Dot);
            ReadOnlySpan<byte> part = i < 3 ? (dot < 0 ? default : text[..dot]) : text;
            if (i < 3 && dot < 0) return false;
            if (!SipUri.TryParseDecimal(part, 255, out int octet)) return false;
            value = value << 8 | (uint)octet;
            if (i < 3) text = text[(dot + 1)..];
        }
        return true;
    }
}
