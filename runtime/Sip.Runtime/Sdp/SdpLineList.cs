using System;

namespace Sip.Runtime.Sdp;

/// <summary>A typed view of one line of a <see cref="SdpSessionDescription"/>, made by <see cref="SdpLineList{T}"/>.</summary>
/// <typeparam name="TSelf">The view type.</typeparam>
public interface ISdpLineView<TSelf> where TSelf : struct, ISdpLineView<TSelf>
{
    /// <summary>The view of line <paramref name="line"/> (an index into the description's line index).</summary>
    static abstract TSelf Create(SdpSessionDescription description, int line);
}

/// <summary>
/// Consecutive lines of one type (e.g. the <c>a=</c> lines of a media description), each seen through
/// <typeparamref name="T"/>. A struct over the description's index: enumerating it allocates nothing.
/// </summary>
public readonly struct SdpLineList<T> where T : struct, ISdpLineView<T>
{
    private readonly SdpSessionDescription? _description;
    private readonly int _first;

    internal SdpLineList(SdpSessionDescription description, int first, int count)
    {
        _description = description;
        _first = first;
        Count = count;
    }

    /// <summary>Number of lines.</summary>
    public int Count { get; }

    /// <summary>The <paramref name="index"/>-th line.</summary>
    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
            return T.Create(_description!, _first + index);
        }
    }

    /// <summary>An enumerator over the lines.</summary>
    public Enumerator GetEnumerator() => new(_description, _first, Count);

    /// <summary>Enumerates a <see cref="SdpLineList{T}"/> without allocating.</summary>
    public struct Enumerator
    {
        private readonly SdpSessionDescription? _description;
        private readonly int _end;
        private int _line;

        internal Enumerator(SdpSessionDescription? description, int first, int count)
        {
            _description = description;
            _line = first - 1;
            _end = first + count;
        }

        /// <summary>The current line.</summary>
        public readonly T Current => T.Create(_description!, _line);

        /// <summary>Moves to the next line.</summary>
        public bool MoveNext() => ++_line < _end;
    }
}

/// <summary>Any line, untyped: its type letter, number and value.</summary>
public readonly struct SdpLine : ISdpLineView<SdpLine>
{
    private readonly SdpSessionDescription _description;
    private readonly int _line;

    private SdpLine(SdpSessionDescription description, int line)
    {
        _description = description;
        _line = line;
    }

    /// <inheritdoc/>
    static SdpLine ISdpLineView<SdpLine>.Create(SdpSessionDescription description, int line) => new(description, line);

    /// <summary>The type letter.</summary>
    public SdpLineType Type => _description.Line(_line).Type;

    /// <summary>The line number, from 1.</summary>
    public int LineNumber => _description.Line(_line).LineNumber;

    /// <summary>The whole line without its terminator (e.g. <c>a=rtpmap:0 PCMU/8000</c>).</summary>
    public SdpText Text
    {
        get
        {
            ref readonly SdpLineEntry entry = ref _description.Line(_line);
            return _description.Text(new SdpSegment(entry.Start, entry.End));
        }
    }

    /// <summary>What follows <c>&lt;type&gt;=</c>.</summary>
    public SdpText Value
    {
        get
        {
            ref readonly SdpLineEntry entry = ref _description.Line(_line);
            return _description.Text(new SdpSegment(entry.Start + 2, entry.End));
        }
    }

    /// <summary>The line as text (allocates).</summary>
    public override string ToString() => Text.ToString();
}

/// <summary>
/// Space-separated items of a field (the <c>fmt</c> list of <c>m=</c>), enumerated without allocating.
/// </summary>
public readonly struct SdpFieldList
{
    private readonly SdpText _text;

    internal SdpFieldList(SdpText text) => _text = text;

    /// <summary>The whole field (e.g. <c>0 8 97</c>).</summary>
    public SdpText Text => _text;

    /// <summary>Number of items.</summary>
    public int Count
    {
        get
        {
            int count = 0;
            foreach (SdpText _ in this) count++;
            return count;
        }
    }

    /// <summary>The <paramref name="index"/>-th item (a walk from the start).</summary>
    public SdpText this[int index]
    {
        get
        {
            int i = 0;
            foreach (SdpText item in this)
            {
                if (i++ == index) return item;
            }
            throw new ArgumentOutOfRangeException(nameof(index));
        }
    }

    /// <summary>True when one item is exactly <paramref name="item"/>.</summary>
    public bool Contains(ReadOnlySpan<byte> item)
    {
        foreach (SdpText candidate in this)
        {
            if (candidate.Equals(item)) return true;
        }
        return false;
    }

    /// <summary>An enumerator over the items.</summary>
    public Enumerator GetEnumerator() => new(_text);

    /// <summary>Enumerates the items of a <see cref="SdpFieldList"/>.</summary>
    public struct Enumerator
    {
        private readonly SdpText _text;
        private int _next;
        private SdpText _current;

        internal Enumerator(SdpText text)
        {
            _text = text;
            _next = text.IsEmpty ? -1 : 0;
            _current = default;
        }

        /// <summary>The current item.</summary>
        public readonly SdpText Current => _current;

        /// <summary>Moves to the next item.</summary>
        public bool MoveNext()
        {
            if (_next < 0) return false;
            ReadOnlySpan<byte> rest = _text.Span.Slice(_next);
            int sp = rest.IndexOf(Octets.SP);
            int length = sp < 0 ? rest.Length : sp;
            _current = _text.Slice(_next, length);
            _next = sp < 0 ? -1 : _next + sp + 1;
            return true;
        }
    }
}
