using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using Sip.Generated.Grammar;
using Sip.Runtime.Message;

namespace Sip.Runtime.Tests;

/// <summary>Framing, the header index, limits and error values, on hand-written messages.</summary>
public sealed class FramingTests
{
    private const string Head =
        "INVITE sip:bob@example.com SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP pc.example.com;branch=z9hG4bK776\r\n" +
        "Max-Forwards: 70\r\n" +
        "To: <sip:bob@example.com>\r\n" +
        "From: <sip:alice@example.com>;tag=1\r\n" +
        "Call-ID: a84b4c76e66710\r\n" +
        "CSeq: 314159 INVITE\r\n";

    private static byte[] B(string text) => Encoding.Latin1.GetBytes(text);

    private static byte[] Message(string extraHeaders = "", string body = "") =>
        B(Head + extraHeaders + $"Content-Length: {body.Length}\r\n\r\n" + body);

    private static SipMessage Datagram(byte[] bytes, out OperationStatus status, out SipParseError error, SipParserOptions? options = null)
    {
        var m = new SipMessage(options ?? SipParserOptions.Default);
        status = SipMessageParser.ParseDatagram(bytes, m, options ?? SipParserOptions.Default, out error);
        return m;
    }

    private static SipMessage Done(byte[] bytes, SipParserOptions? options = null)
    {
        SipMessage m = Datagram(bytes, out OperationStatus status, out SipParseError error, options);
        Assert.True(status == OperationStatus.Done, error.Describe(m.Source.Span));
        return m;
    }

    private static SipParseError Invalid(byte[] bytes, SipParserOptions? options = null)
    {
        Datagram(bytes, out OperationStatus status, out SipParseError error, options);
        Assert.Equal(OperationStatus.InvalidData, status);
        Assert.True(error.IsError);
        return error;
    }

    private static List<string> Values(SipMessage m, HeaderKind kind)
    {
        var list = new List<string>();
        foreach (SipRange v in m.Values(kind)) list.Add(m.GetString(v));
        return list;
    }

    [Fact]
    public void StartLineAndHeadersAreIndexed()
    {
        SipMessage m = Done(Message(body: "hello"));
        Assert.True(m.IsRequest && m.IsFramed && m.HasEmptyLine);
        Assert.Equal("INVITE", m.GetString(m.Method));
        Assert.Equal("sip:bob@example.com", m.GetString(m.RequestUri));
        Assert.Equal("SIP/2.0", m.GetString(m.Version));
        Assert.Equal("INVITE sip:bob@example.com SIP/2.0", m.GetString(m.StartLine));
        Assert.Equal(7, m.HeaderCount);
        Assert.Equal(HeaderKind.Via, m.Header(0).Kind);
        Assert.Equal("Via", m.GetString(m.Header(0).Name));
        Assert.Equal("SIP/2.0/UDP pc.example.com;branch=z9hG4bK776", m.GetString(m.Header(0).Value));
        Assert.Equal("Via: SIP/2.0/UDP pc.example.com;branch=z9hG4bK776", m.GetString(m.Header(0).Line));
        Assert.Equal(2, m.Header(0).LineNumber);
        Assert.Equal("hello", m.GetString(m.Body));
        Assert.Equal(5, m.DeclaredContentLength);
        Assert.True(SipMessageValidator.Validate(m, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => m.Header(7));
    }

    [Fact]
    public void Response_StatusLineIsIndexed()
    {
        SipMessage m = Done(B("SIP/2.0 180 Ringing\r\nContent-Length: 0\r\n\r\n"));
        Assert.False(m.IsRequest);
        Assert.Equal(180, m.StatusCode);
        Assert.Equal("Ringing", m.GetString(m.ReasonPhrase));
        Assert.True(m.Method.IsEmpty && m.RequestUri.IsEmpty);
    }

    /// <summary>RFC 3261 §7.3.1: a line starting with SP or HTAB continues the field; line numbers count physical lines.</summary>
    [Fact]
    public void FoldedField_ValueSpansItsContinuationLines()
    {
        SipMessage m = Done(Message("Subject: I know you're there,\r\n\t pick up the phone\r\nX-After: 1\r\n"), SipParserOptions.StrictDefault);
        Assert.True(m.TryGetFirst(HeaderKind.Subject, out HeaderField subject));
        Assert.Equal("I know you're there,\r\n\t pick up the phone", m.GetString(subject.Value));
        Assert.Equal(8, subject.LineNumber);
        Assert.True(m.TryGetFirst("x-after"u8, out HeaderField after));
        Assert.Equal(10, after.LineNumber);
        // Subject is not a list: one value, commas and all.
        Assert.Equal(["I know you're there,\r\n\t pick up the phone"], Values(m, HeaderKind.Subject));
        // A fold right after the colon belongs to HCOLON's SWS, not to the value.
        m = Done(Message("Subject:\r\n  folded\r\n"));
        Assert.True(m.TryGetFirst(HeaderKind.Subject, out subject));
        Assert.Equal("folded", m.GetString(subject.Value));
    }

    /// <summary>RFC 3261 §7.3.1 and §7.3.3: names are case-insensitive and have compact forms; WSP may precede the colon.</summary>
    [Fact]
    public void CompactAndCaseInsensitiveNames()
    {
        SipMessage m = Done(B("OPTIONS sip:a@b SIP/2.0\r\nv: SIP/2.0/UDP h;branch=z9hG4bK1\r\nVIA  : SIP/2.0/TCP g;branch=z9hG4bK2\r\ni:x\r\nl: 0\r\n\r\n"));
        Assert.Equal(2, m.Count(HeaderKind.Via));
        Assert.Equal(2, m.Count("v"u8));
        Assert.Equal(2, m.Count("via"u8));
        Assert.True(m.TryGetFirst("VIA"u8, out HeaderField via));
        Assert.Equal("v", m.GetString(via.Name));
        Assert.Equal("VIA", m.GetString(m.Header(1).Name));
        Assert.Equal("SIP/2.0/TCP g;branch=z9hG4bK2", m.GetString(m.Header(1).Value));
        Assert.True(m.TryGetFirst("call-id"u8, out HeaderField callId));
        Assert.Equal("x", m.GetString(callId.Value));
        Assert.Equal(0, m.DeclaredContentLength);
        Assert.Equal(1, m.IndexOf(HeaderKind.Via, 1));
        Assert.Equal(-1, m.IndexOf(HeaderKind.Via, 2));
    }

    [Fact]
    public void UnknownHeaders_AreKeptVerbatimAndFoundByName()
    {
        SipMessage m = Done(Message("X-Custom: a, b\r\nx-custom:c\r\n"));
        Assert.Equal(2, m.Count("X-CUSTOM"u8));
        Assert.Equal(0, m.Count("X-Other"u8));
        Assert.False(m.TryGetFirst("X-Other"u8, out _));
        Assert.True(m.TryGetFirst("X-CUSTOM"u8, out HeaderField first));
        Assert.Equal(HeaderKind.Unknown, first.Kind);
        // The grammar does not say whether an extension header is a list: each field is one value.
        var values = new List<string>();
        foreach (SipRange v in m.Values("x-Custom"u8)) values.Add(m.GetString(v));
        Assert.Equal(["a, b", "c"], values);
    }

    /// <summary>List values split on commas outside quoted strings and angle brackets (parentheses are no brackets: a URI may hold them); LWS trimmed; empty elements skipped; across lines.</summary>
    [Fact]
    public void ValueEnumerator_SplitsListsOnTheRightCommas()
    {
        SipMessage m = Done(Message(
            "Contact: \"Smith, J\\\" x\" <sip:a@x>, <sip:b@y;p=1?h=a,b> ,\r\n sip:c(o@z, sip:d)@z\r\n" +
            "Route: <sip:r1>,,  \r\nRoute: <sip:r2>\r\nRoute:\r\n"));
        Assert.Equal(["\"Smith, J\\\" x\" <sip:a@x>", "<sip:b@y;p=1?h=a,b>", "sip:c(o@z", "sip:d)@z"], Values(m, HeaderKind.Contact));
        Assert.Equal(["<sip:r1>", "<sip:r2>"], Values(m, HeaderKind.Route));
        SipMessage.ValueEnumerator e = m.Values(HeaderKind.Route);
        Assert.True(e.MoveNext());
        Assert.Equal(m.IndexOf(HeaderKind.Route), e.HeaderIndex);
        Assert.True(e.CurrentSpan.SequenceEqual("<sip:r1>"u8));
        Assert.Empty(Values(m, HeaderKind.Supported));
    }

    [Fact]
    public void EmptyValue_IsOneEmptyValueOfANonListHeader()
    {
        SipMessage m = Done(Message("Subject:\r\n"));
        Assert.True(m.TryGetFirst(HeaderKind.Subject, out HeaderField subject));
        Assert.True(subject.Value.IsEmpty);
        Assert.Equal([""], Values(m, HeaderKind.Subject));
    }

    [Fact]
    public void HeaderLineWithoutColon_Is400NamingTheLine_AndTheRestIsStillIndexed()
    {
        SipParseError e = Invalid(Message("Foobar roobar\r\nSubject: s\r\n"));
        Assert.Equal(SipErrorCode.InvalidHeaderName, e.Code);
        Assert.Equal(8, e.Line);
        Assert.Equal(SipErrorAction.Respond, e.Action);
        Assert.Contains("header line 8", e.Describe(), StringComparison.Ordinal);
        SipMessage m = Datagram(Message("Foobar roobar\r\nSubject: s\r\n"), out _, out _);
        // A 400 can be built: Via, From, To, Call-ID and CSeq are indexed (RFC 3261 §8.2.6).
        Assert.Equal(1, m.Count(HeaderKind.Subject));
        Assert.Equal(1, m.Count(HeaderKind.Via));
        Assert.False(m.IsFramed);
    }

    [Fact]
    public void ContinuationBeforeAnyHeader_Is400()
    {
        SipParseError e = Invalid(B("OPTIONS sip:a@b SIP/2.0\r\n folded\r\nl: 0\r\n\r\n"));
        Assert.Equal(SipErrorCode.ContinuationWithoutHeader, e.Code);
        Assert.Equal(2, e.Line);
    }

    [Theory]
    [InlineData("OPTIONS sip:a@b SIP/2.0\r\nVia: x\nl: 0\r\n\r\n", 2)]
    [InlineData("OPTIONS sip:a@b SIP/2.0\r\nVia: x\ry\r\nl: 0\r\n\r\n", 2)]
    [InlineData("OPTIONS sip:a@b SIP/2.0\n\r\n", 1)]
    public void LoneCrOrLf_InTheHead_Is400(string text, int line)
    {
        SipParseError e = Invalid(B(text));
        Assert.Equal(SipErrorCode.InvalidLineEnding, e.Code);
        Assert.Equal(line, e.Line);
    }

    [Fact]
    public void DatagramEndingInsideALine_Is400()
    {
        Assert.Equal(SipErrorCode.UnterminatedLine, Invalid(B("OPTIONS sip:a@b SIP/2.0\r\nl: 0")).Code);
        Assert.Equal(SipErrorCode.UnterminatedLine, Invalid(B("OPTIONS sip:a@b SIP/2.0")).Code);
    }

    [Fact]
    public void Limits_AreErrorValues()
    {
        var small = new SipParserOptions { MaxMessageSize = 512, MaxHeaderCount = 8, MaxLineLength = 100 };
        SipParseError e = Invalid(Message(body: new string('x', 400)), small);
        Assert.Equal((SipErrorCode.MessageTooLarge, 413, "Request Entity Too Large"), (e.Code, e.StatusCode, e.ReasonPhrase));

        e = Invalid(Message("A: 1\r\nB: 2\r\n"), small);
        Assert.Equal((SipErrorCode.TooManyHeaders, 413, 10), (e.Code, e.StatusCode, e.Line));

        e = Invalid(Message("Subject: " + new string('s', 100) + "\r\n"), small);
        Assert.Equal((SipErrorCode.LineTooLong, 413, 8), (e.Code, e.StatusCode, e.Line));

        // A long Request-Line: 414 Request-URI Too Long.
        e = Invalid(B("INVITE sip:" + new string('u', 100) + "@example.com SIP/2.0\r\n\r\n"), small);
        Assert.Equal((SipErrorCode.LineTooLong, 414, "Request-URI Too Long"), (e.Code, e.StatusCode, e.ReasonPhrase));

        // Content-Length far beyond the limit: 413 without waiting for the body; on a stream, close.
        var m = new SipMessage(small);
        Assert.Equal(OperationStatus.InvalidData, SipMessageParser.ParseStream(new ReadOnlySequence<byte>(B(Head + "Content-Length: 99999999999999\r\n\r\n")), m, small, out _, out e));
        Assert.Equal((SipErrorCode.MessageTooLarge, SipErrorAction.RespondAndClose), (e.Code, e.Action));

        // Defaults: 65535 octets, 128 fields, 8192-octet lines.
        Assert.Equal((65535, 128, 8192, false), (SipParserOptions.Default.MaxMessageSize, SipParserOptions.Default.MaxHeaderCount, SipParserOptions.Default.MaxLineLength, SipParserOptions.Default.Strict));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SipParserOptions { MaxHeaderCount = 0 });
    }

    /// <summary>A message sized for more header fields than the options it was built with grows once.</summary>
    [Fact]
    public void MessageGrowsForLargerOptions()
    {
        var few = new SipParserOptions { MaxHeaderCount = 8 };
        var m = new SipMessage(few);
        Assert.Equal(OperationStatus.Done, SipMessageParser.ParseDatagram(Message(), m, few, out _));
        var many = new SipParserOptions { MaxHeaderCount = 20 };
        Assert.Equal(OperationStatus.Done, SipMessageParser.ParseDatagram(Message("A: 1\r\nB: 2\r\n"), m, many, out _));
        Assert.Equal(9, m.HeaderCount);
        Assert.Equal(1, m.Count(HeaderKind.Via));
        Assert.Equal(OperationStatus.Done, SipMessageParser.ParseDatagram("SIP/2.0 200 OK\r\nl: 0\r\n\r\n"u8.ToArray(), m, many, out _));
        Assert.Equal(0, m.Count(HeaderKind.Via));
    }

    /// <summary>RFC 3261 §7.5 / RFC 5626 §3.5.1: CRLF keep-alives before a start line are consumed.</summary>
    [Fact]
    public void KeepAlives_AreSkipped()
    {
        var m = new SipMessage();
        var ping = new ReadOnlySequence<byte>("\r\n\r\n\r"u8.ToArray());
        Assert.Equal(OperationStatus.NeedMoreData, SipMessageParser.ParseStream(ping, m, SipParserOptions.Default, out SequencePosition consumed, out _));
        Assert.Equal(4, ping.Slice(0, consumed).Length);

        byte[] message = Message();
        var stream = new ReadOnlySequence<byte>([.. "\r\n\r\n"u8, .. message]);
        Assert.Equal(OperationStatus.Done, SipMessageParser.ParseStream(stream, m, SipParserOptions.Default, out consumed, out _));
        Assert.Equal(stream.Length, stream.Slice(0, consumed).Length);
        Assert.Equal(message.Length, m.Length);
        Assert.Equal("INVITE", m.GetString(m.Method));

        SipParseError e = Invalid("\r\n\r\n"u8.ToArray());
        Assert.Equal((SipErrorCode.EmptyMessage, SipErrorAction.Drop), (e.Code, e.Action));
        Assert.Equal(OperationStatus.Done, SipMessageParser.ParseDatagram(stream.ToArray(), m, SipParserOptions.Default, out _));
    }

    [Fact]
    public void Stream_TwoMessagesBackToBack()
    {
        byte[] first = Message(body: "abc"), second = Message(body: "defg");
        var stream = new ReadOnlySequence<byte>([.. first, .. second]);
        var m = new SipMessage();
        Assert.Equal(OperationStatus.Done, SipMessageParser.ParseStream(stream, m, SipParserOptions.Default, out SequencePosition consumed, out _));
        Assert.Equal("abc", m.GetString(m.Body));
        Assert.Equal(first.Length, stream.Slice(0, consumed).Length);
        Assert.Equal(OperationStatus.Done, SipMessageParser.ParseStream(stream.Slice(consumed), m, SipParserOptions.Default, out consumed, out _));
        Assert.Equal("defg", m.GetString(m.Body));
    }

    /// <summary>A field error in a framed stream message: answered and skipped, the connection stays usable.</summary>
    [Fact]
    public void Stream_FieldErrorWithValidFraming_SkipsTheMessage()
    {
        byte[] bad = Message("Subject: ok\r\nTo: not a uri\r\n", "abc"), good = Message();
        var stream = new ReadOnlySequence<byte>([.. bad, .. good]);
        var m = new SipMessage();
        // The error is reported only once the body is there.
        Assert.Equal(OperationStatus.NeedMoreData, SipMessageParser.ParseStream(stream.Slice(0, bad.Length - 1), m, SipParserOptions.StrictDefault, out _, out _));
        Assert.Equal(OperationStatus.InvalidData, SipMessageParser.ParseStream(stream, m, SipParserOptions.StrictDefault, out SequencePosition consumed, out SipParseError e));
        Assert.Equal((SipErrorCode.HeaderGrammar, HeaderKind.To, 9, SipErrorAction.Respond), (e.Code, e.Header, e.Line, e.Action));
        Assert.Equal("header line 9 does not match To", e.Describe()[(e.Describe().IndexOf(':') + 2)..]);
        Assert.Equal(bad.Length, stream.Slice(0, consumed).Length);
        Assert.Equal(OperationStatus.Done, SipMessageParser.ParseStream(stream.Slice(consumed), m, SipParserOptions.StrictDefault, out _, out _));
    }

    [Fact]
    public void Stream_WithoutContentLength_MustClose()
    {
        var m = new SipMessage();
        var request = new ReadOnlySequence<byte>(B(Head + "\r\n"));
        Assert.Equal(OperationStatus.InvalidData, SipMessageParser.ParseStream(request, m, SipParserOptions.Default, out _, out SipParseError e));
        Assert.Equal((SipErrorCode.MissingContentLength, SipErrorAction.RespondAndClose, 400), (e.Code, e.Action, e.StatusCode));
        var response = new ReadOnlySequence<byte>(B("SIP/2.0 200 OK\r\nCall-ID: x\r\n\r\n"));
        Assert.Equal(OperationStatus.InvalidData, SipMessageParser.ParseStream(response, m, SipParserOptions.Default, out _, out e));
        Assert.Equal((SipErrorCode.MissingContentLength, SipErrorAction.Close, true), (e.Code, e.Action, e.IsResponse));
    }

    /// <summary>Content-Length is 1*DIGIT; trailing whitespace is fine; equal duplicates frame, different ones do not.</summary>
    [Fact]
    public void ContentLengthValues()
    {
        Assert.Equal(3, Done(B(Head + "Content-Length: 3 \r\n\r\nabc")).Body.Length);
        Assert.Equal(SipErrorCode.InvalidContentLength, Invalid(B(Head + "l: +3\r\n\r\nabc")).Code);
        Assert.Equal(SipErrorCode.InvalidContentLength, Invalid(B(Head + "l:\r\n\r\nabc")).Code);
        SipMessage m = Done(B(Head + "l: 3\r\nContent-Length: 03\r\n\r\nabc"));
        Assert.False(SipMessageValidator.Validate(m, out SipParseError e));
        Assert.Equal((SipErrorCode.DuplicateHeader, HeaderKind.ContentLength), (e.Code, e.Header));
        e = Invalid(B(Head + "l: 3\r\nContent-Length: 2\r\n\r\nabc"));
        Assert.Equal((SipErrorCode.ConflictingContentLength, 9), (e.Code, e.Line));
    }

    [Theory]
    [InlineData("SIP/2.0 200\r\nl: 0\r\n\r\n", SipErrorCode.InvalidStartLine)]
    [InlineData("SIP/2.0 099 Low\r\nl: 0\r\n\r\n", SipErrorCode.InvalidStatusCode)]
    [InlineData("SIP/2.0 2000 OK\r\nl: 0\r\n\r\n", SipErrorCode.InvalidStatusCode)]
    [InlineData("SIP/2.x 200 OK\r\nl: 0\r\n\r\n", SipErrorCode.InvalidVersion)]
    [InlineData("SIP/3.0 200 OK\r\nl: 0\r\n\r\n", SipErrorCode.VersionNotSupported)]
    public void MalformedResponse_IsDropped(string text, SipErrorCode code)
    {
        SipParseError e = Invalid(B(text));
        Assert.Equal((code, SipErrorAction.Drop, true), (e.Code, e.Action, e.IsResponse));
        Assert.False(e.ShouldRespond);
    }

    [Theory]
    [InlineData("INVITE sip:a@b SIP/3.0\r\n\r\n", SipErrorCode.VersionNotSupported, 505)]
    [InlineData("INVITE sip:a@b SIP/2\r\n\r\n", SipErrorCode.InvalidVersion, 400)]
    [InlineData("INVITE sip:a@b\r\n\r\n", SipErrorCode.InvalidStartLine, 400)]
    [InlineData("INVITE sip:a@b;lr x SIP/2.0\r\n\r\n", SipErrorCode.InvalidRequestUri, 400)]
    [InlineData("INVITE bob SIP/2.0\r\n\r\n", SipErrorCode.InvalidRequestUri, 400)]
    [InlineData("INVITE sip:[2001:db8::1 SIP/2.0\r\n\r\n", SipErrorCode.RequestUriNotSipUri, 400)]
    [InlineData("INVITE sips:a@b?subject=x SIP/2.0\r\n\r\n", SipErrorCode.RequestUriHeaders, 400)]
    public void MalformedRequestLine_IsAnswered(string text, SipErrorCode code, int status)
    {
        SipParseError e = Invalid(B(text));
        Assert.Equal((code, status, SipErrorAction.Respond, 1), (e.Code, e.StatusCode, e.Action, e.Line));
        Assert.True(e.ShouldRespond);
        Assert.StartsWith($"{status} ", e.Describe(), StringComparison.Ordinal);
    }

    /// <summary>A start line that is no request (no token before the first SP) is not answered.</summary>
    [Fact]
    public void NoMethodToken_IsDropped()
    {
        SipParseError e = Invalid(B("INV<TE sip:a@b SIP/2.0\r\n\r\n"));
        Assert.Equal((SipErrorCode.InvalidMethod, 400, SipErrorAction.Drop), (e.Code, e.StatusCode, e.Action));
    }

    [Fact]
    public void RequestUri_OtherSchemesAndUserPartQuestionMarks()
    {
        // absoluteURI for other schemes; '?' in the user part of a SIP-URI is user-unreserved, not headers.
        Assert.Equal("tel:+1-201-555-0123", Done(B("INVITE tel:+1-201-555-0123 SIP/2.0\r\nl: 0\r\n\r\n")).GetString(new SipRange(7, 19)));
        Assert.True(Done(B("INVITE sip:wh?at@example.com SIP/2.0\r\nl: 0\r\n\r\n")).IsFramed);
        // RFC 3261 §7.1: SIP-Version is case-insensitive.
        Assert.Equal("sip/2.0", Done(B("OPTIONS sip:a@b sip/2.0\r\nl: 0\r\n\r\n")).GetString(new SipRange(16, 7)));
    }

    /// <summary>RFC 3261 §17.1.1.3: an ACK is never answered, so a refused ACK is dropped.</summary>
    [Fact]
    public void RefusedAck_IsDropped()
    {
        SipParseError e = Invalid(B("ACK sip:a@b SIP/3.0\r\nl: 0\r\n\r\n"));
        Assert.Equal((SipErrorCode.VersionNotSupported, SipErrorAction.Drop), (e.Code, e.Action));
        SipMessage m = Done(B("ACK sip:a@b SIP/2.0\r\nl: 0\r\n\r\n"));
        Assert.False(SipMessageValidator.Validate(m, out e));
        Assert.Equal((SipErrorCode.MissingHeader, SipErrorAction.Drop), (e.Code, e.Action));
    }

    [Fact]
    public void Strict_ChecksExtensionHeadersToo()
    {
        byte[] bytes = Message("X-Weird: a\u0001b\r\n");
        Assert.True(Done(bytes).IsFramed);
        SipMessage m = Datagram(bytes, out _, out SipParseError e, SipParserOptions.StrictDefault);
        Assert.Equal((SipErrorCode.HeaderGrammar, HeaderKind.Unknown, 8), (e.Code, e.Header, e.Line));
        Assert.Contains("header line 8 does not match extension-header", e.Describe(), StringComparison.Ordinal);
        Assert.Contains("header line 8 does not match X-Weird", e.Describe(m.Source.Span), StringComparison.Ordinal);
        Assert.Equal("X-Weird", m.GetString(e.HeaderName));
    }

    [Fact]
    public void Strict_RequiresTheEmptyLineOfADatagram()
    {
        byte[] bytes = B(Head + "Content-Length: 0\r\n");
        Assert.False(Done(bytes).HasEmptyLine);
        Assert.Equal((SipErrorCode.MissingEmptyLine, 9), (Invalid(bytes, SipParserOptions.StrictDefault).Code, Invalid(bytes, SipParserOptions.StrictDefault).Line));
    }

    [Fact]
    public void Validator_ChecksScalarsAndNameAddr()
    {
        SipParseError Check(string headers)
        {
            SipMessage m = Done(B(headers + "Content-Length: 0\r\n\r\n"));
            Assert.False(SipMessageValidator.Validate(m, out SipParseError e));
            return e;
        }
        string head = Head.Replace("Max-Forwards: 70\r\n", "", StringComparison.Ordinal);
        Assert.Equal(SipErrorCode.MaxForwardsOutOfRange, Check(head + "Max-Forwards: 256\r\n").Code);
        Assert.Equal(SipErrorCode.CSeqOutOfRange, Check(head.Replace("314159", "4294967296", StringComparison.Ordinal)).Code);
        Assert.Equal(SipErrorCode.NameAddrRequired, Check(head.Replace("<sip:bob@example.com>", "sip:bob@example.com?x=1", StringComparison.Ordinal)).Code);
        Assert.Equal(SipErrorCode.NameAddrRequired, Check(head.Replace("<sip:bob@example.com>", "sip:b,ob@example.com", StringComparison.Ordinal)).Code);
        // In brackets, or in a quoted display name, '?' and ',' are fine.
        SipMessage ok = Done(B(head.Replace("<sip:bob@example.com>", "\"Who?, me\" <sip:bob@example.com?x=1>", StringComparison.Ordinal) + "Max-Forwards: 0255\r\nl: 0\r\n\r\n"));
        Assert.True(SipMessageValidator.Validate(ok, out SipParseError error), error.Describe());
        Assert.True(SipMessageValidator.CheckMaxForwards(ok, out _));
    }

    [Fact]
    public void SingleSegment_IsIndexedInPlace_MultiSegment_IsCopied()
    {
        byte[] bytes = Message(body: "abc");
        var m = new SipMessage();
        Assert.Equal(OperationStatus.Done, SipMessageParser.ParseStream(new ReadOnlySequence<byte>(bytes), m, SipParserOptions.Default, out _, out _));
        Assert.True(MemoryMarshal.TryGetArray(m.Source, out ArraySegment<byte> segment));
        Assert.Same(bytes, segment.Array);

        ReadOnlySequence<byte> split = Segments.Split(bytes, 10);
        Assert.Equal(OperationStatus.Done, SipMessageParser.ParseStream(split, m, SipParserOptions.Default, out SequencePosition consumed, out _));
        Assert.True(MemoryMarshal.TryGetArray(m.Source, out segment));
        Assert.NotSame(bytes, segment.Array);
        Assert.True(m.Source.Span.SequenceEqual(bytes));
        Assert.Equal(split.End, consumed);
    }

    /// <summary>One instance, many parses: nothing of a previous message shows through.</summary>
    [Fact]
    public void Reuse_ForgetsThePreviousMessage()
    {
        var m = new SipMessage();
        Assert.Equal(OperationStatus.Done, SipMessageParser.ParseDatagram(Message("Subject: s\r\nRoute: <sip:r>\r\n", "body"), m, SipParserOptions.Default, out _));
        Assert.Equal(OperationStatus.Done, SipMessageParser.ParseDatagram(B("SIP/2.0 200 OK\r\nl: 0\r\n\r\n"), m, SipParserOptions.Default, out _));
        Assert.Equal(1, m.HeaderCount);
        Assert.Equal(0, m.Count(HeaderKind.Route));
        Assert.False(m.TryGetFirst(HeaderKind.Subject, out _));
        Assert.Equal(-1, m.IndexOf(HeaderKind.Via));
        Assert.True(m.Body.IsEmpty);
        Assert.Equal(200, m.StatusCode);
        Assert.False(m.IsRequest);
    }

    [Fact]
    public void SipRange_ConvertsToRange()
    {
        var r = new SipRange(2, 3);
        Range range = r;
        Assert.Equal("cde", Encoding.ASCII.GetString("abcdefg"u8[range]));
        Assert.Equal(5, r.End);
        Assert.Equal(SipRange.FromBounds(2, 5), r);
        Assert.True(r != default);
        Assert.Equal("[2..5)", r.ToString());
    }
}

/// <summary>ReadOnlySequence builders for split tests.</summary>
internal static class Segments
{
    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public void SetNext(Segment next) => Next = next;
    }

    /// <summary>Two segments: [0, at) and [at, end), each in an array of its own.</summary>
    public static ReadOnlySequence<byte> Split(byte[] bytes, int at)
    {
        var first = new Segment(bytes.AsSpan(0, at).ToArray(), 0);
        var second = new Segment(bytes.AsSpan(at).ToArray(), at);
        first.SetNext(second);
        return new ReadOnlySequence<byte>(first, 0, second, bytes.Length - at);
    }
}
