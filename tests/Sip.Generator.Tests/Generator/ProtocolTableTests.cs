using System.Text;
using Sip.Generated.Grammar;

namespace Sip.Generator.Tests.Generator;

/// <summary>Methods and status codes generated from the grammar's <c>;@methods</c> and <c>;@status-codes</c> rules.</summary>
public class ProtocolTableTests
{
    [Theory]
    [InlineData("INVITE", SipMethod.Invite)]
    [InlineData("ACK", SipMethod.Ack)]
    [InlineData("OPTIONS", SipMethod.Options)]
    [InlineData("BYE", SipMethod.Bye)]
    [InlineData("CANCEL", SipMethod.Cancel)]
    [InlineData("REGISTER", SipMethod.Register)]
    [InlineData("PRACK", SipMethod.Prack)]        // RFC 3262, Method =/ PRACKm
    [InlineData("UPDATE", SipMethod.Update)]      // RFC 3311
    [InlineData("PUBLISH", SipMethod.Publish)]    // RFC 3903
    [InlineData("SUBSCRIBE", SipMethod.Subscribe)] // RFC 6665
    [InlineData("NOTIFY", SipMethod.Notify)]      // RFC 6665
    public void MethodsComeFromTheGrammar(string token, SipMethod method)
    {
        Assert.Equal(method, SipMethods.Lookup(Encoding.ASCII.GetBytes(token)));
        Assert.Equal(token, SipMethods.Name(method));
        Assert.Equal(token, Encoding.ASCII.GetString(SipMethods.NameUtf8(method)));
    }

    [Theory]
    [InlineData("invite")]          // RFC 3261 §7.1: method names are case-sensitive
    [InlineData("RE%47IST%45R")]    // RFC 4475 esc02: an unknown method, not REGISTER
    [InlineData("NEWMETHOD")]
    [InlineData("")]
    public void OtherTokensAreUnknownMethods(string token) => Assert.Equal(SipMethod.Unknown, SipMethods.Lookup(Encoding.ASCII.GetBytes(token)));

    [Theory]
    [InlineData(100, "Trying", SipStatusCode.Trying)]
    [InlineData(180, "Ringing", SipStatusCode.Ringing)]
    [InlineData(200, "OK", SipStatusCode.OK)]
    [InlineData(302, "Moved Temporarily", SipStatusCode.MovedTemporarily)]
    [InlineData(404, "Not Found", SipStatusCode.NotFound)]
    [InlineData(406, "Not Acceptable", SipStatusCode.NotAcceptable)]
    [InlineData(606, "Not Acceptable", SipStatusCode.NotAcceptable606)]
    [InlineData(487, "Request Terminated", SipStatusCode.RequestTerminated)]
    [InlineData(505, "Version Not Supported", SipStatusCode.VersionNotSupported)]      // §21.5.6 (§25's comment differs: FIX)
    [InlineData(414, "Request-URI Too Long", SipStatusCode.RequestURITooLong)]         // §21.4.12
    [InlineData(480, "Temporarily Unavailable", SipStatusCode.TemporarilyUnavailable)] // §21.4.18
    [InlineData(481, "Call/Transaction Does Not Exist", SipStatusCode.CallTransactionDoesNotExist)] // §21.4.19
    [InlineData(604, "Does Not Exist Anywhere", SipStatusCode.DoesNotExistAnywhere)]   // §21.6.3
    [InlineData(412, "Conditional Request Failed", SipStatusCode.ConditionalRequestFailed)] // RFC 3903
    [InlineData(422, "Session Interval Too Small", SipStatusCode.SessionIntervalTooSmall)]  // RFC 4028
    [InlineData(489, "Bad Event", SipStatusCode.BadEvent)]                                  // RFC 6665
    public void StatusCodesAndReasonPhrasesComeFromTheGrammarComments(int code, string phrase, SipStatusCode member)
    {
        Assert.Equal(code, (int)member);
        Assert.True(SipStatusCodes.IsKnown(code));
        Assert.Equal(phrase, SipStatusCodes.ReasonPhrase(code));
        Assert.Equal(phrase, Encoding.UTF8.GetString(SipStatusCodes.ReasonPhraseUtf8(code)));
    }

    [Theory]
    [InlineData(199, "Trying")]            // RFC 3261 §21: an unknown code is treated as x00 of its class
    [InlineData(299, "OK")]
    [InlineData(499, "Bad Request")]
    [InlineData(699, "Busy Everywhere")]
    [InlineData(700, "")]
    [InlineData(99, "")]
    public void ExtensionCodesFallBackToTheirClass(int code, string phrase)
    {
        Assert.False(SipStatusCodes.IsKnown(code));
        Assert.Equal(phrase, SipStatusCodes.ReasonPhrase(code));
    }

    [Fact]
    public void EveryRfc3261StatusCodeIsListed()
    {
        int[] rfc3261 = [100, 180, 181, 182, 183, 200, 300, 301, 302, 305, 380, 400, 401, 402, 403, 404, 405, 406, 407, 408, 410,
            413, 414, 415, 416, 420, 421, 423, 480, 481, 482, 483, 484, 485, 486, 487, 488, 491, 493,
            500, 501, 502, 503, 504, 505, 513, 600, 603, 604, 606];
        Assert.All(rfc3261, code => Assert.True(SipStatusCodes.IsKnown(code), code.ToString()));
        Assert.Equal(rfc3261.Length + 3, Enum.GetValues<SipStatusCode>().Length);
    }
}
