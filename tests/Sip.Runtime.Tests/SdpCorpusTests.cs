using System.Buffers;
using System.Net;
using Sip.Generated.Grammar;
using Sip.Runtime.Sdp;

namespace Sip.Runtime.Tests;

/// <summary>The SDP corpus: RFC 3264 / RFC 4317 examples, RFC 3665 / 3666 call-flow bodies, RFC 4475 and RFC 5118 bodies.</summary>
public class SdpCorpusTests
{
    public static TheoryData<string> SdpFiles() => SdpTestData.SdpFiles();

    public static TheoryData<string> CallFlowFiles() => SdpTestData.CallFlowSdpFiles();

    [Fact]
    public void CorpusHasTheExpectedFiles()
    {
        Assert.Equal(62, SdpFiles().Count);
        // 118 call-flow messages say application/sdp; one (RFC 3666 §2.4 F11, an ACK) has an empty body.
        Assert.Equal(117, CallFlowFiles().Count);
    }

    [Theory]
    [MemberData(nameof(SdpFiles))]
    public void SdpFileParsesByDefaultWithItsEmptySessionNameTolerated(string file)
    {
        byte[] input = SdpTestData.ReadSdp(file);

        SdpParseResult result = SdpSessionDescription.TryParse(input, out SdpSessionDescription? sdp);

        Assert.True(result.IsDone, result.ToString());
        Assert.Equal(OperationStatus.Done, result.Status);
        Assert.Equal(SdpTolerances.EmptySessionName, result.Tolerated);
        Assert.Equal(SdpTolerances.EmptySessionName, sdp!.Tolerated);
        Assert.True(sdp.SessionName.IsEmpty);
        Assert.Equal(0UL, sdp.VersionValue);
        Assert.Equal("IN", sdp.Origin.NetType.ToString());
        Assert.True(sdp.TimeDescriptions.Count >= 1);
    }

    [Theory]
    [MemberData(nameof(SdpFiles))]
    public void SdpFileEmptySessionNameIsFlaggedInStrictMode(string file)
    {
        byte[] input = SdpTestData.ReadSdp(file);

        SdpParseResult result = SdpSessionDescription.TryParse(input, SdpParserOptions.Strict, out SdpSessionDescription? sdp);

        Assert.Null(sdp);
        Assert.Equal(OperationStatus.InvalidData, result.Status);
        Assert.Equal(SdpErrorKind.EmptySessionName, result.Error.Kind);
        Assert.Equal(3, result.Error.LineNumber);
        Assert.Equal(SdpLineType.SessionName, result.Error.LineType);
        Assert.Equal(400, result.Error.StatusCode);
        // The grammar agrees, and the empty s= is the only defect: with "s=-" the file is valid RFC 8866.
        Assert.False(Rules.Sdp_SessionDescription.IsMatch(input));
        byte[] repaired = SdpTestData.WithSessionName(input);
        Assert.True(Rules.Sdp_SessionDescription.IsMatch(repaired));
        Assert.True(SdpSessionDescription.TryParse(repaired, SdpParserOptions.Strict, out _).IsDone);
    }

    [Theory]
    [MemberData(nameof(SdpFiles))]
    public void SdpFileRoundTripsToTheSameOctetsAndTypedView(string file) => AssertRoundTrip(SdpTestData.ReadSdp(file));

    [Theory]
    [MemberData(nameof(SdpFiles))]
    public void SdpFileAgreesWithManifest(string file)
    {
        string[] row = File.ReadAllLines(Path.Combine(SdpTestData.CorpusDirectory("sdp"), "MANIFEST.tsv"))
            .Select(line => line.Split('\t'))
            .Single(columns => columns[0] == file);
        SdpSessionDescription sdp = SdpSessionDescription.Parse(SdpTestData.ReadSdp(file));

        Assert.Equal(row[6], sdp.Origin.Username.ToString());
        foreach (SdpMediaDescription media in sdp.MediaDescriptions)
        {
            // Every RTP payload type with an rtpmap has one that reads as rtpmap-value.
            foreach (SdpAttribute attribute in media.Attributes)
            {
                if (attribute.Is("rtpmap"u8))
                {
                    Assert.True(attribute.TryGetRtpMap(out SdpRtpMap map), attribute.ToString());
                    Assert.True(media.Formats.Contains(map.PayloadType), $"{file}: {attribute} not in {media.Formats.Text}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(CallFlowFiles))]
    public void CallFlowBodyParses(string file)
    {
        byte[] body = SdpTestData.CallFlowBody(file);

        SdpParseResult result = SdpSessionDescription.TryParse(body, out SdpSessionDescription? sdp);

        if (file == "rfc3666_s3.7_F03_INVITE.sip")
        {
            // "c c=IN IP4 ngw1.a.example.com" stands where s= should be: line 3 is both malformed and missing s=.
            Assert.Equal(OperationStatus.InvalidData, result.Status);
            Assert.Equal(SdpErrorKind.MalformedLine, result.Error.Kind);
            Assert.Equal(3, result.Error.LineNumber);
            Assert.Equal(SdpLineType.Connection, result.Error.LineType);
            Assert.Equal(SdpLineType.SessionName, result.Error.Expected);
            Assert.Equal("line 3 (c=): malformed line, not <type>=<value>, expected s=", result.Error.ToString());
            Assert.False(Rules.Sdp_SessionDescription.IsMatch(body));
            return;
        }
        Assert.True(result.IsDone, $"{file}: {result}");
        Assert.Equal(SdpTolerances.None, result.Tolerated);
        Assert.True(Rules.Sdp_SessionDescription.IsMatch(body));
        Assert.True(SdpSessionDescription.TryParse(body, SdpParserOptions.Strict, out _).IsDone);
        Assert.True(sdp!.MediaDescriptions.Count >= 1);
        AssertRoundTrip(body);
    }

    [Fact]
    public void Rfc4475Sdp01BodyParses()
    {
        byte[] body = SdpTestData.SipFileBody("rfc4475", "sdp01.dat");

        SdpSessionDescription sdp = SdpSessionDescription.Parse(body, SdpParserOptions.Strict);

        Assert.Equal("mhandley", sdp.Origin.Username.ToString());
        Assert.Equal(29739UL, sdp.Origin.SessionIdValue);
        Assert.Equal(7272939UL, sdp.Origin.SessionVersionValue);
        Assert.Equal(SdpAddressKind.IPv4, sdp.Origin.AddressKind);
        Assert.Equal("-", sdp.SessionName.ToString());
        Assert.Equal("192.0.2.5", sdp.Connection!.Value.Address.ToString());
        Assert.Equal(2, sdp.MediaDescriptions.Count);
        SdpMediaDescription audio = sdp.MediaDescriptions[0];
        Assert.Equal("audio", audio.Media.ToString());
        Assert.Equal(49217, audio.PortValue);
        Assert.Null(audio.PortCount);
        Assert.Equal("RTP/AVP", audio.Proto.ToString());
        Assert.Equal(["0", "12"], Formats(audio));
        SdpMediaDescription video = sdp.MediaDescriptions[1];
        Assert.Equal(["31"], Formats(video));
        // "a=rtpmap:31 LPC" has no clock rate: a valid attribute, but not an rtpmap-value (RFC 8866 §6.6).
        Assert.Equal("LPC", video.Attributes[0].Value.ToString()[3..]);
        Assert.False(video.TryGetRtpMap("31"u8, out _));
        AssertRoundTrip(body);
    }

    [Fact]
    public void Rfc5118Ipv6InSdpBodyHasTypedIpv6Addresses()
    {
        byte[] body = SdpTestData.SipFileBody("rfc5118", "ipv6-in-sdp.dat");

        SdpSessionDescription sdp = SdpSessionDescription.Parse(body, SdpParserOptions.Strict);

        Assert.Equal("IP6", sdp.Origin.AddrType.ToString());
        Assert.Equal("2001:db8::20", sdp.Origin.Address.ToString());
        Assert.Equal(SdpAddressKind.IPv6, sdp.Origin.AddressKind);
        Assert.Equal(971731711378798081UL, sdp.Origin.SessionIdValue);
        Assert.Equal(0UL, sdp.Origin.SessionVersionValue);
        SdpConnection c = sdp.Connection!.Value;
        Assert.Equal("IP6", c.AddrType.ToString());
        Assert.Equal(SdpAddressKind.IPv6, c.AddressKind);
        Assert.Equal(IPAddress.Parse("2001:db8::20"), SdpAddress.ToIPAddress(c.Address));
        Assert.False(c.IsMulticastForm);
        Assert.Equal(3338481189UL, sdp.TimeDescriptions[0].StartValue);
        Assert.Equal(3370017201UL, sdp.TimeDescriptions[0].StopValue);
        Assert.True(sdp.MediaDescriptions[0].TryGetRtpMap("2"u8, out SdpRtpMap g726));
        Assert.Equal("G726-32", g726.EncodingName.ToString());
        Assert.Equal(8000UL, g726.ClockRateValue);
        AssertRoundTrip(body);
    }

    [Fact]
    public void Rfc5118MultIpInSdpBodyHasOneIpv4AndOneIpv6MediaConnection()
    {
        byte[] body = SdpTestData.SipFileBody("rfc5118", "mult-ip-in-sdp.dat");

        SdpParseResult result = SdpSessionDescription.TryParse(body, out SdpSessionDescription? sdp);

        Assert.True(result.IsDone, result.ToString());
        Assert.Equal(SdpTolerances.EmptySessionName, result.Tolerated);
        Assert.Null(sdp!.Connection);
        Assert.Equal(SdpAddressKind.Fqdn, sdp.Origin.AddressKind);
        SdpConnection audio = sdp.MediaDescriptions[0].Connections[0];
        Assert.Equal("IP4", audio.AddrType.ToString());
        Assert.Equal(SdpAddressKind.IPv4, audio.AddressKind);
        Assert.Equal(IPAddress.Parse("192.0.2.1"), SdpAddress.ToIPAddress(audio.Address));
        SdpConnection video = sdp.MediaDescriptions[1].EffectiveConnection!.Value;
        Assert.Equal("IP6", video.AddrType.ToString());
        Assert.Equal("2001:db8::1", video.Address.ToString());
        Assert.Equal(SdpAddressKind.IPv6, video.AddressKind);
        Assert.Equal(SdpErrorKind.EmptySessionName, SdpSessionDescription.TryParse(body, SdpParserOptions.Strict, out _).Error.Kind);
        AssertRoundTrip(body);
    }

    [Fact]
    public void Rfc5118Ipv4MappedIpv6BodyHasTypedAddresses()
    {
        byte[] body = SdpTestData.SipFileBody("rfc5118", "ipv4-mapped-ipv6.dat");

        SdpSessionDescription sdp = SdpSessionDescription.Parse(body, SdpParserOptions.Strict);

        Assert.Equal(SdpAddressKind.IPv6, sdp.Origin.AddressKind);
        Assert.Equal("::ffff:192.0.2.2", sdp.Connection!.Value.Address.ToString());
        Assert.Equal(SdpAddressKind.IPv6, sdp.Connection!.Value.AddressKind);
        AssertRoundTrip(body);
    }

    [Theory]
    [InlineData("ipv6-in-sdp")]
    [InlineData("mult-ip-in-sdp")]
    [InlineData("ipv4-mapped-ipv6")]
    public void Rfc5118ArchiveBodyWithBareLineFeedsParsesByDefaultAndEqualsTheCrlfForm(string name)
    {
        // The archive members end lines with LF only: RFC 8866 §5 "parsers SHOULD be tolerant and also accept" it.
        byte[] message = File.ReadAllBytes(Path.Combine(SdpTestData.CorpusDirectory("rfc5118"), "archive", name));
        int split = message.AsSpan().IndexOf("\n\n"u8);
        byte[] lfBody = message[(split + 2)..];
        byte[] crlfBody = SdpTestData.SipFileBody("rfc5118", name + ".dat");

        SdpParseResult result = SdpSessionDescription.TryParse(lfBody, out SdpSessionDescription? lf);

        Assert.True(result.IsDone, result.ToString());
        Assert.True(result.Tolerated.HasFlag(SdpTolerances.BareLineFeed));
        SdpSessionDescription crlf = SdpSessionDescription.Parse(crlfBody);
        Assert.Equal(SdpTestData.Dump(crlf), SdpTestData.Dump(lf!));
        // Serializing writes CRLF: the LF body comes out as the CRLF body.
        Assert.Equal(crlfBody, SdpTestData.Serialize(lf!));
        SdpParseResult strict = SdpSessionDescription.TryParse(lfBody, SdpParserOptions.Strict, out _);
        Assert.Equal(SdpErrorKind.BareLineFeed, strict.Error.Kind);
        Assert.Equal(1, strict.Error.LineNumber);
        Assert.Equal(SdpLineType.Version, strict.Error.LineType);
    }

    /// <summary>parse → serialize → parse: the same typed view field by field, and the same octets (the input is canonical).</summary>
    internal static void AssertRoundTrip(byte[] input)
    {
        SdpSessionDescription first = SdpSessionDescription.Parse(input);
        byte[] written = SdpTestData.Serialize(first);
        Assert.Equal(first.SerializedLength, written.Length);
        SdpSessionDescription second = SdpSessionDescription.Parse(written);
        Assert.Equal(SdpTestData.Dump(first), SdpTestData.Dump(second));
        Assert.Equal(first.Tolerated, second.Tolerated);
        Assert.Equal(input, written);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(input), first.ToString());
    }

    private static string[] Formats(SdpMediaDescription media)
    {
        var formats = new List<string>();
        foreach (SdpText format in media.Formats) formats.Add(format.ToString());
        Assert.Equal(formats.Count, media.Formats.Count);
        return [.. formats];
    }
}
