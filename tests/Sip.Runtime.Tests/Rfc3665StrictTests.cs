using System.Text.RegularExpressions;
using Sip.Generated.Grammar;
using Sip.Runtime.Message;
using static Sip.Runtime.Tests.Handling;

namespace Sip.Runtime.Tests;

/// <summary>
/// Every RFC 3665 / RFC 3666 call-flow message gets its MANIFEST <c>strict_verdict</c> from the strict parser plus
/// the validator: 359 accepted; 13 rejected, each with the line and header (or missing header) the MANIFEST names.
/// </summary>
public sealed class Rfc3665StrictTests
{
    public static TheoryData<string, string> Messages()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in Corpus.Manifest("rfc3665")) data.Add(row["file"], row["strict_verdict"]);
        return data;
    }

    [Fact]
    public void ManifestHas359AcceptsAnd13Rejects()
    {
        var verdicts = Corpus.Manifest("rfc3665").Select(r => r["strict_verdict"]).ToList();
        Assert.Equal(372, verdicts.Count);
        Assert.Equal(359, verdicts.Count(v => v == "accept"));
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void StrictVerdict(string file, string strictVerdict)
    {
        byte[] bytes = Corpus.Bytes("rfc3665", file);
        string verdict = Verdict(bytes, SipParserOptions.StrictDefault, Role.Any, out SipParseError error, out SipMessage m);
        string description = error.Describe(m.Source.Span);
        if (strictVerdict == "accept")
        {
            Assert.True(verdict == "accept", $"{verdict}: {description}");
            // What strict mode accepts, lenient mode accepts.
            Assert.Equal("accept", Verdict(bytes, SipParserOptions.Default, Role.Any, out _, out _));
            return;
        }

        Assert.StartsWith("reject: RFC text typo: ", strictVerdict, StringComparison.Ordinal);
        // An ACK is never answered (RFC 3261 §17.1.1.3): dropped; any other request gets 400.
        Assert.Equal(file.EndsWith("_ACK.sip", StringComparison.Ordinal) ? "drop 400" : "respond 400", verdict);
        Assert.Equal(400, error.StatusCode);

        Match header = Regex.Match(strictVerdict, @"header line (\d+) does not match (\S+)$");
        if (header.Success)
        {
            Assert.Equal(SipErrorCode.HeaderGrammar, error.Code);
            Assert.Equal(int.Parse(header.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), error.Line);
            Assert.Equal(header.Groups[2].Value, SipHeaders.LongName(error.Header));
            Assert.Contains(header.Value, description, StringComparison.Ordinal);
        }
        else if (strictVerdict.EndsWith("start line does not match Request-Line", StringComparison.Ordinal))
        {
            Assert.Equal(SipErrorCode.StartLineGrammar, error.Code);
            Assert.Equal(1, error.Line);
            Assert.Contains("start line does not match Request-Line", description, StringComparison.Ordinal);
            // Lenient mode refuses it too: the Request-URI has no scheme.
            Assert.Equal(verdict, Verdict(bytes, SipParserOptions.Default, Role.Any, out SipParseError lenient, out _));
            Assert.Equal(SipErrorCode.InvalidRequestUri, lenient.Code);
        }
        else
        {
            Assert.Contains("no From header (mandatory, RFC 3261 8.1.1/20)", strictVerdict, StringComparison.Ordinal);
            Assert.Equal(SipErrorCode.MissingHeader, error.Code);
            Assert.Equal(HeaderKind.From, error.Header);
            // Found by the validator: the parser accepts the message.
            Assert.True(m.IsFramed);
            Assert.Contains("no From header (mandatory, RFC 3261 §8.1.1)", description, StringComparison.Ordinal);
        }
    }

    /// <summary>The two RFC 3665/3666 requests without Max-Forwards, which the corpus verdict accepts; refused when it is required.</summary>
    [Theory]
    [InlineData("rfc3665_s2.5_F01_REGISTER.sip", "respond 400")]
    [InlineData("rfc3666_s4.2_F05_ACK.sip", "drop 400")]
    public void WithoutMaxForwards_AcceptedUnlessRequired(string file, string required)
    {
        byte[] bytes = Corpus.Bytes("rfc3665", file);
        Assert.Equal("accept", Verdict(bytes, SipParserOptions.StrictDefault, Role.Any, out _, out _));
        Assert.Equal(required, Verdict(bytes, SipParserOptions.StrictDefault, Role.Any, out SipParseError error, out _, new SipValidationPolicy { RequireMaxForwards = true }));
        Assert.Equal(HeaderKind.MaxForwards, error.Header);
    }
}
