using Sip.Generated.Grammar;
using Sip.Runtime.Message;
using static Sip.Runtime.Tests.Handling;

namespace Sip.Runtime.Tests;

/// <summary>The 12 RFC 5118 IPv6 torture messages (CRLF forms), as datagrams.</summary>
public sealed class Rfc5118HandlingTests
{
    private static readonly IReadOnlyList<IReadOnlyDictionary<string, string>> Manifest = Corpus.Manifest("rfc5118");

    public static TheoryData<string> Files() => new(Manifest.Select(r => r["file"]));

    /// <summary>The messages not accepted as stored, and why.</summary>
    private static readonly Dictionary<string, (SipErrorCode Lenient, SipErrorCode Strict, string Why)> Refused = new()
    {
        ["ipv6-bad.dat"] = (SipErrorCode.RequestUriNotSipUri, SipErrorCode.RequestUriNotSipUri,
            "RFC 5118 §4.2: sip:2001:db8::10 is an absoluteURI but no SIP-URI (RFC 3261 §19.1)"),
        ["ipv6-in-sdp.dat"] = (SipErrorCode.BodyTruncated, SipErrorCode.BodyTruncated,
            "the RFC's own Content-Length (268) exceeds the body (251 octets in the CRLF form, 242 in the LF archive): "
            + "RFC 3261 §18.3 makes that an error, the same as clerr.dat; the IPv6 content itself is accepted (see below)"),
        ["ipv6-bug-abnf-3-colons.dat"] = (SipErrorCode.None, SipErrorCode.MissingEmptyLine,
            "strict mode only: the archive member has no empty line after the header fields"),
        ["ipv6-correct-abnf-2-colons.dat"] = (SipErrorCode.None, SipErrorCode.MissingEmptyLine,
            "strict mode only: the archive member has no empty line after the header fields"),
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void GetsTheChosenHandling(string file)
    {
        var row = Manifest.Single(r => r["file"] == file);
        byte[] bytes = Corpus.Bytes("rfc5118", file);
        Refused.TryGetValue(file, out var refused);
        if (file == "ipv6-bad.dat")
        {
            Assert.Equal("invalid", row["validity"]);
            Assert.Contains("respond 400", row["expected_handling"], StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal("valid", row["validity"]);
        }
        foreach (bool strict in new[] { false, true })
        {
            SipErrorCode expected = strict ? refused.Strict : refused.Lenient;
            string verdict = Verdict(bytes, strict ? SipParserOptions.StrictDefault : SipParserOptions.Default, Role.Proxy, out SipParseError error, out SipMessage m);
            Assert.True((expected == SipErrorCode.None ? "accept" : "respond 400") == verdict, $"{file} strict={strict}: {verdict} {error.Describe(m.Source.Span)}; {refused.Why}");
            Assert.Equal(expected, error.Code);
        }
    }

    /// <summary>RFC 5118 §4.6 with a Content-Length that matches its body: accepted in both modes.</summary>
    [Fact]
    public void Ipv6InSdp_WithItsContentLengthCorrected_IsAccepted()
    {
        byte[] bytes = Corpus.Bytes("rfc5118", "ipv6-in-sdp.dat");
        int bodyStart = bytes.AsSpan().IndexOf("\r\n\r\n"u8) + 4;
        string text = System.Text.Encoding.Latin1.GetString(bytes);
        Assert.Contains("Content-Length: 268\r\n", text, StringComparison.Ordinal);
        byte[] fixedBytes = System.Text.Encoding.Latin1.GetBytes(text.Replace("Content-Length: 268\r\n", $"Content-Length: {bytes.Length - bodyStart}\r\n", StringComparison.Ordinal));
        Assert.Equal("accept", Verdict(fixedBytes, SipParserOptions.StrictDefault, Role.Proxy, out _, out SipMessage m));
        Assert.True(m.Span(m.Body).IndexOf("IN IP6 2001:db8::"u8) >= 0);
    }

    /// <summary>RFC 5118 §4.10: the three-colon reference is tolerated in the Request-URI and in To, in strict mode too (given the empty line).</summary>
    [Fact]
    public void ThreeColons_AreToleratedInRequestUriAndTo()
    {
        byte[] bytes = [.. Corpus.Bytes("rfc5118", "ipv6-bug-abnf-3-colons.dat"), .. "\r\n"u8];
        Assert.Equal("accept", Verdict(bytes, SipParserOptions.StrictDefault, Role.Proxy, out _, out SipMessage m));
        Assert.Equal("sip:user@[2001:db8:::192.0.2.1]", m.GetString(m.RequestUri));
        Assert.True(m.TryGetFirst(HeaderKind.To, out HeaderField to));
        Assert.False(SipHeaders.IsMatch(HeaderKind.To, m.Span(to.Line)));
        Assert.False(Rules.SIPURI.IsMatch(m.Span(m.RequestUri)));
        Assert.True(m.HasEmptyLine);
    }

    /// <summary>Lenient mode takes the archive members as they are: the datagram ends after the last header line.</summary>
    [Theory]
    [InlineData("ipv6-bug-abnf-3-colons.dat")]
    [InlineData("ipv6-correct-abnf-2-colons.dat")]
    public void MissingEmptyLine_IsToleratedInLenientMode(string file)
    {
        byte[] bytes = Corpus.Bytes("rfc5118", file);
        Assert.Equal("accept", Verdict(bytes, SipParserOptions.Default, Role.Any, out _, out SipMessage m));
        Assert.False(m.HasEmptyLine);
        Assert.Equal(bytes.Length, m.Length);
        Assert.True(m.Body.IsEmpty);
    }

    /// <summary>RFC 5118 §4.8/§4.9: Content-Length smaller than the datagram's body: the extra octets are ignored (RFC 3261 §18.3).</summary>
    [Theory]
    [InlineData("mult-ip-in-sdp.dat", 181)]
    [InlineData("ipv4-mapped-ipv6.dat", 236)]
    public void ShortContentLength_FramesTheBody(string file, int contentLength)
    {
        Assert.Equal(contentLength.ToString(System.Globalization.CultureInfo.InvariantCulture), Manifest.Single(r => r["file"] == file)["declared_content_length"]);
        byte[] bytes = Corpus.Bytes("rfc5118", file);
        Assert.Equal("accept", Verdict(bytes, SipParserOptions.Default, Role.Any, out _, out SipMessage m));
        Assert.Equal(contentLength, m.Body.Length);
        Assert.True(m.Length < bytes.Length);
    }

    /// <summary>RFC 5118 §4.7: a Via list mixing IPv4 and IPv6 references is split into its values.</summary>
    [Fact]
    public void MultIpInHeader_ViaValues()
    {
        Verdict(Corpus.Bytes("rfc5118", "mult-ip-in-header.dat"), SipParserOptions.StrictDefault, Role.Any, out _, out SipMessage m);
        var vias = new List<string>();
        foreach (SipRange v in m.Values(HeaderKind.Via)) vias.Add(m.GetString(v));
        Assert.True(vias.Count >= 3, string.Join(" | ", vias));
        Assert.All(vias, v => Assert.StartsWith("SIP/2.0/", v, StringComparison.Ordinal));
        Assert.Contains(vias, v => v.Contains('['));
    }
}
