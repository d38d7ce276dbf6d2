using System.Text.RegularExpressions;
using Sip.Generator.Binding;
using Sip.Generator.Model;
using Sip.Generator.Parsing;

namespace Sip.Conformance.Tests;

/// <summary>
/// The project's grammar/ defines every rule the RFCs define. The reference is the published ABNF in
/// corpus/abnf (copied verbatim from the RFCs, errata not applied); rule names are read from it with a
/// regular expression (a rule starts in column 0 with <c>name =</c> or <c>name =/</c>), independently of the
/// generator's parser, so the known defects of the published text (the <c>digest-uri-value</c> comment that
/// runs on to an unmarked line, the <c>rquest-uri</c> typo of erratum 316) cannot hide a rule.
/// </summary>
public sealed class RuleCoverageTests
{
    private static readonly Lazy<BindResult> Bound = new(BindGrammar);

    private static BindResult BindGrammar()
    {
        string root = AppContext.BaseDirectory;
        var files = Directory.GetFiles(Path.Combine(root, "grammar"), "*.abnf", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(p => AbnfParser.Parse(Path.GetRelativePath(root, p).Replace('\\', '/'), File.ReadAllText(p)))
            .ToList();
        return Binder.Bind(files);
    }

    /// <summary>Distinct rule names (as first written) defined in a corpus/abnf file.</summary>
    private static List<string> PublishedRuleNames(string file)
    {
        string text = File.ReadAllText(Corpus.PathOf("abnf", file));
        return Regex.Matches(text, @"^([A-Za-z][A-Za-z0-9-]*)[ \t]*=", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value)
            .DistinctBy(n => n.ToLowerInvariant())
            .ToList();
    }

    [Fact]
    public void GrammarBindsWithoutErrors()
    {
        BindResult result = Bound.Value;
        Assert.Empty(result.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.ToString()));
        Assert.NotEmpty(result.Grammar.Rules);
    }

    [Theory]
    // RFC 3261 §25 (complete collected ABNF) and the core rules it uses.
    [InlineData("rfc3261.abnf", null, 282)]
    [InlineData("rfc5234.abnf", null, 16)]
    // RFC 5954 §4.1 replaces IPv4address/IPv6address (dec-octet, h16, ls32 added).
    [InlineData("rfc5954.abnf", null, 5)]
    // Extension RFCs: their rules extend the global SIP grammar.
    [InlineData("rfc3262.abnf", null, 6)]
    [InlineData("rfc3265.abnf", null, 16)]
    [InlineData("rfc6665.abnf", null, 16)]
    [InlineData("rfc3311.abnf", null, 2)]
    [InlineData("rfc3323.abnf", null, 2)]
    [InlineData("rfc3325.abnf", null, 5)]
    [InlineData("rfc3326.abnf", null, 8)]
    [InlineData("rfc3327.abnf", null, 2)]
    [InlineData("rfc3515.abnf", null, 1)]
    [InlineData("rfc3581.abnf", null, 2)]
    [InlineData("rfc3608.abnf", null, 2)]
    [InlineData("rfc3891.abnf", null, 5)]
    [InlineData("rfc3892.abnf", null, 6)]
    [InlineData("rfc3903.abnf", null, 5)]
    [InlineData("rfc4028.abnf", null, 4)]
    [InlineData("rfc5626.abnf", null, 9)]
    // Grammars that reuse SIP's rule names with other meanings live in a namespace.
    [InlineData("rfc8866.abnf", "sdp", 87)]
    [InlineData("rfc3966.abnf", "tel", 28)]
    public void EveryPublishedRuleIsDefined(string file, string? ns, int expectedRules)
    {
        List<string> names = PublishedRuleNames(file);
        Assert.Equal(expectedRules, names.Count);

        BoundGrammar grammar = Bound.Value.Grammar;
        var missing = new List<string>();
        foreach (string name in names)
        {
            string key = ns == null ? name.ToLowerInvariant() : ns + ":" + name.ToLowerInvariant();
            BoundRule? rule = grammar.Find(key);
            if (rule == null || rule.Namespace != ns || !string.Equals(rule.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                missing.Add(name);
            }
        }
        Assert.Empty(missing);
    }

    [Fact]
    public void Rfc3261TypoAndRunOnCommentAreNotRules()
    {
        // Erratum 316: "rquest-uri" is a typo for request-uri. The digest-uri-value comment runs on to an
        // unmarked line ("by HTTP/1.1"), which a literal reading turns into references to "by" and "HTTP".
        BoundGrammar grammar = Bound.Value.Grammar;
        Assert.Null(grammar.Find("rquest-uri"));
        Assert.Null(grammar.Find("by"));
        Assert.Null(grammar.Find("http"));
        Assert.Contains("request-uri", grammar.Find("digest-uri-value")!.References);
    }

    [Fact]
    public void EveryBoundRuleHasAGeneratedMatcher()
    {
        var bound = Bound.Value.Grammar.Rules.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var generated = GeneratedRules.Keys.ToHashSet(StringComparer.Ordinal);
        Assert.Empty(bound.Except(generated).Order(StringComparer.Ordinal));
        Assert.Empty(generated.Except(bound).Order(StringComparer.Ordinal));

        foreach (BoundRule rule in Bound.Value.Grammar.Rules)
        {
            Type matcher = GeneratedRules.Class(rule.Key);
            Assert.Equal(rule.Name, (string)matcher.GetField("RuleName")!.GetRawConstantValue()!);
        }
    }
}
