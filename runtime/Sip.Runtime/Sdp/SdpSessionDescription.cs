using System;
using System.Text;

namespace Sip.Runtime.Sdp;

/// <summary>
/// A session description (RFC 8866): the typed view of an <c>application/sdp</c> body. Parsing indexes every line
/// once, checks it against its generated field rule (<c>Rules.Sdp_*Field</c>) and the line order of
/// <c>session-description</c>, and keeps only offsets into the caller's buffer: no octet is copied and no string is
/// made unless a caller asks (<see cref="SdpText.ToString"/>).
/// </summary>
/// <remarks>
/// <para>
/// One instance can be reused: <see cref="TryLoad"/> refills the same index arrays, so parsing allocates nothing
/// once they are large enough. The views it hands out (<see cref="SdpOrigin"/>, <see cref="SdpMediaDescription"/>,
/// ...) read the index of this instance; a later <see cref="TryLoad"/> changes what they show.
/// </para>
/// <para>The buffer must not change while the description is in use.</para>
/// </remarks>
public sealed partial class SdpSessionDescription
{
    private ReadOnlyMemory<byte> _source;
    private SdpLineEntry[] _lines = new SdpLineEntry[16];
    private int _lineCount;
    private SdpTimeEntry[] _times = new SdpTimeEntry[2];
    private int _timeCount;
    private SdpMediaEntry[] _media = new SdpMediaEntry[4];
    private int _mediaCount;
    private SdpTolerances _tolerated;
    private bool _loaded;

    // Session-level lines: an index into _lines (-1 when absent) or a run of consecutive lines.
    private int _version;
    private int _origin;
    private int _sessionName;
    private int _information;
    private int _uri;
    private int _emailFirst;
    private int _emailCount;
    private int _phoneFirst;
    private int _phoneCount;
    private int _connection;
    private int _bandwidthFirst;
    private int _bandwidthCount;
    private int _key;
    private int _attributeFirst;
    private int _attributeCount;

    /// <summary>An empty description, to be filled by <see cref="TryLoad"/> (and refilled: it is reusable).</summary>
    public SdpSessionDescription()
    {
    }

    /// <summary>The parsed buffer; every <see cref="SdpText.Range"/> is an offset into it.</summary>
    public ReadOnlyMemory<byte> Source => _source;

    /// <summary>True when a description is loaded (the last <see cref="TryLoad"/> succeeded).</summary>
    public bool IsLoaded => _loaded;

    /// <summary>The departures from the grammar that the parse accepted (see <see cref="SdpTolerances"/>).</summary>
    public SdpTolerances Tolerated => _tolerated;

    /// <summary>Every line, in order (for generic processing and diagnostics).</summary>
    public SdpLineList<SdpLine> Lines => new(Loaded(), 0, _lineCount);

    /// <summary><c>v=</c>: the protocol version digits (<c>0</c> for RFC 8866).</summary>
    public SdpText Version => Field(Loaded()._version, 0);

    /// <summary><c>v=</c> as a number (null when it does not fit in 64 bits).</summary>
    public ulong? VersionValue => Version.ToUInt64();

    /// <summary><c>o=</c>: originator and session identifier.</summary>
    public SdpOrigin Origin => new(Loaded(), _origin);

    /// <summary><c>s=</c>: the session name (empty only when <see cref="SdpTolerances.EmptySessionName"/> was tolerated).</summary>
    public SdpText SessionName => Field(Loaded()._sessionName, 0);

    /// <summary><c>i=</c> at session level, or null.</summary>
    public SdpText? Information => OptionalField(Loaded()._information);

    /// <summary><c>u=</c>, or null.</summary>
    public SdpText? Uri => OptionalField(Loaded()._uri);

    /// <summary>The <c>e=</c> lines.</summary>
    public SdpLineList<SdpEmail> Emails => new(Loaded(), _emailFirst, _emailCount);

    /// <summary>The <c>p=</c> lines.</summary>
    public SdpLineList<SdpPhone> Phones => new(Loaded(), _phoneFirst, _phoneCount);

    /// <summary>The session-level <c>c=</c> line, or null.</summary>
    public SdpConnection? Connection => Loaded()._connection < 0 ? null : new SdpConnection(this, _connection);

    /// <summary>The session-level <c>b=</c> lines.</summary>
    public SdpLineList<SdpBandwidth> Bandwidths => new(Loaded(), _bandwidthFirst, _bandwidthCount);

    /// <summary>The time descriptions (<c>t=</c> with its <c>r=</c> and <c>z=</c> lines); there is at least one.</summary>
    public SdpTimeDescriptionList TimeDescriptions => new(Loaded(), _timeCount);

    /// <summary>
    /// The session-level <c>k=</c> line, or null. RFC 8866 §5.12: obsolete, "MUST discard it if it is received";
    /// it is kept here so that a description serializes back as it came, and is for nothing else.
    /// </summary>
    public SdpKey? Key => Loaded()._key < 0 ? null : new SdpKey(this, _key);

    /// <summary>The session-level <c>a=</c> lines.</summary>
    public SdpAttributeList Attributes => new(Loaded(), _attributeFirst, _attributeCount);

    /// <summary>The media descriptions (<c>m=</c> and the lines up to the next <c>m=</c>).</summary>
    public SdpMediaDescriptionList MediaDescriptions => new(Loaded(), _mediaCount);

    /// <summary>The text of the description as serialized by <see cref="WriteTo"/> (allocates).</summary>
    public override string ToString()
    {
        if (!_loaded) return "";
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        WriteTo(buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    internal ref readonly SdpLineEntry Line(int index) => ref _lines[index];

    internal ref readonly SdpTimeEntry TimeEntry(int index) => ref _times[index];

    internal ref readonly SdpMediaEntry MediaEntry(int index) => ref _media[index];

    internal SdpText Text(SdpSegment segment) => new(_source, segment.Start, segment.Length);

    internal SdpText Field(int line, int field) => Text(_lines[line].Fields[field]);

    internal SdpText? OptionalField(int line) => line < 0 ? null : Field(line, 0);

    private SdpSessionDescription Loaded()
    {
        if (!_loaded) throw new InvalidOperationException("No session description is loaded: TryLoad did not succeed.");
        return this;
    }
}
