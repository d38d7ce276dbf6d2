using Microsoft.CodeAnalysis;

namespace Sip.Generator.Tests.Generator;

/// <summary>The pipeline caches: comment-only edits stop at the bind step; a rule edit re-emits only its dependents.</summary>
public class IncrementalTests
{
    private const string Grammar =
        "; a comment\n" +
        "ALPHA = %x41-5A / %x61-7A\n" +
        "DIGIT = %x30-39\n" +
        "token = 1*( ALPHA / DIGIT ) ; trailing comment\n" +
        "number = 1*DIGIT\n" +
        "pair = token \"=\" number\n";

    private static (GeneratorRunResult First, GeneratorRunResult Second) RunTwice(string before, string after)
    {
        var original = new GrammarText("g.abnf", before);
        GeneratorDriver driver = GeneratorHarness.CreateDriver([original]);
        var compilation = GeneratorHarness.EmptyCompilation();
        driver = driver.RunGenerators(compilation);
        GeneratorRunResult first = driver.GetRunResult().Results.Single();
        driver = driver.ReplaceAdditionalText(original, new GrammarText("g.abnf", after)).RunGenerators(compilation);
        return (first, driver.GetRunResult().Results.Single());
    }

    private static IncrementalStepRunReason[] Reasons(GeneratorRunResult result, string step)
        => result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();

    [Fact]
    public void CommentOnlyEditLeavesOutputsCached()
    {
        string edited = Grammar.Replace("; a comment", "; another comment, longer\n; and a new line")
                               .Replace("; trailing comment", "; a different trailing comment");
        var (first, second) = RunTwice(Grammar, edited);

        Assert.All(Reasons(second, GrammarGenerator.Steps.Parse), r => Assert.Equal(IncrementalStepRunReason.Modified, r));
        Assert.All(Reasons(second, GrammarGenerator.Steps.Grammar), r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));
        Assert.All(Reasons(second, GrammarGenerator.Steps.Plan), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        // Only the diagnostics output may change (a new comment line moves positions); no source is re-emitted.
        var outputs = second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToList();
        Assert.True(outputs.Count(o => o.Reason == IncrementalStepRunReason.Modified) <= 1);
        Assert.All(Reasons(second, GrammarGenerator.Steps.Diagnostics), r => Assert.Equal(IncrementalStepRunReason.Modified, r));
        Assert.True(outputs.Count(o => o.Reason == IncrementalStepRunReason.Cached) >= 5);
        Assert.Equal(first.GeneratedSources.Select(s => s.SourceText.ToString()), second.GeneratedSources.Select(s => s.SourceText.ToString()));
    }

    [Fact]
    public void EditingOneRuleRegeneratesOnlyItsDependents()
    {
        // number changes; pair depends on it; ALPHA, DIGIT and token do not.
        string edited = Grammar.Replace("number = 1*DIGIT", "number = 1*3DIGIT");
        var (_, second) = RunTwice(Grammar, edited);

        var plans = second.TrackedSteps[GrammarGenerator.Steps.Plan].SelectMany(s => s.Outputs).ToList();
        var modified = plans.Where(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New)
            .Select(o => ((Sip.Generator.Automata.RulePlan)o.Value).Key).OrderBy(k => k).ToArray();
        var unchanged = plans.Where(o => o.Reason == IncrementalStepRunReason.Unchanged)
            .Select(o => ((Sip.Generator.Automata.RulePlan)o.Value).Key).OrderBy(k => k).ToArray();
        Assert.Equal(["number", "pair"], modified);
        Assert.Equal(["alpha", "digit", "token"], unchanged);
    }

    [Fact]
    public void AddingAFileOfNewRulesKeepsExistingCode()
    {
        // Plans are compared by position in the rule list, so rules sorting after a new one may be
        // re-emitted; their text must not change.
        var original = new GrammarText("g.abnf", Grammar);
        GeneratorDriver driver = GeneratorHarness.CreateDriver([original]);
        var compilation = GeneratorHarness.EmptyCompilation();
        driver = driver.RunGenerators(compilation);
        var before = driver.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        driver = driver.AddAdditionalTexts([new GrammarText("h.abnf", "extra = \"x\" token\n")]).RunGenerators(compilation);
        var after = driver.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        Assert.Equal(before.Count + 1, after.Count);
        Assert.Contains("Rules.extra.g.cs", after.Keys);
        foreach (var (hint, text) in before) Assert.Equal(text, after[hint]);
    }
}
