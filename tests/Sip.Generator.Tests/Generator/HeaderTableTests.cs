using System.Text;
using Microsoft.CodeAnalysis;
using Sip.Generated.Grammar;

namespace Sip.Generator.Tests.Generator;

/// <summary>The header table generated from the grammar's <c>;@header</c> rules.</summary>
public class HeaderTableTests
{
    private static byte[] B(string s) => Encoding.UTF8.GetBytes(s);

    /// <summary>RFC 3261 §7.3.3 and the extension RFCs: every compact form.</summary>
    [Theory]
    [InlineData("i", HeaderKind.CallID)]
    [InlineData("m", HeaderKind.Contact)]
    [InlineData("e", HeaderKind.ContentEncoding)]
    [InlineData("l", HeaderKind.ContentLength)]
    [InlineData("c", HeaderKind.ContentType)]
    [InlineData("f", HeaderKind.From)]
    [InlineData("s", HeaderKind.Subject)]
    [InlineData("k", HeaderKind.Supported)]
    [InlineData("t", HeaderKind.To)]
    [InlineData("v", HeaderKind.Via)]
    [InlineData("o", HeaderKind.Event)]        // RFC 6665
    [InlineData("u", HeaderKind.AllowEvents)]  // RFC 6665
    [InlineData("r", HeaderKind.ReferTo)]      // RFC 3515
    [InlineData("b", HeaderKind.ReferredBy)]   // RFC 3892
    [InlineData("x", HeaderKind.SessionExpires)] // RFC 4028
    public void CompactForms(string compact, HeaderKind kind)
    {
        Assert.Equal(kind, SipHeaders.Lookup(B(compact)));
        Assert.Equal(kind, SipHeaders.Lookup(B(compact.ToUpperInvariant())));
        Assert.Equal((byte)compact[0], SipHeaders.CompactName(kind));
    }

    [Fact]
    public void EveryLongNameRoundTripsCaseInsensitively()
    {
        int count = 0;
        foreach (HeaderKind kind in Enum.GetValues<HeaderKind>())
        {
            if (kind == HeaderKind.Unknown) continue;
            string name = SipHeaders.LongName(kind);
            Assert.False(string.IsNullOrEmpty(name));
            Assert.Equal(name, Encoding.ASCII.GetString(SipHeaders.LongNameUtf8(kind)));
            Assert.Equal(kind, SipHeaders.Lookup(B(name)));
            Assert.Equal(kind, SipHeaders.Lookup(B(name.ToUpperInvariant())));
            Assert.Equal(kind, SipHeaders.Lookup(B(name.ToLowerInvariant())));
            count++;
        }
        Assert.Equal(SipHeaders.Count, count);
        Assert.True(count >= 60, "all RFC 3261 §20 headers and the extension headers");
    }

    [Theory]
    [InlineData("X-Custom")]
    [InlineData("Vias")]
    [InlineData("C%6Fntact")] // RFC 4475 esc02: an unknown header, not Contact
    [InlineData("")]
    [InlineData("q")]
    public void OtherNamesAreUnknown(string name) => Assert.Equal(HeaderKind.Unknown, SipHeaders.Lookup(B(name)));

    [Theory]
    [InlineData(HeaderKind.Via, true)]
    [InlineData(HeaderKind.Contact, true)]
    [InlineData(HeaderKind.Route, true)]
    [InlineData(HeaderKind.RecordRoute, true)]
    [InlineData(HeaderKind.Allow, true)]
    [InlineData(HeaderKind.Supported, true)]
    [InlineData(HeaderKind.From, false)]
    [InlineData(HeaderKind.To, false)]
    [InlineData(HeaderKind.CSeq, false)]
    [InlineData(HeaderKind.CallID, false)]
    [InlineData(HeaderKind.Authorization, false)] // commas inside credentials do not make it a list (§7.3.1)
    [InlineData(HeaderKind.WWWAuthenticate, false)]
    public void ListHeadersComeFromTheGrammar(HeaderKind kind, bool isList) => Assert.Equal(isList, SipHeaders.IsList(kind));

    [Theory]
    [InlineData(HeaderKind.Via, "Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bK776asdhds", true)]
    [InlineData(HeaderKind.Via, "v: SIP/2.0/UDP pc33.atlanta.com", true)]
    [InlineData(HeaderKind.Via, "Via: SIP/2.0/UDP", false)]
    [InlineData(HeaderKind.CSeq, "CSeq: 314159 INVITE", true)]
    [InlineData(HeaderKind.CSeq, "CSeq: INVITE", false)]
    [InlineData(HeaderKind.MaxForwards, "Max-Forwards: 70", true)]
    [InlineData(HeaderKind.Unknown, "X-Anything: at all", false)]
    public void StrictValidationOfOneHeaderLine(HeaderKind kind, string line, bool expected)
        => Assert.Equal(expected, SipHeaders.IsMatch(kind, B(line)));

    [Fact]
    public void SIPGEN205_HeaderRuleWithoutNamesAndHcolon()
    {
        var result = GeneratorHarness.Run(new GrammarText("h.abnf", "HCOLON = \":\"\nALPHA = %x41-5A\n;@header\nOdd = ALPHA HCOLON ALPHA\n"));
        Diagnostic d = Assert.Single(result.Diagnostics, x => x.Id == "SIPGEN205");
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(3, d.Location.GetLineSpan().StartLinePosition.Line); // line 4, 0-based 3
    }

    [Fact]
    public void SIPGEN206_TwoRulesClaimOneName()
    {
        var result = GeneratorHarness.Run(new GrammarText("h.abnf",
            "HCOLON = \":\"\nALPHA = %x41-5A\n;@header\nOne = ( \"One\" / \"o\" ) HCOLON ALPHA\n;@header\nTwo = ( \"Two\" / \"O\" ) HCOLON ALPHA\n"));
        Diagnostic d = Assert.Single(result.Diagnostics, x => x.Id == "SIPGEN206");
        Assert.Equal(5, d.Location.GetLineSpan().StartLinePosition.Line);
    }
}
