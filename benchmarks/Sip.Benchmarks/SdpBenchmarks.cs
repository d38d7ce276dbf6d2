using System.Buffers;
using BenchmarkDotNet.Attributes;
using Sip.Runtime.Sdp;

namespace Sip.Benchmarks;

/// <summary>
/// SDP (RFC 8866) of sample message a: parse into a reused <see cref="SdpSessionDescription"/> and serialize into a
/// pre-sized buffer. Ratios are to <see cref="ScanFloor"/>, one vectorised pass over the body.
/// </summary>
[MemoryDiagnoser]
public class SdpBenchmarks
{
    private ReadOnlyMemory<byte> _sdp;
    private readonly SdpSessionDescription _description = new();
    private readonly SdpSessionDescription _parsed = new();
    private readonly ArrayBufferWriter<byte> _output = new(1 << 14);

    [GlobalSetup]
    public void Setup()
    {
        byte[] message = Samples.Load("a");
        int body = message.AsSpan().IndexOf("\r\n\r\n"u8) + 4;
        _sdp = message.AsMemory(body);
        if (!_parsed.TryLoad(_sdp).IsDone) throw new InvalidOperationException("sample a's SDP does not parse");
    }

    /// <summary>The floor: one vectorised pass over the body (see <see cref="Floor"/>).</summary>
    [Benchmark(Baseline = true)]
    public int ScanFloor() => Floor.CountLfAndColon(_sdp.Span);

    [Benchmark]
    public bool Parse() => _description.TryLoad(_sdp).IsDone;

    [Benchmark]
    public int Serialize()
    {
        _output.ResetWrittenCount();
        _parsed.WriteTo(_output);
        return _output.WrittenCount;
    }
}
