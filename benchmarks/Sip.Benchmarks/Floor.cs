using System.Numerics;
using System.Runtime.Intrinsics;

namespace Sip.Benchmarks;

/// <summary>The scan floor every message figure is a ratio to.</summary>
public static class Floor
{
    /// <summary>Throws unless the vectorised count equals a byte-by-byte count (a floor that skips work is no floor).</summary>
    public static void Check(ReadOnlySpan<byte> input)
    {
        int expected = 0;
        foreach (byte b in input) expected += b is (byte)'\n' or (byte)':' ? 1 : 0;
        if (CountLfAndColon(input) != expected) throw new InvalidOperationException("the scan floor miscounts");
    }

    /// <summary>How many bytes of <paramref name="input"/> are LF or ':': 32 (or 16) bytes per vector compare.</summary>
    public static int CountLfAndColon(ReadOnlySpan<byte> input)
    {
        int count = 0;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<byte> lf = Vector256.Create((byte)'\n'), colon = Vector256.Create((byte)':');
            for (; i + Vector256<byte>.Count <= input.Length; i += Vector256<byte>.Count)
            {
                Vector256<byte> v = Vector256.Create(input.Slice(i, Vector256<byte>.Count));
                count += BitOperations.PopCount((Vector256.Equals(v, lf) | Vector256.Equals(v, colon)).ExtractMostSignificantBits());
            }
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            Vector128<byte> lf = Vector128.Create((byte)'\n'), colon = Vector128.Create((byte)':');
            for (; i + Vector128<byte>.Count <= input.Length; i += Vector128<byte>.Count)
            {
                Vector128<byte> v = Vector128.Create(input.Slice(i, Vector128<byte>.Count));
                count += BitOperations.PopCount((Vector128.Equals(v, lf) | Vector128.Equals(v, colon)).ExtractMostSignificantBits());
            }
        }
        for (; i < input.Length; i++)
        {
            if (input[i] is (byte)'\n' or (byte)':') count++;
        }
        return count;
    }
}
