using System.Buffers;
using Sip.Generated.Grammar;
using Sip.Runtime.Message;
using static Sip.Runtime.Tests.Handling;

namespace Sip.Runtime.Tests;

/// <summary>
/// Every RFC 4475 torture message, as a UDP datagram, gets the handling its MANIFEST's <c>expected_handling</c> asks
/// for: accepted by parser and validator, or refused with the named response (dropped for responses). Where the RFC
/// allows either, the table says which one this implementation chose, and the test pins it.
/// </summary>
public sealed class Rfc4475HandlingTests
{
    private static readonly IReadOnlyList<IReadOnlyDictionary<string, string>> Manifest = Corpus.Manifest("rfc4475");

    /// <param name="Phrase">Words of the MANIFEST's expected_handling that the chosen verdict satisfies.</param>
    /// <param name="Lenient">Verdict with <see cref="SipParserOptions.Default"/>.</param>
    /// <param name="Strict">Verdict with <see cref="SipParserOptions.StrictDefault"/> (null: same as lenient).</param>
    /// <param name="Role">Checks after parsing (UAS for 501/416/420, proxy for 483).</param>
    /// <param name="Code">The error code (lenient), when refused.</param>
    /// <param name="Header">The header the error names, if any.</param>
    /// <param name="StrictCode">The error code in strict mode, when it differs.</param>
    private sealed record Case(string Phrase, string Lenient, string? Strict = null, Role Role = Role.Any,
        SipErrorCode Code = SipErrorCode.None, HeaderKind Header = HeaderKind.Unknown, SipErrorCode StrictCode = SipErrorCode.None);

    private static Case Accept(string phrase) => new(phrase, "accept");

    private static readonly Dictionary<string, Case> Cases = new()
    {
        // §3.1.1 valid messages
        ["wsinv.dat"] = Accept("accept as well-formed"),
        ["intmeth.dat"] = new("UA answers 501", "respond 501", Role: Role.UserAgentServer, Code: SipErrorCode.MethodNotImplemented),
        ["esc01.dat"] = Accept("accept"),
        ["escnull.dat"] = Accept("accept"),
        ["esc02.dat"] = new("UA answers 501", "respond 501", Role: Role.UserAgentServer, Code: SipErrorCode.MethodNotImplemented),
        // Tolerated in both modes: RFC 4475 calls the grammar's refusal a specification bug.
        ["lwsdisp.dat"] = Accept("accept as well-formed despite the grammar"),
        ["longreq.dat"] = Accept("accept as well-formed"),
        ["dblreq.dat"] = Accept("process the REGISTER, ignore the trailing octets"),
        ["semiuri.dat"] = Accept("accept"),
        ["transports.dat"] = Accept("accept"),
        ["mpart01.dat"] = Accept("frame strictly by Content-Length (553)"),
        ["unreason.dat"] = Accept("accept as well-formed"),
        ["noreason.dat"] = Accept("accept; the SP after the code is required"),
        // §3.1.2 invalid messages
        ["badinv01.dat"] = new("respond 400", "respond 400", Code: SipErrorCode.HeaderGrammar, Header: HeaderKind.Via),
        ["clerr.dat"] = new("over UDP respond 400", "respond 400", Code: SipErrorCode.BodyTruncated),
        ["ncl.dat"] = new("respond with an error", "respond 400", Code: SipErrorCode.InvalidContentLength, Header: HeaderKind.ContentLength),
        ["scalar02.dat"] = new("respond 400 (because of the CSeq)", "respond 400", Code: SipErrorCode.CSeqOutOfRange, Header: HeaderKind.CSeq),
        // Strict mode finds the Warning line (warn-code = 3DIGIT) first; either way the response is dropped.
        ["scalarlg.dat"] = new("discard the response", "drop 400", Code: SipErrorCode.CSeqOutOfRange, Header: HeaderKind.CSeq, StrictCode: SipErrorCode.HeaderGrammar),
        ["quotbal.dat"] = new("respond 400", "respond 400", Code: SipErrorCode.HeaderGrammar, Header: HeaderKind.To),
        ["ltgtruri.dat"] = new("respond 400", "respond 400", Code: SipErrorCode.InvalidRequestUri, StrictCode: SipErrorCode.StartLineGrammar),
        ["lwsruri.dat"] = new("respond 400", "respond 400", Code: SipErrorCode.InvalidRequestUri, StrictCode: SipErrorCode.StartLineGrammar),
        // Choice: lenient mode is the liberal element; strict mode rejects.
        ["lwsstart.dat"] = new("liberal elements may ignore extra SP", "accept", "respond 400", StrictCode: SipErrorCode.StartLineGrammar),
        ["trws.dat"] = new("liberal elements may ignore trailing SP", "accept", "respond 400", StrictCode: SipErrorCode.StartLineGrammar),
        // Choice: 400 in both modes (RFC 3261 §19.1.1 Table 1).
        ["escruri.dat"] = new("may respond 400", "respond 400", Code: SipErrorCode.RequestUriHeaders),
        // Choice: lenient ignores the Date value; strict rejects it.
        ["baddate.dat"] = new("liberal elements ignore or convert the Date value", "accept", "respond 400", StrictCode: SipErrorCode.HeaderGrammar),
        ["regbadct.dat"] = new("respond 400", "respond 400", Code: SipErrorCode.NameAddrRequired, Header: HeaderKind.Contact),
        ["badaspec.dat"] = new("reasonable to respond 400", "respond 400", Code: SipErrorCode.HeaderGrammar, Header: HeaderKind.To),
        // Lenient: the datagram's missing empty line is tolerated and To (checked before From) fails; strict: the missing empty line.
        ["baddn.dat"] = new("respond 400", "respond 400", Code: SipErrorCode.HeaderGrammar, Header: HeaderKind.To, StrictCode: SipErrorCode.MissingEmptyLine),
        ["badvers.dat"] = new("respond 505", "respond 505", Code: SipErrorCode.VersionNotSupported),
        ["mismatch01.dat"] = new("respond 400", "respond 400", Code: SipErrorCode.CSeqMethodMismatch, Header: HeaderKind.CSeq),
        // Choice: 501 at a UAS (the method is checked before the CSeq method); see MismatchAndUnknownMethod.
        ["mismatch02.dat"] = new("respond 501", "respond 501", Role: Role.UserAgentServer, Code: SipErrorCode.MethodNotImplemented),
        ["bigcode.dat"] = new("drop the response", "drop 400", Code: SipErrorCode.InvalidStatusCode, StrictCode: SipErrorCode.StartLineGrammar),
        // §3.2, §3.3, §3.4
        // Choice: accept (a syntactically valid token); transaction matching is not the parser's business.
        ["badbranch.dat"] = Accept("parser must not break"),
        ["insuf.dat"] = new("ideally respond 400", "respond 400", Code: SipErrorCode.MissingHeader, Header: HeaderKind.To),
        ["unkscm.dat"] = new("respond 416", "respond 416", Role: Role.UserAgentServer, Code: SipErrorCode.UnsupportedUriScheme),
        // Choice: 416 (soap.beep is not a scheme this element handles).
        ["novelsc.dat"] = new("416 or 404", "respond 416", Role: Role.UserAgentServer, Code: SipErrorCode.UnsupportedUriScheme),
        ["unksm2.dat"] = new("proxies process normally", "accept", Role: Role.Proxy),
        ["bext01.dat"] = new("respond 420 Bad Extension", "respond 420", Role: Role.UserAgentServer, Code: SipErrorCode.BadExtension, Header: HeaderKind.Require),
        ["invut.dat"] = Accept("parse as well-formed"),
        ["regaut01.dat"] = Accept("parse as well-formed"),
        ["multi01.dat"] = new("respond 400", "respond 400", Code: SipErrorCode.DuplicateHeader, Header: HeaderKind.CSeq),
        ["mcl01.dat"] = new("respond with an error", "respond 400", Code: SipErrorCode.ConflictingContentLength, Header: HeaderKind.ContentLength),
        ["bcast.dat"] = Accept("parse as well-formed"),
        ["zeromf.dat"] = new("proxy responds 483", "respond 483", Role: Role.Proxy, Code: SipErrorCode.TooManyHops, Header: HeaderKind.MaxForwards),
        ["cparam01.dat"] = Accept("register"),
        ["cparam02.dat"] = Accept("register"),
        ["regescrt.dat"] = Accept("register"),
        ["sdp01.dat"] = Accept("parse as well-formed"),
        ["inv2543.dat"] = Accept("accept for backward compatibility; body framed by end of datagram"),
        ["test.dat"] = new("malformed per RFC 3261 ABNF", "respond 400", Code: SipErrorCode.InvalidStartLine, StrictCode: SipErrorCode.StartLineGrammar),
    };

    public static TheoryData<string> Files() => new(Manifest.Select(r => r["file"]));

    [Fact]
    public void EveryFileHasAChosenHandling()
    {
        Assert.Equal(50, Manifest.Count);
        Assert.Equal(Manifest.Select(r => r["file"]).Order(StringComparer.Ordinal), Cases.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void GetsTheHandlingTheManifestAsksFor(string file)
    {
        Case c = Cases[file];
        string handling = Manifest.Single(r => r["file"] == file)["expected_handling"];
        Assert.Contains(c.Phrase, handling, StringComparison.Ordinal);

        byte[] bytes = Corpus.Bytes("rfc4475", file);
        foreach (bool strict in new[] { false, true })
        {
            SipParserOptions options = strict ? SipParserOptions.StrictDefault : SipParserOptions.Default;
            string expected = strict ? c.Strict ?? c.Lenient : c.Lenient;
            string verdict = Verdict(bytes, options, c.Role, out SipParseError error, out SipMessage message);
            string mode = strict ? "strict" : "lenient";
            Assert.True(expected == verdict, $"{file} ({mode}): expected {expected}, got {verdict}: {error.Describe(message.Source.Span)}");
            if (verdict == "accept")
            {
                Assert.False(error.IsError);
                continue;
            }
            SipErrorCode code = strict && c.StrictCode != SipErrorCode.None ? c.StrictCode : c.Code;
            Assert.True(code == error.Code, $"{file} ({mode}): {error.Code}, expected {code}: {error.Describe(message.Source.Span)}");
            if (!strict || c.StrictCode == SipErrorCode.None)
            {
                Assert.Equal(c.Header, error.Header);
                if (c.Header != HeaderKind.Unknown)
                {
                    Assert.Contains(SipHeaders.LongName(c.Header), error.Describe(), StringComparison.Ordinal);
                    if (error.Code != SipErrorCode.MissingHeader) Assert.True(error.Line > 1, "a header error names its line");
                }
            }
            Assert.Equal(SipParseError.ReasonPhraseOf(error.StatusCode), error.ReasonPhrase);
        }
    }

    private static SipMessage Parse(string file, SipParserOptions? options = null)
    {
        var message = new SipMessage();
        Assert.Equal(OperationStatus.Done, SipMessageParser.ParseDatagram(Corpus.Bytes("rfc4475", file), message, options ?? SipParserOptions.Default, out SipParseError error));
        Assert.False(error.IsError);
        return message;
    }

    /// <summary>intmeth and esc02 are well-formed: a proxy forwards them; only a UA that lacks the method answers 501 (RFC 4475 §3.1.1.2, §3.1.1.5).</summary>
    [Theory]
    [InlineData("intmeth.dat")]
    [InlineData("esc02.dat")]
    public void UnknownMethod_IsForwardedByAProxy(string file)
    {
        Assert.Equal("accept", Verdict(Corpus.Bytes("rfc4475", file), SipParserOptions.Default, Role.Proxy, out _, out _));
        Assert.Equal("accept", Verdict(Corpus.Bytes("rfc4475", file), SipParserOptions.StrictDefault, Role.Proxy, out _, out _));
    }

    /// <summary>RFC 4475 §3.1.1.5: RE%47IST%45R is not REGISTER, and C%6Fntact is an unknown header, so there are two Contact values, not three.</summary>
    [Fact]
    public void Esc02_HasTwoContactValuesAndAnUnknownHeader()
    {
        SipMessage m = Parse("esc02.dat");
        Assert.Equal("RE%47IST%45R", m.GetString(m.Method));
        Assert.False(m.MethodIs("REGISTER"u8));
        var contacts = new List<string>();
        foreach (SipRange v in m.Values(HeaderKind.Contact)) contacts.Add(m.GetString(v));
        Assert.Equal(["<sip:alias1@host1.example.com>", "<sip:alias3@host3.example.com>"], contacts);
        Assert.True(m.TryGetFirst("c%6fNTACT"u8, out HeaderField unknown));
        Assert.Equal(HeaderKind.Unknown, unknown.Kind);
        Assert.Equal("C%6Fntact", m.GetString(unknown.Name));
        Assert.Equal("<sip:alias2@host2.example.com>", m.GetString(unknown.Value));
    }

    /// <summary>RFC 4475 §3.1.2.18: without the UAS method check the CSeq mismatch is found: 400, which the RFC calls acceptable.</summary>
    [Fact]
    public void MismatchAndUnknownMethod_Is400WithoutTheMethodCheck()
    {
        Assert.Equal("respond 400", Verdict(Corpus.Bytes("rfc4475", "mismatch02.dat"), SipParserOptions.Default, Role.Any, out SipParseError error, out _));
        Assert.Equal(SipErrorCode.CSeqMethodMismatch, error.Code);
        Assert.Contains("400", Manifest.Single(r => r["file"] == "mismatch02.dat")["expected_handling"], StringComparison.Ordinal);
    }

    /// <summary>RFC 4475 §3.3.5: 420 names both unsupported Require tags; a proxy refuses the Proxy-Require tags the same way.</summary>
    [Fact]
    public void Bext01_ReportsTheUnsupportedOptionTags()
    {
        SipMessage m = Parse("bext01.dat");
        Span<SipRange> tags = stackalloc SipRange[4];
        int n = SipMessageValidator.UnsupportedOptionTags(m, HeaderKind.Require, ["100rel"], tags);
        Assert.Equal(2, n);
        Assert.Equal("nothingSupportsThis", m.GetString(tags[0]));
        Assert.Equal("nothingSupportsThisEither", m.GetString(tags[1]));

        Assert.Equal("respond 420", Verdict(Corpus.Bytes("rfc4475", "bext01.dat"), SipParserOptions.Default, Role.Proxy, out SipParseError error, out _));
        Assert.Equal(HeaderKind.ProxyRequire, error.Header);
        Assert.Equal(2, SipMessageValidator.UnsupportedOptionTags(m, HeaderKind.ProxyRequire, [], tags));
        Assert.Equal("noProxiesSupportThis", m.GetString(tags[0]));

        // Supported (case-insensitively): accepted.
        var policy = new SipValidationPolicy { OptionTags = ["NOTHINGSUPPORTSTHIS", "nothingSupportsThisEither"] };
        Assert.Equal("accept", Verdict(Corpus.Bytes("rfc4475", "bext01.dat"), SipParserOptions.Default, Role.UserAgentServer, out _, out _, policy));
    }

    /// <summary>RFC 4475 §3.3.11: Max-Forwards 0 is legal for a parser and an endpoint; a proxy answers 483.</summary>
    [Fact]
    public void Zeromf_IsLegalForAnEndpoint()
    {
        Assert.Equal("accept", Verdict(Corpus.Bytes("rfc4475", "zeromf.dat"), SipParserOptions.Default, Role.UserAgentServer, out _, out _));
        Assert.Equal("accept", Verdict(Corpus.Bytes("rfc4475", "zeromf.dat"), SipParserOptions.StrictDefault, Role.Any, out _, out _));
    }

    /// <summary>RFC 4475 §3.3.2-3.3.3: the unusual schemes parse well-formed; only the scheme check answers 416.</summary>
    [Theory]
    [InlineData("unkscm.dat", "nobodyKnowsThisScheme")]
    [InlineData("novelsc.dat", "soap.beep")]
    public void UnknownScheme_ParsesAndIsRefusedBySchemeCheck(string file, string scheme)
    {
        Assert.Equal("accept", Verdict(Corpus.Bytes("rfc4475", file), SipParserOptions.StrictDefault, Role.Proxy,
            out _, out SipMessage m, new SipValidationPolicy { UriSchemes = ["sip", scheme.ToUpperInvariant()] }));
        Assert.StartsWith(scheme + ":", m.GetString(m.RequestUri), StringComparison.Ordinal);
        Assert.False(SipMessageValidator.CheckRequestUriScheme(m, ["sip", "sips"], out SipParseError error));
        Assert.Equal(416, error.StatusCode);
        Assert.Equal("Unsupported URI Scheme", error.ReasonPhrase);
    }

    /// <summary>RFC 4475 §3.1.1.8: the REGISTER is framed by Content-Length 0; the INVITE-looking octets after it are ignored.</summary>
    [Fact]
    public void Dblreq_TrailingOctetsAreIgnored()
    {
        byte[] datagram = Corpus.Bytes("rfc4475", "dblreq.dat");
        SipMessage m = Parse("dblreq.dat");
        Assert.True(m.MethodIs("REGISTER"u8));
        Assert.Equal(0, m.DeclaredContentLength);
        Assert.True(m.Body.IsEmpty);
        Assert.True(m.Length < datagram.Length);
        Assert.True(datagram.AsSpan(m.Length).StartsWith("\r\nINVITE "u8));

        // On a stream the same octets are two messages; the leading CRLF before the second is skipped.
        var stream = new ReadOnlySequence<byte>(datagram);
        Assert.Equal(OperationStatus.Done, SipMessageParser.ParseStream(stream, m, SipParserOptions.Default, out SequencePosition consumed, out _));
        Assert.Equal(m.Length, stream.Slice(0, consumed).Length);
        Assert.Equal(OperationStatus.Done, SipMessageParser.ParseStream(stream.Slice(consumed), m, SipParserOptions.Default, out _, out _));
        Assert.True(m.MethodIs("INVITE"u8));
    }

    /// <summary>RFC 4475 §3.1.1.11: the body is 553 octets holding NUL and bare LF, framed by Content-Length alone.</summary>
    [Fact]
    public void Mpart01_BinaryBodyIsFramedByContentLength()
    {
        byte[] bytes = Corpus.Bytes("rfc4475", "mpart01.dat");
        foreach (SipMessage m in new[] { Parse("mpart01.dat"), ParseStream(bytes) })
        {
            Assert.Equal(553, m.DeclaredContentLength);
            Assert.Equal(553, m.Body.Length);
            Assert.Equal(bytes.Length, m.Body.End);
            Assert.Contains((byte)0, m.Span(m.Body).ToArray());
        }
    }

    private static SipMessage ParseStream(byte[] bytes)
    {
        var m = new SipMessage();
        Assert.Equal(OperationStatus.Done, SipMessageParser.ParseStream(new ReadOnlySequence<byte>(bytes), m, SipParserOptions.Default, out _, out _));
        return m;
    }

    /// <summary>RFC 4475 §3.1.2.2, §3.1.2.3, §3.3.9 and §3.4.1 over a stream: wait for a short body; close after a framing error.</summary>
    [Theory]
    [InlineData("clerr.dat", OperationStatus.NeedMoreData, SipErrorCode.None, SipErrorAction.Respond)]
    [InlineData("ncl.dat", OperationStatus.InvalidData, SipErrorCode.InvalidContentLength, SipErrorAction.RespondAndClose)]
    [InlineData("mcl01.dat", OperationStatus.InvalidData, SipErrorCode.ConflictingContentLength, SipErrorAction.RespondAndClose)]
    [InlineData("inv2543.dat", OperationStatus.InvalidData, SipErrorCode.MissingContentLength, SipErrorAction.RespondAndClose)]
    public void FramingOverAStream(string file, OperationStatus status, SipErrorCode code, SipErrorAction action)
    {
        var m = new SipMessage();
        var buffer = new ReadOnlySequence<byte>(Corpus.Bytes("rfc4475", file));
        Assert.Equal(status, SipMessageParser.ParseStream(buffer, m, SipParserOptions.Default, out SequencePosition consumed, out SipParseError error));
        Assert.Equal(code, error.Code);
        if (code != SipErrorCode.None) Assert.Equal(action, error.Action);
        Assert.Equal(0, buffer.Slice(0, consumed).Length);
    }

    /// <summary>RFC 4475 §3.4.1: an RFC 2543 datagram without Content-Length: the body is the rest of the datagram.</summary>
    [Fact]
    public void Inv2543_BodyRunsToTheEndOfTheDatagram()
    {
        byte[] bytes = Corpus.Bytes("rfc4475", "inv2543.dat");
        SipMessage m = Parse("inv2543.dat");
        Assert.Equal(-1, m.DeclaredContentLength);
        Assert.Equal(bytes.Length, m.Body.End);
        Assert.True(m.Span(m.Body).StartsWith("v=0\r\n"u8));
        Assert.Equal(0, m.Count(HeaderKind.MaxForwards));
    }

    /// <summary>RFC 4475 §3.1.1.6: the From field "caller&lt;sip:...&gt;" is indexed and accepted, in strict mode too.</summary>
    [Fact]
    public void Lwsdisp_DisplayNameWithoutLwsIsTolerated()
    {
        SipMessage m = Parse("lwsdisp.dat", SipParserOptions.StrictDefault);
        Assert.True(m.TryGetFirst(HeaderKind.From, out HeaderField from));
        Assert.Equal("caller<sip:caller@example.com>;tag=323", m.GetString(from.Value));
        Assert.False(SipHeaders.IsMatch(HeaderKind.From, m.Span(from.Line)));
        Assert.True(SipMessageValidator.Validate(m, out _));
    }

    /// <summary>RFC 4475 §3.1.2.9/§3.1.2.10 in lenient mode: the Request-Line's parts are found despite the extra SP.</summary>
    [Theory]
    [InlineData("lwsstart.dat", "INVITE", "sip:user@example.com", "SIP/2.0")]
    [InlineData("trws.dat", "OPTIONS", "sip:remote-target@example.com", "SIP/2.0")]
    public void ExtraSpaceInTheRequestLine_IsIgnoredInLenientMode(string file, string method, string uri, string version)
    {
        SipMessage m = Parse(file);
        Assert.Equal(method, m.GetString(m.Method));
        Assert.Equal(uri, m.GetString(m.RequestUri));
        Assert.Equal(version, m.GetString(m.Version));
    }

    /// <summary>A UAS's RFC 2543 compatibility: requiring Max-Forwards (RFC 3261 §8.1.1) refuses inv2543.dat with 400.</summary>
    [Fact]
    public void Inv2543_IsRefusedWhenMaxForwardsIsRequired()
    {
        var policy = new SipValidationPolicy { RequireMaxForwards = true };
        Assert.Equal("respond 400", Verdict(Corpus.Bytes("rfc4475", "inv2543.dat"), SipParserOptions.Default, Role.Any, out SipParseError error, out _, policy));
        Assert.Equal(SipErrorCode.MissingHeader, error.Code);
        Assert.Equal(HeaderKind.MaxForwards, error.Header);
        Assert.Contains("no Max-Forwards header", error.Describe(), StringComparison.Ordinal);
    }
}
