using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Sip.Generator.Binding;
using Sip.Generator.Model;

namespace Sip.Generator.Automata
{
    /// <summary>Chooses, per rule, a minimal DFA or (when that is too large) a composite of DFAs.</summary>
    public sealed class Planner
    {
        private readonly BoundGrammar _grammar;
        private readonly RuleCompiler _compiler;
        private readonly Dictionary<string, DfaTable?> _tables = new Dictionary<string, DfaTable?>(StringComparer.Ordinal);

        /// <summary>
        /// A DFA whose table (states × byte classes) is larger than this is split into a composite
        /// whose pieces are the referenced rules' own DFAs: generated code stays small, and each
        /// sub-rule's table exists once.
        /// </summary>
        public const int DefaultMaxTableEntries = 40000;

        private readonly int _maxTableEntries;

        public Planner(BoundGrammar grammar, int maxStates = RuleCompiler.DefaultMaxStates, int maxTableEntries = DefaultMaxTableEntries)
        {
            _maxTableEntries = maxTableEntries;
            _grammar = grammar;
            _compiler = new RuleCompiler(grammar, maxStates);
        }

        internal RuleCompiler Compiler => _compiler;

        /// <summary>The rule's DFA, or null when the rule is compiled as a composite.</summary>
        public DfaTable? TableOf(string key)
        {
            if (_tables.TryGetValue(key, out DfaTable? table)) return table;
            Dfa? dfa = _compiler.Compile(key);
            table = dfa == null ? null : ToTable(dfa);
            BoundRule? rule = _grammar.Find(key);
            // Recursive rules stay one DFA: a composite cannot unroll their recursion.
            if (table != null && rule != null && !rule.IsRecursive && (long)table.StateCount * table.ClassCount > _maxTableEntries && HasRuleReference(rule.Body))
            {
                table = null;
            }
            _tables[key] = table;
            return table;
        }

        public RulePlan Plan(BoundRule rule)
        {
            string abnf = rule.Name + " = " + Display(rule.Body, rule.Namespace);
            RulePlan plan = PlanMatcher(rule, abnf);
            return rule.IsRecord ? plan with { Record = PlanRecord(rule) } : plan;
        }

        private RulePlan PlanMatcher(BoundRule rule, string abnf)
        {
            DfaTable? table = TableOf(rule.Key);
            if (table != null)
            {
                int depth = rule.IsRecursive ? _compiler.ComponentDepth(rule.Key) : rule.Depth;
                return new RulePlan(rule.Key, rule.Name, Naming.ClassName(rule), rule.File, abnf, depth, rule.IsRecursive,
                    table, null, ImmutableEquatableArray<string>.Empty);
            }
            var builder = new GlushkovBuilder(this);
            CompositePlan composite = builder.Build(rule.Body);
            var leafClasses = composite.Leaves.Select(l => l.RuleKey == null ? string.Empty : Naming.ClassName(_grammar.Find(l.RuleKey)!)).ToEquatable();
            return new RulePlan(rule.Key, rule.Name, Naming.ClassName(rule), rule.File, abnf, rule.Depth, rule.IsRecursive,
                null, composite, leafClasses);
        }

        internal BoundRule? Find(string key) => _grammar.Find(key);

        /// <summary>Rules that only separate fields (RFC 3261 §25.1): they are matched but are not fields.</summary>
        private static readonly HashSet<string> s_separators = new HashSet<string>(StringComparer.Ordinal)
        {
            "lws", "sws", "hcolon", "semi", "comma", "slash", "equal", "colon", "laquot", "raquot", "ldquot", "rdquot",
            "lparen", "rparen", "star", "sp", "htab", "wsp", "crlf",
        };

        /// <summary>A separator by name, in any namespace (SDP's own SP and CRLF too).</summary>
        private bool IsSeparator(string key) => s_separators.Contains((_grammar.Find(key)?.Name ?? key).ToLowerInvariant());

        /// <summary>Splits a <c>;@record</c> rule into its top-level items and names the ones that are fields.</summary>
        private RecordPlan PlanRecord(BoundRule rule)
        {
            IReadOnlyList<Node> top = rule.Body is Concatenation c ? (IReadOnlyList<Node>)c.Items : new[] { rule.Body };
            var builder = new GlushkovBuilder(this);
            CompositePlan pieces = builder.BuildItems(top);
            IReadOnlyList<Node> items = RecordItems.Flatten(top);
            var fields = new List<FieldSpec>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < items.Count; i++)
            {
                string? name = FieldName(items[i]);
                if (name == null) continue;
                if (!names.Add(name))
                {
                    int n = 2;
                    while (!names.Add(name + n)) n++;
                    name += n;
                }
                fields.Add(new FieldSpec(name, i, Display(items[i], rule.Namespace).ToString()));
            }
            var leafClasses = pieces.Leaves.Select(l => l.RuleKey == null ? string.Empty : Naming.ClassName(_grammar.Find(l.RuleKey)!)).ToEquatable();
            return new RecordPlan(pieces, items.Count, fields.ToEquatable(), leafClasses);
        }

        /// <summary>The items of a <c>;@record</c> rule in order, as the generated TryMatchItems reports them.</summary>
        public static IReadOnlyList<Node> RecordItemsOf(BoundRule rule)
        {
            IReadOnlyList<Node> top = rule.Body is Concatenation c ? (IReadOnlyList<Node>)c.Items : new[] { rule.Body };
            return RecordItems.Flatten(top);
        }

        /// <summary>A field's name: the rule it refers to, or for <c>*( SEMI x )</c> the rule repeated, plural.</summary>
        private string? FieldName(Node item)
        {
            switch (item)
            {
                case RuleRef r:
                    return IsSeparator(r.Name) ? null : Naming.Pascal(_grammar.Find(r.Name)?.Name ?? r.Name);
                case Repetition rep:
                    {
                        string? inner = LastRule(rep.Element);
                        if (inner == null) return null;
                        return rep.IsOption ? inner : inner + "List";
                    }
                case Alternation a:
                    {
                        var parts = a.Items.Select(LastRule).Where(n => n != null).ToList();
                        return parts.Count == 0 ? null : string.Join("Or", parts);
                    }
                case Concatenation cc:
                    return LastRule(cc);
                default:
                    return null;
            }
        }

        private string? LastRule(Node node)
        {
            switch (node)
            {
                case RuleRef r:
                    return IsSeparator(r.Name) ? null : Naming.Pascal(_grammar.Find(r.Name)?.Name ?? r.Name);
                case Concatenation c:
                    for (int i = c.Items.Count - 1; i >= 0; i--)
                    {
                        string? n = LastRule(c.Items[i]);
                        if (n != null) return n;
                    }
                    return null;
                case Repetition rep:
                    return LastRule(rep.Element);
                case Alternation a:
                    {
                        var parts = a.Items.Select(LastRule).Where(n => n != null).ToList();
                        return parts.Count == 0 ? null : string.Join("Or", parts);
                    }
                default:
                    return null;
            }
        }

        /// <summary>The body with rule keys turned back into the names as the grammar spells them (for doc comments).</summary>
        private Node Display(Node node, string? ns) => node switch
        {
            RuleRef r => new RuleRef(DisplayName(r.Name, ns), null),
            Alternation a => new Alternation(a.Items.Select(i => Display(i, ns)).ToEquatable()),
            Concatenation c => new Concatenation(c.Items.Select(i => Display(i, ns)).ToEquatable()),
            Repetition r => new Repetition(r.Min, r.Max, Display(r.Element, ns)),
            _ => node,
        };

        private string DisplayName(string key, string? ns)
        {
            BoundRule? target = _grammar.Find(key);
            if (target == null) return key;
            return target.Namespace == null || target.Namespace == ns ? target.Name : target.Namespace + ":" + target.Name;
        }

        private static bool HasRuleReference(Node node) => node switch
        {
            RuleRef _ => true,
            Alternation a => a.Items.Any(HasRuleReference),
            Concatenation c => c.Items.Any(HasRuleReference),
            Repetition r => HasRuleReference(r.Element),
            _ => false,
        };

        internal DfaTable? CompileLocal(Node node)
        {
            var rule = new BoundRule("<local>", "<local>", null, string.Empty, node, 1, false, ImmutableEquatableArray<string>.Empty);
            Dfa? dfa = _compiler.CompileAnonymous(rule);
            return dfa == null ? null : ToTable(dfa);
        }

        // Hot during the build: compile straight to optimised code (no tier-0 pass).
        [System.Runtime.CompilerServices.MethodImpl((System.Runtime.CompilerServices.MethodImplOptions)512)] // AggressiveOptimization: not in netstandard2.0's enum, honoured by the runtime
        internal static DfaTable ToTable(Dfa dfa)
        {
            // Renumber: 0 = dead, then non-accepting states, then accepting states.
            int n = dfa.StateCount;
            var map = new int[n];
            int id = 1;
            for (int s = 0; s < n; s++)
            {
                if (!dfa.Accepting[s]) map[s] = id++;
            }
            int firstAccepting = id;
            for (int s = 0; s < n; s++)
            {
                if (dfa.Accepting[s]) map[s] = id++;
            }
            int states = id;

            // Byte classes: as minimisation left them (numbered by first byte).
            byte[] classOf = (byte[])dfa.ClassOf.Clone();
            int k = dfa.ClassCount;
            var transitions = new int[states * k];
            for (int s = 0; s < n; s++)
            {
                for (int c = 0; c < k; c++)
                {
                    int t = dfa.Next[s * k + c];
                    transitions[map[s] * k + c] = t < 0 ? 0 : map[t];
                }
            }
            return new DfaTable(states, k, map[0], firstAccepting, ImmutableEquatableArray<byte>.Wrap(classOf), ImmutableEquatableArray<int>.Wrap(transitions));
        }

        /// <summary>Glushkov construction over leaves (positions): first, last and follow sets.</summary>
        private sealed class GlushkovBuilder
        {
            private readonly Planner _planner;
            private readonly List<LeafPlan> _leaves = new List<LeafPlan>();
            private readonly List<HashSet<int>> _follow = new List<HashSet<int>>();
            private readonly List<bool> _leafNullable = new List<bool>();
            private readonly HashSet<string> _inlining = new HashSet<string>(StringComparer.Ordinal);
            private int _item;

            public GlushkovBuilder(Planner planner) => _planner = planner;

            /// <summary>A concatenation of items, each piece tagged with the item it belongs to.</summary>
            public CompositePlan BuildItems(IReadOnlyList<Node> items)
            {
                Info acc = new Info(true, new HashSet<int>(), new HashSet<int>());
                int next = 0;
                foreach (Node node in items)
                {
                    if (RecordItems.IsFlattenedOption(node, out Concatenation? inner))
                    {
                        // [ a b ]: a and b are items of their own; the option is still all-or-nothing.
                        Info option = new Info(true, new HashSet<int>(), new HashSet<int>());
                        foreach (Node element in inner!.Items)
                        {
                            _item = next++;
                            option = Concat(option, Visit(element));
                        }
                        acc = Concat(acc, new Info(true, option.First, option.Last));
                        continue;
                    }
                    _item = next++;
                    acc = Concat(acc, Visit(node));
                }
                return Finish(acc);
            }

            private readonly struct Info
            {
                public Info(bool nullable, HashSet<int> first, HashSet<int> last)
                {
                    Nullable = nullable;
                    First = first;
                    Last = last;
                }

                public bool Nullable { get; }
                public HashSet<int> First { get; }
                public HashSet<int> Last { get; }
            }

            public CompositePlan Build(Node body) => Finish(Visit(body));

            private CompositePlan Finish(Info info)
            {
                var followStart = new int[_leaves.Count + 1];
                var follow = new List<int>();
                for (int i = 0; i < _leaves.Count; i++)
                {
                    followStart[i] = follow.Count;
                    follow.AddRange(_follow[i].OrderBy(x => x));
                }
                followStart[_leaves.Count] = follow.Count;
                var last = new bool[_leaves.Count];
                foreach (int l in info.Last) last[l] = true;
                byte[] classMap = CombinedClasses(out int classCount);
                return new CompositePlan(
                    _leaves.ToEquatable(),
                    info.First.OrderBy(x => x).ToEquatable(),
                    ImmutableEquatableArray<bool>.Wrap(last),
                    ImmutableEquatableArray<int>.Wrap(followStart),
                    follow.ToEquatable(),
                    info.Nullable)
                {
                    ClassMap = ImmutableEquatableArray<byte>.Wrap(classMap),
                    ClassCount = classCount,
                };
            }

            /// <summary>The coarsest partition of the bytes that refines every piece's own byte classes.</summary>
            private byte[] CombinedClasses(out int classCount)
            {
                var maps = _leaves.Select(l => (l.Local ?? _planner.TableOf(l.RuleKey!))!.ClassMap).ToList();
                var ids = new Dictionary<string, int>(StringComparer.Ordinal);
                var result = new byte[256];
                var signature = new StringBuilder();
                for (int b = 0; b < 256; b++)
                {
                    signature.Clear();
                    foreach (ImmutableEquatableArray<byte> map in maps) signature.Append((char)map[b]);
                    if (!ids.TryGetValue(signature.ToString(), out int id)) ids.Add(signature.ToString(), id = ids.Count);
                    result[b] = (byte)id;
                }
                classCount = ids.Count;
                return result;
            }

            private Info Leaf(LeafPlan leaf, bool nullable)
            {
                int id = _leaves.Count;
                _leaves.Add(leaf with { Item = _item });
                _follow.Add(new HashSet<int>());
                _leafNullable.Add(nullable);
                return new Info(nullable, new HashSet<int> { id }, new HashSet<int> { id });
            }

            private Info Visit(Node node)
            {
                switch (node)
                {
                    case RuleRef rr:
                        {
                            DfaTable? table = _planner.TableOf(rr.Name);
                            if (table != null) return Leaf(new LeafPlan(rr.Name, null, _planner.Find(rr.Name)?.Name ?? rr.Name), table.Start >= table.FirstAccepting);
                            BoundRule? rule = _planner.Find(rr.Name);
                            if (rule == null || !_inlining.Add(rr.Name)) return new Info(false, new HashSet<int>(), new HashSet<int>());
                            Info inner = Visit(rule.Body);
                            _inlining.Remove(rr.Name);
                            return inner;
                        }
                    case Alternation a:
                        {
                            // Alternatives that are all plain terminals compile to one local leaf.
                            if (IsSimple(node)) return LocalLeaf(node);
                            bool nullable = false;
                            var first = new HashSet<int>();
                            var last = new HashSet<int>();
                            foreach (Node item in a.Items)
                            {
                                Info i = Visit(item);
                                nullable |= i.Nullable;
                                first.UnionWith(i.First);
                                last.UnionWith(i.Last);
                            }
                            return new Info(nullable, first, last);
                        }
                    case Concatenation c:
                        {
                            if (IsSimple(node)) return LocalLeaf(node);
                            Info acc = Visit(c.Items[0]);
                            for (int k = 1; k < c.Items.Count; k++) acc = Concat(acc, Visit(c.Items[k]));
                            return acc;
                        }
                    case Repetition r:
                        {
                            if (IsSimple(node)) return LocalLeaf(node);
                            Info acc = new Info(true, new HashSet<int>(), new HashSet<int>());
                            for (int k = 0; k < r.Min; k++) acc = Concat(acc, Visit(r.Element));
                            if (r.Max == Repetition.Unbounded)
                            {
                                Info loop = Visit(r.Element);
                                foreach (int l in loop.Last) _follow[l].UnionWith(loop.First);
                                acc = Concat(acc, new Info(true, loop.First, loop.Last));
                            }
                            else
                            {
                                for (int k = r.Min; k < r.Max; k++)
                                {
                                    Info copy = Visit(r.Element);
                                    acc = Concat(acc, new Info(true, copy.First, copy.Last));
                                }
                            }
                            return acc;
                        }
                    case Nothing _:
                        return new Info(false, new HashSet<int>(), new HashSet<int>());
                    default:
                        return LocalLeaf(node);
                }
            }

            private Info LocalLeaf(Node node)
            {
                DfaTable? table = _planner.CompileLocal(node);
                if (table == null)
                {
                    throw new InvalidOperationException("a terminal-only element exceeded the DFA limit: " + node);
                }
                return Leaf(new LeafPlan(null, table, node.ToString()), table.Start >= table.FirstAccepting);
            }

            private Info Concat(Info a, Info b)
            {
                foreach (int l in a.Last) _follow[l].UnionWith(b.First);
                var first = new HashSet<int>(a.First);
                if (a.Nullable) first.UnionWith(b.First);
                var last = new HashSet<int>(b.Last);
                if (b.Nullable) last.UnionWith(a.Last);
                return new Info(a.Nullable && b.Nullable, first, last);
            }

            /// <summary>Terminals only (no rule references): small enough to be one local DFA.</summary>
            private static bool IsSimple(Node node)
            {
                switch (node)
                {
                    case Alternation a: return a.Items.All(IsSimple);
                    case Concatenation c: return c.Items.All(IsSimple);
                    case Repetition r: return IsSimple(r.Element);
                    case RuleRef _: return false;
                    case Nothing _: return false;
                    default: return true;
                }
            }
        }
    }

    /// <summary>How a <c>;@record</c> rule's top level becomes items: <c>[ a b ]</c> contributes a and b.</summary>
    internal static class RecordItems
    {
        public static bool IsFlattenedOption(Node node, out Concatenation? inner)
        {
            inner = node is Repetition r && r.IsOption && r.Element is Concatenation c ? c : null;
            return inner != null;
        }

        public static IReadOnlyList<Node> Flatten(IReadOnlyList<Node> top)
        {
            var items = new List<Node>();
            foreach (Node node in top)
            {
                if (IsFlattenedOption(node, out Concatenation? inner)) items.AddRange(inner!.Items);
                else items.Add(node);
            }
            return items;
        }
    }

    /// <summary>C# names for rules: <c>SIP-URI</c> → <c>SipUri</c> style PascalCase, namespaces as a prefix.</summary>
    public static class Naming
    {
        public static string ClassName(BoundRule rule)
            => Pascal(rule.Namespace == null ? rule.Name : rule.Namespace + ":" + rule.Name);

        public static string Pascal(string key)
        {
            var sb = new StringBuilder();
            bool upper = true;
            foreach (char ch in key)
            {
                if (ch == '-' || ch == ':')
                {
                    if (ch == ':') sb.Append('_');
                    upper = true;
                    continue;
                }
                sb.Append(upper ? char.ToUpperInvariant(ch) : ch);
                upper = false;
            }
            if (sb.Length == 0 || char.IsDigit(sb[0])) sb.Insert(0, '_');
            return sb.ToString();
        }
    }
}
