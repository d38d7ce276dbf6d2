using Sip.Generator.Model;

namespace Sip.Generator.Automata
{
    /// <summary>
    /// A minimal DFA as emitted: state 0 is the dead state (every transition stays there), non-accepting
    /// states come next and accepting states last, so "accepting" is <c>state &gt;= FirstAccepting</c>.
    /// <c>Transitions[state * ClassCount + ClassMap[b]]</c> is the next state.
    /// </summary>
    public sealed record DfaTable(
        int StateCount,
        int ClassCount,
        int Start,
        int FirstAccepting,
        ImmutableEquatableArray<byte> ClassMap,
        ImmutableEquatableArray<int> Transitions);

    /// <summary>One piece of a composite matcher: a rule with its own DFA, or a local DFA for a terminal.</summary>
    public sealed record LeafPlan(string? RuleKey, DfaTable? Local, string Abnf, int Item = 0);

    /// <summary>
    /// An exact matcher for a rule too large for one DFA: a Glushkov automaton over leaves, each leaf a
    /// DFA. It is run as a Thompson simulation over (leaf, leaf-state) threads, so it is linear in the
    /// input (times the number of live threads) and never backtracks.
    /// </summary>
    public sealed record CompositePlan(
        ImmutableEquatableArray<LeafPlan> Leaves,
        ImmutableEquatableArray<int> First,
        ImmutableEquatableArray<bool> Last,
        ImmutableEquatableArray<int> FollowStart,
        ImmutableEquatableArray<int> Follow,
        bool Nullable)
    {
        /// <summary>
        /// Byte classes common to all pieces (two bytes share a class when no piece tells them apart): the lazily
        /// built DFA of the composite has one column per class.
        /// </summary>
        public ImmutableEquatableArray<byte> ClassMap { get; init; } = ImmutableEquatableArray<byte>.Empty;

        /// <summary>Number of classes in <see cref="ClassMap"/>.</summary>
        public int ClassCount { get; init; }
    }

    /// <summary>A named part of a <c>;@record</c> rule: one top-level item of its concatenation.</summary>
    public sealed record FieldSpec(string Name, int Item, string Abnf);

    /// <summary>
    /// A <c>;@record</c> rule split into its top-level items. Its pieces are tagged with their item,
    /// and a tagged run of the composite records where each item starts.
    /// </summary>
    public sealed record RecordPlan(
        CompositePlan Pieces,
        int ItemCount,
        ImmutableEquatableArray<FieldSpec> Fields,
        ImmutableEquatableArray<string> LeafClassNames);

    /// <summary>Everything the emitter needs for one rule. Value-equal plans produce identical code.</summary>
    public sealed record RulePlan(
        string Key,
        string Name,
        string ClassName,
        string File,
        string Abnf,
        int Depth,
        bool IsRecursive,
        DfaTable? Dfa,
        CompositePlan? Composite,
        ImmutableEquatableArray<string> LeafClassNames)
    {
        /// <summary>Field extraction for a <c>;@record</c> rule, or null.</summary>
        public RecordPlan? Record { get; init; }
    }
}
