using System.Buffers;
using System.Text;
using Sip.Generated.Grammar;
using Sip.Runtime.Sdp;

namespace Sip.Runtime.Tests;

/// <summary>Every line type, the line order, the errors and the tolerances of the SDP parser.</summary>
public class SdpParserTests
{
    // RFC 8866 §5's example, with every session-level line type.
    private const string Rfc8866Example =
        "v=0\r\n" +
        "o=jdoe 3724394400 3724394405 IN IP4 198.51.100.1\r\n" +
        "s=Call to John Smith\r\n" +
        "i=SDP Offer #1\r\n" +
        "u=http://www.jdoe.example.com/home.html\r\n" +
        "e=Jane Doe <jane@jdoe.example.com>\r\n" +
        "e=j.doe@example.com (Jane Doe)\r\n" +
        "p=+1 617 555-6011\r\n" +
        "c=IN IP4 198.51.100.1\r\n" +
        "b=CT:128\r\n" +
        "t=3724394400 3754123200\r\n" +
        "r=604800 3600 0 90000\r\n" +
        "r=7d 1h 0 25h\r\n" +
        "z=3730928400 -1h 3749680800 0\r\n" +
        "t=0 0\r\n" +
        "k=prompt\r\n" +
        "a=recvonly\r\n" +
        "a=tool:sip generated\r\n" +
        "m=audio 49170 RTP/AVP 0\r\n" +
        "m=audio 49180 RTP/AVP 0\r\n" +
        "i=second audio\r\n" +
        "b=AS:64\r\n" +
        "k=clear:secret\r\n" +
        "a=sendonly\r\n" +
        "m=video 51372/2 RTP/AVP 99 100\r\n" +
        "c=IN IP6 2001:db8::2\r\n" +
        "c=IN IP4 233.252.0.1/127/3\r\n" +
        "a=rtpmap:99 h263-1998/90000\r\n" +
        "a=rtpmap:100 opus/48000/2\r\n" +
        "a=fmtp:99 profile=0;level=10\r\n";

    private static SdpSessionDescription Parse(string text, SdpParserOptions? options = null) =>
        SdpSessionDescription.Parse(Encoding.UTF8.GetBytes(text), options ?? SdpParserOptions.Strict);

    private static SdpParseResult TryParse(string text, SdpParserOptions? options = null) =>
        SdpSessionDescription.TryParse(Encoding.UTF8.GetBytes(text), options ?? SdpParserOptions.Strict, out _);

    [Fact]
    public void EveryLineTypeIsTyped()
    {
        Assert.True(Rules.Sdp_SessionDescription.IsMatch(Encoding.UTF8.GetBytes(Rfc8866Example)));
        SdpSessionDescription sdp = Parse(Rfc8866Example);

        Assert.Equal(SdpTolerances.None, sdp.Tolerated);
        Assert.Equal(30, sdp.Lines.Count);
        Assert.Equal("0", sdp.Version.ToString());
        Assert.Equal("jdoe", sdp.Origin.Username.ToString());
        Assert.Equal(3724394400UL, sdp.Origin.SessionIdValue);
        Assert.Equal(3724394405UL, sdp.Origin.SessionVersionValue);
        Assert.Equal(2, sdp.Origin.LineNumber);
        Assert.Equal("Call to John Smith", sdp.SessionName.ToString());
        Assert.Equal("SDP Offer #1", sdp.Information!.Value.ToString());
        Assert.Equal("http://www.jdoe.example.com/home.html", sdp.Uri!.Value.ToString());

        Assert.Equal(2, sdp.Emails.Count);
        Assert.Equal("jane@jdoe.example.com", sdp.Emails[0].Address.ToString());
        Assert.Equal("Jane Doe", sdp.Emails[0].Name.ToString());
        Assert.Equal("j.doe@example.com", sdp.Emails[1].Address.ToString());
        Assert.Equal("Jane Doe", sdp.Emails[1].Name.ToString());
        Assert.Equal("+1 617 555-6011", sdp.Phones[0].Number.ToString());
        Assert.True(sdp.Phones[0].Name.IsEmpty);

        Assert.Equal("198.51.100.1", sdp.Connection!.Value.Address.ToString());
        Assert.Equal("CT", sdp.Bandwidths[0].Type.ToString());
        Assert.Equal(128UL, sdp.Bandwidths[0].Value);

        Assert.Equal(2, sdp.TimeDescriptions.Count);
        SdpTimeDescription t = sdp.TimeDescriptions[0];
        Assert.Equal(3724394400UL, t.StartValue);
        Assert.Equal(3754123200UL, t.StopValue);
        Assert.Equal(2, t.Repeats.Count);
        SdpRepeat weekly = t.Repeats[1];
        Assert.Equal(604800L, weekly.Interval.Seconds);
        Assert.Equal((byte)'d', weekly.Interval.Unit);
        Assert.Equal(3600L, weekly.ActiveDuration.Seconds);
        Assert.Equal(2, weekly.Offsets.Count);
        Assert.Equal(0L, weekly.Offsets[0].Seconds);
        Assert.Equal(90000L, weekly.Offsets[1].Seconds);
        Assert.Equal(t.Repeats[0].Offsets[1].Seconds, weekly.Offsets[1].Seconds);
        SdpZone zone = t.Zone!.Value;
        Assert.Equal(2, zone.Count);
        Assert.Equal(3730928400UL, zone[0].TimeValue);
        Assert.True(zone[0].Offset.IsNegative);
        Assert.Equal(-3600L, zone[0].Offset.Seconds);
        Assert.Equal(0L, zone[1].Offset.Seconds);
        Assert.Null(sdp.TimeDescriptions[1].Zone);
        Assert.Equal(0, sdp.TimeDescriptions[1].Repeats.Count);
        Assert.Equal(0UL, sdp.TimeDescriptions[1].StartValue);

        Assert.Equal("prompt", sdp.Key!.Value.Method.ToString());
        Assert.True(sdp.Key!.Value.EncryptionKey.IsEmpty);
        Assert.Equal(2, sdp.Attributes.Count);
        Assert.Equal(SdpDirection.RecvOnly, sdp.Attributes.Direction);
        Assert.True(sdp.Attributes.TryGet("tool"u8, out SdpAttribute tool));
        Assert.Equal("sip generated", tool.Value.ToString());
        Assert.False(sdp.Attributes[0].HasValue);

        Assert.Equal(3, sdp.MediaDescriptions.Count);
        SdpMediaDescription first = sdp.MediaDescriptions[0];
        Assert.Equal(SdpDirection.RecvOnly, first.EffectiveDirection);
        Assert.Equal("198.51.100.1", first.EffectiveConnection!.Value.Address.ToString());
        Assert.Null(first.Information);
        SdpMediaDescription second = sdp.MediaDescriptions[1];
        Assert.Equal("second audio", second.Information!.Value.ToString());
        Assert.Equal(64UL, second.Bandwidths[0].Value);
        Assert.Equal("clear", second.Key!.Value.Method.ToString());
        Assert.Equal("secret", second.Key!.Value.EncryptionKey.ToString());
        Assert.Equal(SdpDirection.SendOnly, second.EffectiveDirection);
        SdpMediaDescription video = sdp.MediaDescriptions[2];
        Assert.Equal(51372, video.PortValue);
        Assert.Equal(2, video.PortCount);
        Assert.Equal(2, video.Formats.Count);
        Assert.Equal("100", video.Formats[1].ToString());
        Assert.Equal(2, video.Connections.Count);
        Assert.Equal(SdpAddressKind.IPv6, video.Connections[0].AddressKind);
        SdpConnection multicast = video.Connections[1];
        Assert.Equal("233.252.0.1", multicast.Address.ToString());
        Assert.Equal(127, multicast.Ttl);
        Assert.Equal(3, multicast.NumberOfAddresses);
        Assert.True(multicast.IsMulticastForm);
        Assert.True(video.TryGetRtpMap("100"u8, out SdpRtpMap opus));
        Assert.Equal("opus", opus.EncodingName.ToString());
        Assert.Equal(48000UL, opus.ClockRateValue);
        Assert.Equal("2", opus.EncodingParameters.ToString());
        Assert.True(video.TryGetFmtp("99"u8, out SdpFmtp fmtp));
        Assert.Equal("profile=0;level=10", fmtp.Parameters.ToString());
        Assert.False(video.TryGetFmtp("100"u8, out _));
        Assert.Equal(25, video.LineNumber);

        SdpCorpusTests.AssertRoundTrip(Encoding.UTF8.GetBytes(Rfc8866Example));
    }

    [Fact]
    public void FieldsAreRangesIntoTheCallersBuffer()
    {
        byte[] input = Encoding.UTF8.GetBytes(Rfc8866Example);
        SdpSessionDescription sdp = SdpSessionDescription.Parse(input);

        SdpText username = sdp.Origin.Username;
        Assert.Equal("jdoe", Encoding.UTF8.GetString(input.AsSpan()[username.Range]));
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(username.Memory, out ArraySegment<byte> segment));
        Assert.Same(input, segment.Array);
        Assert.Equal(7, segment.Offset);
    }

    [Theory]
    [InlineData("c=IN IP4 224.2.1.1/127", "224.2.1.1", 127, null)]
    [InlineData("c=IN IP4 233.252.0.1/127/3", "233.252.0.1", 127, 3)]
    [InlineData("c=IN IP6 ff00::db8:0:101/3", "ff00::db8:0:101", null, 3)]
    [InlineData("c=IN IP6 ff00::db8:0:101", "ff00::db8:0:101", null, null)]
    [InlineData("c=IN IP4 host.example.com", "host.example.com", null, null)]
    [InlineData("c=ATM NSAP 47.0091.8100.0000.0060.3e64.fd01.0060.3e64.fd01.00", "47.0091.8100.0000.0060.3e64.fd01.0060.3e64.fd01.00", null, null)]
    public void ConnectionAddressIsSplitIntoBaseTtlAndCount(string line, string address, int? ttl, int? count)
    {
        SdpSessionDescription sdp = Parse($"v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\n{line}\r\nt=0 0\r\n");

        SdpConnection c = sdp.Connection!.Value;
        Assert.Equal(address, c.Address.ToString());
        Assert.Equal(ttl, c.Ttl);
        Assert.Equal(count, c.NumberOfAddresses);
        Assert.Equal(line[2..], $"{c.NetType} {c.AddrType} {c.ConnectionAddress}");
    }

    [Theory]
    [InlineData("192.0.2.1", SdpAddressKind.IPv4)]
    [InlineData("2001:db8::1", SdpAddressKind.IPv6)]
    [InlineData("::ffff:192.0.2.1", SdpAddressKind.IPv6)]
    [InlineData("host.example.com", SdpAddressKind.Fqdn)]
    [InlineData("a:b", SdpAddressKind.Extension)]
    public void AddressesAreClassifiedByTheGeneratedRules(string address, SdpAddressKind kind)
    {
        Assert.Equal(kind, SdpAddress.Classify(Encoding.ASCII.GetBytes(address)));
        Assert.Equal(kind is SdpAddressKind.IPv4 or SdpAddressKind.IPv6, SdpAddress.ToIPAddress(Encoding.ASCII.GetBytes(address)) is not null);
    }

    [Theory]
    [InlineData("e=j.doe@example.com", "j.doe@example.com", "")]
    [InlineData("e=j.doe@example.com  (Jane  Doe)", "j.doe@example.com", "Jane  Doe")]
    [InlineData("e=Jane Doe <j.doe@example.com>", "j.doe@example.com", "Jane Doe")]
    [InlineData("p=+1 617 555-6011 (Jane Doe)", "+1 617 555-6011", "Jane Doe")]
    [InlineData("p=Jane Doe <+1 617 555-6011>", "+1 617 555-6011", "Jane Doe")]
    public void ContactsAreSplitIntoAddressAndName(string line, string address, string name)
    {
        SdpSessionDescription sdp = Parse($"v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\n{line}\r\nt=0 0\r\n");

        (SdpText a, SdpText n) = line[0] == 'e'
            ? (sdp.Emails[0].Address, sdp.Emails[0].Name)
            : (sdp.Phones[0].Number, sdp.Phones[0].Name);
        Assert.Equal(address, a.ToString());
        Assert.Equal(name, n.ToString());
    }

    [Fact]
    public void FoldedEmailAddressIsOneLine()
    {
        // RFC 5322 folding white space (CRLF WSP) may appear inside an addr-spec's CFWS: it does not end the e= line.
        const string text = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\ne=j.doe@example.com\r\n (Jane)\r\nt=0 0\r\n";
        Assert.True(Rules.Sdp_SessionDescription.IsMatch(Encoding.ASCII.GetBytes(text)));

        SdpSessionDescription sdp = Parse(text);

        Assert.Equal(1, sdp.Emails.Count);
        Assert.Equal(6, sdp.TimeDescriptions[0].LineNumber);
        SdpCorpusTests.AssertRoundTrip(Encoding.ASCII.GetBytes(text));
        // Anywhere else, a line that starts with SP is not an SDP line.
        SdpParseResult result = TryParse("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\ni=x\r\n y\r\nt=0 0\r\n");
        Assert.Equal(new SdpError(SdpErrorKind.InvalidLine, 4, SdpLineType.Information, SdpLineType.None, "information-field"), result.Error);
    }

    [Theory]
    [InlineData("k=prompt", "prompt", "")]
    [InlineData("k=clear:key text", "clear", "key text")]
    [InlineData("k=base64:AAECAw==", "base64", "AAECAw==")]
    [InlineData("k=uri:https://example.com/key", "uri", "https://example.com/key")]
    public void KeyFieldIsSplitIntoMethodAndKey(string line, string method, string key)
    {
        SdpSessionDescription sdp = Parse($"v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\n{line}\r\n");

        Assert.Equal(method, sdp.Key!.Value.Method.ToString());
        Assert.Equal(key, sdp.Key!.Value.EncryptionKey.ToString());
    }

    [Theory]
    [InlineData("0 PCMU/8000", true, "0", "PCMU", "8000", "")]
    [InlineData("97 iLBC/8000", true, "97", "iLBC", "8000", "")]
    [InlineData("100 opus/48000/2", true, "100", "opus", "48000", "2")]
    [InlineData("31 LPC", false, "", "", "", "")]
    [InlineData("01 PCMU/8000", false, "", "", "", "")]
    [InlineData("0 PCMU/0", false, "", "", "", "")]
    [InlineData("0 PCMU/8000/", false, "", "", "", "")]
    public void RtpMapValueIsRead(string value, bool ok, string pt, string name, string rate, string parameters)
    {
        SdpSessionDescription sdp = Parse($"v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\nm=audio 1 RTP/AVP 0\r\na=rtpmap:{value}\r\n");

        Assert.Equal(ok, sdp.MediaDescriptions[0].Attributes[0].TryGetRtpMap(out SdpRtpMap map));
        if (!ok) return;
        Assert.Equal(pt, map.PayloadType.ToString());
        Assert.Equal(name, map.EncodingName.ToString());
        Assert.Equal(rate, map.ClockRate.ToString());
        Assert.Equal(parameters, map.EncodingParameters.ToString());
    }

    [Theory]
    [InlineData("", SdpDirection.SendRecv)]
    [InlineData("a=inactive\r\n", SdpDirection.Inactive)]
    [InlineData("a=sendrecv\r\n", SdpDirection.SendRecv)]
    [InlineData("a=sendonly:x\r\n", SdpDirection.SendRecv)]
    public void MediaDirectionDefaultsToSendRecv(string mediaAttribute, SdpDirection expected)
    {
        SdpSessionDescription sdp = Parse($"v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\nm=audio 1 RTP/AVP 0\r\n{mediaAttribute}");

        Assert.Equal(expected, sdp.MediaDescriptions[0].EffectiveDirection);
    }

    [Fact]
    public void HugeNumbersStayTextWhenTheyDoNotFit()
    {
        SdpSessionDescription sdp = Parse("v=0\r\no=- 123456789012345678901234567890 1 IN IP4 192.0.2.1\r\ns=-\r\nt=99999999999999999999 0\r\n");

        Assert.Null(sdp.Origin.SessionIdValue);
        Assert.Equal("123456789012345678901234567890", sdp.Origin.SessionId.ToString());
        Assert.Null(sdp.TimeDescriptions[0].StartValue);
        Assert.Equal(0UL, sdp.TimeDescriptions[0].StopValue);
    }

    public static TheoryData<string, SdpError> Errors() => new()
    {
        { "", new SdpError(SdpErrorKind.Empty, 1, SdpLineType.None, SdpLineType.Version) },
        { "v=0", new SdpError(SdpErrorKind.MissingLineEnding, 1, SdpLineType.Version) },
        { "v=0\r\n", new SdpError(SdpErrorKind.MissingLine, 2, SdpLineType.None, SdpLineType.Origin) },
        { "s=-\r\n", new SdpError(SdpErrorKind.MissingLine, 1, SdpLineType.SessionName, SdpLineType.Version) },
        { "v=0\r\ns=-\r\n", new SdpError(SdpErrorKind.MissingLine, 2, SdpLineType.SessionName, SdpLineType.Origin) },
        { "v=0\r\no=- 1 1 IN IP4 h\r\nt=0 0\r\n", new SdpError(SdpErrorKind.MissingLine, 3, SdpLineType.Time, SdpLineType.SessionName) },
        { "v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\n", new SdpError(SdpErrorKind.MissingLine, 4, SdpLineType.None, SdpLineType.Time) },
        { "v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nm=audio 1 RTP/AVP 0\r\n", new SdpError(SdpErrorKind.MissingLine, 4, SdpLineType.Media, SdpLineType.Time) },
        { "v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\na=x\r\nt=0 0\r\n", new SdpError(SdpErrorKind.MissingLine, 4, SdpLineType.Attribute, SdpLineType.Time) },
        { "v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nr=1 1 1\r\n", new SdpError(SdpErrorKind.MissingLine, 4, SdpLineType.Repeat, SdpLineType.Time) },
        { "v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nt=0 0\r\ni=late\r\n", new SdpError(SdpErrorKind.UnexpectedLine, 5, SdpLineType.Information) },
        { "v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nc=IN IP4 h\r\nc=IN IP4 h\r\nt=0 0\r\n", new SdpError(SdpErrorKind.UnexpectedLine, 5, SdpLineType.Connection) },
        { "v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nu=a\r\ni=b\r\nt=0 0\r\n", new SdpError(SdpErrorKind.UnexpectedLine, 5, SdpLineType.Information) },
        { "v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nt=0 0\r\na=x\r\nt=0 0\r\n", new SdpError(SdpErrorKind.UnexpectedLine, 6, SdpLineType.Time) },
        { "v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nt=0 0\r\nm=audio 1 RTP/AVP 0\r\nt=0 0\r\n", new SdpError(SdpErrorKind.UnexpectedLine, 6, SdpLineType.Time) },
        { "v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nt=0 0\r\nm=audio 1 RTP/AVP 0\r\na=x\r\nc=IN IP4 h\r\n", new SdpError(SdpErrorKind.UnexpectedLine, 7, SdpLineType.Connection) },
        { "v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nt=0 0\r\nm=audio 1 RTP/AVP 0\r\ni=a\r\ni=b\r\n", new SdpError(SdpErrorKind.UnexpectedLine, 7, SdpLineType.Information) },
        { "v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nt=0 0\r\nr=1 1 1\r\nz=3730928400 0\r\nr=1 1 1\r\n", new SdpError(SdpErrorKind.UnexpectedLine, 7, SdpLineType.Repeat) },
        { "v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nt=0 0\r\nx=1\r\n", new SdpError(SdpErrorKind.UnknownLineType, 5, (SdpLineType)'x') },
        { "v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nt=0 0\r\n\r\n", new SdpError(SdpErrorKind.MalformedLine, 5, SdpLineType.None) },
        { "v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nt=0 0\r\na =x\r\n", new SdpError(SdpErrorKind.MalformedLine, 5, SdpLineType.Attribute) },
        { "v=0\r\no=- 1 1 IN IP4 h\r\nc c=IN IP4 h\r\nt=0 0\r\n", new SdpError(SdpErrorKind.MalformedLine, 3, SdpLineType.Connection, SdpLineType.SessionName) },
        { "v=x\r\n", new SdpError(SdpErrorKind.InvalidLine, 1, SdpLineType.Version, SdpLineType.None, "version-field") },
        { "v=0\r\no=- 1 1 IN IP4\r\n", new SdpError(SdpErrorKind.InvalidLine, 2, SdpLineType.Origin, SdpLineType.None, "origin-field") },
        { "v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nt=1 0\r\n", new SdpError(SdpErrorKind.InvalidLine, 4, SdpLineType.Time, SdpLineType.None, "time-field") },
        { "v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nt=0 0\r\na=x:\r\n", new SdpError(SdpErrorKind.InvalidLine, 5, SdpLineType.Attribute, SdpLineType.None, "attribute-field") },
        { "v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nt=0 0\r\nm=audio 1 RTP/AVP\r\n", new SdpError(SdpErrorKind.InvalidLine, 5, SdpLineType.Media, SdpLineType.None, "media-field") },
        { "v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nb=AS:x\r\nt=0 0\r\n", new SdpError(SdpErrorKind.InvalidLine, 4, SdpLineType.Bandwidth, SdpLineType.None, "bandwidth-field") },
        { "v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nk=other\r\nt=0 0\r\n", new SdpError(SdpErrorKind.MissingLine, 4, SdpLineType.Key, SdpLineType.Time) },
        { "v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nt=0 0\r\nk=other\r\n", new SdpError(SdpErrorKind.InvalidLine, 5, SdpLineType.Key, SdpLineType.None, "key-field") },
        { "v=0\r\no=- 1 1 IN IP4 h\r\ns=a\0b\r\n", new SdpError(SdpErrorKind.InvalidLine, 3, SdpLineType.SessionName, SdpLineType.None, "session-name-field") },
        { "v=0\r\no=- 1 1 IN IP4 h\r\ns=a\rb\r\n", new SdpError(SdpErrorKind.InvalidLine, 3, SdpLineType.SessionName, SdpLineType.None, "session-name-field") },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void InvalidDescriptionIsAnErrorNamingTheLine(string text, SdpError expected)
    {
        byte[] input = Encoding.UTF8.GetBytes(text);

        SdpParseResult lenient = SdpSessionDescription.TryParse(input, out SdpSessionDescription? sdp);
        SdpParseResult strict = SdpSessionDescription.TryParse(input, SdpParserOptions.Strict, out _);

        Assert.Null(sdp);
        Assert.Equal(OperationStatus.InvalidData, lenient.Status);
        Assert.Equal(expected, lenient.Error);
        Assert.Equal(expected, strict.Error);
        Assert.Equal(400, lenient.Error.StatusCode);
        Assert.Contains($"line {expected.LineNumber}", lenient.Error.ToString());
        Assert.False(Rules.Sdp_SessionDescription.IsMatch(input));
    }

    [Fact]
    public void ZoneWithoutRepeatIsToleratedByDefaultAndFlaggedInStrictMode()
    {
        const string text = "v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nt=3724394400 3754123200\r\nz=3730928400 -1h\r\n";
        Assert.False(Rules.Sdp_SessionDescription.IsMatch(Encoding.ASCII.GetBytes(text)));

        SdpParseResult lenient = TryParse(text, SdpParserOptions.Default);
        SdpParseResult strict = TryParse(text, SdpParserOptions.Strict);

        Assert.True(lenient.IsDone);
        Assert.Equal(SdpTolerances.ZoneWithoutRepeat, lenient.Tolerated);
        Assert.Equal(new SdpError(SdpErrorKind.ZoneWithoutRepeat, 5, SdpLineType.Zone), strict.Error);
        Assert.Equal(-3600L, Parse(text, SdpParserOptions.Default).TimeDescriptions[0].Zone!.Value[0].Offset.Seconds);
    }

    [Fact]
    public void EachToleranceCanBeTurnedOffAlone()
    {
        byte[] input = Encoding.ASCII.GetBytes("v=0\r\no=- 1 1 IN IP4 h\r\ns=\r\nt=0 0\r\n");
        var noEmptyName = new SdpParserOptions { Tolerate = SdpTolerances.All & ~SdpTolerances.EmptySessionName };
        var noBareLf = new SdpParserOptions { Tolerate = SdpTolerances.All & ~SdpTolerances.BareLineFeed };
        Assert.False(noEmptyName.IsStrict);
        Assert.True(SdpParserOptions.Strict.IsStrict);

        Assert.Equal(SdpErrorKind.EmptySessionName, SdpSessionDescription.TryParse(input, noEmptyName, out _).Error.Kind);
        Assert.True(SdpSessionDescription.TryParse(input, noBareLf, out _).IsDone);

        byte[] lf = Encoding.ASCII.GetBytes("v=0\no=- 1 1 IN IP4 h\ns=-\nt=0 0\n");
        Assert.True(SdpSessionDescription.TryParse(lf, noEmptyName, out _).IsDone);
        Assert.Equal(SdpErrorKind.BareLineFeed, SdpSessionDescription.TryParse(lf, noBareLf, out _).Error.Kind);
    }

    [Fact]
    public void MixedLineEndingsAreToleratedLineByLine()
    {
        byte[] input = Encoding.ASCII.GetBytes("v=0\no=- 1 1 IN IP4 h\r\ns=x\nt=0 0\r\na=rtpmap:0 PCMU/8000\n");

        SdpSessionDescription sdp = SdpSessionDescription.Parse(input);

        Assert.Equal(SdpTolerances.BareLineFeed, sdp.Tolerated);
        Assert.Equal("0 PCMU/8000", sdp.Attributes[0].Value.ToString());
        Assert.Equal("v=0\r\no=- 1 1 IN IP4 h\r\ns=x\r\nt=0 0\r\na=rtpmap:0 PCMU/8000\r\n", sdp.ToString());
    }

    [Fact]
    public void ReusedInstanceReflectsTheLastParse()
    {
        var sdp = new SdpSessionDescription();
        Assert.False(sdp.IsLoaded);
        Assert.Throws<InvalidOperationException>(() => sdp.Origin);

        Assert.True(sdp.TryLoad(Encoding.UTF8.GetBytes(Rfc8866Example)).IsDone);
        Assert.Equal(3, sdp.MediaDescriptions.Count);
        Assert.True(sdp.TryLoad(SdpTestData.ReadSdp("rfc4317_s2.1_offer.sdp")).IsDone);
        Assert.Equal("alice", sdp.Origin.Username.ToString());
        Assert.Equal(2, sdp.MediaDescriptions.Count);
        Assert.Equal(0, sdp.Emails.Count);

        SdpParseResult failed = sdp.TryLoad(Encoding.UTF8.GetBytes("v=0\r\n"));
        Assert.False(failed.IsDone);
        Assert.False(sdp.IsLoaded);
    }

    private const string MutationChars = "vosiuepcbtrzkam =:/ 0\0-\n";

    /// <summary>
    /// Strict mode is the grammar: for thousands of line-level and byte-level mutations of the corpus, the parser
    /// accepts exactly when the generated <c>session-description</c> matcher does.
    /// </summary>
    [Fact]
    public void StrictParseAgreesWithTheGeneratedSessionDescriptionMatcher()
    {
        var random = new Random(8866);
        string[][] corpus = SdpTestData.SdpFileNames()
            .Select(name => SdpTestData.WithSessionName(SdpTestData.ReadSdp(name)))
            .Append(Encoding.UTF8.GetBytes(Rfc8866Example))
            .Select(bytes => Encoding.Latin1.GetString(bytes).Split("\r\n")[..^1])
            .ToArray();
        string[] extra =
        [
            "v=0", "o=- 1 1 IN IP4 h", "s=-", "s=", "i=x", "u=http://a/", "e=a@b", "p=+1 2", "c=IN IP4 224.2.1.1/127",
            "b=AS:1", "t=0 0", "t=3724394400 3724394500", "r=7d 1h 0", "z=3730928400 -1h", "k=prompt", "a=x", "a=x:y",
            "m=audio 0 RTP/AVP 0", "m=video 1/2 RTP/AVP 31", "x=1", "", " a=b", "a=", "c c=IN IP4 h",
        ];
        var parser = new SdpSessionDescription();
        int accepted = 0;
        for (int i = 0; i < 6000; i++)
        {
            var lines = corpus[random.Next(corpus.Length)].ToList();
            for (int m = random.Next(1, 4); m > 0; m--)
            {
                int at = random.Next(lines.Count + 1);
                switch (random.Next(5))
                {
                    case 0 when lines.Count > 0: lines.RemoveAt(Math.Min(at, lines.Count - 1)); break;
                    case 1 when lines.Count > 0: lines.Insert(at, lines[random.Next(lines.Count)]); break;
                    case 2 when lines.Count > 1:
                        int a = random.Next(lines.Count - 1);
                        (lines[a], lines[a + 1]) = (lines[a + 1], lines[a]);
                        break;
                    case 3: lines.Insert(at, extra[random.Next(extra.Length)]); break;
                    default:
                        if (lines.Count == 0) break;
                        int l = random.Next(lines.Count);
                        char[] chars = lines[l].ToCharArray();
                        if (chars.Length > 0) chars[random.Next(chars.Length)] = MutationChars[random.Next(MutationChars.Length)];
                        lines[l] = new string(chars);
                        break;
                }
            }
            byte[] input = Encoding.Latin1.GetBytes(string.Concat(lines.Select(line => line + "\r\n")));
            bool grammar = Rules.Sdp_SessionDescription.IsMatch(input);
            SdpParseResult result = parser.TryLoad(input, SdpParserOptions.Strict);
            Assert.True(grammar == result.IsDone, $"grammar {grammar}, parser {result}:\n{Encoding.Latin1.GetString(input)}");
            if (result.IsDone)
            {
                accepted++;
                Assert.Equal(input, SdpTestData.Serialize(parser));
            }
        }
        // Both verdicts are well represented.
        Assert.InRange(accepted, 600, 5400);
    }
}
