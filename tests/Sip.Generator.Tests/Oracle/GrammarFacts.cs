using Sip.Generator.Binding;
using Sip.Generator.Model;
using Sip.Generator.Parsing;

namespace Sip.Generator.Tests.Oracle;

/// <summary>
/// The bound grammar as the tests see it (parsed from the <c>grammar/</c> copy next to the test
/// assembly), plus the one fact both the oracle and the sampler need about recursion: which rules
/// recurse through each other, and how deep the generator lets them nest.
/// </summary>
/// <remarks>
/// The generator's documented bound (see <c>RuleCompiler</c>): a recursive rule R is unrolled with a
/// budget of <c>D × |component of R| − 1</c> reference hops, where D is the smallest <c>;@depth</c> in
/// the component (so D counts nesting levels, the outermost included); each reference from a rule to a rule of
/// the same recursive component costs one hop, and a reference made with no budget left matches
/// nothing. A reference to any other rule starts that rule afresh with its own budget. The oracle
/// implements exactly this, so deeper nesting is rejected by both.
/// </remarks>
public sealed class GrammarFacts
{
    private static readonly Lazy<GrammarFacts> s_default = new(() => Load(Path.Combine(AppContext.BaseDirectory, "grammar")));

    /// <summary>The project's grammar (all of <c>grammar/**/*.abnf</c>), bound once per test run.</summary>
    public static GrammarFacts Default => s_default.Value;

    private readonly Dictionary<string, int> _component = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _componentSize = new();

    public GrammarFacts(BoundGrammar grammar, IReadOnlyList<DiagnosticInfo> diagnostics)
    {
        Grammar = grammar;
        Diagnostics = diagnostics;
        ComputeComponents();
    }

    public BoundGrammar Grammar { get; }

    public IReadOnlyList<DiagnosticInfo> Diagnostics { get; }

    public static GrammarFacts Load(string directory)
    {
        var files = Directory.EnumerateFiles(directory, "*.abnf", SearchOption.AllDirectories)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => AbnfParser.Parse(p, File.ReadAllText(p)))
            .ToList();
        if (files.Count == 0) throw new InvalidOperationException("no grammar files under " + directory);
        BindResult bound = Binder.Bind(files);
        return new GrammarFacts(bound.Grammar, bound.Diagnostics.ToList());
    }

    public BoundRule Rule(string key) => Grammar.Find(key) ?? throw new ArgumentException("no rule with key '" + key + "'", nameof(key));

    /// <summary>True when both rules are recursive and each reaches the other: a reference between them costs a hop.</summary>
    public bool SameComponent(BoundRule a, BoundRule b)
        => a.IsRecursive && b.IsRecursive && _component[a.Key] == _component[b.Key];

    /// <summary>The hop budget a rule starts with when it is matched on its own (or referenced from outside its component).</summary>
    public int TopBudget(BoundRule rule)
    {
        if (!rule.IsRecursive) return 0;
        int component = _component[rule.Key];
        int depth = Grammar.Rules.Where(r => r.IsRecursive && _component[r.Key] == component).Min(r => r.Depth);
        return depth * _componentSize[component] - 1;
    }

    /// <summary>Every rule key reachable from <paramref name="roots"/> (roots included).</summary>
    public IReadOnlyList<string> Closure(IEnumerable<string> roots)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var work = new Stack<string>(roots);
        while (work.Count > 0)
        {
            string key = work.Pop();
            if (!seen.Add(key)) continue;
            foreach (string r in Rule(key).References) work.Push(r);
        }
        return seen.ToList();
    }

    private void ComputeComponents()
    {
        var reach = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (BoundRule r in Grammar.Rules)
        {
            if (r.IsRecursive) reach[r.Key] = Reachable(r.Key);
        }
        int next = 0;
        foreach (BoundRule r in Grammar.Rules)
        {
            if (!r.IsRecursive || _component.ContainsKey(r.Key)) continue;
            int id = next++;
            int size = 0;
            foreach (BoundRule other in Grammar.Rules)
            {
                if (!other.IsRecursive) continue;
                if (other.Key == r.Key || (reach[r.Key].Contains(other.Key) && reach[other.Key].Contains(r.Key)))
                {
                    _component[other.Key] = id;
                    size++;
                }
            }
            _componentSize[id] = size;
        }
    }

    private HashSet<string> Reachable(string from)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var work = new Stack<string>();
        work.Push(from);
        while (work.Count > 0)
        {
            BoundRule? r = Grammar.Find(work.Pop());
            if (r == null) continue;
            foreach (string n in r.References)
            {
                if (seen.Add(n)) work.Push(n);
            }
        }
        return seen;
    }
}
