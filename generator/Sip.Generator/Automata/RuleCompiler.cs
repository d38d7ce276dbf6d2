using System;
using System.Collections.Generic;
using Sip.Generator.Binding;
using Sip.Generator.Model;

namespace Sip.Generator.Automata
{
    /// <summary>
    /// Compiles rules to minimal DFAs bottom-up: a rule's NFA embeds the (already minimal) DFAs of
    /// the rules it references, so every rule is compiled once. Recursive rules are unrolled to their
    /// <c>;@depth</c> bound, which keeps them regular; everything else is exact by construction
    /// (Thompson NFA → subset construction → minimisation accepts exactly the rule's language).
    /// </summary>
    internal sealed class RuleCompiler
    {
        /// <summary>Above this many DFA states a rule is not compiled to one automaton.</summary>
        public const int DefaultMaxStates = 1000;

        private readonly BoundGrammar _grammar;
        private readonly int _maxStates;
        private readonly Dictionary<string, Dfa?> _memo = new Dictionary<string, Dfa?>(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _scc = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly Dictionary<int, int> _sccSize = new Dictionary<int, int>();
        private readonly HashSet<string> _inProgress = new HashSet<string>(StringComparer.Ordinal);

        public RuleCompiler(BoundGrammar grammar, int maxStates = DefaultMaxStates)
        {
            _grammar = grammar;
            _maxStates = maxStates;
            ComputeComponents();
        }

        /// <summary>The rule's minimal DFA, or null when it needs more than the state limit.</summary>
        public Dfa? Compile(string key)
        {
            BoundRule? rule = _grammar.Find(key);
            if (rule == null) return Dfa.Empty();
            // ;@depth N counts nesting levels, the outermost included: N levels of the component's
            // rules are N × (rules in the component) reference hops, the first of which is free.
            int budget = rule.IsRecursive ? ComponentDepth(key) * _sccSize[_scc[key]] - 1 : 0;
            return Compile(rule, budget);
        }

        /// <summary>Compiles a node that is not a named rule (a piece of a composite).</summary>
        public Dfa? CompileAnonymous(BoundRule rule)
        {
            var nfa = new Nfa();
            int start = nfa.AddState();
            int end = nfa.AddState();
            return Build(nfa, rule.Body, start, end, rule, 0) ? Dfa.FromNfa(nfa, start, end, _maxStates) : null;
        }

        /// <summary>The depth bound of a recursive component: the smallest <c>;@depth</c> among its rules.</summary>
        public int ComponentDepth(string key)
        {
            int component = _scc[key];
            int depth = int.MaxValue;
            foreach (BoundRule r in _grammar.Rules)
            {
                if (r.IsRecursive && _scc[r.Key] == component) depth = Math.Min(depth, r.Depth);
            }
            return depth == int.MaxValue ? 1 : depth;
        }

        private Dfa? Compile(BoundRule rule, int budget)
        {
            string memoKey = rule.IsRecursive ? rule.Key + "#" + budget : rule.Key;
            if (_memo.TryGetValue(memoKey, out Dfa? done)) return done;
            if (!_inProgress.Add(memoKey))
            {
                // Only reachable through left recursion, which the binder reports as an error.
                return Dfa.Empty();
            }
            var nfa = new Nfa();
            int start = nfa.AddState();
            int end = nfa.AddState();
            bool ok = Build(nfa, rule.Body, start, end, rule, budget);
            // A recursive rule must be one DFA (a composite cannot unroll recursion): allow it more states.
            Dfa? dfa = ok ? Dfa.FromNfa(nfa, start, end, rule.IsRecursive ? _maxStates * 16 : _maxStates) : null;
            _inProgress.Remove(memoKey);
            _memo[memoKey] = dfa;
            return dfa;
        }

        /// <summary>Adds to <paramref name="nfa"/> a fragment for <paramref name="node"/> from <paramref name="from"/> to <paramref name="to"/>.</summary>
        // Hot during the build: compile straight to optimised code (no tier-0 pass).
        [System.Runtime.CompilerServices.MethodImpl((System.Runtime.CompilerServices.MethodImplOptions)512)] // AggressiveOptimization: not in netstandard2.0's enum, honoured by the runtime
        private bool Build(Nfa nfa, Node node, int from, int to, BoundRule owner, int budget)
        {
            switch (node)
            {
                case Alternation a:
                    foreach (Node item in a.Items)
                    {
                        if (!Build(nfa, item, from, to, owner, budget)) return false;
                    }
                    return true;

                case Concatenation c:
                    {
                        int current = from;
                        for (int i = 0; i < c.Items.Count; i++)
                        {
                            int next = i == c.Items.Count - 1 ? to : nfa.AddState();
                            if (!Build(nfa, c.Items[i], current, next, owner, budget)) return false;
                            current = next;
                        }
                        return true;
                    }

                case Repetition r:
                    {
                        int current = from;
                        // The mandatory copies.
                        for (int i = 0; i < r.Min; i++)
                        {
                            int next = nfa.AddState();
                            if (!Build(nfa, r.Element, current, next, owner, budget)) return false;
                            current = next;
                        }
                        if (r.Max == Repetition.Unbounded)
                        {
                            // current --ε--> loop; loop --element--> loop; loop --ε--> to
                            int loop = nfa.AddState();
                            nfa.AddEpsilon(current, loop);
                            int back = nfa.AddState();
                            if (!Build(nfa, r.Element, loop, back, owner, budget)) return false;
                            nfa.AddEpsilon(back, loop);
                            nfa.AddEpsilon(loop, to);
                            return true;
                        }
                        // The optional copies: each may stop early.
                        for (int i = r.Min; i < r.Max; i++)
                        {
                            nfa.AddEpsilon(current, to);
                            int next = i == r.Max - 1 ? to : nfa.AddState();
                            if (!Build(nfa, r.Element, current, next, owner, budget)) return false;
                            current = next;
                        }
                        if (r.Min == r.Max) nfa.AddEpsilon(current, to);
                        return true;
                    }

                case RuleRef rr:
                    {
                        BoundRule? target = _grammar.Find(rr.Name);
                        if (target == null) return true; // undefined: reported by the binder; matches nothing
                        Dfa? dfa;
                        if (owner.IsRecursive && target.IsRecursive && _scc[target.Key] == _scc[owner.Key])
                        {
                            // Recursion inside one component: one level less; at the bound the reference matches nothing.
                            if (budget <= 0) return true;
                            dfa = Compile(target, budget - 1);
                        }
                        else
                        {
                            dfa = Compile(target.Key);
                        }
                        if (dfa == null) return false;
                        Embed(nfa, dfa, from, to);
                        return true;
                    }

                case CharString s:
                    {
                        if (s.Text.Length == 0)
                        {
                            nfa.AddEpsilon(from, to);
                            return true;
                        }
                        int current = from;
                        for (int i = 0; i < s.Text.Length; i++)
                        {
                            int next = i == s.Text.Length - 1 ? to : nfa.AddState();
                            char ch = s.Text[i];
                            nfa.AddEdge(current, (byte)ch, (byte)ch, next);
                            // RFC 5234 §2.3: quoted strings are case-insensitive (unless %s, RFC 7405).
                            if (!s.CaseSensitive)
                            {
                                if (ch >= 'a' && ch <= 'z') nfa.AddEdge(current, (byte)(ch - 32), (byte)(ch - 32), next);
                                else if (ch >= 'A' && ch <= 'Z') nfa.AddEdge(current, (byte)(ch + 32), (byte)(ch + 32), next);
                            }
                            current = next;
                        }
                        return true;
                    }

                case ByteRange br:
                    nfa.AddEdge(from, (byte)br.Low, (byte)br.High, to);
                    return true;

                case ByteSequence bs:
                    {
                        int current = from;
                        for (int i = 0; i < bs.Values.Count; i++)
                        {
                            int next = i == bs.Values.Count - 1 ? to : nfa.AddState();
                            nfa.AddEdge(current, (byte)bs.Values[i], (byte)bs.Values[i], next);
                            current = next;
                        }
                        return true;
                    }

                default:
                    // Nothing (and anything unresolved) matches no input: no path from 'from' to 'to'.
                    return true;
            }
        }

        /// <summary>Copies a DFA into the NFA as a fragment from <paramref name="from"/> to <paramref name="to"/>.</summary>
        // Hot during the build: compile straight to optimised code (no tier-0 pass).
        [System.Runtime.CompilerServices.MethodImpl((System.Runtime.CompilerServices.MethodImplOptions)512)] // AggressiveOptimization: not in netstandard2.0's enum, honoured by the runtime
        private static void Embed(Nfa nfa, Dfa dfa, int from, int to)
        {
            var map = new int[dfa.StateCount];
            for (int s = 0; s < dfa.StateCount; s++) map[s] = nfa.AddState();
            nfa.AddEpsilon(from, map[0]);
            List<(byte Lo, byte Hi, int Class)> ranges = dfa.ClassRanges();
            for (int s = 0; s < dfa.StateCount; s++)
            {
                if (dfa.Accepting[s]) nfa.AddEpsilon(map[s], to);
                foreach ((byte lo, byte hi, int c) in ranges)
                {
                    int t = dfa.Next[s * dfa.ClassCount + c];
                    if (t >= 0) nfa.AddEdge(map[s], lo, hi, map[t]);
                }
            }
        }

        private void ComputeComponents()
        {
            // Components only matter for recursive rules: group those that reach each other.
            var recursive = new List<BoundRule>();
            foreach (BoundRule r in _grammar.Rules)
            {
                if (r.IsRecursive) recursive.Add(r);
            }
            int next = 0;
            foreach (BoundRule r in recursive)
            {
                if (_scc.ContainsKey(r.Key)) continue;
                int id = next++;
                int size = 0;
                foreach (BoundRule other in recursive)
                {
                    if (other.Key == r.Key || (Reaches(r.Key, other.Key) && Reaches(other.Key, r.Key)))
                    {
                        _scc[other.Key] = id;
                        size++;
                    }
                }
                _sccSize[id] = size;
            }
            foreach (BoundRule r in _grammar.Rules)
            {
                if (!_scc.ContainsKey(r.Key))
                {
                    _scc[r.Key] = -1;
                }
            }
            _sccSize[-1] = 1;
        }

        private bool Reaches(string from, string target)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var work = new Stack<string>();
            work.Push(from);
            while (work.Count > 0)
            {
                BoundRule? r = _grammar.Find(work.Pop());
                if (r == null) continue;
                foreach (string n in r.References)
                {
                    if (n == target) return true;
                    if (seen.Add(n)) work.Push(n);
                }
            }
            return false;
        }
    }
}
