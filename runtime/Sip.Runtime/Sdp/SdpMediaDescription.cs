using System;

namespace Sip.Runtime.Sdp;

/// <summary>The media descriptions of a session (<c>*media-description</c>), enumerated without allocating.</summary>
public readonly struct SdpMediaDescriptionList
{
    private readonly SdpSessionDescription? _description;

    internal SdpMediaDescriptionList(SdpSessionDescription description, int count)
    {
        _description = description;
        Count = count;
    }

    /// <summary>Number of media descriptions.</summary>
    public int Count { get; }

    /// <summary>The <paramref name="index"/>-th media description.</summary>
    public SdpMediaDescription this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
            return new SdpMediaDescription(_description!, index);
        }
    }

    /// <summary>An enumerator over the media descriptions.</summary>
    public Enumerator GetEnumerator() => new(_description, Count);

    /// <summary>Enumerates a <see cref="SdpMediaDescriptionList"/>.</summary>
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

        /// <summary>The current media description.</summary>
        public readonly SdpMediaDescription Current => new(_description!, _index);

        /// <summary>Moves to the next media description.</summary>
        public bool MoveNext() => ++_index < _count;
    }
}

/// <summary>
/// <c>media-description = media-field [information-field] *connection-field *bandwidth-field [key-field]
/// *attribute-field</c>, where <c>m=&lt;media&gt; &lt;port&gt;[/&lt;number of ports&gt;] &lt;proto&gt; &lt;fmt&gt; ...</c>
/// (RFC 8866 §5.14) comes from the generated <c>media-field</c> record.
/// </summary>
public readonly struct SdpMediaDescription
{
    private readonly SdpSessionDescription _description;
    private readonly int _index;

    internal SdpMediaDescription(SdpSessionDescription description, int index)
    {
        _description = description;
        _index = index;
    }

    private int MediaLine => _description.MediaEntry(_index).Line;

    /// <summary>Position of this media description in the session (from 0), as offer/answer pairs them (RFC 3264 §6).</summary>
    public int Index => _index;

    /// <summary><c>media</c> (e.g. <c>audio</c>, <c>video</c>, <c>text</c>, <c>application</c>, <c>message</c>, <c>image</c>).</summary>
    public SdpText Media => _description.Field(MediaLine, 0);

    /// <summary><c>port</c> digits.</summary>
    public SdpText Port => _description.Field(MediaLine, 1);

    /// <summary><c>port</c> as a number (0 rejects or disables the stream, RFC 3264 §6), or null when it does not fit in 32 bits.</summary>
    public int? PortValue => Octets.ParseInt32(Port.Span);

    /// <summary>The number-of-ports digits (<c>port/integer</c>); empty when absent.</summary>
    public SdpText PortCountText => _description.Field(MediaLine, 2);

    /// <summary>The number of ports, or null when absent.</summary>
    public int? PortCount => Octets.ParseInt32(PortCountText.Span);

    /// <summary><c>proto</c> (e.g. <c>RTP/AVP</c>, <c>RTP/SAVP</c>, <c>udp</c>).</summary>
    public SdpText Proto => _description.Field(MediaLine, 3);

    /// <summary>The <c>fmt</c> list (RTP payload types for RTP/AVP).</summary>
    public SdpFieldList Formats => new(_description.Field(MediaLine, 4));

    /// <summary>The media-level <c>i=</c> line, or null.</summary>
    public SdpText? Information => _description.OptionalField(_description.MediaEntry(_index).Information);

    /// <summary>The media-level <c>c=</c> lines (empty when the session-level one applies).</summary>
    public SdpLineList<SdpConnection> Connections
    {
        get
        {
            ref readonly SdpMediaEntry entry = ref _description.MediaEntry(_index);
            return new SdpLineList<SdpConnection>(_description, entry.ConnectionFirst, entry.ConnectionCount);
        }
    }

    /// <summary>The connection that applies: the first media-level <c>c=</c>, else the session-level one, else null.</summary>
    public SdpConnection? EffectiveConnection
    {
        get
        {
            SdpLineList<SdpConnection> connections = Connections;
            return connections.Count > 0 ? connections[0] : _description.Connection;
        }
    }

    /// <summary>The media-level <c>b=</c> lines.</summary>
    public SdpLineList<SdpBandwidth> Bandwidths
    {
        get
        {
            ref readonly SdpMediaEntry entry = ref _description.MediaEntry(_index);
            return new SdpLineList<SdpBandwidth>(_description, entry.BandwidthFirst, entry.BandwidthCount);
        }
    }

    /// <summary>The media-level <c>k=</c> line, or null (obsolete, see <see cref="SdpSessionDescription.Key"/>).</summary>
    public SdpKey? Key
    {
        get
        {
            int key = _description.MediaEntry(_index).Key;
            return key < 0 ? null : new SdpKey(_description, key);
        }
    }

    /// <summary>The media-level <c>a=</c> lines.</summary>
    public SdpAttributeList Attributes
    {
        get
        {
            ref readonly SdpMediaEntry entry = ref _description.MediaEntry(_index);
            return new SdpAttributeList(_description, entry.AttributeFirst, entry.AttributeCount);
        }
    }

    /// <summary>
    /// The direction that applies: a media-level direction attribute, else a session-level one, else
    /// <see cref="SdpDirection.SendRecv"/> (RFC 3264 §5.1, RFC 8866 §6.7: sendrecv is assumed when none is present).
    /// </summary>
    public SdpDirection EffectiveDirection
    {
        get
        {
            SdpDirection direction = Attributes.Direction;
            if (direction == SdpDirection.Unspecified) direction = _description.Attributes.Direction;
            return direction == SdpDirection.Unspecified ? SdpDirection.SendRecv : direction;
        }
    }

    /// <summary>The <c>a=rtpmap:</c> of payload type <paramref name="format"/> in this media description.</summary>
    public bool TryGetRtpMap(ReadOnlySpan<byte> format, out SdpRtpMap rtpMap) => Attributes.TryGetRtpMap(format, out rtpMap);

    /// <summary>The <c>a=fmtp:</c> of format <paramref name="format"/> in this media description.</summary>
    public bool TryGetFmtp(ReadOnlySpan<byte> format, out SdpFmtp fmtp) => Attributes.TryGetFmtp(format, out fmtp);

    /// <summary>The line number of the <c>m=</c> line, from 1.</summary>
    public int LineNumber => _description.Line(MediaLine).LineNumber;

    /// <inheritdoc/>
    public override string ToString()
    {
        ref readonly SdpLineEntry entry = ref _description.Line(MediaLine);
        return _description.Text(new SdpSegment(entry.Start, entry.End)).ToString();
    }
}
