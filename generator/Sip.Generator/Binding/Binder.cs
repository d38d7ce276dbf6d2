using System;
using System.Collections.Generic;
using System.Linq;
using Sip.Generator.Model;

namespace Sip.Generator.Binding
{
    /// <summary>A rule after binding: all definitions merged, references resolved to rule keys, no positions.</summary>
    public sealed record BoundRule(
        string Key,
        string Name,
        string? Namespace,
        string File,
        Node Body,
        int Depth,
        bool IsRecursive,
        ImmutableEquatableArray<string> References,
        bool IsHeader = false)
    {
        /// <summary><c>;@methods</c> was given on one of the rule's definitions.</summary>
        public bool IsMethods { get; init; }

        /// <summary><c>;@record</c> was given: the rule's top-level items are typed fields.</summary>
        public bool IsRecord { get; init; }

        /// <summary><c>;@value Type</c> on the header rule: the typed value its values are read as.</summary>
        public string? ValueType { get; init; }

        /// <summary>Status codes and reason phrases from <c>;@status-codes</c> definitions (all parts, <c>=/</c> included).</summary>
        public ImmutableEquatableArray<StatusCodeNote> StatusCodes { get; init; } = ImmutableEquatableArray<StatusCodeNote>.Empty;
    }

    /// <summary>The whole grammar, position-free: a comment-only edit leaves it equal, so later steps stay cached.</summary>
    public sealed record BoundGrammar(ImmutableEquatableArray<BoundRule> Rules)
    {
        private Dictionary<string, BoundRule>? _byKey;

        // Equality is the rules' alone: the lookup cache must not take part.
        public bool Equals(BoundGrammar? other) => other is not null && Rules.Equals(other.Rules);

        public override int GetHashCode() => Rules.GetHashCode();

        public BoundRule? Find(string key)
        {
            if (_byKey == null)
            {
                var map = new Dictionary<string, BoundRule>(StringComparer.Ordinal);
                foreach (BoundRule rule in Rules) map[rule.Key] = rule;
                _byKey = map;
            }
            return _byKey.TryGetValue(key, out BoundRule? r) ? r : null;
        }

        /// <summary>Looks a rule up as a user writes it: <c>name</c> (global, else the one namespaced rule) or <c>ns:name</c>.</summary>
        public BoundRule? Lookup(string name)
        {
            string lower = name.ToLowerInvariant();
            BoundRule? r = Find(lower);
            if (r != null || lower.IndexOf(':') >= 0) return r;
            BoundRule? found = null;
            foreach (BoundRule rule in Rules)
            {
                if (rule.Namespace != null && rule.Key.EndsWith(":" + lower, StringComparison.Ordinal))
                {
                    if (found != null) return null;
                    found = rule;
                }
            }
            return found;
        }
    }

    /// <summary>Where a rule is first defined (kept out of <see cref="BoundGrammar"/> so positions do not defeat caching).</summary>
    public sealed record RulePosition(string Key, SourcePosition Position);

    public sealed record BindResult(BoundGrammar Grammar, ImmutableEquatableArray<DiagnosticInfo> Diagnostics, ImmutableEquatableArray<RulePosition> Positions)
    {
        public SourcePosition? PositionOf(string key)
        {
            foreach (RulePosition p in Positions)
            {
                if (p.Key == key) return p.Position;
            }
            return null;
        }
    }

    /// <summary>
    /// Binds every parsed file into one grammar: merges <c>=/</c>, resolves names through
    /// namespaces, implements prose-vals from <c>;@prose</c> hints, and checks the grammar's meaning
    /// (undefined, duplicate, left-recursive, unused rules).
    /// </summary>
    public static class Binder
    {
        public const int DefaultDepth = 8;

        private sealed class Definition
        {
            public Definition(string key, string name, string? ns, GrammarFile file, RuleDefinition first)
            {
                Key = key;
                Name = name;
                Namespace = ns;
                File = file;
                First = first;
            }

            public string Key { get; }
            public string Name { get; }
            public string? Namespace { get; }
            public GrammarFile File { get; }
            public RuleDefinition First { get; }
            public List<(GrammarFile File, RuleDefinition Rule)> Parts { get; } = new List<(GrammarFile, RuleDefinition)>();
        }

        public static BindResult Bind(IEnumerable<GrammarFile> input)
        {
            List<GrammarFile> files = input.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
            var diagnostics = new List<DiagnosticInfo>();
            var defs = new Dictionary<string, Definition>(StringComparer.Ordinal);
            // Short name -> keys of namespaced rules with that name (to see a namespaced rule from outside).
            var namespaced = new Dictionary<string, List<string>>(StringComparer.Ordinal);

            foreach (GrammarFile file in files)
            {
                diagnostics.AddRange(file.Diagnostics);
                foreach (RuleDefinition rule in file.Rules)
                {
                    if (rule.Incremental) continue;
                    string key = KeyOf(file.Namespace, rule.Name);
                    if (defs.TryGetValue(key, out Definition? existing))
                    {
                        SourcePosition p = existing.First.Position;
                        diagnostics.Add(Error(DiagnosticIds.DuplicateRule,
                            $"rule '{rule.Name}' is already defined at {p.Path}({p.Line},{p.Column}); use '=/' to add alternatives",
                            rule.Position, rule.Name.Length));
                        continue;
                    }
                    var def = new Definition(key, rule.Name, file.Namespace, file, rule);
                    def.Parts.Add((file, rule));
                    defs.Add(key, def);
                    if (file.Namespace != null)
                    {
                        string lower = rule.Name.ToLowerInvariant();
                        if (!namespaced.TryGetValue(lower, out List<string>? keys)) namespaced[lower] = keys = new List<string>();
                        keys.Add(key);
                    }
                }
            }

            foreach (GrammarFile file in files)
            {
                foreach (RuleDefinition rule in file.Rules)
                {
                    if (!rule.Incremental) continue;
                    Definition? def = null;
                    if (file.Namespace != null) defs.TryGetValue(KeyOf(file.Namespace, rule.Name), out def);
                    if (def == null) defs.TryGetValue(KeyOf(null, rule.Name), out def);
                    if (def == null)
                    {
                        diagnostics.Add(Error(DiagnosticIds.IncrementalWithoutBase,
                            $"'{rule.Name} =/' adds alternatives to a rule that is not defined with '='",
                            rule.Position, rule.Name.Length));
                        continue;
                    }
                    def.Parts.Add((file, rule));
                }
            }

            // Prose hints are declarations for the whole grammar.
            var proseTargets = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (GrammarFile file in files)
            {
                foreach (ProseHint hint in file.ProseHints)
                {
                    string? target = ResolveQualified(hint.Target, defs, namespaced);
                    if (target == null)
                    {
                        diagnostics.Add(Error(DiagnosticIds.ProseTargetUndefined,
                            $"';@prose' names rule '{hint.Target}', which is not defined", hint.Position, 1));
                        continue;
                    }
                    if (!proseTargets.ContainsKey(hint.Text)) proseTargets[hint.Text] = target;
                }
            }

            var bodies = new Dictionary<string, Node>(StringComparer.Ordinal);
            var references = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (Definition def in defs.Values.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                var refs = new SortedSet<string>(StringComparer.Ordinal);
                var alternatives = new List<Node>();
                foreach ((GrammarFile file, RuleDefinition part) in def.Parts)
                {
                    Node resolved = Resolve(part.Body, file, defs, namespaced, proseTargets, diagnostics, refs);
                    if (resolved is Alternation alt) alternatives.AddRange(alt.Items);
                    else alternatives.Add(resolved);
                }
                bodies[def.Key] = alternatives.Count == 1 ? alternatives[0] : new Alternation(alternatives.ToEquatable());
                references[def.Key] = refs;
                foreach (string r in refs)
                {
                    if (r != def.Key) used.Add(r);
                }
            }

            HashSet<string> recursive = FindRecursive(references);
            ReportLeftRecursion(defs, bodies, diagnostics);

            var rules = new List<BoundRule>();
            foreach (Definition def in defs.Values.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                bool isRecursive = recursive.Contains(def.Key);
                int depth = def.Parts.Select(p => p.Rule.Depth).FirstOrDefault(d => d.HasValue) ?? DefaultDepth;
                if (isRecursive)
                {
                    diagnostics.Add(new DiagnosticInfo(DiagnosticIds.RecursionBounded, Severity.Info,
                        $"rule '{def.Name}' is recursive; its matcher accepts up to {depth} nested levels, the outermost included (';@depth' sets this; the smallest in a recursive group applies to the group)",
                        def.First.Position, def.Name.Length));
                }
                if (!used.Contains(def.Key))
                {
                    diagnostics.Add(new DiagnosticInfo(DiagnosticIds.UnusedRule, Severity.Info,
                        $"rule '{def.Name}' is not used by any other rule", def.First.Position, def.Name.Length));
                }
                bool isHeader = def.Parts.Any(p => p.Rule.IsHeader);
                rules.Add(new BoundRule(def.Key, def.Name, def.Namespace, def.File.Path, bodies[def.Key], depth, isRecursive,
                    references[def.Key].ToEquatable(), isHeader)
                {
                    IsMethods = def.Parts.Any(p => p.Rule.IsMethods),
                    IsRecord = def.Parts.Any(p => p.Rule.IsRecord),
                    ValueType = def.Parts.Select(p => p.Rule.ValueType).FirstOrDefault(v => v != null),
                    StatusCodes = def.Parts.SelectMany(p => p.Rule.StatusCodes ?? ImmutableEquatableArray<StatusCodeNote>.Empty).ToEquatable(),
                });
            }

            diagnostics.Sort();
            var positions = defs.Values.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => new RulePosition(d.Key, d.First.Position)).ToEquatable();
            return new BindResult(new BoundGrammar(rules.ToEquatable()), diagnostics.ToEquatable(), positions);
        }

        internal static string KeyOf(string? ns, string name)
            => ns == null ? name.ToLowerInvariant() : ns + ":" + name.ToLowerInvariant();

        private static string? ResolveQualified(string name, Dictionary<string, Definition> defs, Dictionary<string, List<string>> namespaced)
        {
            int colon = name.IndexOf(':');
            if (colon >= 0)
            {
                string key = KeyOf(name.Substring(0, colon).ToLowerInvariant(), name.Substring(colon + 1));
                return defs.ContainsKey(key) ? key : null;
            }
            string global = KeyOf(null, name);
            if (defs.ContainsKey(global)) return global;
            return namespaced.TryGetValue(global, out List<string>? keys) && keys.Count == 1 ? keys[0] : null;
        }

        private static Node Resolve(
            Node node,
            GrammarFile file,
            Dictionary<string, Definition> defs,
            Dictionary<string, List<string>> namespaced,
            Dictionary<string, string> prose,
            List<DiagnosticInfo> diagnostics,
            SortedSet<string> refs)
        {
            switch (node)
            {
                case Alternation a:
                    return new Alternation(a.Items.Select(i => Resolve(i, file, defs, namespaced, prose, diagnostics, refs)).ToEquatable());
                case Concatenation c:
                    return new Concatenation(c.Items.Select(i => Resolve(i, file, defs, namespaced, prose, diagnostics, refs)).ToEquatable());
                case Repetition r:
                    return new Repetition(r.Min, r.Max, Resolve(r.Element, file, defs, namespaced, prose, diagnostics, refs));
                case RuleRef rr:
                    {
                        string? key = null;
                        if (file.Namespace != null && defs.ContainsKey(KeyOf(file.Namespace, rr.Name))) key = KeyOf(file.Namespace, rr.Name);
                        else if (defs.ContainsKey(KeyOf(null, rr.Name))) key = KeyOf(null, rr.Name);
                        else if (namespaced.TryGetValue(rr.Name.ToLowerInvariant(), out List<string>? keys))
                        {
                            if (keys.Count == 1) key = keys[0];
                            else
                            {
                                diagnostics.Add(Error(DiagnosticIds.AmbiguousRule,
                                    $"rule '{rr.Name}' is defined in several namespaces ({string.Join(", ", keys)}) and none is visible here",
                                    rr.Position!.Value, rr.Name.Length));
                                return Nothing.Instance;
                            }
                        }
                        if (key == null)
                        {
                            diagnostics.Add(Error(DiagnosticIds.UndefinedRule, $"rule '{rr.Name}' is not defined", rr.Position!.Value, rr.Name.Length));
                            return Nothing.Instance;
                        }
                        refs.Add(key);
                        return new RuleRef(key, null);
                    }
                case Prose p:
                    {
                        if (prose.TryGetValue(p.Text, out string? target))
                        {
                            refs.Add(target);
                            return new RuleRef(target, null);
                        }
                        diagnostics.Add(Error(DiagnosticIds.UnimplementedProse,
                            $"prose-val <{p.Text}> is not implemented: add ';@prose <{p.Text}> = RULE'",
                            p.Position!.Value, p.Text.Length + 2));
                        return Nothing.Instance;
                    }
                default:
                    return node;
            }
        }

        /// <summary>Rules on a cycle of the reference graph (Tarjan's strongly connected components).</summary>
        private static HashSet<string> FindRecursive(Dictionary<string, SortedSet<string>> graph)
        {
            var result = new HashSet<string>(StringComparer.Ordinal);
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var low = new Dictionary<string, int>(StringComparer.Ordinal);
            var onStack = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<string>();
            int counter = 0;

            foreach (string root in graph.Keys.OrderBy(k => k, StringComparer.Ordinal))
            {
                if (index.ContainsKey(root)) continue;
                // Iterative Tarjan: (node, enumerator) frames.
                var frames = new Stack<(string Node, IEnumerator<string> Next)>();
                Visit(root);
                while (frames.Count > 0)
                {
                    (string v, IEnumerator<string> it) = frames.Peek();
                    if (it.MoveNext())
                    {
                        string w = it.Current;
                        if (!graph.ContainsKey(w)) continue;
                        if (!index.ContainsKey(w)) Visit(w);
                        else if (onStack.Contains(w)) low[v] = Math.Min(low[v], index[w]);
                        continue;
                    }
                    frames.Pop();
                    if (frames.Count > 0)
                    {
                        string parent = frames.Peek().Node;
                        low[parent] = Math.Min(low[parent], low[v]);
                    }
                    if (low[v] == index[v])
                    {
                        var component = new List<string>();
                        string w;
                        do
                        {
                            w = stack.Pop();
                            onStack.Remove(w);
                            component.Add(w);
                        }
                        while (w != v);
                        if (component.Count > 1 || graph[v].Contains(v)) result.UnionWith(component);
                    }
                }

                void Visit(string n)
                {
                    index[n] = low[n] = counter++;
                    stack.Push(n);
                    onStack.Add(n);
                    frames.Push((n, graph[n].GetEnumerator()));
                }
            }
            return result;
        }

        private static void ReportLeftRecursion(Dictionary<string, Definition> defs, Dictionary<string, Node> bodies, List<DiagnosticInfo> diagnostics)
        {
            // Nullable rules: a fixed point over the bodies.
            var nullable = new HashSet<string>(StringComparer.Ordinal);
            bool changed = true;
            while (changed)
            {
                changed = false;
                foreach (KeyValuePair<string, Node> kv in bodies)
                {
                    if (!nullable.Contains(kv.Key) && Nullable(kv.Value, nullable))
                    {
                        nullable.Add(kv.Key);
                        changed = true;
                    }
                }
            }

            // Left-call graph: X -> Y when Y can be reached in X before any input is consumed.
            var left = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, Node> kv in bodies)
            {
                var set = new HashSet<string>(StringComparer.Ordinal);
                LeftRefs(kv.Value, nullable, set);
                left[kv.Key] = set;
            }

            foreach (string key in bodies.Keys.OrderBy(k => k, StringComparer.Ordinal))
            {
                if (ReachesSelf(key, left))
                {
                    Definition def = defs[key];
                    diagnostics.Add(Error(DiagnosticIds.LeftRecursion,
                        $"rule '{def.Name}' is left-recursive: it can reach itself without consuming input",
                        def.First.Position, def.Name.Length));
                }
            }
        }

        private static bool ReachesSelf(string start, Dictionary<string, HashSet<string>> left)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var work = new Stack<string>(left[start]);
            while (work.Count > 0)
            {
                string n = work.Pop();
                if (n == start) return true;
                if (!seen.Add(n) || !left.TryGetValue(n, out HashSet<string>? next)) continue;
                foreach (string m in next) work.Push(m);
            }
            return false;
        }

        internal static bool Nullable(Node node, HashSet<string> nullableRules)
        {
            switch (node)
            {
                case Alternation a: return a.Items.Any(i => Nullable(i, nullableRules));
                case Concatenation c: return c.Items.All(i => Nullable(i, nullableRules));
                case Repetition r: return r.Min == 0 || Nullable(r.Element, nullableRules);
                case RuleRef rr: return nullableRules.Contains(rr.Name);
                case CharString s: return s.Text.Length == 0;
                default: return false;
            }
        }

        private static void LeftRefs(Node node, HashSet<string> nullable, HashSet<string> into)
        {
            switch (node)
            {
                case Alternation a:
                    foreach (Node i in a.Items) LeftRefs(i, nullable, into);
                    break;
                case Concatenation c:
                    foreach (Node i in c.Items)
                    {
                        LeftRefs(i, nullable, into);
                        if (!Nullable(i, nullable)) break;
                    }
                    break;
                case Repetition r:
                    if (r.Max != 0) LeftRefs(r.Element, nullable, into);
                    break;
                case RuleRef rr:
                    into.Add(rr.Name);
                    break;
            }
        }

        private static DiagnosticInfo Error(string id, string message, SourcePosition at, int length)
            => new DiagnosticInfo(id, Severity.Error, message, at, length);
    }
}
