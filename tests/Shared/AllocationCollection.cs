namespace Sip.Tests.Shared;

/// <summary>
/// Tests that assert an allocation delta with <c>GC.GetAllocatedBytesForCurrentThread</c> run alone, after the
/// parallel tests. The counter is per thread, but a garbage collection started by another thread's allocations retires
/// this thread's allocation context, and the counter can then move by part of an allocation quantum (≈ 8 KB) with no
/// allocation by the code under test: seen as rare 7–8 KB failures while the lazy-DFA tests allocated heavily in
/// parallel, with no new DFA state built during the measurement.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationCollection
{
    public const string Name = "allocation measurements";
}
