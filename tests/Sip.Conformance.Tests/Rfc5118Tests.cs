using Sip.Generated.Grammar;

namespace Sip.Conformance.Tests;

/// <summary>
/// RFC 5118 IPv6 torture messages (corpus/rfc5118; the <c>.dat</c> files are the archive members with LF turned
/// into CRLF, nothing else changed). The grammar applies RFC 5954 (IPv6address/IPv4address of RFC 3986), and
/// the project rule <c>IPv6reference-tolerant</c> accepts the three-colon form RFC 5118 §4.10 asks to tolerate.
/// </summary>
public sealed class Rfc5118Tests
{
    private static readonly IReadOnlyList<IReadOnlyDictionary<string, string>> Manifest = Corpus.Manifest("rfc5118");

    public static TheoryData<string> ValidMessages() =>
        new(Manifest.Where(r => r["validity"] == "valid").Select(r => r["file"]));

    public static TheoryData<string> AllMessages() => new(Manifest.Select(r => r["file"]));

    /// <summary>Valid messages that do not match SIP-message as stored, and why.</summary>
    private static readonly Dictionary<string, string> ValidButNotSipMessage = new()
    {
        ["ipv6-bug-abnf-3-colons.dat"] =
            "RFC 5118 §4.10: [2001:db8:::192.0.2.1] has three colons, which only the RFC 3261 hexpart allowed; RFC 5954 "
            + "IPv6address rejects it (the RFC asks implementations to tolerate it: see IPv6reference-tolerant). Also, "
            + "the archive member ends right after 'Content-Length: 0' with no empty line, and Request needs that CRLF.",
        ["ipv6-correct-abnf-2-colons.dat"] =
            "the archive member ends right after 'Content-Length: 0' with no empty line (MANIFEST notes), and "
            + "Request = Request-Line *(message-header) CRLF [message-body] needs that CRLF; with it the message matches.",
    };

    [Fact]
    public void ManifestCoversEveryFile()
    {
        var files = Directory.GetFiles(Corpus.PathOf("rfc5118"), "*.dat").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(12, files.Count);
        Assert.Equal(files, Manifest.Select(r => r["file"]).Order(StringComparer.Ordinal));
        Assert.Equal(12, Directory.GetFiles(Corpus.PathOf("rfc5118", "archive")).Length);
    }

    [Theory]
    [MemberData(nameof(ValidMessages))]
    public void ValidMessageMatchesSipMessage(string file)
    {
        byte[] message = Corpus.Bytes("rfc5118", file);
        if (ValidButNotSipMessage.TryGetValue(file, out string? reason))
        {
            Assert.False(Rules.SIPMessage.IsMatch(message), reason);
            Assert.Equal(-1, SipText.BodyStart(message));
        }
        else
        {
            Assert.True(Rules.SIPMessage.IsMatch(message));
        }
    }

    [Theory]
    [MemberData(nameof(ValidMessages))]
    public void ValidMessageHeadersMatchTheirOwnRules(string file)
    {
        byte[] message = Corpus.Bytes("rfc5118", file);
        var wrong = new List<string>();
        foreach (HeadLine line in SipText.HeadLines(message).Skip(1))
        {
            Assert.True(Rules.MessageHeader.IsMatch(line.Bytes), $"message-header: {line}");
            if (line.HeaderName is not { } name || !HeaderRules.TryGet(name, out string rule, out SpanPredicate matcher)) continue;
            bool matches = matcher(line.WithoutCrlf);
            // RFC 5118 §4.10: the three-colon address also appears in To; To = ... addr-spec, host = ... IPv6reference.
            if (file == "ipv6-bug-abnf-3-colons.dat" && rule == "To") Assert.False(matches, line.ToString());
            else if (!matches) wrong.Add($"{rule}: {line}");
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public void TwoColons_WithTheEmptyLineAdded_Matches()
    {
        byte[] message = Corpus.Bytes("rfc5118", "ipv6-correct-abnf-2-colons.dat");
        Assert.True(Rules.SIPMessage.IsMatch([.. message, .. "\r\n"u8]));
        Assert.True(Rules.IPv6reference.IsMatch("[2001:db8::192.0.2.1]"u8));
    }

    [Fact]
    public void ThreeColons_IsRejectedByRfc5954AndToleratedByIPv6referenceTolerant()
    {
        byte[] message = Corpus.Bytes("rfc5118", "ipv6-bug-abnf-3-colons.dat");
        // The missing empty line is not the only fault: with it, the Request-Line still fails.
        Assert.False(Rules.SIPMessage.IsMatch([.. message, .. "\r\n"u8]));
        Assert.False(Rules.RequestLine.IsMatch(SipText.HeadLines(message)[0].Bytes));

        Assert.False(Rules.IPv6reference.IsMatch("[2001:db8:::192.0.2.1]"u8));
        Assert.False(Rules.IPv6address.IsMatch("2001:db8:::192.0.2.1"u8));
        Assert.True(Rules.IPv6referenceTolerant.IsMatch("[2001:db8:::192.0.2.1]"u8));
        // The tolerant rule still takes every RFC 5954 reference.
        Assert.True(Rules.IPv6referenceTolerant.IsMatch("[2001:db8::192.0.2.1]"u8));
        Assert.True(Rules.IPv6referenceTolerant.IsMatch("[2001:db8::10]"u8));
    }

    /// <summary>
    /// RFC 5118 §4.2: "sip:2001:db8::10" (no brackets) must be rejected. SIP-URI rejects it (host cannot be an
    /// unbracketed IPv6 address), but Request-URI = SIP-URI / SIPS-URI / absoluteURI, and as an absoluteURI
    /// (scheme ":" opaque-part) it is well-formed, so SIP-message matches. RFC 3261 §19.1 says a "sip:" URI must
    /// follow SIP-URI; that is prose above the grammar (corpus/abnf/ERRATA.md: every sip: URI also matches
    /// absoluteURI).
    /// </summary>
    [Fact]
    public void IPv6Bad_IsNoSipUriButAnAbsoluteUri()
    {
        byte[] message = Corpus.Bytes("rfc5118", "ipv6-bad.dat");
        Assert.Equal("invalid", Manifest.Single(r => r["file"] == "ipv6-bad.dat")["validity"]);
        Assert.True(Rules.SIPMessage.IsMatch(message));
        Assert.True(Rules.RequestLine.IsMatch("REGISTER sip:2001:db8::10 SIP/2.0\r\n"u8));
        Assert.False(Rules.SIPURI.IsMatch("sip:2001:db8::10"u8));
        Assert.True(Rules.AbsoluteURI.IsMatch("sip:2001:db8::10"u8));
        Assert.True(Rules.SIPURI.IsMatch("sip:[2001:db8::10]"u8));
    }

    /// <summary>
    /// RFC 5118 §4.5: via-received = "received" EQUAL (IPv4address / IPv6address) takes no brackets, yet
    /// "received=[2001:db8::9:255]" must be accepted. The Via rule already accepts it: via-params includes
    /// via-extension = generic-param, whose gen-value = token / host / quoted-string, and host includes
    /// IPv6reference.
    /// </summary>
    [Fact]
    public void ViaReceived_WithBrackets_IsAGenericParam()
    {
        Assert.True(Rules.ViaReceived.IsMatch("received=2001:db8::9:255"u8));
        Assert.False(Rules.ViaReceived.IsMatch("received=[2001:db8::9:255]"u8));
        Assert.True(Rules.GenericParam.IsMatch("received=[2001:db8::9:255]"u8));
        Assert.True(Rules.ViaParams.IsMatch("received=[2001:db8::9:255]"u8));
        Assert.True(Rules.Via.IsMatch("Via: SIP/2.0/UDP [2001:db8::9:1];received=[2001:db8::9:255];branch=z9hG4bKas3-111"u8));
    }

    /// <summary>RFC 5118 §4.3: "[2001:db8::10:5070]" is a well-formed IPv6 reference (the port became part of the address).</summary>
    [Fact]
    public void PortAmbiguous_IsOneIPv6Reference()
    {
        Assert.True(Rules.IPv6reference.IsMatch("[2001:db8::10:5070]"u8));
        Assert.True(Rules.Hostport.IsMatch("[2001:db8::10:5070]"u8));
        Assert.True(Rules.Hostport.IsMatch("[2001:db8::10]:5070"u8));
    }

    /// <summary>The archive members use bare LF; the grammar requires CRLF, so none of them is a SIP-message.</summary>
    [Theory]
    [MemberData(nameof(AllMessages))]
    public void LfArchiveMemberIsNotASipMessage(string file)
    {
        string member = Manifest.Single(r => r["file"] == file)["archive_file"];
        byte[] lf = Corpus.Bytes("rfc5118", member);
        Assert.DoesNotContain((byte)'\r', lf);
        Assert.False(Rules.SIPMessage.IsMatch(lf));
    }

    /// <summary>
    /// RFC 5118 §4.6, §4.8, §4.9: the SDP bodies with IPv6 (and IPv4-mapped) addresses are well-formed SDP, except
    /// that mult-ip-in-sdp (§4.8) has an empty "s=" line, which RFC 8866 forbids (text = 1*octet; see SdpTests);
    /// with "s=-" it matches.
    /// </summary>
    [Theory]
    [InlineData("ipv6-in-sdp.dat", false)]
    [InlineData("mult-ip-in-sdp.dat", true)]
    [InlineData("ipv4-mapped-ipv6.dat", false)]
    public void SdpBodyMatchesSessionDescription(string file, bool emptySessionName)
    {
        byte[] message = Corpus.Bytes("rfc5118", file);
        byte[] body = message[SipText.BodyStart(message)..];
        int emptyS = body.AsSpan().IndexOf("\r\ns=\r\n"u8);
        Assert.Equal(emptySessionName, emptyS >= 0);
        if (emptySessionName)
        {
            Assert.False(Rules.Sdp_SessionDescription.IsMatch(body));
            body = [.. body.AsSpan(0, emptyS), .. "\r\ns=-\r\n"u8, .. body.AsSpan(emptyS + 6)];
        }
        Assert.True(Rules.Sdp_SessionDescription.IsMatch(body));
    }
}
