using System;
using System.Collections.Generic;

namespace Sip.Generator.Automata
{
    /// <summary>
    /// A deterministic automaton over bytes. State 0 is the start state; a transition of -1 is the
    /// dead state. Made by subset construction from an <see cref="Nfa"/>, then trimmed and minimised.
    /// </summary>
    internal sealed class Dfa
    {
        public Dfa(int stateCount, int[] next, bool[] accepting, byte[]? classOf = null, int[]? classRep = null)
        {
            StateCount = stateCount;
            Next = next;
            Accepting = accepting;
            ClassOf = classOf;
            ClassRep = classRep;
        }

        /// <summary>After minimisation: the byte class of each byte (bytes no transition tells apart share one).</summary>
        public byte[]? ClassOf { get; }

        /// <summary>After minimisation: one representative byte per class.</summary>
        public int[]? ClassRep { get; }

        public int StateCount { get; }

        /// <summary><c>Next[state * 256 + byte]</c>, -1 for the dead state.</summary>
        public int[] Next { get; }

        public bool[] Accepting { get; }

        public int Transition(int state, int b) => Next[state * 256 + b];

        /// <summary>The automaton that accepts nothing.</summary>
        public static Dfa Empty()
        {
            var next = new int[256];
            for (int i = 0; i < next.Length; i++) next[i] = -1;
            return new Dfa(1, next, new bool[1], new byte[256], new[] { 0 });
        }

        public bool IsEmptyLanguage
        {
            get
            {
                foreach (bool a in Accepting)
                {
                    if (a) return false;
                }
                return true;
            }
        }

        /// <summary>Runs the automaton on the whole input (the reference semantics of generated code).</summary>
        public bool IsMatch(byte[] input)
        {
            int s = 0;
            foreach (byte b in input)
            {
                s = Transition(s, b);
                if (s < 0) return false;
            }
            return Accepting[s];
        }

        /// <summary>
        /// Subset construction. Returns null when more than <paramref name="maxStates"/> states would be needed.
        /// </summary>
        // Hot during the build: compile straight to optimised code (no tier-0 pass).
        [System.Runtime.CompilerServices.MethodImpl((System.Runtime.CompilerServices.MethodImplOptions)512)] // AggressiveOptimization: not in netstandard2.0's enum, honoured by the runtime
        public static Dfa? FromNfa(Nfa nfa, int start, int accept, int maxStates)
        {
            // Byte classes: bytes that no edge distinguishes behave alike; work per class, not per byte.
            var boundaries = new bool[257];
            boundaries[0] = true;
            for (int s = 0; s < nfa.Count; s++)
            {
                foreach ((byte lo, byte hi, int _) in nfa.Edges(s))
                {
                    boundaries[lo] = true;
                    boundaries[hi + 1] = true;
                }
            }
            var classStart = new List<int>();
            for (int b = 0; b < 256; b++)
            {
                if (boundaries[b]) classStart.Add(b);
            }
            int classCount = classStart.Count;
            var classOf = new int[256];
            for (int c = 0; c < classCount; c++)
            {
                int end = c + 1 < classCount ? classStart[c + 1] : 256;
                for (int b = classStart[c]; b < end; b++) classOf[b] = c;
            }

            var mark = new int[nfa.Count];
            int markGen = 0;
            var stack = new Stack<int>();
            var buffer = new List<int>();

            int[] Closure(List<int> seeds)
            {
                markGen++;
                buffer.Clear();
                foreach (int s in seeds)
                {
                    if (mark[s] != markGen)
                    {
                        mark[s] = markGen;
                        stack.Push(s);
                    }
                }
                while (stack.Count > 0)
                {
                    int s = stack.Pop();
                    // Keep only states that carry information: byte edges, or the accept state.
                    if (nfa.Edges(s).Count > 0 || s == accept) buffer.Add(s);
                    foreach (int t in nfa.Epsilon(s))
                    {
                        if (mark[t] != markGen)
                        {
                            mark[t] = markGen;
                            stack.Push(t);
                        }
                    }
                }
                int[] result = buffer.ToArray();
                Array.Sort(result);
                return result;
            }

            var ids = new Dictionary<int[], int>(IntArrayComparer.Instance);
            var sets = new List<int[]>();
            var trans = new List<int[]>();
            int[] startSet = Closure(new List<int> { start });
            ids.Add(startSet, 0);
            sets.Add(startSet);
            var seeds = new List<int>[classCount];
            for (int c = 0; c < classCount; c++) seeds[c] = new List<int>();

            for (int d = 0; d < sets.Count; d++)
            {
                int[] set = sets[d];
                for (int c = 0; c < classCount; c++) seeds[c].Clear();
                foreach (int s in set)
                {
                    foreach ((byte lo, byte hi, int to) in nfa.Edges(s))
                    {
                        for (int c = classOf[lo]; c < classCount && classStart[c] <= hi; c++) seeds[c].Add(to);
                    }
                }
                var row = new int[classCount];
                for (int c = 0; c < classCount; c++)
                {
                    if (seeds[c].Count == 0)
                    {
                        row[c] = -1;
                        continue;
                    }
                    int[] target = Closure(seeds[c]);
                    if (!ids.TryGetValue(target, out int id))
                    {
                        if (sets.Count >= maxStates) return null;
                        id = sets.Count;
                        ids.Add(target, id);
                        sets.Add(target);
                    }
                    row[c] = id;
                }
                trans.Add(row);
            }

            int n = sets.Count;
            var next = new int[n * 256];
            var accepting = new bool[n];
            for (int d = 0; d < n; d++)
            {
                accepting[d] = Array.BinarySearch(sets[d], accept) >= 0;
                int[] row = trans[d];
                for (int b = 0; b < 256; b++) next[d * 256 + b] = row[classOf[b]];
            }
            return new Dfa(n, next, accepting).Trim().Minimize();
        }

        /// <summary>Removes states from which no accepting state can be reached (they behave as the dead state).</summary>
        // Hot during the build: compile straight to optimised code (no tier-0 pass).
        [System.Runtime.CompilerServices.MethodImpl((System.Runtime.CompilerServices.MethodImplOptions)512)] // AggressiveOptimization: not in netstandard2.0's enum, honoured by the runtime
        public Dfa Trim()
        {
            int n = StateCount;
            var reverse = new List<int>[n];
            for (int s = 0; s < n; s++) reverse[s] = new List<int>();
            for (int s = 0; s < n; s++)
            {
                int prev = -2;
                for (int b = 0; b < 256; b++)
                {
                    int t = Next[s * 256 + b];
                    if (t >= 0 && t != prev) reverse[t].Add(s);
                    prev = t;
                }
            }
            var live = new bool[n];
            var work = new Stack<int>();
            for (int s = 0; s < n; s++)
            {
                if (Accepting[s])
                {
                    live[s] = true;
                    work.Push(s);
                }
            }
            while (work.Count > 0)
            {
                foreach (int p in reverse[work.Pop()])
                {
                    if (!live[p])
                    {
                        live[p] = true;
                        work.Push(p);
                    }
                }
            }
            if (!live[0]) return Empty();
            bool allLive = true;
            foreach (bool l in live) allLive &= l;
            if (allLive) return this;

            var map = new int[n];
            int count = 0;
            for (int s = 0; s < n; s++) map[s] = live[s] ? count++ : -1;
            var next = new int[count * 256];
            var accepting = new bool[count];
            for (int s = 0; s < n; s++)
            {
                if (!live[s]) continue;
                accepting[map[s]] = Accepting[s];
                for (int b = 0; b < 256; b++)
                {
                    int t = Next[s * 256 + b];
                    next[map[s] * 256 + b] = t < 0 ? -1 : map[t];
                }
            }
            return new Dfa(count, next, accepting);
        }

        /// <summary>
        /// Moore's partition refinement: merges states with the same future. Keeps state 0 as the start.
        /// The result is the unique minimal DFA of the language (states renumbered in breadth-first order).
        /// </summary>
        // Hot during the build: compile straight to optimised code (no tier-0 pass).
        [System.Runtime.CompilerServices.MethodImpl((System.Runtime.CompilerServices.MethodImplOptions)512)] // AggressiveOptimization: not in netstandard2.0's enum, honoured by the runtime
        public Dfa Minimize()
        {
            int n = StateCount;
            // Byte classes for this DFA: bytes whose columns are identical behave alike.
            var classOf = new int[256];
            var classRep = new List<int>();
            var seen = new Dictionary<SignatureKey, int>();
            for (int b = 0; b < 256; b++)
            {
                var column = new int[n];
                for (int s = 0; s < n; s++) column[s] = Next[s * 256 + b];
                var key = new SignatureKey(column);
                if (!seen.TryGetValue(key, out int c))
                {
                    c = classRep.Count;
                    seen.Add(key, c);
                    classRep.Add(b);
                }
                classOf[b] = c;
            }
            int k = classRep.Count;

            // Moore refinement. Signatures live in one buffer; the dictionary keys are state numbers
            // compared through it, so an iteration allocates nothing per state.
            var block = new int[n];
            for (int s = 0; s < n; s++) block[s] = Accepting[s] ? 1 : 0;
            int width = k + 1;
            var sig = new int[n * width];
            var comparer = new SignatureComparer(sig, width);
            var signatures = new Dictionary<int, int>(n, comparer);
            var newBlock = new int[n];
            int blockCount = 0;
            while (true)
            {
                for (int s = 0; s < n; s++)
                {
                    int o = s * width;
                    sig[o] = block[s];
                    for (int c = 0; c < k; c++)
                    {
                        int t = Next[s * 256 + classRep[c]];
                        sig[o + c + 1] = t < 0 ? -1 : block[t];
                    }
                }
                signatures.Clear();
                for (int s = 0; s < n; s++)
                {
                    if (!signatures.TryGetValue(s, out int id))
                    {
                        id = signatures.Count;
                        signatures.Add(s, id);
                    }
                    newBlock[s] = id;
                }
                bool stable = signatures.Count == blockCount;
                blockCount = signatures.Count;
                (block, newBlock) = (newBlock, block);
                if (stable) break;
            }

            // Renumber blocks breadth-first from the start state, so equal languages give identical tables.
            var order = new int[blockCount];
            for (int i = 0; i < order.Length; i++) order[i] = -1;
            var repOf = new int[blockCount];
            var queue = new Queue<int>();
            order[block[0]] = 0;
            repOf[0] = 0;
            queue.Enqueue(0);
            int next = 1;
            var reps = new List<int> { 0 };
            while (queue.Count > 0)
            {
                int s = queue.Dequeue();
                for (int b = 0; b < 256; b++)
                {
                    int t = Next[s * 256 + b];
                    if (t < 0 || order[block[t]] >= 0) continue;
                    order[block[t]] = next++;
                    reps.Add(t);
                    queue.Enqueue(t);
                }
            }
            int m = reps.Count;
            var table = new int[m * 256];
            var accepting = new bool[m];
            for (int i = 0; i < m; i++)
            {
                int s = reps[i];
                accepting[i] = Accepting[s];
                for (int b = 0; b < 256; b++)
                {
                    int t = Next[s * 256 + b];
                    table[i * 256 + b] = t < 0 ? -1 : order[block[t]];
                }
            }
            // Merging states can only merge byte classes, never split them: recompute on the (small) result.
            var minClassOf = new byte[256];
            var minReps = new List<int>();
            for (int b = 0; b < 256; b++)
            {
                int c = 0;
                for (; c < minReps.Count; c++)
                {
                    if (SameColumn(table, m, b, minReps[c])) break;
                }
                if (c == minReps.Count) minReps.Add(b);
                minClassOf[b] = (byte)c;
            }
            return new Dfa(m, table, accepting, minClassOf, minReps.ToArray());
        }

        private static bool SameColumn(int[] table, int states, int a, int b)
        {
            for (int s = 0; s < states; s++)
            {
                if (table[s * 256 + a] != table[s * 256 + b]) return false;
            }
            return true;
        }

        /// <summary>Compares states by their signature rows in a shared buffer.</summary>
        private sealed class SignatureComparer : IEqualityComparer<int>
        {
            private readonly int[] _sig;
            private readonly int _width;

            public SignatureComparer(int[] sig, int width)
            {
                _sig = sig;
                _width = width;
            }

            public bool Equals(int x, int y)
            {
                int a = x * _width, b = y * _width;
                for (int i = 0; i < _width; i++)
                {
                    if (_sig[a + i] != _sig[b + i]) return false;
                }
                return true;
            }

            public int GetHashCode(int x)
            {
                int h = 17, o = x * _width;
                for (int i = 0; i < _width; i++) h = unchecked(h * 31 + _sig[o + i]);
                return h;
            }
        }

        private readonly struct SignatureKey : IEquatable<SignatureKey>
        {
            private readonly int[] _values;
            private readonly int _hash;

            public SignatureKey(int[] values)
            {
                _values = values;
                int h = 17;
                foreach (int v in values) h = unchecked(h * 31 + v);
                _hash = h;
            }

            public bool Equals(SignatureKey other)
            {
                if (_hash != other._hash || _values.Length != other._values.Length) return false;
                for (int i = 0; i < _values.Length; i++)
                {
                    if (_values[i] != other._values[i]) return false;
                }
                return true;
            }

            public override bool Equals(object? obj) => obj is SignatureKey o && Equals(o);

            public override int GetHashCode() => _hash;
        }

        private sealed class IntArrayComparer : IEqualityComparer<int[]>
        {
            public static readonly IntArrayComparer Instance = new IntArrayComparer();

            public bool Equals(int[]? x, int[]? y)
            {
                if (x == null || y == null || x.Length != y.Length) return false;
                for (int i = 0; i < x.Length; i++)
                {
                    if (x[i] != y[i]) return false;
                }
                return true;
            }

            public int GetHashCode(int[] obj)
            {
                int h = 17;
                foreach (int v in obj) h = unchecked(h * 31 + v);
                return h;
            }
        }
    }
}
