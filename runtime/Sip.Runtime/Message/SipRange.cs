using System;

namespace Sip.Runtime.Message;

/// <summary>
/// A run of octets inside a <see cref="SipMessage"/>'s <see cref="SipMessage.Source"/>: an offset and a length.
/// Parsed values are ranges, never copies; <see cref="SipMessage.Span(SipRange)"/> turns one into bytes.
/// </summary>
/// <remarks>
/// An own type rather than <see cref="Range"/>: offsets are always from the start of the message (no "from end"
/// indices), and the length is at hand without a subtraction. It converts implicitly to <see cref="Range"/>, so
/// <c>span[range]</c> works.
/// </remarks>
public readonly struct SipRange : IEquatable<SipRange>
{
    /// <summary>A range of <paramref name="length"/> octets starting at <paramref name="offset"/>.</summary>
    public SipRange(int offset, int length)
    {
        Offset = offset;
        Length = length;
    }

    /// <summary>Offset of the first octet, from the start of the message.</summary>
    public int Offset { get; }

    /// <summary>Number of octets.</summary>
    public int Length { get; }

    /// <summary>Offset just past the last octet.</summary>
    public int End => Offset + Length;

    /// <summary>True when the range holds no octet.</summary>
    public bool IsEmpty => Length == 0;

    /// <summary>The range from <paramref name="start"/> (inclusive) to <paramref name="end"/> (exclusive).</summary>
    public static SipRange FromBounds(int start, int end) => new(start, end - start);

    /// <summary>The same octets as a <see cref="Range"/>.</summary>
    public static implicit operator Range(SipRange range) => new(range.Offset, range.End);

    /// <inheritdoc/>
    public bool Equals(SipRange other) => Offset == other.Offset && Length == other.Length;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SipRange other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Offset, Length);

    /// <summary>True when both ranges cover the same octets.</summary>
    public static bool operator ==(SipRange left, SipRange right) => left.Equals(right);

    /// <summary>True when the ranges differ.</summary>
    public static bool operator !=(SipRange left, SipRange right) => !left.Equals(right);

    /// <summary><c>[offset..end)</c>.</summary>
    public override string ToString() => $"[{Offset}..{End})";
}
