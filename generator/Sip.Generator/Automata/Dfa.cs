using System;
using System.Collections.Generic;

namespace Sip.Generator.Automata
{
    /// <summary>
    /// A deterministic automaton over bytes, with byte classes: bytes that no transition tells apart
    /// share a class, and transitions are stored per class (<c>Next[state * ClassCount + ClassOf[b]]</c>).
    /// State 0 is the start state; a transition of -1 is the dead state. Made by subset construction
    /// from an <see cref="Nfa"/>, then trimmed and minimised.
    /// </summary>
    internal sealed class Dfa
    {
        public Dfa(int stateCount, int classCount, byte[] classOf, int[] next, bool[] accepting)
        {
            StateCount = stateCount;
            ClassCount = classCount;
            ClassOf = classOf;
            Next = next;
            Accepting = accepting;
        }

        public int StateCount { get; }

        public int ClassCount { get; }

        /// <summary>The byte class of each byte value.</summary>
        public byte[] ClassOf { get; }

        /// <summary><c>Next[state * ClassCount + class]</c>, -1 for the dead state.</summary>
        public int[] Next { get; }

        public bool[] Accepting { get; }

        public int Transition(int state, int b) => Next[state * ClassCount + ClassOf[b]];

        /// <summary>The automaton that accepts nothing.</summary>
        public static Dfa Empty() => new Dfa(1, 1, new byte[256], new[] { -1 }, new bool[1]);

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

        /// <summary>For each class, the byte ranges it covers (used to copy the automaton into an NFA).</summary>
        public List<(byte Lo, byte Hi, int Class)> ClassRanges()
        {
            var ranges = new List<(byte, byte, int)>();
            int b = 0;
            while (b < 256)
            {
                int e = b;
                while (e + 1 < 256 && ClassOf[e + 1] == ClassOf[b]) e++;
                ranges.Add(((byte)b, (byte)e, ClassOf[b]));
                b = e + 1;
            }
            return ranges;
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
            var classOf = new byte[256];
            for (int c = 0; c < classCount; c++)
            {
                int end = c + 1 < classCount ? classStart[c + 1] : 256;
                for (int b = classStart[c]; b < end; b++) classOf[b] = (byte)c;
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
            var next = new List<int>();
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
                for (int c = 0; c < classCount; c++)
                {
                    if (seeds[c].Count == 0)
                    {
                        next.Add(-1);
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
                    next.Add(id);
                }
            }

            int n = sets.Count;
            var accepting = new bool[n];
            for (int d = 0; d < n; d++) accepting[d] = Array.BinarySearch(sets[d], accept) >= 0;
            return new Dfa(n, classCount, classOf, next.ToArray(), accepting).Trim().Minimize();
        }

        /// <summary>Removes states from which no accepting state can be reached (they behave as the dead state).</summary>
        // Hot during the build: compile straight to optimised code (no tier-0 pass).
        [System.Runtime.CompilerServices.MethodImpl((System.Runtime.CompilerServices.MethodImplOptions)512)] // AggressiveOptimization: not in netstandard2.0's enum, honoured by the runtime
        public Dfa Trim()
        {
            int n = StateCount, k = ClassCount;
            var reverse = new List<int>[n];
            for (int s = 0; s < n; s++) reverse[s] = new List<int>();
            for (int s = 0; s < n; s++)
            {
                for (int c = 0; c < k; c++)
                {
                    int t = Next[s * k + c];
                    if (t >= 0) reverse[t].Add(s);
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
            var next = new int[count * k];
            var accepting = new bool[count];
            for (int s = 0; s < n; s++)
            {
                if (!live[s]) continue;
                accepting[map[s]] = Accepting[s];
                for (int c = 0; c < k; c++)
                {
                    int t = Next[s * k + c];
                    next[map[s] * k + c] = t < 0 ? -1 : map[t];
                }
            }
            return new Dfa(count, k, ClassOf, next, accepting);
        }

        /// <summary>
        /// Moore's partition refinement: merges states with the same future. Keeps state 0 as the start.
        /// The result is the unique minimal DFA of the language (states renumbered in breadth-first order,
        /// byte classes renumbered by first byte), so equal languages give identical automata.
        /// </summary>
        // Hot during the build: compile straight to optimised code (no tier-0 pass).
        [System.Runtime.CompilerServices.MethodImpl((System.Runtime.CompilerServices.MethodImplOptions)512)] // AggressiveOptimization: not in netstandard2.0's enum, honoured by the runtime
        public Dfa Minimize()
        {
            int n = StateCount, k = ClassCount;

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
                        int t = Next[s * k + c];
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
            var queue = new Queue<int>();
            order[block[0]] = 0;
            queue.Enqueue(0);
            int nextId = 1;
            var reps = new List<int> { 0 };
            while (queue.Count > 0)
            {
                int s = queue.Dequeue();
                // Visit in byte order (not class order) so the numbering does not depend on how classes were numbered.
                for (int b = 0; b < 256; b++)
                {
                    int t = Next[s * k + ClassOf[b]];
                    if (t < 0 || order[block[t]] >= 0) continue;
                    order[block[t]] = nextId++;
                    reps.Add(t);
                    queue.Enqueue(t);
                }
            }
            int m = reps.Count;

            // Classes of the result: merging states can only merge classes. Renumber them by first byte.
            var classMap = new int[k];
            for (int c = 0; c < k; c++) classMap[c] = -1;
            var newClassOf = new byte[256];
            var classReps = new List<int>();
            for (int b = 0; b < 256; b++)
            {
                int c = ClassOf[b];
                if (classMap[c] < 0)
                {
                    int found = -1;
                    for (int j = 0; j < classReps.Count && found < 0; j++)
                    {
                        if (SameColumn(reps, c, classReps[j], order, block)) found = j;
                    }
                    if (found < 0)
                    {
                        found = classReps.Count;
                        classReps.Add(c);
                    }
                    classMap[c] = found;
                }
                newClassOf[b] = (byte)classMap[c];
            }
            int mk = classReps.Count;
            var table = new int[m * mk];
            var accepting = new bool[m];
            for (int i = 0; i < m; i++)
            {
                int s = reps[i];
                accepting[i] = Accepting[s];
                for (int j = 0; j < mk; j++)
                {
                    int t = Next[s * k + classReps[j]];
                    table[i * mk + j] = t < 0 ? -1 : order[block[t]];
                }
            }
            return new Dfa(m, mk, newClassOf, table, accepting);
        }

        /// <summary>True when classes <paramref name="a"/> and <paramref name="b"/> lead every representative state to the same block.</summary>
        private bool SameColumn(List<int> reps, int a, int b, int[] order, int[] block)
        {
            int k = ClassCount;
            foreach (int s in reps)
            {
                int ta = Next[s * k + a], tb = Next[s * k + b];
                int ba = ta < 0 ? -1 : order[block[ta]];
                int bb = tb < 0 ? -1 : order[block[tb]];
                if (ba != bb) return false;
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
