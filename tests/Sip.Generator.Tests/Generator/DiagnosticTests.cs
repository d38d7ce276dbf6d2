using Microsoft.CodeAnalysis;

namespace Sip.Generator.Tests.Generator;

/// <summary>One test per SIPGEN ID: the ID, severity, file, line and column as a build would print them.</summary>
public class DiagnosticTests
{
    private const string Core = "ALPHA = %x41-5A / %x61-7A\nDIGIT = %x30-39\n";

    private static IReadOnlyList<Diagnostic> Diagnose(params (string Path, string Text)[] files)
    {
        GeneratorRunResult result = GeneratorHarness.Run(files.Select(f => new GrammarText(f.Path, f.Text)).ToArray());
        Assert.Null(result.Exception);
        return result.Diagnostics;
    }

    private static void AssertAt(IReadOnlyList<Diagnostic> diagnostics, string id, DiagnosticSeverity severity, string path, int line, int column, string? about = null)
    {
        Diagnostic? d = diagnostics.FirstOrDefault(x => x.Id == id && (about == null || x.GetMessage().Contains(about)));
        Assert.True(d != null, $"expected {id}; got: {string.Join("; ", diagnostics.Select(x => x.ToString()))}");
        FileLinePositionSpan span = d!.Location.GetLineSpan();
        Assert.Equal(severity, d.Severity);
        Assert.Equal(path, span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
    }

    [Fact]
    public void SIPGEN001_SyntaxError()
    {
        // RFC 3966's printed `(HEXDIG / "*" / "#")*phonedigit-hex` has no white space between elements.
        var d = Diagnose(("grammar/x.abnf", Core + "a = ALPHA\nb = (ALPHA / \"*\")*DIGIT\n"));
        AssertAt(d, "SIPGEN001", DiagnosticSeverity.Error, "grammar/x.abnf", 4, 18);
        Assert.Contains("white space", d.First(x => x.Id == "SIPGEN001").GetMessage());
    }

    [Fact]
    public void SIPGEN001_UnindentedContinuation()
    {
        // RFC 3515 as printed: the continuation line is not indented, so it reads as a new rule and fails.
        var d = Diagnose(("r.abnf", Core + "a = ALPHA *\n(DIGIT)\n"));
        AssertAt(d, "SIPGEN001", DiagnosticSeverity.Error, "r.abnf", 3, 12);
    }

    [Fact]
    public void SIPGEN002_NumValAboveByte() =>
        AssertAt(Diagnose(("n.abnf", Core + "a = %x100\n")), "SIPGEN002", DiagnosticSeverity.Error, "n.abnf", 3, 5);

    [Fact]
    public void SIPGEN002_EmptyRange() =>
        AssertAt(Diagnose(("n.abnf", Core + "a = ALPHA %x5A-41\n")), "SIPGEN002", DiagnosticSeverity.Error, "n.abnf", 3, 11);

    [Fact]
    public void SIPGEN003_RepeatMinAboveMax() =>
        AssertAt(Diagnose(("r.abnf", Core + "a = 5*2DIGIT\n")), "SIPGEN003", DiagnosticSeverity.Error, "r.abnf", 3, 5);

    [Fact]
    public void SIPGEN101_UndefinedRule()
    {
        // Erratum 316: RFC 3261 printed `rquest-uri`.
        var d = Diagnose(("grammar/sip/auth.abnf", Core + "digest-uri-value = rquest-uri\n"));
        AssertAt(d, "SIPGEN101", DiagnosticSeverity.Error, "grammar/sip/auth.abnf", 3, 20);
        Assert.Contains("rquest-uri", d.First(x => x.Id == "SIPGEN101").GetMessage());
    }

    [Fact]
    public void SIPGEN102_DuplicateDefinition()
    {
        var d = Diagnose(("a.abnf", Core + "x = ALPHA\n"), ("b.abnf", "\n\nX = DIGIT\n"));
        AssertAt(d, "SIPGEN102", DiagnosticSeverity.Error, "b.abnf", 3, 1);
        Assert.Contains("a.abnf(3,1)", d.First(x => x.Id == "SIPGEN102").GetMessage());
    }

    [Fact]
    public void SIPGEN103_UnimplementedProse() =>
        AssertAt(Diagnose(("p.abnf", Core + "a = ALPHA <something described in words>\n")), "SIPGEN103", DiagnosticSeverity.Error, "p.abnf", 3, 11);

    [Fact]
    public void SIPGEN104_LeftRecursion() =>
        AssertAt(Diagnose(("l.abnf", Core + "list = [ list \",\" ] ALPHA\n")), "SIPGEN104", DiagnosticSeverity.Error, "l.abnf", 3, 1);

    [Fact]
    public void SIPGEN105_UnusedRuleIsInformation() =>
        AssertAt(Diagnose(("u.abnf", Core + "top = ALPHA\n")), "SIPGEN105", DiagnosticSeverity.Info, "u.abnf", 3, 1, about: "'top'");

    [Fact]
    public void SIPGEN106_CompositeIsReported()
    {
        GeneratorRunResult result = GeneratorHarness.Run(
            [new GrammarText("c.abnf", Core + "pair = 1*ALPHA \":\" 1*DIGIT\n")],
            new Dictionary<string, string> { ["build_property.SipGrammarMaxTableEntries"] = "4" });
        AssertAt(result.Diagnostics, "SIPGEN106", DiagnosticSeverity.Info, "c.abnf", 3, 1);
    }

    [Fact]
    public void SIPGEN107_IncrementalWithoutBase() =>
        AssertAt(Diagnose(("i.abnf", Core + "Method =/ ALPHA\n")), "SIPGEN107", DiagnosticSeverity.Error, "i.abnf", 3, 1);

    [Fact]
    public void SIPGEN108_AmbiguousNamespacedRule()
    {
        var d = Diagnose(
            ("a.abnf", ";@namespace one\nx = \"1\"\n"),
            ("b.abnf", ";@namespace two\nx = \"2\"\n"),
            ("c.abnf", "\ny = x\n"));
        AssertAt(d, "SIPGEN108", DiagnosticSeverity.Error, "c.abnf", 2, 5);
    }

    [Fact]
    public void SIPGEN109_RecursionBoundIsInformation() =>
        AssertAt(Diagnose(("c.abnf", Core + ";@depth 3\ncomment = \"(\" *( ALPHA / comment ) \")\"\n")), "SIPGEN109", DiagnosticSeverity.Info, "c.abnf", 4, 1);

    [Fact]
    public void SIPGEN110_EmptyLanguage() =>
        AssertAt(Diagnose(("e.abnf", Core + "never = ALPHA <nothing implements this>\n")), "SIPGEN110", DiagnosticSeverity.Warning, "e.abnf", 3, 1);

    [Fact]
    public void SIPGEN201_UnknownHint() =>
        AssertAt(Diagnose(("h.abnf", Core + ";@frobnicate now\na = ALPHA\n")), "SIPGEN201", DiagnosticSeverity.Warning, "h.abnf", 3, 1);

    [Fact]
    public void SIPGEN202_InvalidHint() =>
        AssertAt(Diagnose(("h.abnf", Core + ";@depth lots\na = ALPHA\n")), "SIPGEN202", DiagnosticSeverity.Error, "h.abnf", 3, 1);

    [Fact]
    public void SIPGEN203_MisplacedNamespace() =>
        AssertAt(Diagnose(("h.abnf", Core + ";@namespace late\n")), "SIPGEN203", DiagnosticSeverity.Error, "h.abnf", 3, 1);

    [Fact]
    public void SIPGEN204_ProseTargetUndefined() =>
        AssertAt(Diagnose(("h.abnf", ";@prose <ALPHA from RFC 5234> = alpha-nowhere\n" + Core + "a = <ALPHA from RFC 5234>\n")), "SIPGEN204", DiagnosticSeverity.Error, "h.abnf", 1, 1);

    [Fact]
    public void ProseHintImplementsProse()
    {
        var d = Diagnose(("h.abnf", ";@prose <ALPHA from RFC 5234> = ALPHA\n" + Core + "a = <ALPHA from RFC 5234>\n"));
        Assert.DoesNotContain(d, x => x.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void TheRepositoryGrammarHasNoErrorsOrWarnings()
    {
        string root = Path.Combine(AppContext.BaseDirectory, "grammar");
        var files = Directory.GetFiles(root, "*.abnf", SearchOption.AllDirectories)
            .Select(p => (p, File.ReadAllText(p))).ToArray();
        Assert.True(files.Length > 20);
        var problems = Diagnose(files).Where(x => x.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
