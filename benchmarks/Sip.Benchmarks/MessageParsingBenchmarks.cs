using System.Buffers;
using BenchmarkDotNet.Attributes;
using Sip.Generated.Grammar;

namespace Sip.Benchmarks;

/// <summary>
/// Whole-message work, each figure a ratio to <see cref="ScanFloor"/>: the cheapest pass that touches
/// every byte and finds every LF and ':' (vectorised). More methods (index, routing fields, strict
/// parse, serialize, response, proxy edit) join as the message model lands.
/// </summary>
[MemoryDiagnoser]
public class MessageParsingBenchmarks
{
    private static readonly SearchValues<byte> s_lfOrColon = SearchValues.Create("\n:"u8);

    private byte[] _message = [];

    [ParamsSource(nameof(Messages))]
    public string Message { get; set; } = "a";

    public static IEnumerable<string> Messages => Samples.Names;

    [GlobalSetup]
    public void Setup()
    {
        _message = Samples.Load(Message);
        if (!Rules.SIPMessage.IsMatch(_message)) throw new InvalidOperationException(Message + " does not match SIP-message");
    }

    /// <summary>The floor: find every LF and ':' with a vectorised search; returns how many.</summary>
    [Benchmark(Baseline = true)]
    public int ScanFloor()
    {
        ReadOnlySpan<byte> rest = _message;
        int count = 0;
        while (true)
        {
            int i = rest.IndexOfAny(s_lfOrColon);
            if (i < 0) return count;
            count++;
            rest = rest.Slice(i + 1);
        }
    }

    /// <summary>The whole message against the ABNF rule <c>SIP-message</c> (generated, exact).</summary>
    [Benchmark]
    public bool GrammarValidateMessage() => Rules.SIPMessage.IsMatch(_message);
}
