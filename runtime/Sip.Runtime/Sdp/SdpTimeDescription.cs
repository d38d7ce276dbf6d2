using System;

namespace Sip.Runtime.Sdp;

/// <summary>The time descriptions of a session (<c>1*time-description</c>), enumerated without allocating.</summary>
public readonly struct SdpTimeDescriptionList
{
    private readonly SdpSessionDescription? _description;

    internal SdpTimeDescriptionList(SdpSessionDescription description, int count)
    {
        _description = description;
        Count = count;
    }

    /// <summary>Number of time descriptions (at least one in a loaded description).</summary>
    public int Count { get; }

    /// <summary>The <paramref name="index"/>-th time description.</summary>
    public SdpTimeDescription this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
            return new SdpTimeDescription(_description!, index);
        }
    }

    /// <summary>An enumerator over the time descriptions.</summary>
    public Enumerator GetEnumerator() => new(_description, Count);

    /// <summary>Enumerates a <see cref="SdpTimeDescriptionList"/>.</summary>
    public struct Enumerator
    {
        private readonly SdpSessionDescription? _description;
        private readonly int _count;
        private int _index;

        internal Enumerator(SdpSessionDescription? description, int count)
        {
            _description = description;
            _count = count;
            _index = -1;
        }

        /// <summary>The current time description.</summary>
        public readonly SdpTimeDescription Current => new(_description!, _index);

        /// <summary>Moves to the next time description.</summary>
        public bool MoveNext() => ++_index < _count;
    }
}

/// <summary>
/// <c>time-description = time-field [repeat-description]</c>: <c>t=&lt;start-time&gt; &lt;stop-time&gt;</c>
/// (RFC 8866 §5.9), its <c>r=</c> lines (§5.10) and its <c>z=</c> line (§5.11). Times are seconds since
/// 1900-01-01 UTC (NTP); 0 means unbounded / permanent.
/// </summary>
public readonly struct SdpTimeDescription
{
    private readonly SdpSessionDescription _description;
    private readonly int _index;

    internal SdpTimeDescription(SdpSessionDescription description, int index)
    {
        _description = description;
        _index = index;
    }

    private int TimeLine => _description.TimeEntry(_index).Line;

    /// <summary><c>start-time</c> digits.</summary>
    public SdpText Start => _description.Field(TimeLine, 0);

    /// <summary><c>start-time</c> as a number, or null when it does not fit in 64 bits ("an unbounded length field").</summary>
    public ulong? StartValue => Start.ToUInt64();

    /// <summary><c>stop-time</c> digits.</summary>
    public SdpText Stop => _description.Field(TimeLine, 1);

    /// <summary><c>stop-time</c> as a number, or null when it does not fit in 64 bits.</summary>
    public ulong? StopValue => Stop.ToUInt64();

    /// <summary>The <c>r=</c> lines.</summary>
    public SdpLineList<SdpRepeat> Repeats
    {
        get
        {
            ref readonly SdpTimeEntry entry = ref _description.TimeEntry(_index);
            return new SdpLineList<SdpRepeat>(_description, entry.RepeatFirst, entry.RepeatCount);
        }
    }

    /// <summary>The <c>z=</c> line, or null.</summary>
    public SdpZone? Zone
    {
        get
        {
            int zone = _description.TimeEntry(_index).Zone;
            return zone < 0 ? null : new SdpZone(_description.Field(zone, 0));
        }
    }

    /// <summary>The line number of the <c>t=</c> line, from 1.</summary>
    public int LineNumber => _description.Line(TimeLine).LineNumber;

    /// <inheritdoc/>
    public override string ToString() => $"{Start} {Stop}";
}

/// <summary>
/// <c>typed-time = 1*DIGIT [fixed-len-time-unit]</c>, with the optional <c>-</c> of a <c>z=</c> offset:
/// a number of seconds, or of days (<c>d</c>), hours (<c>h</c>), minutes (<c>m</c>) or seconds (<c>s</c>).
/// </summary>
public readonly struct SdpTypedTime
{
    internal SdpTypedTime(SdpText text) => Text = text;

    /// <summary>The text as written (e.g. <c>-1h</c>, <c>7d</c>, <c>3600</c>).</summary>
    public SdpText Text { get; }

    /// <summary>True when the value has a leading <c>-</c> (only <c>z=</c> offsets may).</summary>
    public bool IsNegative => !Text.IsEmpty && Text.Span[0] == Octets.Minus;

    /// <summary>The unit letter (<c>d</c>, <c>h</c>, <c>m</c>, <c>s</c>), or 0 when there is none (seconds).</summary>
    public byte Unit => !Text.IsEmpty && !Octets.IsDigit(Text.Span[^1]) ? Text.Span[^1] : (byte)0;

    /// <summary>The digits, without sign or unit.</summary>
    public SdpText Digits
    {
        get
        {
            int start = IsNegative ? 1 : 0;
            int end = Text.Length - (Unit == 0 ? 0 : 1);
            return Text.Slice(start, end - start);
        }
    }

    /// <summary>The value in seconds (unit and sign applied), or null when it does not fit in 64 bits.</summary>
    public long? Seconds
    {
        get
        {
            ulong? digits = Digits.ToUInt64();
            ulong factor = Unit switch
            {
                (byte)'d' => 86400,
                (byte)'h' => 3600,
                (byte)'m' => 60,
                _ => 1,
            };
            if (digits is not { } n || n > long.MaxValue / factor) return null;
            long seconds = (long)(n * factor);
            return IsNegative ? -seconds : seconds;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Text.ToString();
}

/// <summary>
/// <c>r=&lt;repeat interval&gt; &lt;active duration&gt; &lt;offsets from start-time&gt;</c> (RFC 8866 §5.10),
/// from the generated <c>repeat-field</c> record.
/// </summary>
public readonly struct SdpRepeat : ISdpLineView<SdpRepeat>
{
    private readonly SdpSessionDescription _description;
    private readonly int _line;

    private SdpRepeat(SdpSessionDescription description, int line)
    {
        _description = description;
        _line = line;
    }

    /// <inheritdoc/>
    static SdpRepeat ISdpLineView<SdpRepeat>.Create(SdpSessionDescription description, int line) => new(description, line);

    /// <summary><c>repeat-interval</c>.</summary>
    public SdpTypedTime Interval => new(_description.Field(_line, 0));

    /// <summary>The active duration (<c>typed-time</c>).</summary>
    public SdpTypedTime ActiveDuration => new(_description.Field(_line, 1));

    /// <summary>The offsets from start-time (<c>1*(SP typed-time)</c>).</summary>
    public SdpTypedTimeList Offsets => new(new SdpFieldList(_description.Field(_line, 2)));

    /// <inheritdoc/>
    public override string ToString() => $"{Interval} {ActiveDuration} {Offsets.Text}";
}

/// <summary>Space-separated <see cref="SdpTypedTime"/> values, enumerated without allocating.</summary>
public readonly struct SdpTypedTimeList
{
    private readonly SdpFieldList _items;

    internal SdpTypedTimeList(SdpFieldList items) => _items = items;

    /// <summary>The whole list as written.</summary>
    public SdpText Text => _items.Text;

    /// <summary>Number of values.</summary>
    public int Count => _items.Count;

    /// <summary>The <paramref name="index"/>-th value.</summary>
    public SdpTypedTime this[int index] => new(_items[index]);

    /// <summary>An enumerator over the values.</summary>
    public Enumerator GetEnumerator() => new(_items.GetEnumerator());

    /// <summary>Enumerates a <see cref="SdpTypedTimeList"/>.</summary>
    public struct Enumerator
    {
        private SdpFieldList.Enumerator _inner;

        internal Enumerator(SdpFieldList.Enumerator inner) => _inner = inner;

        /// <summary>The current value.</summary>
        public readonly SdpTypedTime Current => new(_inner.Current);

        /// <summary>Moves to the next value.</summary>
        public bool MoveNext() => _inner.MoveNext();
    }
}

/// <summary>
/// <c>z=&lt;adjustment time&gt; &lt;offset&gt; &lt;adjustment time&gt; &lt;offset&gt; ...</c> (RFC 8866 §5.11):
/// <c>zone-field = %s"z" "=" time SP ["-"] typed-time *(SP time SP ["-"] typed-time) CRLF</c>.
/// </summary>
public readonly struct SdpZone
{
    private readonly SdpFieldList _items;

    internal SdpZone(SdpText text) => _items = new SdpFieldList(text);

    /// <summary>The whole value as written.</summary>
    public SdpText Text => _items.Text;

    /// <summary>Number of adjustments.</summary>
    public int Count => _items.Count / 2;

    /// <summary>The <paramref name="index"/>-th adjustment.</summary>
    public SdpZoneAdjustment this[int index] => new(_items[2 * index], new SdpTypedTime(_items[2 * index + 1]));

    /// <summary>An enumerator over the adjustments.</summary>
    public Enumerator GetEnumerator() => new(_items.GetEnumerator());

    /// <inheritdoc/>
    public override string ToString() => Text.ToString();

    /// <summary>Enumerates the adjustments of a <see cref="SdpZone"/>.</summary>
    public struct Enumerator
    {
        private SdpFieldList.Enumerator _inner;
        private SdpZoneAdjustment _current;

        internal Enumerator(SdpFieldList.Enumerator inner)
        {
            _inner = inner;
            _current = default;
        }

        /// <summary>The current adjustment.</summary>
        public readonly SdpZoneAdjustment Current => _current;

        /// <summary>Moves to the next adjustment.</summary>
        public bool MoveNext()
        {
            if (!_inner.MoveNext()) return false;
            SdpText time = _inner.Current;
            if (!_inner.MoveNext()) return false;
            _current = new SdpZoneAdjustment(time, new SdpTypedTime(_inner.Current));
            return true;
        }
    }
}

/// <summary>One adjustment of a <c>z=</c> line: when it happens and the offset from the base time.</summary>
public readonly struct SdpZoneAdjustment
{
    internal SdpZoneAdjustment(SdpText time, SdpTypedTime offset)
    {
        Time = time;
        Offset = offset;
    }

    /// <summary>The adjustment time (<c>time</c>: seconds since 1900-01-01 UTC).</summary>
    public SdpText Time { get; }

    /// <summary><see cref="Time"/> as a number, or null when it does not fit in 64 bits.</summary>
    public ulong? TimeValue => Time.ToUInt64();

    /// <summary>The offset (<c>["-"] typed-time</c>).</summary>
    public SdpTypedTime Offset { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Time} {Offset}";
}
