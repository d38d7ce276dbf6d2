using Sip.Generator.Binding;
using Sip.Generator.Model;

namespace Sip.Generator.Tests.Oracle;

/// <summary>
/// The specification the generated matchers are checked against: an interpreter of the bound
/// grammar model that computes, for an element and a start position, the set of ALL end positions
/// it can reach (RFC 5234 semantics: a rule's language is every string derivable from it; nothing
/// commits, every alternative and every repetition count is followed). Rule results are memoised
/// per (rule, recursion budget, position), which keeps it polynomial. Slow by design; clarity first.
/// </summary>
public sealed class ReferenceMatcher
{
    private readonly GrammarFacts _facts;

    public ReferenceMatcher(GrammarFacts facts) => _facts = facts;

    public static ReferenceMatcher Default { get; } = new(GrammarFacts.Default);

    /// <summary>Every end position of a derivation of rule <paramref name="key"/> that starts at <paramref name="start"/>.</summary>
    public IReadOnlySet<int> Ends(string key, byte[] input, int start = 0)
    {
        BoundRule rule = _facts.Rule(key);
        return new Run(_facts, input).RuleEnds(rule, _facts.TopBudget(rule), start);
    }

    /// <summary>True when the whole input is in the rule's language.</summary>
    public bool IsMatch(string key, byte[] input) => Ends(key, input).Contains(input.Length);

    /// <summary>The length of the longest prefix in the rule's language, or -1 when none is.</summary>
    public int LongestMatch(string key, byte[] input)
    {
        IReadOnlySet<int> ends = Ends(key, input);
        return ends.Count == 0 ? -1 : ends.Max();
    }

    private sealed class Run
    {
        private static readonly HashSet<int> s_none = new();

        private readonly GrammarFacts _facts;
        private readonly byte[] _input;
        private readonly Dictionary<(string Key, int Budget, int Pos), HashSet<int>> _memo = new();

        public Run(GrammarFacts facts, byte[] input)
        {
            _facts = facts;
            _input = input;
        }

        public HashSet<int> RuleEnds(BoundRule rule, int budget, int pos)
        {
            var memoKey = (rule.Key, budget, pos);
            if (_memo.TryGetValue(memoKey, out HashSet<int>? done))
            {
                // null marks "being computed": only left recursion gets here, and the binder rejects that.
                return done ?? throw new InvalidOperationException($"left recursion through '{rule.Key}' at {pos}");
            }
            _memo[memoKey] = null!;
            HashSet<int> ends = Ends(rule.Body, pos, rule, budget);
            _memo[memoKey] = ends;
            return ends;
        }

        private HashSet<int> Ends(Node node, int pos, BoundRule owner, int budget)
        {
            switch (node)
            {
                case Alternation a:
                    {
                        var ends = new HashSet<int>();
                        foreach (Node item in a.Items) ends.UnionWith(Ends(item, pos, owner, budget));
                        return ends;
                    }

                case Concatenation c:
                    {
                        var current = new HashSet<int> { pos };
                        foreach (Node item in c.Items)
                        {
                            current = Step(current, item, owner, budget);
                            if (current.Count == 0) break;
                        }
                        return current;
                    }

                case Repetition r:
                    {
                        var current = new HashSet<int> { pos };
                        for (int i = 0; i < r.Min && current.Count > 0; i++) current = Step(current, r.Element, owner, budget);
                        var ends = new HashSet<int>(current);
                        if (r.Max == Repetition.Unbounded)
                        {
                            // Closure: keep applying the element while new end positions appear (a nullable
                            // element adds nothing new, so this terminates).
                            var work = new Queue<int>(current);
                            while (work.Count > 0)
                            {
                                foreach (int e in Ends(r.Element, work.Dequeue(), owner, budget))
                                {
                                    if (ends.Add(e)) work.Enqueue(e);
                                }
                            }
                        }
                        else
                        {
                            for (int i = r.Min; i < r.Max && current.Count > 0; i++)
                            {
                                current = Step(current, r.Element, owner, budget);
                                ends.UnionWith(current);
                            }
                        }
                        return ends;
                    }

                case RuleRef rr:
                    {
                        BoundRule? target = _facts.Grammar.Find(rr.Name);
                        if (target == null) return s_none;
                        if (_facts.SameComponent(owner, target))
                        {
                            // Recursion: one hop of the budget; with none left the reference matches nothing.
                            return budget <= 0 ? s_none : RuleEnds(target, budget - 1, pos);
                        }
                        return RuleEnds(target, _facts.TopBudget(target), pos);
                    }

                case CharString s:
                    {
                        if (pos + s.Text.Length > _input.Length) return s_none;
                        for (int i = 0; i < s.Text.Length; i++)
                        {
                            int want = s.Text[i];
                            int got = _input[pos + i];
                            if (got == want) continue;
                            if (!s.CaseSensitive && IsAsciiLetter(want) && (got | 0x20) == (want | 0x20) && IsAsciiLetter(got)) continue;
                            return s_none;
                        }
                        return new HashSet<int> { pos + s.Text.Length };
                    }

                case ByteRange br:
                    return pos < _input.Length && _input[pos] >= br.Low && _input[pos] <= br.High ? new HashSet<int> { pos + 1 } : s_none;

                case ByteSequence bs:
                    {
                        if (pos + bs.Values.Count > _input.Length) return s_none;
                        for (int i = 0; i < bs.Values.Count; i++)
                        {
                            if (_input[pos + i] != bs.Values[i]) return s_none;
                        }
                        return new HashSet<int> { pos + bs.Values.Count };
                    }

                case Nothing:
                    return s_none;

                default:
                    throw new NotSupportedException("unbound grammar element: " + node);
            }
        }

        private HashSet<int> Step(HashSet<int> from, Node element, BoundRule owner, int budget)
        {
            var next = new HashSet<int>();
            foreach (int p in from) next.UnionWith(Ends(element, p, owner, budget));
            return next;
        }

        private static bool IsAsciiLetter(int c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
