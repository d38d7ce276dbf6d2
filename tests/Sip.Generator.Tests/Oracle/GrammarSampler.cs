using Sip.Generator.Binding;
using Sip.Generator.Model;

namespace Sip.Generator.Tests.Oracle;

/// <summary>
/// Random strings generated FROM the grammar, so valid by construction: a rule's body is expanded
/// choosing alternatives and repetition counts at random. Expansion is kept finite and small: an
/// unbounded repetition adds 0–3 copies beyond its minimum, and past a reference-depth cap (or a
/// size cap, or when a recursive rule has used up the generator's nesting budget) every choice is
/// the shortest one, using each rule's precomputed minimum derivation length.
/// </summary>
public sealed class GrammarSampler
{
    private const int Infinite = int.MaxValue / 4;

    private readonly GrammarFacts _facts;
    private readonly Dictionary<string, int> _minLength = new(StringComparer.Ordinal);

    public GrammarSampler(GrammarFacts facts)
    {
        _facts = facts;
        ComputeMinLengths();
    }

    /// <summary>Reference hops from the sampled rule after which only shortest choices are made.</summary>
    public int MaxHops { get; init; } = 18;

    /// <summary>Output length after which only shortest choices are made.</summary>
    public int SoftMaxLength { get; init; } = 160;

    /// <summary>Extra copies an unbounded repetition may get beyond its minimum.</summary>
    public int MaxExtraRepetitions { get; init; } = 3;

    public int MinLength(string key) => _minLength[key];

    public byte[] Sample(string key, Random rng)
    {
        BoundRule rule = _facts.Rule(key);
        var output = new List<byte>();
        var state = new State(rng, output);
        Expand(rule.Body, rule, _facts.TopBudget(rule), 0, minimal: false, state);
        return output.ToArray();
    }

    private sealed class State
    {
        public State(Random rng, List<byte> output)
        {
            Rng = rng;
            Output = output;
        }

        public Random Rng { get; }
        public List<byte> Output { get; }
        public int Steps { get; set; }
    }

    private void Expand(Node node, BoundRule owner, int budget, int hops, bool minimal, State st)
    {
        if (++st.Steps > 1_000_000) throw new InvalidOperationException("sampler does not terminate in " + owner.Key);
        minimal |= hops >= MaxHops || st.Output.Count >= SoftMaxLength;
        Random rng = st.Rng;
        switch (node)
        {
            case Alternation a:
                {
                    Node pick;
                    if (minimal)
                    {
                        // The first shortest alternative (deterministic, so minimal expansion is well-founded).
                        pick = a.Items[0];
                        foreach (Node item in a.Items)
                        {
                            if (Min(item) < Min(pick)) pick = item;
                        }
                    }
                    else
                    {
                        var live = a.Items.Where(i => Min(i) < Infinite).ToList();
                        pick = live[rng.Next(live.Count)];
                    }
                    Expand(pick, owner, budget, hops, minimal, st);
                    return;
                }

            case Concatenation c:
                foreach (Node item in c.Items) Expand(item, owner, budget, hops, minimal, st);
                return;

            case Repetition r:
                {
                    int count = r.Min;
                    if (!minimal)
                    {
                        if (r.Max == Repetition.Unbounded) count += rng.Next(MaxExtraRepetitions + 1);
                        else if (r.Max - r.Min <= 8) count = rng.Next(r.Min, r.Max + 1);
                        else count += rng.Next(MaxExtraRepetitions + 1);
                    }
                    for (int i = 0; i < count; i++) Expand(r.Element, owner, budget, hops, minimal, st);
                    return;
                }

            case RuleRef rr:
                {
                    BoundRule target = _facts.Rule(rr.Name);
                    if (_facts.SameComponent(owner, target))
                    {
                        // Same accounting as the generator and the oracle: one hop per reference; a
                        // target entered with no budget left can make no further recursive reference,
                        // so it is expanded minimally (minimal derivations never recurse).
                        int left = budget - 1;
                        if (left < 0) throw new InvalidOperationException("sampler exceeded the recursion budget in " + owner.Key);
                        Expand(target.Body, target, left, hops + 1, minimal || left == 0, st);
                    }
                    else
                    {
                        Expand(target.Body, target, _facts.TopBudget(target), hops + 1, minimal, st);
                    }
                    return;
                }

            case CharString s:
                foreach (char ch in s.Text)
                {
                    char x = ch;
                    if (!s.CaseSensitive && char.IsAsciiLetter(ch) && rng.Next(2) == 0)
                    {
                        x = char.IsAsciiLetterUpper(ch) ? char.ToLowerInvariant(ch) : char.ToUpperInvariant(ch);
                    }
                    st.Output.Add((byte)x);
                }
                return;

            case ByteRange br:
                st.Output.Add((byte)(minimal ? br.Low : rng.Next(br.Low, br.High + 1)));
                return;

            case ByteSequence bs:
                foreach (int v in bs.Values) st.Output.Add((byte)v);
                return;

            default:
                throw new InvalidOperationException($"cannot sample {node} in {owner.Key}");
        }
    }

    private int Min(Node node) => MinOf(node, _minLength);

    private static int MinOf(Node node, Dictionary<string, int> rules)
    {
        switch (node)
        {
            case Alternation a:
                return a.Items.Select(i => MinOf(i, rules)).DefaultIfEmpty(Infinite).Min();
            case Concatenation c:
                return (int)Math.Min(Infinite, c.Items.Sum(i => (long)MinOf(i, rules)));
            case Repetition r:
                {
                    if (r.Min == 0) return 0;
                    long m = (long)r.Min * MinOf(r.Element, rules);
                    return (int)Math.Min(Infinite, m);
                }
            case RuleRef rr:
                return rules.TryGetValue(rr.Name, out int v) ? v : Infinite;
            case CharString s:
                return s.Text.Length;
            case ByteRange:
                return 1;
            case ByteSequence bs:
                return bs.Values.Count;
            default:
                return Infinite; // Nothing
        }
    }

    private void ComputeMinLengths()
    {
        foreach (BoundRule r in _facts.Grammar.Rules) _minLength[r.Key] = Infinite;
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (BoundRule r in _facts.Grammar.Rules)
            {
                int m = MinOf(r.Body, _minLength);
                if (m < _minLength[r.Key])
                {
                    _minLength[r.Key] = m;
                    changed = true;
                }
            }
        }
    }
}
