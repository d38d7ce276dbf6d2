using System.Buffers;
using System.Text;
using Sip.Generated.Grammar;
using Sip.Runtime.Addressing;
using Sip.Runtime.Headers;
using Sip.Runtime.Message;

namespace Sip.Runtime.Tests;

/// <summary>Typed header values read through the generated <c>SipMessage</c> properties (one per <c>;@value</c> header).</summary>
public class TypedHeaderTests
{
    private static SipMessage Parse(string text)
    {
        var message = new SipMessage();
        OperationStatus status = SipMessageParser.ParseDatagram(Encoding.UTF8.GetBytes(text), message, SipParserOptions.Default, out SipParseError error);
        Assert.True(status == OperationStatus.Done, error.ToString());
        return message;
    }

    private static string S(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);

    private static T Value<T>(string value) where T : struct, ISipHeaderValue<T>
    {
        SipHeaderValue.TryParse(Encoding.UTF8.GetBytes(value), out T result);
        return result;
    }

    private static string Canonical<T>(string value) where T : struct, ISipHeaderValue<T>
    {
        var output = new ArrayBufferWriter<byte>();
        Value<T>(value).WriteTo(output);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private const string Invite =
        "INVITE sip:bob@biloxi.com SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bK776asdhds;rport\r\n" +
        "v: SIP / 2.0 / TCP [2001:db8::9:1]:5070 ;received=192.0.2.4;rport=5061, SIP/2.0/TLS h.example.com;ttl=16;maddr=224.2.0.1;branch=z9hG4bKx\r\n" +
        "Max-Forwards: 70\r\n" +
        "To: Bob <sip:bob@biloxi.com>\r\n" +
        "f: \"Alice \\\"A\\\" Liddell\" <sip:alice@atlanta.com;transport=tcp>;tag=1928301774\r\n" +
        "Call-ID: a84b4c76e66710@pc33.atlanta.com\r\n" +
        "CSeq: 314159 INVITE\r\n" +
        "Contact: <sip:alice@pc33.atlanta.com>;q=0.7;expires=3600,\r\n sip:alice@192.0.2.9;q=1\r\n" +
        "Content-Type: application/sdp;charset=utf-8\r\n" +
        "Authorization: Digest username=\"alice\", realm=\"atlanta.com\",\r\n nonce=\"84a4cc6f3082121f32b42a2187831a9e\", uri=\"sip:bob@biloxi.com\", response=\"7587245234b3434cc3412213e5f113a5432\", nc=00000001\r\n" +
        "Supported: 100rel, timer\r\n" +
        "Supported: replaces\r\n" +
        "Content-Length: 0\r\n" +
        "\r\n";

    [Fact]
    public void Via_ExposesEveryPartAndParameter()
    {
        SipMessage m = Parse(Invite);
        var vias = new List<ViaValue>();
        foreach (ViaValue v in m.Via) vias.Add(v);
        Assert.Equal(3, vias.Count);
        Assert.All(vias, v => Assert.True(v.IsValid));

        Assert.Equal("SIP", S(vias[0].ProtocolName));
        Assert.Equal("2.0", S(vias[0].ProtocolVersion));
        Assert.Equal("UDP", S(vias[0].Transport));
        Assert.Equal("pc33.atlanta.com", S(vias[0].Host));
        Assert.Equal(-1, vias[0].Port);
        Assert.Equal("z9hG4bK776asdhds", S(vias[0].Branch));
        Assert.True(vias[0].HasMagicCookie);
        Assert.True(vias[0].HasRport);
        Assert.Equal(-1, vias[0].Rport);

        // LWS around SLASH and before SEMI is allowed (sent-protocol uses SLASH = SWS "/" SWS).
        Assert.Equal("TCP", S(vias[1].Transport));
        Assert.Equal("[2001:db8::9:1]", S(vias[1].Host));
        Assert.Equal(5070, vias[1].Port);
        Assert.Equal("192.0.2.4", S(vias[1].Received));
        Assert.Equal(5061, vias[1].Rport);
        Assert.True(vias[1].Branch.IsEmpty);

        Assert.Equal(16, vias[2].Ttl);
        Assert.Equal("224.2.0.1", S(vias[2].Maddr));
        Assert.Equal(3, vias[2].Parameters.Count);
    }

    [Fact]
    public void Addresses_DisplayNameUriAndParameters()
    {
        SipMessage m = Parse(Invite);
        AddressValue to = m.To.First;
        Assert.True(to.IsValid);
        Assert.Equal("Bob", S(to.DisplayName));
        Assert.Equal("sip:bob@biloxi.com", S(to.Uri));
        Assert.True(to.Tag.IsEmpty);

        AddressValue from = m.From.First;
        Assert.True(from.IsDisplayNameQuoted);
        Assert.Equal("\"Alice \\\"A\\\" Liddell\"", S(from.DisplayName));
        Assert.Equal("1928301774", S(from.Tag));
        Assert.True(from.TryGetSipUri(out SipUri uri));
        Assert.Equal("atlanta.com", S(uri.Host));
        Assert.Equal("tcp", S(uri.Transport));

        var contacts = new List<AddressValue>();
        foreach (AddressValue c in m.Contact) contacts.Add(c);
        Assert.Equal(2, contacts.Count);
        Assert.Equal(700, contacts[0].Q);
        Assert.Equal(3600, contacts[0].Expires);
        Assert.False(contacts[1].HasAngleBrackets);
        Assert.Equal("sip:alice@192.0.2.9", S(contacts[1].Uri));
        Assert.Equal(1000, contacts[1].Q);
        Assert.Equal(-1, contacts[1].Expires);
    }

    [Fact]
    public void BareAddrSpec_ParametersAreHeaderParameters_Rfc3261Section20()
    {
        // "If the URI is not enclosed in angle brackets, any semicolon-delimited parameters are header-parameters".
        AddressValue a = Value<AddressValue>("sip:alice@atlanta.com;tag=88sja8x;transport=tcp");
        Assert.True(a.IsValid);
        Assert.Equal("sip:alice@atlanta.com", S(a.Uri));
        Assert.Equal("88sja8x", S(a.Tag));
        Assert.Equal("tcp", S(a.Parameters.ValueOf("transport"u8)));
        // Written back, the URI goes in angle brackets so the parameters stay header parameters.
        Assert.Equal("<sip:alice@atlanta.com>;tag=88sja8x;transport=tcp", Canonical<AddressValue>("sip:alice@atlanta.com ; tag = 88sja8x;transport=tcp"));
    }

    [Theory]
    [InlineData("*", true, true)]
    [InlineData("  *  ", true, true)]
    [InlineData("* ;expires=0", false, false)]
    [InlineData("*x <sip:a@b>", true, false)]
    public void ContactWildcard(string value, bool valid, bool wildcard)
    {
        AddressValue a = Value<AddressValue>(value);
        Assert.Equal(valid, a.IsValid);
        Assert.Equal(wildcard, a.IsWildcard);
    }

    [Fact]
    public void SipSchemeMustBeASipUri_Rfc3261Section19_1()
    {
        // The typed value reads "sip:a@b;" leniently (its URI is not a SIP-URI, so TryGetSipUri fails) ...
        AddressValue a = Value<AddressValue>("sip:a@b;");
        Assert.True(a.IsValid);
        Assert.Equal("sip:a@b;", S(a.Uri));
        Assert.False(a.TryGetSipUri(out _));
        // ... and validation refuses it: the header rule takes it as an absoluteURI, §19.1 does not.
        SipMessage m = Parse(Invite.Replace("To: Bob <sip:bob@biloxi.com>", "To: sip:bob@biloxi.com;", StringComparison.Ordinal));
        Assert.False(SipMessageValidator.Validate(m, out SipParseError error));
        Assert.Equal((SipErrorCode.HeaderUriNotSipUri, HeaderKind.To, 400), (error.Code, error.Header, error.StatusCode));
        Assert.True(SipMessageValidator.Validate(Parse(Invite), out _));
    }

    [Fact]
    public void BareUri_EndsWhereTheGrammarSaysAndIdentityHeadersHaveNoParameters()
    {
        // "C+:" is no absoluteURI (opaque-part needs a character), so ";6" belongs to the URI.
        AddressValue a = Value<AddressValue>("C+:;6");
        Assert.Equal("C+:;6", S(a.Uri));
        Assert.True(a.Parameters.IsEmpty);
        // P-Asserted-Identity = name-addr / addr-spec: a bare tel URI keeps its parameters.
        IdentityValue id = Value<IdentityValue>("tel:+15551234;phone-context=example.com");
        Assert.True(id.IsValid);
        Assert.Equal("tel:+15551234;phone-context=example.com", S(id.Uri));
        Assert.False(Value<IdentityValue>("<sip:a@b>;x=1").IsValid);
    }

    [Theory]
    [InlineData("Mr. Watson <sip:watson@worcester.bell-telephone.com>;q=0.7", "Mr. Watson", "sip:watson@worcester.bell-telephone.com")]
    [InlineData("<sip:carol@chicago.com>", "", "sip:carol@chicago.com")]
    [InlineData("\"\" <tel:+1-201-555-0123>", "\"\"", "tel:+1-201-555-0123")]
    [InlineData("A\r\n B   <urn:x:y>", "A\r\n B", "urn:x:y")]
    public void NameAddrForms(string value, string display, string uri)
    {
        AddressValue a = Value<AddressValue>(value);
        Assert.True(a.IsValid);
        Assert.Equal(display, S(a.DisplayName));
        Assert.Equal(uri, S(a.Uri));
        Assert.True(a.HasAngleBrackets);
    }

    [Theory]
    [InlineData("<sip:a@b")]
    [InlineData("\"unterminated <sip:a@b>")]
    [InlineData("Bob sip:bob@b")]
    [InlineData("sip:a@b;=x y")]
    [InlineData("")]
    public void MalformedAddresses_AreInvalidNotThrown(string value) => Assert.False(Value<AddressValue>(value).IsValid);

    [Fact]
    public void CSeq_NumberAndMethod()
    {
        CSeqValue c = Parse(Invite).CSeq.First;
        Assert.True(c.IsValid);
        Assert.Equal(314159u, c.Number);
        Assert.Equal("INVITE", S(c.Method));
        Assert.Equal(SipMethod.Invite, c.MethodKind);

        Assert.Equal(4294967295u, Value<CSeqValue>("4294967295 FOO").Number);
        Assert.Equal(SipMethod.Unknown, Value<CSeqValue>("1 FOO").MethodKind);
        // §20.16: the number MUST be expressible as a 32-bit unsigned integer.
        Assert.False(Value<CSeqValue>("4294967296 INVITE").IsValid);
        Assert.False(Value<CSeqValue>("1INVITE").IsValid);
        Assert.False(Value<CSeqValue>("1 INVITE x").IsValid);
        Assert.False(Value<CSeqValue>("INVITE").IsValid);
        Assert.Equal("8 ACK", Canonical<CSeqValue>("8 \r\n ACK"));
    }

    [Fact]
    public void RAck_ThreeParts()
    {
        RAckValue r = Value<RAckValue>("776656 1 INVITE");
        Assert.True(r.IsValid);
        Assert.Equal(776656u, r.ResponseNumber);
        Assert.Equal(1u, r.CSeqNumber);
        Assert.Equal("INVITE", S(r.Method));
        Assert.False(Value<RAckValue>("776656 INVITE").IsValid);
    }

    [Fact]
    public void Numbers_WithCommentAndParameters()
    {
        SipMessage m = Parse(Invite);
        Assert.Equal(70u, m.MaxForwards.First.Value);
        Assert.Equal(0u, m.ContentLength.First.Value);

        NumberValue retry = Value<NumberValue>("18000;duration=3600");
        Assert.Equal(18000u, retry.Value);
        Assert.Equal("3600", S(retry.Parameters.ValueOf("duration"u8)));
        NumberValue withComment = Value<NumberValue>("120 (I'm in a meeting (really))");
        Assert.True(withComment.IsValid);
        Assert.Equal("(I'm in a meeting (really))", S(withComment.Comment));
        Assert.False(Value<NumberValue>("-1").IsValid);
        Assert.False(Value<NumberValue>("99999999999").IsValid);
        Assert.False(Value<NumberValue>("12 abc").IsValid);
    }

    [Fact]
    public void Tokens_ListElementsAcrossFields()
    {
        var tags = new List<string>();
        foreach (TokenValue t in Parse(Invite).Supported) tags.Add(S(t.Value));
        Assert.Equal(["100rel", "timer", "replaces"], tags);

        TokenValue callId = Parse(Invite).CallID.First;
        Assert.Equal("a84b4c76e66710@pc33.atlanta.com", S(callId.Value));

        TokenValue state = Value<TokenValue>("active;expires=60");
        Assert.Equal("active", S(state.Value));
        Assert.Equal("60", S(state.Parameters.ValueOf("EXPIRES"u8)));
        TokenValue reason = Value<TokenValue>("SIP ;cause=200 ;text=\"Call completed elsewhere\"");
        Assert.True(reason.Parameters.TryGet("text"u8, out SipParameter text));
        Assert.True(text.IsQuoted);
        Assert.Equal("Call completed elsewhere", S(text.UnquotedValue));
        Assert.Equal("SIP;cause=200;text=\"Call completed elsewhere\"", Canonical<TokenValue>("SIP ;cause=200 ;text=\"Call completed elsewhere\""));
    }

    [Fact]
    public void MediaType_TypeSubtypeParameters()
    {
        MediaTypeValue ct = Parse(Invite).ContentType.First;
        Assert.True(ct.Is("APPLICATION"u8, "SDP"u8));
        Assert.Equal("utf-8", S(ct.Parameters.ValueOf("charset"u8)));
        Assert.Equal("multipart/mixed;boundary=\"x y\"", Canonical<MediaTypeValue>("multipart / mixed ; boundary=\"x y\""));
        Assert.False(Value<MediaTypeValue>("application").IsValid);
    }

    [Fact]
    public void Authorization_SchemeAndEachAuthParam()
    {
        AuthValue auth = Parse(Invite).Authorization.First;
        Assert.True(auth.IsValid);
        Assert.True(auth.IsDigest);
        Assert.Equal("alice", S(auth.Username));
        Assert.Equal("atlanta.com", S(auth.Realm));
        Assert.Equal("84a4cc6f3082121f32b42a2187831a9e", S(auth.Nonce));
        Assert.Equal("sip:bob@biloxi.com", S(auth.DigestUri));
        Assert.Equal("00000001", S(auth.NonceCount));
        Assert.Equal(6, auth.Parameters.Count);

        AuthValue challenge = Value<AuthValue>("Digest realm=\"biloxi.com\", qop=\"auth,auth-int\", nonce=\"dcd98b\", opaque=\"5ccc\", stale=FALSE, algorithm=SHA-256");
        Assert.Equal("auth,auth-int", S(challenge.Qop));
        Assert.Equal("SHA-256", S(challenge.Algorithm));
        Assert.Equal("FALSE", S(challenge.Stale));
        Assert.Equal("Digest realm=\"biloxi.com\", nonce=\"x\"", Canonical<AuthValue>("Digest   realm = \"biloxi.com\" ,nonce=\"x\""));

        AuthValue info = Value<AuthValue>("nextnonce=\"47364c23432d2e131a5fb210812c\"");
        Assert.True(info.IsValid);
        Assert.True(info.Scheme.IsEmpty);
        Assert.Equal("47364c23432d2e131a5fb210812c", S(info.NextNonce));
        Assert.Equal("nextnonce=\"47364c23432d2e131a5fb210812c\"", Canonical<AuthValue>(" nextnonce = \"47364c23432d2e131a5fb210812c\""));

        Assert.False(Value<AuthValue>("Digest").IsValid);
        Assert.False(Value<AuthValue>("Digest realm=\"x\",").IsValid);
    }

    [Fact]
    public void Authorization_WellKnownParamsAreFoundInTheParsePass()
    {
        // The accessors read ranges kept while parsing; they must agree with a walk of the parameters.
        AuthValue auth = Value<AuthValue>("Digest REALM=\"a\", realm=\"b\", Nonce=abc, x=\"\", uri=\"sip:a@b\", NC=00000001");
        Assert.True(auth.IsValid);
        Assert.Equal("a", S(auth.Realm));
        Assert.Equal(S(auth.Get("realm"u8)), S(auth.Realm));
        Assert.Equal("abc", S(auth.Nonce));
        Assert.Equal("sip:a@b", S(auth.DigestUri));
        Assert.Equal("00000001", S(auth.NonceCount));
        Assert.True(auth.Response.IsEmpty);
        Assert.True(auth.Opaque.IsEmpty);
        Assert.Equal("", S(auth.Get("x"u8)));
    }

    [Fact]
    public void Warning_CodeAgentText()
    {
        WarningValue w = Value<WarningValue>("307 isi.edu \"Session parameter 'foo' not understood\"");
        Assert.True(w.IsValid);
        Assert.Equal(307, w.Code);
        Assert.Equal("isi.edu", S(w.Agent));
        Assert.Equal("\"Session parameter 'foo' not understood\"", S(w.Text));
        Assert.False(Value<WarningValue>("30 isi.edu \"x\"").IsValid);
        Assert.False(Value<WarningValue>("307 isi.edu x").IsValid);
    }

    [Fact]
    public void Parse_ReturnsOperationStatus()
    {
        Assert.Equal(OperationStatus.Done, SipHeaderValue.Parse("SIP/2.0/UDP h;branch=z9hG4bK1"u8.ToArray(), out ViaValue via));
        Assert.Equal("h", S(via.Host));
        Assert.Equal(OperationStatus.InvalidData, SipHeaderValue.Parse(" SIP/2.0 "u8.ToArray(), out ViaValue bad));
        Assert.False(bad.IsValid);
        Assert.Equal(new SipRange(1, 7), bad.Range);
    }

    [Fact]
    public void AbsentHeader_IsNotPresentAndFirstIsInvalid()
    {
        SipMessage m = Parse(Invite);
        Assert.False(m.Require.IsPresent);
        Assert.False(m.Require.TryGetFirst(out TokenValue value));
        Assert.False(value.IsValid);
        Assert.Equal(0, m.Require.Count);
        Assert.Equal(3, m.Via.Count);
        Assert.True(m.Via.AllValid);
    }

    [Fact]
    public void EveryHeaderHasATypedValue()
    {
        // The grammar's ;@value hints reach every ;@header rule: SipMessageHeaders has one property per header.
        var properties = typeof(SipMessageHeaders).GetMethods().Where(p => p.Name.StartsWith("get_", StringComparison.Ordinal)).Select(p => p.Name[4..]).ToHashSet();
        foreach (HeaderKind kind in Enum.GetValues<HeaderKind>().Where(k => k != HeaderKind.Unknown))
        {
            Assert.Contains(kind.ToString(), properties);
        }
    }
}
