using Sip.Generator.Tests.Oracle;

namespace Sip.Generator.Tests;

/// <summary>
/// Known traps of the SIP grammar, as explicit accept/reject cases. Each case runs through the
/// generated matcher AND the reference matcher, so a wrong expectation here (a misreading of the
/// ABNF) shows up as an oracle failure, and a generator bug as a generated-matcher failure.
/// Inputs are Latin-1 strings (one char = one byte); UTF-8 is written as its bytes.
/// </summary>
public class TrapTests
{
    internal static void Check(string key, string text, bool expected)
    {
        byte[] input = Bytes.Of(text);
        GeneratedMatchers.Matcher generated = GeneratedMatchers.For(key);
        bool oracle = ReferenceMatcher.Default.IsMatch(key, input);
        Assert.True(oracle == expected, $"oracle: {key} on Bytes.Of({Bytes.Escape(input)}) is {oracle}, test expects {expected}");
        bool actual = generated.IsMatch(input);
        Assert.True(actual == expected, $"generated {generated.ClassName}: {key} on Bytes.Of({Bytes.Escape(input)}) is {actual}, expected {expected}");
        int longest = ReferenceMatcher.Default.LongestMatch(key, input);
        Assert.True(generated.MatchLength(input) == longest,
            $"generated {generated.ClassName}.MatchLength on Bytes.Of({Bytes.Escape(input)}) is {generated.MatchLength(input)}, oracle says {longest}");
    }

    [Theory]
    [InlineData("atlanta", true)]
    [InlineData("a", true)]
    [InlineData("a-b", true)]
    [InlineData("a--b", true)]
    [InlineData("1a", true)]
    [InlineData("9", true)]
    [InlineData("-a", false)]
    [InlineData("a-", false)]
    [InlineData("a.b", false)]
    [InlineData("", false)]
    public void Domainlabel(string text, bool expected) => Check("domainlabel", text, expected);

    [Theory]
    [InlineData("com", true)]
    [InlineData("c", true)]
    [InlineData("c-1", true)]
    [InlineData("x--9", true)]
    [InlineData("1com", false)] // a toplabel starts with ALPHA
    [InlineData("com-", false)]
    [InlineData("-com", false)]
    [InlineData("", false)]
    public void Toplabel(string text, bool expected) => Check("toplabel", text, expected);

    [Theory]
    [InlineData("atlanta.com", true)]
    [InlineData("atlanta.com.", true)] // trailing dot (fully qualified)
    [InlineData("a.b.c", true)]
    [InlineData("a", true)]
    [InlineData("1.a", true)] // only the toplabel must start with ALPHA
    [InlineData("pc33.atlanta.com", true)]
    [InlineData("atlanta..com", false)]
    [InlineData("atlanta.com..", false)]
    [InlineData(".com", false)]
    [InlineData("a.1", false)]
    [InlineData("192.0.2.1", false)] // toplabel "1" is not ALPHA: an IPv4address, not a hostname
    [InlineData("a_b.com", false)]
    public void Hostname(string text, bool expected) => Check("hostname", text, expected);

    [Theory]
    [InlineData("atlanta.com", true)]
    [InlineData("192.0.2.1", true)]
    [InlineData("[2001:db8::1]", true)]
    [InlineData("2001:db8::1", false)] // IPv6 in host needs the brackets
    [InlineData("256.1.1.1", false)] // neither an IPv4address (RFC 5954) nor a hostname (toplabel "1")
    [InlineData("1.2.3", false)]
    [InlineData("atlanta.com:5060", false)] // that is hostport
    public void Host(string text, bool expected) => Check("host", text, expected);

    [Theory]
    [InlineData("0.0.0.0", true)]
    [InlineData("255.255.255.255", true)]
    [InlineData("249.250.199.100", true)]
    [InlineData("192.0.2.1", true)]
    [InlineData("256.1.1.1", false)] // RFC 5954 dec-octet, not RFC 3261's 1*3DIGIT
    [InlineData("1.2.3.260", false)]
    [InlineData("1.2.3", false)]
    [InlineData("1.2.3.4.", false)]
    [InlineData("01.2.3.4", false)] // no leading zeros in dec-octet
    [InlineData("1.2.3.4.5", false)]
    public void IPv4address(string text, bool expected) => Check("ipv4address", text, expected);

    [Theory]
    [InlineData(" ", true)]
    [InlineData("\t", true)]
    [InlineData("\r\n ", true)] // folding
    [InlineData("  \r\n\t", true)]
    [InlineData("  \r\n\t \t", true)]
    [InlineData("\r\n", false)] // a line end alone is not white space
    [InlineData("  \r\n", false)] // nor is a trailing line end
    [InlineData("\r\n\r\n ", false)] // at most one fold
    [InlineData("", false)]
    public void LWS(string text, bool expected) => Check("lws", text, expected);

    [Theory]
    [InlineData("", true)]
    [InlineData(" ", true)]
    [InlineData("\r\n ", true)]
    [InlineData("\r\n", false)]
    [InlineData(" \r\n", false)]
    public void SWS(string text, bool expected) => Check("sws", text, expected);

    [Theory]
    [InlineData(":", true)]
    [InlineData(" \t: ", true)]
    [InlineData(":\r\n ", true)]
    [InlineData("  :  \r\n\t", true)]
    [InlineData(" :\r\n", false)]
    [InlineData("\r\n :", false)] // no folding before the colon: *( SP / HTAB ) only
    [InlineData("::", false)]
    [InlineData("", false)]
    public void HCOLON(string text, bool expected) => Check("hcolon", text, expected);

    [Theory]
    [InlineData("\"a\\\"b\"", true)] // "a\"b"
    [InlineData("\"\"", true)]
    [InlineData(" \"x\"", true)] // SWS before the opening quote
    [InlineData("\r\n \"x\"", true)]
    [InlineData("\"a\r\n b\"", true)] // folded
    [InlineData("\"\\\\\"", true)] // "\\"
    [InlineData("\"caf\u00C3\u00A9\"", true)] // UTF-8 é
    [InlineData("\"abc", false)] // unterminated
    [InlineData("\"\\\"", false)] // the closing quote is escaped: unterminated
    [InlineData("\"a\"b\"", false)]
    [InlineData("\"\\\r\"", false)] // quoted-pair excludes CR and LF
    [InlineData("\"x\" ", false)] // no SWS after the closing quote
    [InlineData("\"a\r\nb\"", false)] // a line end that is not a fold
    public void QuotedString(string text, bool expected) => Check("quoted-string", text, expected);

    [Theory]
    [InlineData("(a(b)c)", true)]
    [InlineData("()", true)]
    [InlineData(" ( x ) ", true)] // LPAREN / RPAREN carry SWS
    [InlineData("(\\))", true)] // escaped parenthesis
    [InlineData("(\"x)", true)] // a lone DQUOTE is ctext
    [InlineData("(a", false)]
    [InlineData("((a)", false)]
    [InlineData("(a))", false)]
    public void Comment(string text, bool expected) => Check("comment", text, expected);

    /// <summary>
    /// The recursion bound of <c>comment</c> (<c>;@depth 8</c>): 8 nested levels, the outermost
    /// included, are accepted; one more is rejected, by design (the generator unrolls the recursion;
    /// the oracle follows the same budget).
    /// </summary>
    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(8, true)]
    [InlineData(9, false)] // beyond the bound
    [InlineData(20, false)]
    public void CommentNestingBound(int levels, bool expected)
    {
        Check("comment", new string('(', levels) + "x" + new string(')', levels), expected);
        Check("comment", string.Concat(Enumerable.Repeat("(a ", levels)) + string.Concat(Enumerable.Repeat(" b)", levels)), expected);
    }

    /// <summary>The bound carries through rules that use comment (Retry-After, Server, User-Agent).</summary>
    [Theory]
    [InlineData(8, true)]
    [InlineData(9, false)]
    public void CommentNestingBoundInServer(int levels, bool expected)
        => Check("server", "Server: Foo/1.0 " + new string('(', levels) + new string(')', levels), expected);

    /// <summary>
    /// rfc5322:comment has <c>;@depth 4</c> and recurses through ccontent (a component of two rules):
    /// 4 nested levels, the outermost included.
    /// </summary>
    [Theory]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void Rfc5322CommentNestingBound(int levels, bool expected)
        => Check("rfc5322:comment", new string('(', levels) + new string(')', levels), expected);

    /// <summary>
    /// The smallest <c>;@depth</c> of a recursive group bounds the whole group: <c>;@depth 4</c> is written
    /// on rfc5322:comment only, and rfc5322:ccontent (default 8) is bounded by it too.
    /// </summary>
    [Theory]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void Rfc5322CcontentNestingBound(int levels, bool expected)
    {
        Assert.Equal(4, GrammarFacts.Default.Rule("rfc5322:comment").Depth);
        Assert.Equal(8, GrammarFacts.Default.Rule("rfc5322:ccontent").Depth);
        Check("rfc5322:ccontent", new string('(', levels) + new string(')', levels), expected);
    }

    [Theory]
    [InlineData("[2001:db8::1]", true)]
    [InlineData("[::ffff:192.0.2.10]", true)]
    [InlineData("[::]", true)]
    [InlineData("[::1]", true)]
    [InlineData("[1:2:3:4:5:6:7:8]", true)]
    [InlineData("[1:2:3:4:5:6:192.0.2.1]", true)]
    [InlineData("[2001:DB8::1]", true)]
    [InlineData("[2001:db8:::192.0.2.1]", false)] // RFC 5118 §4.10 three-colon form: not RFC 5954 IPv6address
    [InlineData("[1:2:3:4:5:6:7:8:9]", false)]
    [InlineData("[1:2:3:4:5:6:7]", false)]
    [InlineData("[1::2::3]", false)]
    [InlineData("[12345::1]", false)]
    [InlineData("[2001:db8::1", false)]
    [InlineData("2001:db8::1", false)]
    [InlineData("[::256.0.0.1]", false)]
    public void IPv6reference(string text, bool expected) => Check("ipv6reference", text, expected);

    [Theory]
    [InlineData("[2001:db8:::192.0.2.1]", true)] // RFC 5118 §4.10: tolerated
    [InlineData("[2001:db8::1]", true)]
    [InlineData("[::ffff:192.0.2.10]", true)]
    [InlineData("[2001:db8::192.0.2.1]", true)]
    [InlineData("[2001:db8::::192.0.2.1]", false)]
    [InlineData("[2001:db8:::1]", false)] // the third colon is only tolerated before an IPv4address
    public void IPv6referenceTolerant(string text, bool expected) => Check("ipv6reference-tolerant", text, expected);

    [Theory]
    [InlineData("a b", true)]
    [InlineData("a", true)]
    [InlineData("a  \t b", true)]
    [InlineData("a\r\n b", true)] // folded
    [InlineData("caf\u00C3\u00A9", true)] // UTF-8
    [InlineData("a b ", false)] // TRIM: no trailing white space
    [InlineData(" a", false)] // nor leading
    [InlineData("a\r\n", false)]
    [InlineData("", false)]
    [InlineData("\u00C3", false)] // truncated UTF-8 sequence
    [InlineData("\u0080", false)] // a lone continuation byte is not a TEXT-UTF8char
    public void TextUtf8Trim(string text, bool expected) => Check("text-utf8-trim", text, expected);

    [Theory]
    [InlineData("token", "abc", true)]
    [InlineData("word", "abc", true)]
    [InlineData("token", "a<b", false)] // "<" is a separator
    [InlineData("word", "a<b", true)] // but a word character
    [InlineData("token", "a:b", false)]
    [InlineData("word", "a:b", true)]
    [InlineData("token", "a\"b", false)]
    [InlineData("word", "a\"b", true)]
    [InlineData("word", "a;b", false)] // ";" is in neither
    [InlineData("word", "a@b", false)] // "@" is in neither
    [InlineData("word", "a b", false)]
    [InlineData("token", "", false)]
    [InlineData("word", "", false)]
    [InlineData("callid", "a84b4c76e66710@pc33.atlanta.com", true)]
    [InlineData("callid", "a@b@c", false)]
    [InlineData("callid", "<x>@[y]", true)]
    public void WordVersusToken(string key, string text, bool expected) => Check(key, text, expected);

    [Theory]
    [InlineData("", true)] // *(token LWS): zero tokens
    [InlineData("Bob ", true)]
    [InlineData("Bob Smith ", true)]
    [InlineData("Bob\r\n ", true)]
    [InlineData("\"Bob\"", true)]
    [InlineData(" \"Bob Smith\"", true)]
    [InlineData("Bob", false)] // every token must be followed by LWS
    [InlineData("Bob Smith", false)]
    [InlineData("\"Bob\" ", false)] // quoted-string has no trailing SWS
    [InlineData("B<b ", false)]
    public void DisplayName(string text, bool expected) => Check("display-name", text, expected);

    [Theory]
    [InlineData("Bob <sip:bob@biloxi.com>", true)]
    [InlineData("<sip:bob@biloxi.com>", true)]
    [InlineData("\"Bob\" <sip:bob@biloxi.com>", true)]
    [InlineData("\"Bob\"<sip:bob@biloxi.com>", true)]
    [InlineData("Bob <sip:bob@biloxi.com> ", true)] // RAQUOT carries SWS
    [InlineData("Bob<sip:bob@biloxi.com>", false)] // a token display-name must be followed by LWS
    [InlineData("sip:bob@biloxi.com", false)] // an addr-spec, not a name-addr
    [InlineData("<sip:bob@biloxi.com", false)]
    public void NameAddr(string text, bool expected) => Check("name-addr", text, expected);

    [Theory]
    [InlineData("INVITE", true)]
    [InlineData("ACK", true)]
    [InlineData("PRACK", true)] // RFC 3262, added with =/
    [InlineData("UPDATE", true)]
    [InlineData("SUBSCRIBE", true)]
    [InlineData("PUBLISH", true)]
    [InlineData("FOO", true)] // extension-method = token
    [InlineData("invite", true)] // not INVITEm (%x case-sensitive), but a token
    [InlineData("X.Y-z!", true)]
    [InlineData("INV ITE", false)]
    [InlineData("INVITE:", false)]
    [InlineData("", false)]
    public void Method(string text, bool expected) => Check("method", text, expected);

    [Theory]
    [InlineData("INVITE", true)]
    [InlineData("invite", false)] // INVITEm is %x49.4E.56.49.54.45: case-sensitive
    [InlineData("Invite", false)]
    public void InviteIsCaseSensitive(string text, bool expected) => Check("invitem", text, expected);

    [Theory]
    [InlineData("200", true)]
    [InlineData("100", true)]
    [InlineData("999", true)] // extension-code = 3DIGIT
    [InlineData("000", true)]
    [InlineData("1000", false)]
    [InlineData("20", false)]
    [InlineData("2OO", false)]
    public void StatusCode(string text, bool expected) => Check("status-code", text, expected);

    [Theory]
    [InlineData("SIP/2.0", true)]
    [InlineData("sip/2.0", true)] // "SIP" is a case-insensitive string
    [InlineData("Sip/2.0", true)]
    [InlineData("SIP/12.34", true)]
    [InlineData("SIP/2", false)]
    [InlineData("SIP/2.0 ", false)]
    [InlineData("SIP /2.0", false)]
    [InlineData("SIPS/2.0", false)]
    public void SipVersion(string text, bool expected) => Check("sip-version", text, expected);

    [Theory]
    [InlineData("INVITE sip:bob@biloxi.com SIP/2.0\r\n", true)]
    [InlineData("REGISTER sips:ss2.biloxi.example.com SIP/2.0\r\n", true)]
    [InlineData("OPTIONS tel:+1-201-555-0123 SIP/2.0\r\n", true)] // absoluteURI
    [InlineData("INVITE sip:bob@biloxi.com SIP/2.0", false)] // CRLF required
    [InlineData("INVITE  sip:bob@biloxi.com SIP/2.0\r\n", false)] // exactly one SP
    [InlineData("INVITE sip:bob@biloxi.com\r\n", false)]
    public void RequestLine(string text, bool expected) => Check("request-line", text, expected);

    [Theory]
    [InlineData("SIP/2.0 200 OK\r\n", true)]
    [InlineData("SIP/2.0 180 \r\n", true)] // empty Reason-Phrase
    [InlineData("SIP/2.0 699 Weird, but fine\r\n", true)]
    [InlineData("SIP/2.0 200 Caf\u00C3\u00A9\r\n", true)]
    [InlineData("SIP/2.0 200\r\n", false)] // the SP before the reason is required
    [InlineData("SIP/2.0 200 OK", false)]
    [InlineData("SIP/2.0 20 OK\r\n", false)]
    public void StatusLine(string text, bool expected) => Check("status-line", text, expected);

    [Theory]
    [InlineData("Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bK776asdhds", true)]
    [InlineData("v: SIP/2.0/TCP [2001:db8::1]:5060;received=192.0.2.1", true)]
    [InlineData("Via: SIP/2.0/UDP pc33.atlanta.com;rport", true)] // RFC 3581, via-params =/
    [InlineData("Via: SIP/2.0/UDP pc33.atlanta.com;rport=5060", true)]
    [InlineData("Via: SIP/2.0/UDP a.com, SIP/2.0/TCP b.com:5061", true)]
    [InlineData("Via: SIP / 2.0 / UDP a.com", true)] // SLASH carries SWS
    [InlineData("VIA: sip/2.0/udp a.com", true)]
    [InlineData("Via: SIP/2.0/UDP a.com;received=2001:db8::1", true)] // via-received takes a bare IPv6address
    [InlineData("Via: SIP/2.0/UDP", false)] // no sent-by
    [InlineData("Via: SIP/2.0/UDPa.com", false)] // LWS required before sent-by
    [InlineData("Via: SIP/2.0/UDP a.com;", false)]
    [InlineData("Via: SIP/2.0/UDP a.com,", false)]
    public void Via(string text, bool expected) => Check("via", text, expected);

    [Theory]
    [InlineData("Contact: *", true)]
    [InlineData("m: *", true)]
    [InlineData("Contact:  * ", true)] // STAR carries SWS
    [InlineData("Contact: <sip:alice@pc33.atlanta.com>", true)]
    [InlineData("Contact: <sip:a@b>;expires=3600;q=0.7, sip:c@d", true)]
    [InlineData("Contact: <sip:a@b>;q=1.5", true)] // not a c-p-q, but a generic-param (contact-extension)
    [InlineData("Contact: <sip:a@b>;+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-000A95A0E128>\";reg-id=1", true)]
    [InlineData("Contact: *, <sip:a@b>", false)]
    [InlineData("Contact: ", false)]
    [InlineData("Contact: <sip:a@b>,", false)]
    public void Contact(string text, bool expected) => Check("contact", text, expected);

    [Theory]
    [InlineData("Max-Forwards: 70", true)]
    [InlineData("max-forwards:0", true)]
    [InlineData("Max-Forwards: 70 ", false)]
    [InlineData("Max-Forwards:", false)]
    [InlineData("Max-Forwards: -1", false)]
    public void MaxForwards(string text, bool expected) => Check("max-forwards", text, expected);

    [Theory]
    [InlineData("CSeq: 4711 INVITE", true)]
    [InlineData("CSeq:4711 INVITE", true)]
    [InlineData("CSeq: 1 FOO", true)]
    [InlineData("CSeq: 4711\r\n INVITE", true)]
    [InlineData("CSeq: 4711INVITE", false)] // LWS required
    [InlineData("CSeq: INVITE", false)]
    [InlineData("CSeq: 4711 ", false)]
    public void CSeq(string text, bool expected) => Check("cseq", text, expected);

    [Theory]
    [InlineData("From: Alice <sip:alice@atlanta.com>;tag=1928301774", true)]
    [InlineData("f: sip:alice@atlanta.com;tag=88", true)]
    [InlineData("From: \"A. G. Bell\" <sip:agb@bell-telephone.com> ;tag=a48s", true)]
    [InlineData("From: <sip:a@b>;tag=", false)] // neither tag-param nor generic-param has an empty value
    [InlineData("From: Alice<sip:alice@atlanta.com>", false)]
    public void From(string text, bool expected) => Check("from", text, expected);

    [Theory]
    [InlineData("To: sip:a@b;tag=x", true)] // ambiguous (uri-parameter or to-param) but in the language
    [InlineData("To: <sip:a@b>;tag=x", true)]
    [InlineData("t: Bob <sip:bob@biloxi.com>", true)]
    [InlineData("To: sip:a@b;tag=x?h=v", true)] // uri-parameter then headers of the addr-spec
    [InlineData("To: <sip:a@b>;tag=x?h=v", false)] // outside <>, "?" cannot follow a to-param
    [InlineData("To:", false)]
    public void To(string text, bool expected) => Check("to", text, expected);

    [Theory]
    [InlineData("Max-Forwards: 70\r\n", true)]
    [InlineData("X-Custom: foo bar\r\n", true)] // extension-header
    [InlineData("Subject: \r\n", true)] // [TEXT-UTF8-TRIM]
    [InlineData("Max-Forwards: 70", false)] // CRLF required
    [InlineData("Max-Forwards: 70\r\n\r\n", false)]
    [InlineData(": x\r\n", false)] // header-name = token (non-empty)
    public void MessageHeader(string text, bool expected) => Check("message-header", text, expected);

    [Theory]
    [InlineData("sdp:version-field", "v=0\r\n", true)]
    [InlineData("sdp:version-field", "V=0\r\n", false)] // %s"v": case-sensitive (RFC 7405)
    [InlineData("sdp:version-field", "v=0", false)]
    [InlineData("sdp:time", "3724394400", true)]
    [InlineData("sdp:time", "372439440", false)] // at least 10 digits
    [InlineData("sdp:time", "0724394400", false)] // POS-DIGIT first
    [InlineData("sdp:connection-field", "c=IN IP4 198.51.100.1\r\n", true)]
    [InlineData("sdp:connection-field", "c=IN IP4 233.252.0.1/127\r\n", true)] // multicast with ttl
    [InlineData("sdp:connection-field", "c=IN IP6 2001:db8::2\r\n", true)]
    [InlineData("sdp:connection-field", "C=IN IP4 198.51.100.1\r\n", false)]
    [InlineData("sdp:connection-field", "c=IN IP4\r\n", false)]
    [InlineData("sdp:media-field", "m=audio 49170 RTP/AVP 0\r\n", true)]
    [InlineData("sdp:media-field", "m=video 51372/2 RTP/AVP 99 100\r\n", true)]
    [InlineData("sdp:media-field", "m=audio 49170 RTP/AVP\r\n", false)] // at least one fmt
    [InlineData("sdp:media-field", "m=audio 49170/0 RTP/AVP 0\r\n", false)] // integer = POS-DIGIT *DIGIT
    [InlineData("sdp:attribute", "rtpmap:99 h263-1998/90000", true)]
    [InlineData("sdp:attribute", "recvonly", true)]
    [InlineData("sdp:attribute", "fmtp:", false)] // attribute-value = byte-string is non-empty
    [InlineData("sdp:attribute", "", false)]
    [InlineData("sdp:email-field", "e=Jane Doe <jane@jdoe.example.com>\r\n", true)]
    [InlineData("sdp:email-field", "e=jane@jdoe.example.com (Jane Doe)\r\n", true)]
    [InlineData("sdp:email-field", "e=jane@jdoe.example.com\r\n", true)]
    [InlineData("sdp:phone-field", "p=+1 617 555-6011\r\n", true)]
    [InlineData("sdp:key-field", "k=prompt\r\n", true)]
    [InlineData("sdp:key-field", "k=PROMPT\r\n", false)] // %s"prompt"
    public void Sdp(string key, string text, bool expected) => Check(key, text, expected);

    /// <summary>The RFC 8866 §5 example session description.</summary>
    [Fact]
    public void SdpSessionDescriptionExample()
    {
        string sdp = string.Join("\r\n",
            "v=0",
            "o=jdoe 3724394400 3724394405 IN IP4 198.51.100.1",
            "s=Call to John Smith",
            "i=SDP Offer #1",
            "u=http://www.jdoe.example.com/home.html",
            "e=Jane Doe <jane@jdoe.example.com>",
            "p=+1 617 555-6011",
            "c=IN IP4 198.51.100.1",
            "t=0 0",
            "m=audio 49170 RTP/AVP 0",
            "m=audio 49180 RTP/AVP 0",
            "m=video 51372 RTP/AVP 99",
            "c=IN IP6 2001:db8::2",
            "a=rtpmap:99 h263-1998/90000") + "\r\n";
        Check("sdp:session-description", sdp, true);
        Check("sdp:session-description", sdp.Replace("t=0 0\r\n", ""), false); // 1*time-description
        Check("sdp:session-description", sdp.Replace("s=Call to John Smith", "s="), false); // text is non-empty
    }
}
