using System.Buffers;
using System.Text;
using Sip.Generated.Grammar;

namespace Sip.Generator.Tests.Generator;

/// <summary>Typed fields of <c>;@record</c> rules: exact matching plus where each field lies.</summary>
public class RecordTests
{
    private static byte[] B(string s) => Encoding.UTF8.GetBytes(s);

    private static string S(byte[] input, Range r) => Encoding.UTF8.GetString(input.AsSpan()[r]);

    [Fact]
    public void ViaParmSplitsIntoProtocolSentByAndParameters()
    {
        byte[] v = B("SIP/2.0/UDP pc33.atlanta.com:5060;branch=z9hG4bK776asdhds;received=192.0.2.1");
        Assert.Equal(OperationStatus.Done, Rules.ViaParm.TryParse(v, out var r));
        Assert.Equal("SIP/2.0/UDP", S(v, r.SentProtocol));
        Assert.Equal("pc33.atlanta.com:5060", S(v, r.SentBy));
        Assert.Equal(";branch=z9hG4bK776asdhds;received=192.0.2.1", S(v, r.ViaParamsList));

        byte[] sp = B("SIP / 2.0 / TCP");
        Assert.Equal(OperationStatus.Done, Rules.SentProtocol.TryParse(sp, out var p));
        Assert.Equal("SIP", S(sp, p.ProtocolName));
        Assert.Equal("2.0", S(sp, p.ProtocolVersion));
        Assert.Equal("TCP", S(sp, p.Transport));

        byte[] sb = B("[2001:db8::10]:5070");
        Assert.Equal(OperationStatus.Done, Rules.SentBy.TryParse(sb, out var h));
        Assert.Equal("[2001:db8::10]", S(sb, h.Host));
        Assert.Equal("5070", S(sb, h.Port));
    }

    [Fact]
    public void AbsentOptionalFieldsAreEmpty()
    {
        byte[] sb = B("atlanta.com");
        Assert.Equal(OperationStatus.Done, Rules.SentBy.TryParse(sb, out var h));
        Assert.Equal("atlanta.com", S(sb, h.Host));
        Assert.Equal(0, h.Port.GetOffsetAndLength(sb.Length).Length);
    }

    [Fact]
    public void CSeqNumberAndMethod()
    {
        byte[] c = B("CSeq: 314159 INVITE");
        Assert.Equal(OperationStatus.Done, Rules.CSeq.TryParse(c, out var r));
        Assert.Equal("INVITE", S(c, r.Method));
    }

    /// <summary>RFC 3261 §20: after an addr-spec without angle brackets, ;params are header parameters.</summary>
    [Fact]
    public void BareAddrSpecParametersAreHeaderParameters()
    {
        byte[] to = B("To: sip:bob@biloxi.com;tag=a6c85cf");
        Assert.Equal(OperationStatus.Done, Rules.To.TryParse(to, out var r));
        Assert.Equal("sip:bob@biloxi.com", S(to, r.NameAddrOrAddrSpec));
        Assert.Equal(";tag=a6c85cf", S(to, r.ToParamList));

        byte[] angle = B("To: Bob <sip:bob@biloxi.com;transport=tcp>;tag=a6c85cf");
        Assert.Equal(OperationStatus.Done, Rules.To.TryParse(angle, out var a));
        Assert.Equal("Bob <sip:bob@biloxi.com;transport=tcp>", S(angle, a.NameAddrOrAddrSpec));
        Assert.Equal(";tag=a6c85cf", S(angle, a.ToParamList));
    }

    [Fact]
    public void SipUriParts()
    {
        byte[] u = B("sip:alice:secret@atlanta.com:5061;transport=tls;lr?subject=project%20x&priority=urgent");
        Assert.Equal(OperationStatus.Done, Rules.SIPURI.TryParse(u, out var r));
        Assert.Equal("alice:secret@", S(u, r.Userinfo));
        Assert.Equal("atlanta.com:5061", S(u, r.Hostport));
        Assert.Equal(";transport=tls;lr", S(u, r.UriParameters));
        Assert.Equal("?subject=project%20x&priority=urgent", S(u, r.Headers));

        byte[] noUser = B("sip:atlanta.com");
        Assert.Equal(OperationStatus.Done, Rules.SIPURI.TryParse(noUser, out var n));
        Assert.Equal("", S(noUser, n.Userinfo));
        Assert.Equal("atlanta.com", S(noUser, n.Hostport));
    }

    [Fact]
    public void NameAddrDisplayNameAndUri()
    {
        byte[] na = B("\"Alice Liddell\" <sip:alice@wonderland.example>");
        Assert.Equal(OperationStatus.Done, Rules.NameAddr.TryParse(na, out var r));
        // The space before "<" is LAQUOT's (SWS "<"): fields end as early as a full match allows.
        Assert.Equal("\"Alice Liddell\"", S(na, r.DisplayName));
        Assert.Equal("sip:alice@wonderland.example", S(na, r.AddrSpec));
    }

    [Theory]
    [InlineData("SIP/2.0/UDP")]           // no sent-by
    [InlineData("SIP/2.0/UDP host;")]     // dangling SEMI
    [InlineData("")]
    public void InvalidInputIsInvalidData(string text)
    {
        Assert.Equal(OperationStatus.InvalidData, Rules.ViaParm.TryParse(B(text), out var r));
        Assert.Equal(default, r);
    }

    /// <summary>TryParse accepts exactly what IsMatch accepts, and the fields tile the input in order.</summary>
    [Theory]
    [InlineData("Contact: <sip:a@b>;q=0.7;expires=3600")]
    [InlineData("To: sip:a@b;tag=x?h=v")]
    [InlineData("To: <sip:a@b>;tag=x?h=v")]
    [InlineData("To: Bob<sip:bob@biloxi.com>")]
    [InlineData("To: \"Bob\"<sip:bob@biloxi.com>;tag=1")]
    public void TryParseAgreesWithIsMatch(string text)
    {
        byte[] input = B(text);
        bool matches = Rules.To.IsMatch(input);
        Assert.Equal(matches ? OperationStatus.Done : OperationStatus.InvalidData, Rules.To.TryParse(input, out var r));
        if (!matches) return;
        var (start, length) = r.NameAddrOrAddrSpec.GetOffsetAndLength(input.Length);
        Assert.True(Rules.NameAddr.IsMatch(input.AsSpan(start, length)) || Rules.AddrSpec.IsMatch(input.AsSpan(start, length)));
        Assert.Equal(input.Length, r.ToParamList.GetOffsetAndLength(input.Length).Offset + r.ToParamList.GetOffsetAndLength(input.Length).Length);
    }

    [Fact]
    public void CaptureAllocatesNothingOnceWarm()
    {
        byte[] v = B("SIP/2.0/UDP pc33.atlanta.com:5060;branch=z9hG4bK776asdhds;received=192.0.2.1");
        byte[] to = B("To: Bob <sip:bob@biloxi.com;transport=tcp>;tag=a6c85cf");
        Rules.ViaParm.TryParse(v, out _);
        Rules.To.TryParse(to, out _);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            Rules.ViaParm.TryParse(v, out _);
            Rules.To.TryParse(to, out _);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
