using System.Buffers;
using BenchmarkDotNet.Attributes;
using Sip.Generated.Grammar;
using Sip.Runtime.Headers;
using Sip.Runtime.Message;
using Sip.Runtime.Serialization;

namespace Sip.Benchmarks;

/// <summary>
/// Whole-message work on each sample, every figure a ratio to <see cref="ScanFloor"/>: the cheapest pass that touches
/// every byte and finds every LF and ':' (vectorised). Parse benchmarks reuse one <see cref="SipMessage"/>; writers
/// write into a pre-sized buffer that is reset each time. Building a response and proxy edits apply to requests: on a
/// response sample (b) they return 0 at once.
/// </summary>
[MemoryDiagnoser]
public class MessageParsingBenchmarks
{
    private byte[] _message = [];
    private readonly SipMessage _index = new();
    private readonly SipMessage _parsed = new();
    private readonly ArrayBufferWriter<byte> _output = new(1 << 16);

    [ParamsSource(nameof(Messages))]
    public string Message { get; set; } = "a";

    public static IEnumerable<string> Messages => Samples.Names;

    [GlobalSetup]
    public void Setup()
    {
        _message = Samples.Load(Message);
        Floor.Check(_message);
        if (!Rules.SIPMessage.IsMatch(_message)) throw new InvalidOperationException(Message + " does not match SIP-message");
        if (SipMessageParser.ParseDatagram(_message, _parsed, SipParserOptions.StrictDefault, out SipParseError error) != OperationStatus.Done)
        {
            throw new InvalidOperationException($"{Message} is not accepted in strict mode: {error}");
        }
    }

    /// <summary>
    /// The floor: one vectorised pass that compares every byte with LF and ':' (32 bytes per step, the matches as a
    /// bit mask) and counts them; returns how many. This is the "AVX2 scan for LF and ':'" of ../shared/bench, about
    /// 30 ns for message a on this machine type: nothing that reads every byte can be cheaper.
    /// </summary>
    [Benchmark(Baseline = true)]
    public int ScanFloor() => Floor.CountLfAndColon(_message);

    /// <summary>Framing (RFC 3261 §18.3) and the header index: start line, every header line's kind, name and value.</summary>
    [Benchmark]
    public int Index()
    {
        SipMessageParser.ParseDatagram(_message, _index, SipParserOptions.Default, out _);
        return _index.HeaderCount;
    }

    /// <summary>The index, plus what a proxy reads: Via branch, From tag, To URI and tag, CSeq, Call-ID, Contact URI, Max-Forwards.</summary>
    [Benchmark]
    public long IndexAndRoutingFields()
    {
        SipMessageParser.ParseDatagram(_message, _index, SipParserOptions.Default, out _);
        long sum = _index.Via.First.Branch.Length;
        sum += _index.From.First.Tag.Length;
        AddressValue to = _index.To.First;
        sum += to.Uri.Length + to.Tag.Length;
        CSeqValue cseq = _index.CSeq.First;
        sum += cseq.Number + cseq.Method.Length;
        sum += _index.CallID.First.Value.Length;
        sum += _index.Contact.First.Uri.Length;
        sum += _index.MaxForwards.First.Value;
        return sum;
    }

    /// <summary>Strict parse: every known header validated against its grammar rule, then every header value read as its typed value.</summary>
    [Benchmark]
    public long StrictParse()
    {
        SipMessageParser.ParseDatagram(_message, _index, SipParserOptions.StrictDefault, out _);
        var reader = new TypedReader();
        for (int i = 0; i < _index.HeaderCount; i++)
        {
            HeaderKind kind = _index.Header(i).Kind;
            if (kind == HeaderKind.Unknown || _index.IndexOf(kind) != i) continue;
            foreach (SipRange value in _index.Values(kind)) SipMessageHeaders.Visit(kind, _index.Source, value, ref reader);
        }
        return reader.Sum;
    }

    /// <summary>Writes the parsed message back as indexed (start line, header lines, body) into a pre-sized buffer.</summary>
    [Benchmark]
    public int Serialize()
    {
        _output.ResetWrittenCount();
        SipMessageWriter.Write(_parsed, _output);
        return _output.WrittenCount;
    }

    /// <summary>Writes the canonical form: long names, every known value through its typed serializer, no folding.</summary>
    [Benchmark]
    public int SerializeCanonical()
    {
        _output.ResetWrittenCount();
        SipMessageWriter.WriteCanonical(_parsed, _output);
        return _output.WrittenCount;
    }

    /// <summary>A 200 response to the request (RFC 3261 §8.2.6): Via, From, To with a tag, Call-ID, CSeq copied.</summary>
    [Benchmark]
    public int BuildResponse()
    {
        if (!_parsed.IsRequest) return 0;
        _output.ResetWrittenCount();
        SipResponseBuilder.Write(_parsed, 200, _output, toTag: "a6c85cf"u8, copyRecordRoute: true);
        return _output.WrittenCount;
    }

    /// <summary>Proxy forwarding edits (§16.6): Via pushed, Record-Route inserted, Max-Forwards decremented.</summary>
    [Benchmark]
    public int ProxyEdit()
    {
        if (!_parsed.IsRequest) return 0;
        _output.ResetWrittenCount();
        var edit = new ProxyEdit
        {
            PushVia = "SIP/2.0/UDP proxy.example.com;branch=z9hG4bK2d4790.1"u8,
            InsertRecordRoute = "<sip:proxy.example.com;lr>"u8,
            DecrementMaxForwards = true,
        };
        SipProxyEditor.TryWrite(_parsed, edit, _output);
        return _output.WrittenCount;
    }

    /// <summary>The whole message against the ABNF rule <c>SIP-message</c> (generated, exact; a known header name with a bad value still matches <c>extension-header</c>).</summary>
    [Benchmark]
    public bool GrammarValidateMessage() => Rules.SIPMessage.IsMatch(_message);

    /// <summary>Reads each typed value (counts the valid ones and their lengths).</summary>
    private struct TypedReader : IHeaderValueVisitor
    {
        public long Sum;

        public void Visit<T>(HeaderKind kind, in T value) where T : struct, ISipHeaderValue<T> => Sum += value.IsValid ? value.Range.Length : -1;
    }
}
