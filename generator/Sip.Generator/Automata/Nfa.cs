using System.Collections.Generic;

namespace Sip.Generator.Automata
{
    /// <summary>
    /// A Thompson NFA over bytes: each state has ε-edges and byte-range edges.
    /// Built fresh per rule; never part of the pipeline model.
    /// </summary>
    internal sealed class Nfa
    {
        private readonly List<List<int>> _epsilon = new List<List<int>>();
        private readonly List<List<(byte Lo, byte Hi, int To)>> _edges = new List<List<(byte, byte, int)>>();

        public int Count => _epsilon.Count;

        public int AddState()
        {
            _epsilon.Add(new List<int>(1));
            _edges.Add(new List<(byte, byte, int)>(1));
            return _epsilon.Count - 1;
        }

        public void AddEpsilon(int from, int to) => _epsilon[from].Add(to);

        public void AddEdge(int from, byte lo, byte hi, int to) => _edges[from].Add((lo, hi, to));

        public List<int> Epsilon(int state) => _epsilon[state];

        public List<(byte Lo, byte Hi, int To)> Edges(int state) => _edges[state];
    }
}
