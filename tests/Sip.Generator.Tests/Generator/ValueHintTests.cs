using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Sip.Generator.Tests.Generator;

/// <summary><c>;@value</c>: its diagnostics, and the typed accessors it produces where the runtime is compiled.</summary>
public class ValueHintTests
{
    private const string Core = "ALPHA = %x41-5A / %x61-7A\nDIGIT = %x30-39\nHCOLON = \":\"\nCOMMA = \",\"\ntoken = 1*ALPHA\n";

    private const string Priority = ";@header\n;@value Token\nX-Call-Priority = \"X-Call-Priority\" HCOLON token *(COMMA token)\n";

    private static GeneratorRunResult Run(string grammar, bool withRuntime)
    {
        CSharpCompilation compilation = GeneratorHarness.EmptyCompilation();
        if (withRuntime)
        {
            compilation = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
                "namespace Sip.Runtime.Message { public sealed class SipMessage { } }", new CSharpParseOptions(LanguageVersion.Latest)));
        }
        GeneratorDriver driver = GeneratorHarness.CreateDriver([new GrammarText("h.abnf", grammar)]).RunGenerators(compilation);
        return driver.GetRunResult().Results.Single();
    }

    [Fact]
    public void AccessorsAreEmittedWhereTheRuntimeIsCompiled()
    {
        GeneratorRunResult result = Run(Core + Priority, withRuntime: true);
        GeneratedSourceResult accessors = result.GeneratedSources.Single(s => s.HintName == "SipMessageHeaders.g.cs");
        string text = accessors.SourceText.ToString();
        Assert.Contains("extension(global::Sip.Runtime.Message.SipMessage message)", text);
        Assert.Contains("public global::Sip.Runtime.Headers.HeaderValues<global::Sip.Runtime.Headers.TokenValue> XCallPriority => new(message, HeaderKind.XCallPriority);", text);
        Assert.Contains("case HeaderKind.XCallPriority:", text);
        Assert.Contains("each element of the comma-separated list", text);
    }

    [Fact]
    public void NoAccessorsWithoutTheRuntime() =>
        Assert.DoesNotContain(Run(Core + Priority, withRuntime: false).GeneratedSources, s => s.HintName == "SipMessageHeaders.g.cs");

    [Fact]
    public void AFullTypeNameIsTakenAsWritten()
    {
        string text = Run(Core + Priority.Replace("Token", "My.Values.PriorityValue", StringComparison.Ordinal), withRuntime: true)
            .GeneratedSources.Single(s => s.HintName == "SipMessageHeaders.g.cs").SourceText.ToString();
        Assert.Contains("HeaderValues<global::My.Values.PriorityValue>", text);
    }

    [Fact]
    public void SIPGEN202_ValueNeedsATypeName()
    {
        Diagnostic d = Run(Core + ";@header\n;@value 9lives\nX-A = \"X-A\" HCOLON token\n", withRuntime: false).Diagnostics.Single(x => x.Id == "SIPGEN202");
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(6, d.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void SIPGEN203_ValueWithoutHeader()
    {
        Diagnostic d = Run(Core + ";@value Token\nx-a = token\n", withRuntime: false).Diagnostics.Single(x => x.Id == "SIPGEN203");
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal((6, 0), (d.Location.GetLineSpan().StartLinePosition.Line, d.Location.GetLineSpan().StartLinePosition.Character));
    }
}
