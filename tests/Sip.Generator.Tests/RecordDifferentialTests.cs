using System.Reflection;
using Sip.Generated.Grammar;
using Sip.Generator.Automata;
using Sip.Generator.Binding;
using Sip.Generator.Model;
using Sip.Generator.Tests.Oracle;

namespace Sip.Generator.Tests;

/// <summary>
/// Every <c>;@record</c> rule, on strings sampled from the grammar and mutations of them:
/// TryMatchItems succeeds exactly when the oracle matches, and then every item's range is in
/// that item's language (checked by the oracle on a one-rule grammar for the item), tiling the input.
/// </summary>
public class RecordDifferentialTests
{
    private delegate bool ItemsFn(ReadOnlySpan<byte> input, Span<int> starts);

    public static TheoryData<string> RecordRules()
    {
        var data = new TheoryData<string>();
        foreach (BoundRule rule in GrammarFacts.Default.Grammar.Rules.Where(r => r.IsRecord)) data.Add(rule.Key);
        return data;
    }

    [Fact]
    public void SomeRulesAreRecords() => Assert.True(GrammarFacts.Default.Grammar.Rules.Count(r => r.IsRecord) >= 15);

    [Theory]
    [MemberData(nameof(RecordRules))]
    public void SplitsAreValidParses(string key)
    {
        BoundGrammar grammar = GrammarFacts.Default.Grammar;
        BoundRule rule = grammar.Find(key)!;
        Type type = typeof(Rules).GetNestedTypes().Single(t => (string?)t.GetField("RuleKey")?.GetValue(null) == key);
        var fn = type.GetMethod("TryMatchItems", BindingFlags.Public | BindingFlags.Static)!.CreateDelegate<ItemsFn>();
        int itemCount = (int)type.GetField("ItemCount")!.GetValue(null)!;
        IReadOnlyList<Node> items = Planner.RecordItemsOf(rule);
        Assert.Equal(items.Count, itemCount);
        // Items that come from one optional group [ a b ] are absent together (all empty) or present together.
        var group = new List<(int First, int Count, bool Optional)>();
        IReadOnlyList<Node> tops = rule.Body is Concatenation c ? c.Items : new[] { rule.Body };
        foreach (Node top in tops)
        {
            int first = group.Count == 0 ? 0 : group[^1].First + group[^1].Count;
            group.Add(RecordItems.IsFlattenedOption(top, out Concatenation? inner) ? (first, inner!.Items.Count, true) : (first, 1, false));
        }

        // One reference matcher per item: the item as the body of a rule in an otherwise identical grammar.
        var itemKeys = new string[items.Count];
        var rules = grammar.Rules.ToList();
        for (int i = 0; i < items.Count; i++)
        {
            itemKeys[i] = "<item>" + i;
            rules.Add(new BoundRule(itemKeys[i], itemKeys[i], rule.Namespace, rule.File, items[i], rule.Depth, false, ImmutableEquatableArray<string>.Empty));
        }
        var oracle = new ReferenceMatcher(new GrammarFacts(new BoundGrammar(rules.ToEquatable()), []));
        var sampler = new GrammarSampler(GrammarFacts.Default);
        var rng = new Random(key.GetHashCode(StringComparison.Ordinal) & 0x7fffffff ^ 4242);
        int[] starts = new int[itemCount + 1];
        int accepted = 0;
        for (int n = 0; n < 40; n++)
        {
            byte[] input = sampler.Sample(key, rng);
            if (n % 2 == 1 && input.Length > 0)
            {
                input = (byte[])input.Clone();
                input[rng.Next(input.Length)] = (byte)";,:@<> \"%"[rng.Next(9)];
            }
            bool expected = oracle.IsMatch(key, input);
            bool actual = fn(input, starts);
            Assert.True(expected == actual, $"{key}: oracle {expected}, TryMatchItems {actual} on {Bytes.Escape(input)}");
            if (!actual) continue;
            accepted++;
            Assert.Equal(input.Length, starts[itemCount]);
            for (int i = 0; i < itemCount; i++)
            {
                Assert.True(starts[i] <= starts[i + 1], $"{key}: items out of order on {Bytes.Escape(input)}");
            }
            foreach (var (first, count, optional) in group)
            {
                if (optional && starts[first] == starts[first + count]) continue; // the whole option is absent
                for (int i = first; i < first + count; i++) CheckItem(i);
            }

            void CheckItem(int i)
            {
                byte[] part = input[starts[i]..starts[i + 1]];
                Assert.True(oracle.IsMatch(itemKeys[i], part),
                    $"{key}: item {i} ({items[i]}) got {Bytes.Escape(part)}, not in its language; input {Bytes.Escape(input)}");
            }
        }
        Assert.True(accepted >= 10, $"{key}: only {accepted} samples accepted");
    }
}
