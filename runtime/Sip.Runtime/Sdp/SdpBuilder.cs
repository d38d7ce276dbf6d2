using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;

namespace Sip.Runtime.Sdp;

/// <summary>
/// Builds a session description from values (for offers and answers). Lines may be added in any order: they are
/// written in RFC 8866 §5 order. After <see cref="Media(string, int, string, string[])"/>, the lines a media
/// description can hold (<c>i=</c>, <c>c=</c>, <c>b=</c>, <c>k=</c>, <c>a=</c>) go to that media description;
/// <c>r=</c> and <c>z=</c> go to the last time description.
/// </summary>
/// <remarks>
/// Defaults when a line is not given: <c>v=0</c>, <c>s=-</c> (§5.3's advice for a session with no name) and
/// <c>t=0 0</c>. There is no default <c>o=</c>. The builder does not check values; <see cref="TryBuild"/> parses
/// what it writes (strictly by default) and names the line of any bad value.
/// </remarks>
public sealed class SdpBuilder
{
    private byte[]? _version;
    private byte[]? _origin;
    private byte[]? _sessionName;
    private byte[]? _information;
    private byte[]? _uri;
    private byte[]? _connection;
    private byte[]? _key;
    private readonly List<byte[]> _emails = [];
    private readonly List<byte[]> _phones = [];
    private readonly List<byte[]> _bandwidths = [];
    private readonly List<byte[]> _attributes = [];
    private readonly List<TimePart> _times = [];
    private readonly List<MediaPart> _media = [];

    /// <summary>A builder that copies every line of <paramref name="description"/> (to edit it, e.g. for an answer).</summary>
    public static SdpBuilder From(SdpSessionDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        var builder = new SdpBuilder();
        foreach (SdpLine line in description.Lines)
        {
            builder.Line(line.Type, line.Value.Span);
        }
        return builder;
    }

    /// <summary><c>v=</c> (default 0).</summary>
    public SdpBuilder Version(ulong version = 0) => Line(SdpLineType.Version, Format(w => SdpWriter.Number(w, version)));

    /// <summary><c>o=&lt;username&gt; &lt;sess-id&gt; &lt;sess-version&gt; &lt;nettype&gt; &lt;addrtype&gt; &lt;unicast-address&gt;</c>.</summary>
    public SdpBuilder Origin(string username, ulong sessionId, ulong sessionVersion, string netType, string addrType, string address) =>
        Line(SdpLineType.Origin, Format(w =>
        {
            SdpWriter.Octets(w, Utf8(username));
            SdpWriter.Octet(w, Octets.SP);
            SdpWriter.Number(w, sessionId);
            SdpWriter.Octet(w, Octets.SP);
            SdpWriter.Number(w, sessionVersion);
            SdpWriter.Field(w, Octets.SP, Utf8(netType));
            SdpWriter.Field(w, Octets.SP, Utf8(addrType));
            SdpWriter.Field(w, Octets.SP, Utf8(address));
        }));

    /// <summary><c>s=</c> (default <c>-</c>).</summary>
    public SdpBuilder SessionName(string name) => Line(SdpLineType.SessionName, Utf8(name));

    /// <summary><c>i=</c>, at session level or (after <see cref="Media(string, int, string, string[])"/>) media level.</summary>
    public SdpBuilder Information(string information) => Line(SdpLineType.Information, Utf8(information));

    /// <summary><c>u=</c>.</summary>
    public SdpBuilder Uri(string uri) => Line(SdpLineType.Uri, Utf8(uri));

    /// <summary>An <c>e=</c> line (e.g. <c>j.doe@example.com (Jane Doe)</c>).</summary>
    public SdpBuilder Email(string emailAddress) => Line(SdpLineType.Email, Utf8(emailAddress));

    /// <summary>A <c>p=</c> line (e.g. <c>+1 617 555-6011</c>).</summary>
    public SdpBuilder Phone(string phoneNumber) => Line(SdpLineType.Phone, Utf8(phoneNumber));

    /// <summary>A <c>c=</c> line; <paramref name="ttl"/> and <paramref name="numberOfAddresses"/> make the multicast forms of §5.7.</summary>
    public SdpBuilder Connection(string netType, string addrType, string address, int? ttl = null, int? numberOfAddresses = null) =>
        Line(SdpLineType.Connection, Format(w =>
        {
            SdpWriter.Octets(w, Utf8(netType));
            SdpWriter.Field(w, Octets.SP, Utf8(addrType));
            SdpWriter.Field(w, Octets.SP, Utf8(address));
            if (ttl is { } t)
            {
                SdpWriter.Octet(w, Octets.Slash);
                SdpWriter.Number(w, NonNegative(t, nameof(ttl)));
            }
            if (numberOfAddresses is { } n)
            {
                SdpWriter.Octet(w, Octets.Slash);
                SdpWriter.Number(w, NonNegative(n, nameof(numberOfAddresses)));
            }
        }));

    /// <summary>A <c>b=&lt;bwtype&gt;:&lt;bandwidth&gt;</c> line.</summary>
    public SdpBuilder Bandwidth(string type, ulong bandwidth) =>
        Line(SdpLineType.Bandwidth, Format(w =>
        {
            SdpWriter.Octets(w, Utf8(type));
            SdpWriter.Octet(w, Octets.Colon);
            SdpWriter.Number(w, bandwidth);
        }));

    /// <summary>Starts a time description: <c>t=&lt;start-time&gt; &lt;stop-time&gt;</c> (seconds since 1900, 0 = unbounded).</summary>
    public SdpBuilder Time(ulong start, ulong stop) =>
        Line(SdpLineType.Time, Format(w =>
        {
            SdpWriter.Number(w, start);
            SdpWriter.Octet(w, Octets.SP);
            SdpWriter.Number(w, stop);
        }));

    /// <summary>An <c>r=</c> line for the last time description; values are <c>typed-time</c> text (e.g. <c>7d</c>, <c>3600</c>).</summary>
    public SdpBuilder Repeat(string interval, string activeDuration, params string[] offsets)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        return Line(SdpLineType.Repeat, Format(w =>
        {
            SdpWriter.Octets(w, Utf8(interval));
            SdpWriter.Field(w, Octets.SP, Utf8(activeDuration));
            foreach (string offset in offsets) SdpWriter.Field(w, Octets.SP, Utf8(offset));
        }));
    }

    /// <summary>The <c>z=</c> line of the last time description; an offset is <c>["-"] typed-time</c> text (e.g. <c>-1h</c>).</summary>
    public SdpBuilder Zone(params (ulong Time, string Offset)[] adjustments)
    {
        ArgumentNullException.ThrowIfNull(adjustments);
        return Line(SdpLineType.Zone, Format(w =>
        {
            for (int i = 0; i < adjustments.Length; i++)
            {
                if (i > 0) SdpWriter.Octet(w, Octets.SP);
                SdpWriter.Number(w, adjustments[i].Time);
                SdpWriter.Field(w, Octets.SP, Utf8(adjustments[i].Offset));
            }
        }));
    }

    /// <summary>A <c>k=</c> line (obsolete: RFC 8866 §5.12 says not to send one; here for completeness).</summary>
    public SdpBuilder Key(string keyType) => Line(SdpLineType.Key, Utf8(keyType));

    /// <summary>A property attribute <c>a=&lt;name&gt;</c>.</summary>
    public SdpBuilder Attribute(string name) => Line(SdpLineType.Attribute, Utf8(name));

    /// <summary>A value attribute <c>a=&lt;name&gt;:&lt;value&gt;</c>.</summary>
    public SdpBuilder Attribute(string name, string value) => Line(SdpLineType.Attribute, Utf8($"{name}:{value}"));

    /// <summary>A direction attribute (<c>a=sendrecv</c>, <c>a=sendonly</c>, <c>a=recvonly</c>, <c>a=inactive</c>).</summary>
    public SdpBuilder Direction(SdpDirection direction) => Attribute(direction switch
    {
        SdpDirection.SendRecv => "sendrecv",
        SdpDirection.SendOnly => "sendonly",
        SdpDirection.RecvOnly => "recvonly",
        SdpDirection.Inactive => "inactive",
        _ => throw new ArgumentOutOfRangeException(nameof(direction)),
    });

    /// <summary><c>a=rtpmap:&lt;payload type&gt; &lt;encoding name&gt;/&lt;clock rate&gt;[/&lt;channels&gt;]</c>.</summary>
    public SdpBuilder RtpMap(int payloadType, string encodingName, int clockRate, int? channels = null) =>
        Attribute("rtpmap", channels is { } c ? $"{payloadType} {encodingName}/{clockRate}/{c}" : $"{payloadType} {encodingName}/{clockRate}");

    /// <summary><c>a=fmtp:&lt;format&gt; &lt;parameters&gt;</c>.</summary>
    public SdpBuilder Fmtp(string format, string parameters) => Attribute("fmtp", $"{format} {parameters}");

    /// <summary>Starts a media description: <c>m=&lt;media&gt; &lt;port&gt; &lt;proto&gt; &lt;fmt&gt; ...</c>.</summary>
    public SdpBuilder Media(string media, int port, string proto, params string[] formats) => Media(media, port, null, proto, formats);

    /// <summary>Starts a media description with a port count: <c>m=&lt;media&gt; &lt;port&gt;/&lt;number of ports&gt; &lt;proto&gt; &lt;fmt&gt; ...</c>.</summary>
    public SdpBuilder Media(string media, int port, int? portCount, string proto, params string[] formats)
    {
        ArgumentNullException.ThrowIfNull(formats);
        return Line(SdpLineType.Media, Format(w =>
        {
            SdpWriter.Octets(w, Utf8(media));
            SdpWriter.Octet(w, Octets.SP);
            SdpWriter.Number(w, NonNegative(port, nameof(port)));
            if (portCount is { } n)
            {
                SdpWriter.Octet(w, Octets.Slash);
                SdpWriter.Number(w, NonNegative(n, nameof(portCount)));
            }
            SdpWriter.Field(w, Octets.SP, Utf8(proto));
            foreach (string format in formats) SdpWriter.Field(w, Octets.SP, Utf8(format));
        }));
    }

    /// <summary>
    /// Adds a line of any type with its value as octets (what follows <c>&lt;type&gt;=</c>), placed like the typed
    /// methods place it: a single session-level line (<c>v= o= s= u=</c>, and <c>i= c= k=</c> before any media) replaces
    /// the previous one.
    /// </summary>
    public SdpBuilder Line(SdpLineType type, ReadOnlySpan<byte> value)
    {
        byte[] bytes = value.ToArray();
        MediaPart? media = _media.Count > 0 ? _media[^1] : null;
        switch (type)
        {
            case SdpLineType.Version: _version = bytes; break;
            case SdpLineType.Origin: _origin = bytes; break;
            case SdpLineType.SessionName: _sessionName = bytes; break;
            case SdpLineType.Uri: _uri = bytes; break;
            case SdpLineType.Email: _emails.Add(bytes); break;
            case SdpLineType.Phone: _phones.Add(bytes); break;
            case SdpLineType.Information when media is not null: media.Information = bytes; break;
            case SdpLineType.Information: _information = bytes; break;
            case SdpLineType.Connection when media is not null: media.Connections.Add(bytes); break;
            case SdpLineType.Connection: _connection = bytes; break;
            case SdpLineType.Bandwidth when media is not null: media.Bandwidths.Add(bytes); break;
            case SdpLineType.Bandwidth: _bandwidths.Add(bytes); break;
            case SdpLineType.Key when media is not null: media.Key = bytes; break;
            case SdpLineType.Key: _key = bytes; break;
            case SdpLineType.Attribute when media is not null: media.Attributes.Add(bytes); break;
            case SdpLineType.Attribute: _attributes.Add(bytes); break;
            case SdpLineType.Time: _times.Add(new TimePart(bytes)); break;
            case SdpLineType.Repeat: LastTime().Repeats.Add(bytes); break;
            case SdpLineType.Zone: LastTime().Zone = bytes; break;
            case SdpLineType.Media: _media.Add(new MediaPart(bytes)); break;
            default: throw new ArgumentOutOfRangeException(nameof(type), type, "Not an SDP line type.");
        }
        return this;
    }

    /// <summary>Writes the description in RFC 8866 §5 order, each line ended by CRLF.</summary>
    public void WriteTo(IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        SdpWriter.Line(writer, SdpLineType.Version, _version ?? "0"u8);
        if (_origin is not null) SdpWriter.Line(writer, SdpLineType.Origin, _origin);
        SdpWriter.Line(writer, SdpLineType.SessionName, _sessionName ?? "-"u8);
        Optional(writer, SdpLineType.Information, _information);
        Optional(writer, SdpLineType.Uri, _uri);
        All(writer, SdpLineType.Email, _emails);
        All(writer, SdpLineType.Phone, _phones);
        Optional(writer, SdpLineType.Connection, _connection);
        All(writer, SdpLineType.Bandwidth, _bandwidths);
        if (_times.Count == 0) SdpWriter.Line(writer, SdpLineType.Time, "0 0"u8);
        foreach (TimePart time in _times)
        {
            SdpWriter.Line(writer, SdpLineType.Time, time.Line);
            All(writer, SdpLineType.Repeat, time.Repeats);
            Optional(writer, SdpLineType.Zone, time.Zone);
        }
        Optional(writer, SdpLineType.Key, _key);
        All(writer, SdpLineType.Attribute, _attributes);
        foreach (MediaPart media in _media)
        {
            SdpWriter.Line(writer, SdpLineType.Media, media.Line);
            Optional(writer, SdpLineType.Information, media.Information);
            All(writer, SdpLineType.Connection, media.Connections);
            All(writer, SdpLineType.Bandwidth, media.Bandwidths);
            Optional(writer, SdpLineType.Key, media.Key);
            All(writer, SdpLineType.Attribute, media.Attributes);
        }
    }

    /// <summary>The written description.</summary>
    public byte[] ToArray()
    {
        var buffer = new ArrayBufferWriter<byte>();
        WriteTo(buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The written description as text.</summary>
    public override string ToString() => Encoding.UTF8.GetString(ToArray());

    /// <summary>
    /// Writes the description and parses it (with <paramref name="options"/>, <see cref="SdpParserOptions.Strict"/>
    /// by default), so that a bad value is reported as the line it made.
    /// </summary>
    public SdpParseResult TryBuild(out SdpSessionDescription? description, SdpParserOptions? options = null) =>
        SdpSessionDescription.TryParse(ToArray(), options ?? SdpParserOptions.Strict, out description);

    /// <summary>Like <see cref="TryBuild"/>, throwing <see cref="FormatException"/> (naming the line) when a value is bad.</summary>
    public SdpSessionDescription Build(SdpParserOptions? options = null)
    {
        SdpParseResult result = TryBuild(out SdpSessionDescription? description, options);
        return description ?? throw new FormatException(result.Error.ToString());
    }

    private TimePart LastTime() =>
        _times.Count > 0 ? _times[^1] : throw new InvalidOperationException("r= and z= lines belong to a time description: call Time first.");

    private static void Optional(IBufferWriter<byte> writer, SdpLineType type, byte[]? value)
    {
        if (value is not null) SdpWriter.Line(writer, type, value);
    }

    private static void All(IBufferWriter<byte> writer, SdpLineType type, List<byte[]> values)
    {
        foreach (byte[] value in values) SdpWriter.Line(writer, type, value);
    }

    private static ulong NonNegative(int value, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value, name);
        return (ulong)value;
    }

    private static byte[] Utf8(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Encoding.UTF8.GetBytes(value);
    }

    private static byte[] Format(Action<IBufferWriter<byte>> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(buffer);
        return buffer.WrittenSpan.ToArray();
    }

    private sealed class TimePart(byte[] line)
    {
        public byte[] Line { get; } = line;
        public List<byte[]> Repeats { get; } = [];
        public byte[]? Zone { get; set; }
    }

    private sealed class MediaPart(byte[] line)
    {
        public byte[] Line { get; } = line;
        public byte[]? Information { get; set; }
        public List<byte[]> Connections { get; } = [];
        public List<byte[]> Bandwidths { get; } = [];
        public byte[]? Key { get; set; }
        public List<byte[]> Attributes { get; } = [];
    }
}
