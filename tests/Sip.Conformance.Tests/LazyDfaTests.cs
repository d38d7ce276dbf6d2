using System.Reflection;
using Sip.Generated.Grammar;

namespace Sip.Conformance.Tests;

/// <summary>
/// Composite matchers run through a lazily built DFA; it must agree with the Thompson simulation it is built from,
/// byte for byte: on every corpus message, start line and header line, and on mutations of them.
/// </summary>
public sealed class LazyDfaTests
{
    private delegate int MatchFn(ReadOnlySpan<byte> input);

    private static readonly MethodInfo s_simulate = typeof(Rules).Assembly.GetType("Sip.Generated.Grammar.CompositeMatcher")!
        .GetMethod("Simulate", BindingFlags.Public | BindingFlags.Static)!;

    public static TheoryData<string> CompositeRules()
    {
        var data = new TheoryData<string>();
        foreach (Type rule in typeof(Rules).GetNestedTypes().Where(t => t.GetNestedType("Pieces", BindingFlags.NonPublic) != null))
        {
            data.Add((string)rule.GetField("RuleKey")!.GetValue(null)!);
        }
        return data;
    }

    [Fact]
    public void ManyRulesAreComposites() => Assert.True(CompositeRules().Count >= 40);

    private const string Noise = "<>;:,@\" \t\r\n%[";

    private static List<byte[]> Inputs()
    {
        var inputs = new List<byte[]>();
        var rng = new Random(5);
        foreach (var row in Corpus.Manifest("rfc3665"))
        {
            byte[] message = Corpus.Bytes("rfc3665", row["file"]);
            inputs.Add(message);
            foreach (HeadLine line in SipText.HeadLines(message))
            {
                inputs.Add(line.Bytes);
                inputs.Add(line.WithoutCrlf.ToArray());
                byte[] mutated = line.WithoutCrlf.ToArray();
                if (mutated.Length > 0) mutated[rng.Next(mutated.Length)] = (byte)Noise[rng.Next(Noise.Length)];
                inputs.Add(mutated);
            }
        }
        return inputs;
    }

    private static readonly Lazy<List<byte[]>> s_inputs = new(Inputs);

    [Theory]
    [MemberData(nameof(CompositeRules))]
    public void LazyDfaAgreesWithTheSimulation(string key)
    {
        Type rule = typeof(Rules).GetNestedTypes().Single(t => (string?)t.GetField("RuleKey")?.GetValue(null) == key);
        var lazy = rule.GetMethod("MatchLength", BindingFlags.Public | BindingFlags.Static)!.CreateDelegate<MatchFn>();
        var simulate = s_simulate.MakeGenericMethod(rule.GetNestedType("Pieces", BindingFlags.NonPublic)!).CreateDelegate<MatchFn>();
        int matched = 0;
        foreach (byte[] input in s_inputs.Value)
        {
            int expected = simulate(input);
            Assert.True(expected == lazy(input), $"{key}: simulation {expected}, lazy DFA {lazy(input)} on {System.Text.Encoding.UTF8.GetString(input)}");
            if (expected == input.Length) matched++;
        }
        // Twice: the second pass runs on the states the first one built.
        foreach (byte[] input in s_inputs.Value) Assert.Equal(simulate(input), lazy(input));
    }
}
