using System;
using System.Buffers;
using System.Text;
using Sip.Runtime.Message;

namespace Sip.Runtime.Headers;

/// <summary>One parameter of a header value: <c>name [ EQUAL value ]</c> (RFC 3261 §25.1 <c>generic-param</c>).</summary>
public readonly ref struct SipParameter
{
    internal SipParameter(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, bool hasValue)
    {
        Name = name;
        Value = value;
        HasValue = hasValue;
    }

    /// <summary>The parameter's name as written (compare case-insensitively: §7.3.1).</summary>
    public ReadOnlySpan<byte> Name { get; }

    /// <summary>The value as written: a token, a host, or a quoted-string with its quotes (see <see cref="IsQuoted"/>).</summary>
    public ReadOnlySpan<byte> Value { get; }

    /// <summary>False for a bare name (<c>;lr</c>, <c>;rport</c>).</summary>
    public bool HasValue { get; }

    /// <summary>True when the value is a quoted-string.</summary>
    public bool IsQuoted => Value.Length >= 2 && Value[0] == Octets.DQuote;

    /// <summary>
    /// The value without its quotes (quoted-pairs are left escaped: unescaping would need a copy). For a token value,
    /// the value itself.
    /// </summary>
    public ReadOnlySpan<byte> UnquotedValue => IsQuoted ? Value[1..^1] : Value;
}

/// <summary>
/// The parameters of a header value: <c>*( SEMI generic-param )</c>, or the comma-separated <c>auth-param</c>s of a
/// credentials or challenge. A view of ranges into the message; enumerating it allocates nothing.
/// </summary>
public readonly struct SipParameters
{
    private readonly ReadOnlyMemory<byte> _source;
    private readonly SipRange _range;
    private readonly byte _separator;

    internal SipParameters(ReadOnlyMemory<byte> source, SipRange range, byte separator)
    {
        _source = source;
        _range = range;
        _separator = separator;
    }

    /// <summary>Where the parameters are in the source, from the first separator (empty when there are none).</summary>
    public SipRange Range => _range;

    /// <summary>The parameters as written.</summary>
    public ReadOnlySpan<byte> Raw => _source.Span.Slice(_range.Offset, _range.Length);

    /// <summary>True when there is no parameter.</summary>
    public bool IsEmpty => _range.IsEmpty;

    /// <summary>Number of parameters.</summary>
    public int Count
    {
        get
        {
            int n = 0;
            foreach (SipParameter _ in this) n++;
            return n;
        }
    }

    /// <summary>Enumerates the parameters in order.</summary>
    public Enumerator GetEnumerator() => new(_source.Span, _range, _separator);

    /// <summary>The first parameter named <paramref name="name"/> (case-insensitive).</summary>
    public bool TryGet(ReadOnlySpan<byte> name, out SipParameter parameter)
    {
        foreach (SipParameter p in this)
        {
            if (Ascii.EqualsIgnoreCase(p.Name, name))
            {
                parameter = p;
                return true;
            }
        }
        parameter = default;
        return false;
    }

    /// <summary>The value of the first parameter named <paramref name="name"/>; empty when absent or valueless.</summary>
    public ReadOnlySpan<byte> ValueOf(ReadOnlySpan<byte> name) => TryGet(name, out SipParameter p) ? p.Value : default;

    /// <summary>True when a parameter named <paramref name="name"/> is present (with or without a value).</summary>
    public bool Contains(ReadOnlySpan<byte> name) => TryGet(name, out _);

    /// <summary>
    /// Writes the parameters in canonical form: <c>;name=value</c> each with no white space (or, for comma-separated
    /// auth-params, <c>name=value, name=value</c> after a space).
    /// </summary>
    public void WriteTo(IBufferWriter<byte> output)
    {
        bool first = true;
        foreach (SipParameter p in this)
        {
            if (_separator == Octets.Comma)
            {
                OctetWriter.Write(output, first ? " "u8 : ", "u8);
            }
            else
            {
                OctetWriter.Write(output, _separator);
            }
            OctetWriter.Write(output, p.Name);
            if (p.HasValue)
            {
                OctetWriter.Write(output, Octets.Equal);
                OctetWriter.WriteUnfolded(output, p.Value);
            }
            first = false;
        }
    }

    /// <summary>The parameters' names and values, in order, for tests and logs (allocates).</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (SipParameter p in this)
        {
            text.Append(';').Append(Encoding.UTF8.GetString(p.Name));
            if (p.HasValue) text.Append('=').Append(Encoding.UTF8.GetString(p.Value));
        }
        return text.ToString();
    }

    /// <summary>Enumerator over <see cref="SipParameters"/>.</summary>
    public ref struct Enumerator
    {
        private readonly ReadOnlySpan<byte> _source;
        private readonly SipRange _range;
        private readonly byte _separator;
        private int _pos;
        private SipParameter _current;

        internal Enumerator(ReadOnlySpan<byte> source, SipRange range, byte separator)
        {
            _source = source;
            _range = range;
            _separator = separator;
            _pos = range.Offset;
            _current = default;
        }

        /// <summary>The current element.</summary>
        public readonly SipParameter Current => _current;

        /// <summary>Advances to the next element.</summary>
        public bool MoveNext()
        {
            var reader = new HeaderReader(_source, SipRange.FromBounds(_pos, _range.End));
            // The range was checked when the value was parsed; a parameter without a name ends the walk all the same.
            reader.TrySkip(_separator);
            reader.SkipLws();
            SipRange name = reader.Token();
            if (name.IsEmpty)
            {
                _pos = _range.End;
                return false;
            }
            SipRange value = default;
            bool hasValue = reader.TrySkip(Octets.Equal) && reader.TryParameterValue(out value);
            reader.SkipLws();
            _pos = reader.Position;
            _current = new SipParameter(_source.Slice(name.Offset, name.Length),
                hasValue ? _source.Slice(value.Offset, value.Length) : default, hasValue);
            return true;
        }
    }
}
