using System;
using System.Text;

namespace Sip.Runtime.Sdp;

/// <summary>
/// A field of a parsed session description: a range of octets in the caller's buffer, never a copy.
/// <see cref="Span"/> gives the octets; <see cref="ToString"/> decodes them (UTF-8, RFC 8866 §5) and is the
/// only member that allocates. Two values are equal when their octets are (wherever they lie).
/// </summary>
public readonly struct SdpText : IEquatable<SdpText>
{
    private readonly ReadOnlyMemory<byte> _source;
    private readonly int _offset;
    private readonly int _length;

    internal SdpText(ReadOnlyMemory<byte> source, int offset, int length)
    {
        _source = source;
        _offset = offset;
        _length = length;
    }

    /// <summary>A value over the whole of <paramref name="octets"/> (e.g. for comparisons or a builder).</summary>
    public SdpText(ReadOnlyMemory<byte> octets) : this(octets, 0, octets.Length)
    {
    }

    /// <summary>The octets.</summary>
    public ReadOnlySpan<byte> Span => _source.Span.Slice(_offset, _length);

    /// <summary>The octets, as memory over the caller's buffer.</summary>
    public ReadOnlyMemory<byte> Memory => _source.Slice(_offset, _length);

    /// <summary>Where the octets lie in the parsed buffer (<see cref="SdpSessionDescription.Source"/>).</summary>
    public Range Range => new(_offset, _offset + _length);

    /// <summary>Number of octets.</summary>
    public int Length => _length;

    /// <summary>True when the value has no octet (e.g. the empty <c>s=</c> line tolerated by default).</summary>
    public bool IsEmpty => _length == 0;

    /// <summary>Part of this value: <paramref name="length"/> octets from <paramref name="start"/>.</summary>
    internal SdpText Slice(int start, int length) => new(_source, _offset + start, length);

    /// <summary>The octets as a number, or null when they are not all digits or do not fit in 64 bits.</summary>
    public ulong? ToUInt64() => Octets.ParseUInt64(Span);

    /// <summary>True when the octets are exactly <paramref name="octets"/> (case-sensitive, as SDP is).</summary>
    public bool Equals(ReadOnlySpan<byte> octets) => Span.SequenceEqual(octets);

    /// <summary>True when the octets equal <paramref name="octets"/> ignoring ASCII case.</summary>
    public bool EqualsIgnoreCase(ReadOnlySpan<byte> octets) => Ascii.EqualsIgnoreCase(Span, octets);

    /// <inheritdoc/>
    public bool Equals(SdpText other) => Span.SequenceEqual(other.Span);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SdpText other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Span);
        return hash.ToHashCode();
    }

    /// <summary>True when both values hold the same octets.</summary>
    public static bool operator ==(SdpText left, SdpText right) => left.Equals(right);

    /// <summary>True when the values hold different octets.</summary>
    public static bool operator !=(SdpText left, SdpText right) => !left.Equals(right);

    /// <summary>The octets.</summary>
    public static implicit operator ReadOnlySpan<byte>(SdpText text) => text.Span;

    /// <summary>The octets decoded as UTF-8 (allocates: call it at the API edge only).</summary>
    public override string ToString() => Encoding.UTF8.GetString(Span);
}
