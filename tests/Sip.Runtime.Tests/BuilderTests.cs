using System.Buffers;
using System.Text;
using Sip.Generated.Grammar;
using Sip.Runtime.Message;
using Sip.Runtime.Serialization;

namespace Sip.Runtime.Tests;

/// <summary>Responses built from requests (RFC 3261 §8.2.6) and proxy edits (§16.6), by splicing ranges.</summary>
[Collection(Sip.Tests.Shared.AllocationCollection.Name)]
public class BuilderTests
{
    private const string Invite =
        "INVITE sip:bob@biloxi.com SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bK776asdhds\r\n" +
        "v: SIP/2.0/UDP bigbox3.site3.atlanta.com;branch=z9hG4bK77ef4c2312983.1\r\n" +
        "Max-Forwards: 70\r\n" +
        "Route: <sip:proxy1.example.com;lr>, <sip:proxy2.example.com;lr>\r\n" +
        "To: Bob <sip:bob@biloxi.com>\r\n" +
        "From: Alice <sip:alice@atlanta.com>;tag=1928301774\r\n" +
        "Call-ID: a84b4c76e66710@pc33.atlanta.com\r\n" +
        "CSeq: 314159 INVITE\r\n" +
        "Record-Route: <sip:p1.example.com;lr>\r\n" +
        "Contact: <sip:alice@pc33.atlanta.com>\r\n" +
        "Content-Length: 4\r\n" +
        "\r\n" +
        "body";

    private static SipMessage Parse(string text)
    {
        var message = new SipMessage();
        Assert.Equal(OperationStatus.Done, SipMessageParser.ParseDatagram(Encoding.UTF8.GetBytes(text), message, SipParserOptions.Default, out var error));
        return message;
    }

    [Fact]
    public void ResponseCopiesViaFromToCallIdCSeqAndAddsTheToTag()
    {
        SipMessage request = Parse(Invite);
        var output = new ArrayBufferWriter<byte>();
        SipResponseBuilder.Write(request, 180, output, toTag: "a6c85cf"u8, copyRecordRoute: true);
        string text = Encoding.UTF8.GetString(output.WrittenSpan);
        Assert.Equal(
            "SIP/2.0 180 Ringing\r\n" +
            "Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bK776asdhds\r\n" +
            "v: SIP/2.0/UDP bigbox3.site3.atlanta.com;branch=z9hG4bK77ef4c2312983.1\r\n" +
            "To: Bob <sip:bob@biloxi.com>;tag=a6c85cf\r\n" +
            "From: Alice <sip:alice@atlanta.com>;tag=1928301774\r\n" +
            "Call-ID: a84b4c76e66710@pc33.atlanta.com\r\n" +
            "CSeq: 314159 INVITE\r\n" +
            "Record-Route: <sip:p1.example.com;lr>\r\n" +
            "Content-Length: 0\r\n\r\n", text);
        // The result is a message our own parser accepts, and it is in the grammar.
        Assert.True(Rules.SIPMessage.IsMatch(output.WrittenSpan));
        SipMessage response = Parse(text);
        Assert.False(response.IsRequest);
        Assert.Equal(180, response.StatusCode);
    }

    [Theory]
    [InlineData(100, false)] // §8.2.6.2: no tag on 100 Trying
    [InlineData(486, true)]
    public void ToTagOnlyWhenAllowed(int code, bool tagged)
    {
        var output = new ArrayBufferWriter<byte>();
        SipResponseBuilder.Write(Parse(Invite), code, output, toTag: "x1"u8);
        Assert.Equal(tagged, Encoding.UTF8.GetString(output.WrittenSpan).Contains("To: Bob <sip:bob@biloxi.com>;tag=x1\r\n"));
    }

    [Fact]
    public void AnExistingToTagIsKept()
    {
        var output = new ArrayBufferWriter<byte>();
        SipResponseBuilder.Write(Parse(Invite.Replace("To: Bob <sip:bob@biloxi.com>", "To: Bob <sip:bob@biloxi.com> ; tag = abc")), 200, output, toTag: "new"u8);
        string text = Encoding.UTF8.GetString(output.WrittenSpan);
        Assert.Contains("To: Bob <sip:bob@biloxi.com> ; tag = abc\r\n", text);
        Assert.DoesNotContain("new", text);
        Assert.Contains("SIP/2.0 200 OK\r\n", text);
    }

    [Fact]
    public void ProxyEditPushesViaInsertsRecordRoutePopsRouteAndDecrementsMaxForwards()
    {
        SipMessage request = Parse(Invite);
        var output = new ArrayBufferWriter<byte>();
        var edit = new ProxyEdit
        {
            PushVia = "SIP/2.0/UDP proxy1.example.com;branch=z9hG4bKnew"u8,
            InsertRecordRoute = "<sip:proxy1.example.com;lr>"u8,
            PopRoute = true,
            DecrementMaxForwards = true,
        };
        Assert.True(SipProxyEditor.TryWrite(request, edit, output));
        string text = Encoding.UTF8.GetString(output.WrittenSpan);
        Assert.StartsWith("INVITE sip:bob@biloxi.com SIP/2.0\r\nVia: SIP/2.0/UDP proxy1.example.com;branch=z9hG4bKnew\r\nRecord-Route: <sip:proxy1.example.com;lr>\r\nVia: SIP/2.0/UDP pc33", text);
        Assert.Contains("\r\nMax-Forwards: 69\r\n", text);
        Assert.Contains("\r\nRoute: <sip:proxy2.example.com;lr>\r\n", text);
        Assert.DoesNotContain("proxy1.example.com;lr>,", text);
        Assert.EndsWith("\r\n\r\nbody", text);
        Assert.True(Rules.SIPMessage.IsMatch(output.WrittenSpan));
        SipMessage forwarded = Parse(text);
        Assert.Equal(3, forwarded.Count(HeaderKind.Via));
    }

    [Fact]
    public void PoppingTheOnlyRouteValueDropsTheField()
    {
        var output = new ArrayBufferWriter<byte>();
        string one = Invite.Replace("Route: <sip:proxy1.example.com;lr>, <sip:proxy2.example.com;lr>\r\n", "Route: <sip:proxy1.example.com;lr>\r\n");
        Assert.True(SipProxyEditor.TryWrite(Parse(one), new ProxyEdit { PopRoute = true }, output));
        Assert.DoesNotContain("Route: <sip:proxy1", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void MaxForwardsZeroIsRefused()
    {
        var output = new ArrayBufferWriter<byte>();
        Assert.False(SipProxyEditor.TryWrite(Parse(Invite.Replace("Max-Forwards: 70", "Max-Forwards: 0")), new ProxyEdit { DecrementMaxForwards = true }, output));
        Assert.Equal(0, output.WrittenCount);
    }

    [Fact]
    public void BuildersAllocateOnlyTheOutput()
    {
        SipMessage request = Parse(Invite);
        var output = new ArrayBufferWriter<byte>(4096);
        var edit = new ProxyEdit { PushVia = "SIP/2.0/UDP p;branch=z9hG4bKx"u8, PopRoute = true, DecrementMaxForwards = true };
        SipResponseBuilder.Write(request, 200, output, toTag: "t"u8);
        SipProxyEditor.TryWrite(request, edit, output);
        output.ResetWrittenCount();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++)
        {
            output.ResetWrittenCount();
            SipResponseBuilder.Write(request, 200, output, toTag: "t"u8);
            output.ResetWrittenCount();
            SipProxyEditor.TryWrite(request, edit, output);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
