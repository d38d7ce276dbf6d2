using System.Buffers;
using System.Text;
using Sip.Generated.Grammar;
using Sip.Runtime.Headers;
using Sip.Runtime.Message;
using Sip.Runtime.Serialization;

namespace Sip.Runtime.Tests;

/// <summary>Messages written from typed values (<see cref="SipMessageBuilder"/>) parse back to the same values.</summary>
public class MessageBuilderTests
{
    private static string S(ReadOnlySpan<byte> b) => Encoding.UTF8.GetString(b);

    private static SipMessage Parse(ReadOnlySpan<byte> bytes, SipParserOptions? options = null)
    {
        var m = new SipMessage();
        OperationStatus status = SipMessageParser.ParseDatagram(bytes.ToArray(), m, options ?? SipParserOptions.StrictDefault, out SipParseError error);
        Assert.True(status == OperationStatus.Done, $"{error}\n{S(bytes)}");
        return m;
    }

    [Fact]
    public void Request_FromTypedValues_ParsesStrictlyBackToTheSameValues()
    {
        var output = new ArrayBufferWriter<byte>();
        byte[] sdp = "v=0\r\no=alice 2890844526 2890844526 IN IP4 pc33.atlanta.com\r\ns=-\r\nc=IN IP4 192.0.2.101\r\nt=0 0\r\nm=audio 49172 RTP/AVP 0\r\n"u8.ToArray();
        var b = SipMessageBuilder.Request(output, "INVITE"u8, "sip:bob@biloxi.com"u8);
        b.Via("UDP"u8, "pc33.atlanta.com"u8, 5060, "z9hG4bK776asdhds"u8, rport: true);
        b.MaxForwards(70);
        b.To("Bob"u8, "sip:bob@biloxi.com"u8, default);
        b.From("\"Alice\""u8, "sip:alice@atlanta.com"u8, "1928301774"u8);
        b.CallId("a84b4c76e66710@pc33.atlanta.com"u8);
        b.CSeq(314159, "INVITE"u8);
        b.Contact("sip:alice@pc33.atlanta.com"u8, expires: 3600);
        b.Header("X-Custom"u8, "anything at all"u8);
        Assert.Equal(HeaderKind.Unknown, b.MissingMandatoryHeader);
        b.End(sdp, "application/sdp"u8);

        SipMessage m = Parse(output.WrittenSpan);
        Assert.True(SipMessageValidator.ValidateAtUserAgentServer(m, SipValidationPolicy.Default, out SipParseError error), error.ToString());
        Assert.True(m.MethodIs("INVITE"u8));
        ViaValue via = m.Via.First;
        Assert.Equal(("UDP", "pc33.atlanta.com", 5060, "z9hG4bK776asdhds", true), (S(via.Transport), S(via.Host), via.Port, S(via.Branch), via.HasRport));
        Assert.Equal(70u, m.MaxForwards.First.Value);
        Assert.Equal(("Bob", "sip:bob@biloxi.com", ""), (S(m.To.First.DisplayName), S(m.To.First.Uri), S(m.To.First.Tag)));
        Assert.Equal(("\"Alice\"", "1928301774"), (S(m.From.First.DisplayName), S(m.From.First.Tag)));
        Assert.Equal((314159u, SipMethod.Invite), (m.CSeq.First.Number, m.CSeq.First.MethodKind));
        Assert.Equal(3600, m.Contact.First.Expires);
        Assert.True(m.ContentType.First.Is("application"u8, "sdp"u8));
        Assert.Equal((uint)sdp.Length, m.ContentLength.First.Value);
        Assert.Equal(sdp, m.Span(m.Body).ToArray());
        Assert.Equal("anything at all", S(m.Values("x-custom"u8).GetEnumerator() is var e && e.MoveNext() ? e.CurrentSpan : default));
    }

    [Fact]
    public void Response_DefaultReasonPhraseAndCopiedTypedValues()
    {
        SipMessage request = Parse("OPTIONS sip:carol@chicago.com SIP/2.0\r\nVia: SIP/2.0/TCP pc33.atlanta.com;branch=z9hG4bKhjhs8ass877\r\nMax-Forwards: 70\r\nTo: <sip:carol@chicago.com>\r\nFrom: Alice <sip:alice@atlanta.com>;tag=1928301774\r\nCall-ID: a84b4c76e66710\r\nCSeq: 63104 OPTIONS\r\nContent-Length: 0\r\n\r\n"u8);
        var output = new ArrayBufferWriter<byte>();
        var b = SipMessageBuilder.Response(output, 486);
        foreach (ViaValue via in request.Via) b.Header(HeaderKind.Via, via);
        b.Header(HeaderKind.From, request.From.First);
        b.Address(HeaderKind.To, default, request.To.First.Uri, "93810874"u8);
        b.Header(HeaderKind.CallID, request.CallID.First);
        Assert.Equal(HeaderKind.CSeq, b.MissingMandatoryHeader);
        b.Header(HeaderKind.CSeq, request.CSeq.First);
        Assert.Equal(HeaderKind.Unknown, b.MissingMandatoryHeader);
        b.End();

        SipMessage response = Parse(output.WrittenSpan);
        Assert.Equal(486, response.StatusCode);
        Assert.Equal("Busy Here", response.GetString(response.ReasonPhrase));
        Assert.Equal("z9hG4bKhjhs8ass877", S(response.Via.First.Branch));
        Assert.Equal("93810874", S(response.To.First.Tag));
        Assert.Equal("1928301774", S(response.From.First.Tag));
        Assert.Equal(0u, response.ContentLength.First.Value);
    }

    [Fact]
    public void MissingMandatoryHeaders_AreNamedInRfcOrder()
    {
        var output = new ArrayBufferWriter<byte>();
        var b = SipMessageBuilder.Request(output, "BYE"u8, "sip:a@b"u8);
        Assert.Equal(HeaderKind.Via, b.MissingMandatoryHeader);
        b.Via("UDP"u8, "h"u8, -1, "z9hG4bK1"u8);
        Assert.Equal(HeaderKind.MaxForwards, b.MissingMandatoryHeader);
        b.MaxForwards(70);
        Assert.Equal(HeaderKind.To, b.MissingMandatoryHeader);
    }

    [Fact]
    public void InjectionAndMisuse_AreRefused()
    {
        var output = new ArrayBufferWriter<byte>();
        var b = SipMessageBuilder.Request(output, "MESSAGE"u8, "sip:a@b"u8);
        Assert.Throws<ArgumentException>(() => b.Header("Subject"u8, "hi\r\nVia: evil"u8));
        Assert.Throws<ArgumentException>(() => b.Header("Bad Name"u8, "x"u8));
        Assert.Throws<ArgumentOutOfRangeException>(() => b.MaxForwards(256));
        Assert.Throws<ArgumentException>(() => b.End("body"u8));
        Assert.Throws<ArgumentException>(() => SipMessageBuilder.Request(new ArrayBufferWriter<byte>(), "IN VITE"u8, "sip:a@b"u8));
        Assert.Throws<ArgumentOutOfRangeException>(() => SipMessageBuilder.Response(new ArrayBufferWriter<byte>(), 99));
        b.End();
        Assert.Throws<InvalidOperationException>(() => b.CallId("x"u8));
        Assert.Throws<InvalidOperationException>(() => default(SipMessageBuilder).CallId("x"u8));
    }
}
