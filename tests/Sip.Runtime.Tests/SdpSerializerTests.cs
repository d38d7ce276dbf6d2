using System.Buffers;
using System.Text;
using Sip.Runtime.Sdp;

namespace Sip.Runtime.Tests;

/// <summary>Serializing typed views and building descriptions from values.</summary>
public class SdpSerializerTests
{
    public static TheoryData<string> SdpFiles() => SdpTestData.SdpFiles();

    [Fact]
    public void BuilderWritesRfc4317Offer()
    {
        SdpBuilder builder = new SdpBuilder()
            .Origin("alice", 2890844526, 2890844526, "IN", "IP4", "host.atlanta.example.com")
            .SessionName("-")
            .Connection("IN", "IP4", "host.atlanta.example.com")
            .Time(0, 0)
            .Media("audio", 49170, "RTP/AVP", "0", "8", "97")
            .RtpMap(0, "PCMU", 8000)
            .RtpMap(8, "PCMA", 8000)
            .RtpMap(97, "iLBC", 8000)
            .Media("video", 51372, "RTP/AVP", "31", "32")
            .RtpMap(31, "H261", 90000)
            .RtpMap(32, "MPV", 90000);

        byte[] expected = SdpTestData.WithSessionName(SdpTestData.ReadSdp("rfc4317_s2.1_offer.sdp"));
        Assert.Equal(Encoding.ASCII.GetString(expected), builder.ToString());
        SdpSessionDescription sdp = builder.Build();
        Assert.Equal(SdpTolerances.None, sdp.Tolerated);
        Assert.Equal(expected, SdpTestData.Serialize(sdp));
    }

    [Fact]
    public void BuilderWritesRfc8866OrderWhateverTheCallOrder()
    {
        SdpBuilder builder = new SdpBuilder()
            .Attribute("tool", "test")
            .Time(3724394400, 3724398000)
            .Repeat("7d", "1h", "0", "25h")
            .Zone((3730928400, "-1h"), (3749680800, "0"))
            .Bandwidth("CT", 128)
            .Phone("+1 617 555-6011")
            .Email("j.doe@example.com (Jane Doe)")
            .Uri("http://www.example.com/")
            .Information("about")
            .Key("prompt")
            .Connection("IN", "IP4", "233.252.0.1", ttl: 127, numberOfAddresses: 2)
            .Origin("jdoe", 1, 2, "IN", "IP4", "198.51.100.1")
            .SessionName("Call")
            .Media("video", 51372, 2, "RTP/AVP", "99")
            .Direction(SdpDirection.SendOnly)
            .Key("clear:x")
            .Bandwidth("AS", 64)
            .Connection("IN", "IP6", "ff00::db8:0:101", numberOfAddresses: 3)
            .Information("video")
            .Fmtp("99", "profile=0")
            .Version();

        Assert.Equal(
            "v=0\r\no=jdoe 1 2 IN IP4 198.51.100.1\r\ns=Call\r\ni=about\r\nu=http://www.example.com/\r\n" +
            "e=j.doe@example.com (Jane Doe)\r\np=+1 617 555-6011\r\nc=IN IP4 233.252.0.1/127/2\r\nb=CT:128\r\n" +
            "t=3724394400 3724398000\r\nr=7d 1h 0 25h\r\nz=3730928400 -1h 3749680800 0\r\nk=prompt\r\na=tool:test\r\n" +
            "m=video 51372/2 RTP/AVP 99\r\ni=video\r\nc=IN IP6 ff00::db8:0:101/3\r\nb=AS:64\r\nk=clear:x\r\n" +
            "a=sendonly\r\na=fmtp:99 profile=0\r\n",
            builder.ToString());
        SdpSessionDescription sdp = builder.Build();
        Assert.Equal(SdpDirection.SendOnly, sdp.MediaDescriptions[0].EffectiveDirection);
        Assert.Equal(3, sdp.MediaDescriptions[0].Connections[0].NumberOfAddresses);
    }

    [Fact]
    public void BuilderDefaultsVersionSessionNameAndTime()
    {
        SdpSessionDescription sdp = new SdpBuilder().Origin("-", 0, 0, "IN", "IP6", "2001:db8::1").Build();

        Assert.Equal("v=0\r\no=- 0 0 IN IP6 2001:db8::1\r\ns=-\r\nt=0 0\r\n", sdp.ToString());
        Assert.Equal(SdpAddressKind.IPv6, sdp.Origin.AddressKind);
    }

    [Fact]
    public void BuilderReportsTheLineOfABadValue()
    {
        SdpParseResult noOrigin = new SdpBuilder().TryBuild(out SdpSessionDescription? none);
        Assert.Null(none);
        Assert.Equal(new SdpError(SdpErrorKind.MissingLine, 2, SdpLineType.SessionName, SdpLineType.Origin), noOrigin.Error);

        SdpParseResult badUser = new SdpBuilder().Origin("j doe", 1, 1, "IN", "IP4", "h").TryBuild(out _);
        Assert.Equal(new SdpError(SdpErrorKind.InvalidLine, 2, SdpLineType.Origin, SdpLineType.None, "origin-field"), badUser.Error);

        SdpBuilder emptyName = new SdpBuilder().Origin("-", 1, 1, "IN", "IP4", "h").SessionName("");
        Assert.Equal(SdpErrorKind.EmptySessionName, emptyName.TryBuild(out _).Error.Kind);
        Assert.True(emptyName.TryBuild(out _, SdpParserOptions.Default).IsDone);
        FormatException thrown = Assert.Throws<FormatException>(() => emptyName.Build());
        Assert.Equal("line 3 (s=): empty s= line (RFC 8866 §5.3: MUST NOT be empty)", thrown.Message);

        Assert.Throws<InvalidOperationException>(() => new SdpBuilder().Repeat("1", "1", "0"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SdpBuilder().Media("audio", -1, "RTP/AVP", "0"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SdpBuilder().Connection("IN", "IP4", "224.2.1.1", ttl: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SdpBuilder().Line((SdpLineType)'x', "1"u8));
    }

    [Theory]
    [MemberData(nameof(SdpFiles))]
    public void BuilderFromParsedDescriptionWritesTheSameOctets(string file)
    {
        byte[] input = SdpTestData.ReadSdp(file);
        SdpSessionDescription sdp = SdpSessionDescription.Parse(input);

        SdpBuilder builder = SdpBuilder.From(sdp);

        Assert.Equal(input, builder.ToArray());
        Assert.True(builder.TryBuild(out SdpSessionDescription? copy, SdpParserOptions.Default).IsDone);
        Assert.Equal(SdpTestData.Dump(sdp), SdpTestData.Dump(copy!));
    }

    [Fact]
    public void BuilderFromParsedDescriptionCanBeEdited()
    {
        SdpSessionDescription offer = SdpSessionDescription.Parse(SdpTestData.ReadSdp("rfc4317_s2.1_offer.sdp"));

        SdpSessionDescription edited = SdpBuilder.From(offer)
            .SessionName("-")
            .Origin("bob", 2808844564, 2808844564, "IN", "IP4", "host.biloxi.example.com")
            .Attribute("inactive")
            .Build();

        Assert.Equal("bob", edited.Origin.Username.ToString());
        Assert.Equal(SdpDirection.Inactive, edited.MediaDescriptions[1].EffectiveDirection);
        Assert.Equal(SdpDirection.SendRecv, edited.MediaDescriptions[0].EffectiveDirection);
    }

    [Fact]
    public void WriteToNeedsALoadedDescription()
    {
        Assert.Throws<InvalidOperationException>(() => new SdpSessionDescription().WriteTo(new ArrayBufferWriter<byte>()));
        Assert.Equal("", new SdpSessionDescription().ToString());
    }
}
