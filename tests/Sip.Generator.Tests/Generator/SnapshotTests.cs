using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Sip.Generator.Tests.Generator;

/// <summary>
/// The generated code for a small fixture grammar is committed as <c>*.verified.cs</c>. A mismatch
/// writes <c>*.received.cs</c> beside it; set SIP_ACCEPT_SNAPSHOTS=1 to accept (never in CI).
/// </summary>
public class SnapshotTests
{
    private static readonly string s_fixtureDir = Path.Combine(GeneratorHarness.SourceDirectory(), "..", "Fixtures", "Snapshot");

    /// <summary>A small table limit so that the fixture's <c>header</c> rule exercises the composite emitter.</summary>
    internal static readonly Dictionary<string, string> FixtureOptions = new()
    {
        ["build_property.SipGrammarNamespace"] = "Fixture.Grammar",
        ["build_property.SipGrammarMaxTableEntries"] = "64",
    };

    private static GeneratorRunResult RunFixture()
    {
        string path = Path.Combine(s_fixtureDir, "fixture.abnf");
        return GeneratorHarness.Run([new GrammarText(path, File.ReadAllText(path))], FixtureOptions);
    }

    [Fact]
    public void GeneratedCodeMatchesSnapshots()
    {
        GeneratorRunResult result = RunFixture();
        Assert.Null(result.Exception);
        bool accept = Environment.GetEnvironmentVariable("SIP_ACCEPT_SNAPSHOTS") == "1" && Environment.GetEnvironmentVariable("CI") == null;
        var mismatches = new List<string>();
        foreach (GeneratedSourceResult source in result.GeneratedSources)
        {
            string name = source.HintName.Replace(".g.cs", "");
            string verified = Path.Combine(s_fixtureDir, name + ".verified.cs");
            string received = Path.Combine(s_fixtureDir, name + ".received.cs");
            string actual = source.SourceText.ToString();
            string? expected = File.Exists(verified) ? File.ReadAllText(verified) : null;
            if (expected == actual)
            {
                File.Delete(received);
                continue;
            }
            if (accept)
            {
                File.WriteAllText(verified, actual);
                continue;
            }
            File.WriteAllText(received, actual);
            mismatches.Add(name);
        }
        string[] orphans = Directory.GetFiles(s_fixtureDir, "*.verified.cs")
            .Select(f => Path.GetFileName(f).Replace(".verified.cs", ""))
            .Except(result.GeneratedSources.Select(s => s.HintName.Replace(".g.cs", "")))
            .ToArray();
        Assert.True(mismatches.Count == 0, "generated code differs from the snapshot for: " + string.Join(", ", mismatches) + " (see *.received.cs)");
        Assert.True(orphans.Length == 0, "snapshots with no generated file: " + string.Join(", ", orphans));
    }

    [Fact]
    public void FixtureExercisesEveryEmitterShape()
    {
        GeneratorRunResult result = RunFixture();
        string all = string.Concat(result.GeneratedSources.Select(s => s.SourceText.ToString()));
        Assert.Contains("switch (state)", all);                       // direct-coded small DFA
        Assert.Contains("CompositeMatcher.MatchLength<Pieces>", all);  // composite
        Assert.Contains("up to 2 nested levels", all);                // bounded recursion
        Assert.Contains("/// comment = \"(\" *( ctext / comment ) \")\"", all); // the ABNF in the doc comment
    }

    [Fact]
    public void GeneratedCodeCompilesWithoutDiagnostics()
    {
        GeneratorRunResult result = RunFixture();
        CSharpCompilation compilation = GeneratorHarness.EmptyCompilation()
            .AddSyntaxTrees(result.GeneratedSources.Select(s => s.SyntaxTree));
        var problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
