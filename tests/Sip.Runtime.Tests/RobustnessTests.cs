using System.Buffers;
using Sip.Generated.Grammar;
using Sip.Runtime.Message;

namespace Sip.Runtime.Tests;

/// <summary>
/// The parser on every corpus message cut and split everywhere, and on seeded random mutations: a prefix never
/// gets a verdict the whole message would not get, a split never changes the verdict, and nothing ever throws.
/// </summary>
public sealed class RobustnessTests
{
    public static TheoryData<string> Messages() => new(Corpus.AllMessages.Select(m => m.Name));

    private static byte[] BytesOf(string name) => Corpus.AllMessages.Single(m => m.Name == name).Bytes;

    /// <summary>Everything a stream parse decides: status, error, how much was consumed, and the index when done.</summary>
    private static string Outcome(SipMessage m, OperationStatus status, in SipParseError error, long consumed)
    {
        if (status == OperationStatus.NeedMoreData) return $"NeedMoreData {consumed}";
        if (status != OperationStatus.Done) return $"{status} {error.Code} {error.StatusCode} {error.Action} line {error.Line} {error.Header} consumed {consumed}";
        var text = new System.Text.StringBuilder($"Done {consumed} {m.Length} body {m.Body} headers {m.HeaderCount}:");
        foreach (ref readonly HeaderField h in m.Headers) text.Append(' ').Append(h.Kind).Append(h.Line).Append(h.Value);
        return text.ToString();
    }

    private static string Stream(ReadOnlySequence<byte> buffer, SipMessage m, SipParserOptions options)
    {
        OperationStatus status = SipMessageParser.ParseStream(buffer, m, options, out SequencePosition consumed, out SipParseError error);
        return Outcome(m, status, error, buffer.Slice(0, consumed).Length);
    }

    /// <summary>
    /// Every prefix of every corpus message, in stream mode: NeedMoreData, or exactly the whole message's verdict
    /// (so never an accept of a message the whole would refuse, nor of a shorter message). Lenient mode for all;
    /// strict mode too for the RFC 4475 and RFC 5118 files.
    /// </summary>
    [Theory]
    [MemberData(nameof(Messages))]
    public void EveryPrefix_NeedsMoreDataOrGetsTheFinalVerdict(string name)
    {
        byte[] bytes = BytesOf(name);
        var m = new SipMessage();
        foreach (SipParserOptions options in name.StartsWith("rfc3665", StringComparison.Ordinal)
                     ? [SipParserOptions.Default] : new[] { SipParserOptions.Default, SipParserOptions.StrictDefault })
        {
            string final = Stream(new ReadOnlySequence<byte>(bytes), m, options);
            bool done = final.StartsWith("Done", StringComparison.Ordinal);
            for (int length = 0; length < bytes.Length; length++)
            {
                string prefix = Stream(new ReadOnlySequence<byte>(bytes, 0, length), m, options);
                if (prefix.StartsWith("NeedMoreData", StringComparison.Ordinal)) continue;
                Assert.True(prefix == final, $"{name} (strict={options.Strict}) cut at {length}: {prefix}; whole message: {final}");
                // A Done prefix must hold the whole framed message.
                if (done) Assert.True(length >= m.Length);
            }
        }
    }

    /// <summary>Every split of every corpus message into two segments parses exactly like one segment.</summary>
    [Theory]
    [MemberData(nameof(Messages))]
    public void EverySplit_GivesTheSameResultAsOneSegment(string name)
    {
        byte[] bytes = BytesOf(name);
        var m = new SipMessage();
        SipParserOptions options = name.StartsWith("rfc4475", StringComparison.Ordinal) ? SipParserOptions.StrictDefault : SipParserOptions.Default;
        string whole = Stream(new ReadOnlySequence<byte>(bytes), m, options);
        string body = m.IsFramed ? Convert.ToHexString(m.Span(m.Body)) : "";
        for (int at = 1; at < bytes.Length; at++)
        {
            string split = Stream(Segments.Split(bytes, at), m, options);
            Assert.True(split == whole, $"{name} split at {at}: {split}; one segment: {whole}");
            if (m.IsFramed) Assert.Equal(body, Convert.ToHexString(m.Span(m.Body)));
        }
    }

    private const int Mutations = 100_000;

    /// <summary>
    /// 100,000 seeded random mutations of corpus messages (byte flips, truncation, inserted CR/LF/NUL/SP/HTAB/colon/comma,
    /// deletions, duplicated header lines) through datagram and stream parsing (both modes), the validator's role
    /// checks, value enumeration and error descriptions: nothing throws, and every range stays inside the message.
    /// </summary>
    [Fact]
    public void RandomMutations_NeverThrow()
    {
        var random = new Random(4475);
        var messages = Corpus.AllMessages.Select(m => m.Bytes).ToArray();
        var m = new SipMessage();
        var outcomes = new Dictionary<string, int>();
        byte[] inserts = "\r\n\0 \t:,;<>\"\\[]%"u8.ToArray();
        for (int i = 0; i < Mutations; i++)
        {
            var bytes = new List<byte>(messages[random.Next(messages.Length)]);
            int count = 1 + random.Next(4);
            for (int j = 0; j < count && bytes.Count > 0; j++)
            {
                int at = random.Next(bytes.Count);
                switch (random.Next(6))
                {
                    case 0: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                    case 1: bytes.RemoveRange(at, bytes.Count - at); break;
                    case 2: bytes.Insert(at, inserts[random.Next(inserts.Length)]); break;
                    case 3: bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(8))); break;
                    case 4: bytes[at] = (byte)random.Next(256); break;
                    default: DuplicateLine(bytes, at, random); break;
                }
            }
            byte[] input = bytes.ToArray();
            SipParserOptions options = (i & 1) == 0 ? SipParserOptions.Default : SipParserOptions.StrictDefault;
            try
            {
                string outcome = Exercise(m, input, options, stream: (i & 2) == 0, split: i % 7 == 0 ? random.Next(Math.Max(input.Length, 1)) : -1);
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            }
            catch (Exception e)
            {
                Assert.Fail($"mutation {i} threw {e}\ninput: {Convert.ToBase64String(input)}");
            }
        }
        // The mutations reach both verdicts and many kinds of error.
        Assert.True(outcomes.GetValueOrDefault("accept") > 1000, string.Join(", ", outcomes));
        Assert.True(outcomes.Count > 15, string.Join(", ", outcomes));
    }

    /// <summary>Inserts a copy of the header line around <paramref name="at"/> after it.</summary>
    private static void DuplicateLine(List<byte> bytes, int at, Random random)
    {
        int start = bytes.LastIndexOf((byte)'\n', at) + 1;
        int end = bytes.IndexOf((byte)'\n', at);
        if (end < 0) return;
        var line = bytes.GetRange(start, end + 1 - start);
        bytes.InsertRange(end + 1, random.Next(4) == 0 ? [.. line, .. line] : line);
    }

    private static string Exercise(SipMessage m, byte[] input, SipParserOptions options, bool stream, int split)
    {
        OperationStatus status;
        SipParseError error;
        if (stream)
        {
            ReadOnlySequence<byte> buffer = split > 0 ? Segments.Split(input, split) : new ReadOnlySequence<byte>(input);
            status = SipMessageParser.ParseStream(buffer, m, options, out SequencePosition consumed, out error);
            long used = buffer.Slice(0, consumed).Length;
            Assert.InRange(used, 0, input.Length);
        }
        else
        {
            status = SipMessageParser.ParseDatagram(input, m, options, out error);
        }

        if (status == OperationStatus.NeedMoreData) return "need";
        if (status == OperationStatus.InvalidData)
        {
            Assert.True(error.IsError);
            Assert.Contains(error.StatusCode, new[] { 400, 413, 414, 505 });
            Assert.NotEmpty(error.Describe(m.Source.Span));
            Assert.InRange(error.Offset, 0, m.Source.Length);
            return error.Code.ToString();
        }

        Assert.Equal(OperationStatus.Done, status);
        Assert.True(m.IsFramed);
        int length = m.Length;
        Assert.InRange(m.HeaderCount, 0, options.MaxHeaderCount);
        Assert.InRange(m.Body.End, m.Body.Offset, length);
        foreach (ref readonly HeaderField h in m.Headers)
        {
            Assert.InRange(h.Line.End, h.Line.Offset, length);
            Assert.InRange(h.Value.Offset, h.Line.Offset, h.Line.End);
            Assert.Equal(h.Line.End, h.Value.End);
            Assert.Equal(h.Kind, SipHeaders.Lookup(m.Span(h.Name)));
            SipMessage.ValueEnumerator values = h.Kind == HeaderKind.Unknown ? m.Values(m.Span(h.Name)) : m.Values(h.Kind);
            while (values.MoveNext())
            {
                SipRange owner = m.Header(values.HeaderIndex).Value;
                Assert.InRange(values.Current.Offset, owner.Offset, owner.End);
                Assert.InRange(values.Current.End, values.Current.Offset, owner.End);
            }
        }
        var policy = SipValidationPolicy.Default;
        bool any = SipMessageValidator.Validate(m, policy, out error);
        bool uas = SipMessageValidator.ValidateAtUserAgentServer(m, policy, out SipParseError uasError);
        bool proxy = SipMessageValidator.ValidateAtProxy(m, policy, out SipParseError proxyError);
        Span<SipRange> tags = stackalloc SipRange[2];
        SipMessageValidator.UnsupportedOptionTags(m, HeaderKind.Require, [], tags);
        if (!any) Assert.NotEmpty(error.Describe(m.Source.Span));
        if (!uas) Assert.NotEmpty(uasError.Describe());
        if (!proxy) Assert.NotEmpty(proxyError.Describe());
        return any ? "accept" : "validator " + error.Code;
    }
}
