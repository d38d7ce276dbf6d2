using System;
using Sip.Generated.Grammar;
using Sip.Runtime.Message;

namespace Sip.Runtime.Headers;

/// <summary>
/// The values of one header kind in a <see cref="SipMessage"/>, each parsed on access as <typeparamref name="T"/>:
/// every element of a list header across all its fields (RFC 3261 §7.3.1), or each field's value. Nothing is parsed
/// until a value is read, nothing is copied, nothing is cached; <c>foreach</c> allocates nothing.
/// </summary>
public readonly struct HeaderValues<T> where T : struct, ISipHeaderValue<T>
{
    private readonly SipMessage _message;
    private readonly HeaderKind _kind;

    /// <summary>The values of <paramref name="kind"/> in <paramref name="message"/>.</summary>
    public HeaderValues(SipMessage message, HeaderKind kind)
    {
        ArgumentNullException.ThrowIfNull(message);
        _message = message;
        _kind = kind;
    }

    /// <summary>The header this view reads.</summary>
    public HeaderKind Kind => _kind;

    /// <summary>True when the message has at least one field of this header.</summary>
    public bool IsPresent => _message.Count(_kind) > 0;

    /// <summary>Number of values (list elements across fields, or fields).</summary>
    public int Count
    {
        get
        {
            int n = 0;
            foreach (SipRange _ in _message.Values(_kind)) n++;
            return n;
        }
    }

    /// <summary>The first value, parsed; false when the header is absent or its first value does not parse.</summary>
    public bool TryGetFirst(out T value)
    {
        // Fast path: the index knows the first field; its first element is what the walk would yield first, unless
        // that element is empty (",x": then the walk skips it).
        if (_message.TryGetFirst(_kind, out HeaderField field))
        {
            ReadOnlySpan<byte> source = _message.Source.Span;
            int end = SipHeaders.IsList(_kind) ? SipMessage.ValueEnumerator.NextComma(source, field.Value.Offset, field.Value.End, _kind) : field.Value.End;
            SipRange first = Octets.TrimLws(source, field.Value.Offset, end);
            if (!first.IsEmpty || !SipHeaders.IsList(_kind)) return T.TryParse(_message.Source, first, out value);
        }
        foreach (SipRange range in _message.Values(_kind)) return T.TryParse(_message.Source, range, out value);
        value = default;
        return false;
    }

    /// <summary>The first value (default, with <c>IsValid</c> false, when absent).</summary>
    public T First
    {
        get
        {
            TryGetFirst(out T value);
            return value;
        }
    }

    /// <summary>True when every value parses as <typeparamref name="T"/>.</summary>
    public bool AllValid
    {
        get
        {
            foreach (T value in this)
            {
                if (!value.IsValid) return false;
            }
            return true;
        }
    }

    /// <summary>Enumerates the values; one that does not parse is yielded with <c>IsValid</c> false and its range.</summary>
    public Enumerator GetEnumerator() => new(_message.Source, _message.Values(_kind));

    /// <summary>Enumerator over <see cref="HeaderValues{T}"/>.</summary>
    public ref struct Enumerator
    {
        private readonly ReadOnlyMemory<byte> _source;
        private SipMessage.ValueEnumerator _values;
        private T _current;

        internal Enumerator(ReadOnlyMemory<byte> source, SipMessage.ValueEnumerator values)
        {
            _source = source;
            _values = values;
            _current = default;
        }

        /// <summary>The current element.</summary>
        public readonly T Current => _current;

        /// <summary>Advances to the next element.</summary>
        public bool MoveNext()
        {
            if (!_values.MoveNext()) return false;
            T.TryParse(_source, _values.Current, out _current);
            return true;
        }
    }
}
