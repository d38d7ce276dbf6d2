using System.Buffers;
using Sip.Generated.Grammar;
using Sip.Runtime.Headers;
using Sip.Runtime.Message;
using Sip.Runtime.Serialization;
using Sip.Tests.Shared;

namespace Sip.Runtime.Tests;

/// <summary>
/// Typed values over the whole corpus: every header field the grammar accepts reads as a valid typed value, and
/// <c>parse → canonical serialize → parse</c> gives the same typed view, with every canonical field still in its
/// rule's language.
/// </summary>
public class TypedCorpusTests
{
    public static TheoryData<string> Messages()
    {
        var data = new TheoryData<string>();
        foreach ((string name, _) in Corpus.AllMessages) data.Add(name);
        return data;
    }

    private static byte[] Load(string name) => Corpus.AllMessages.Single(m => m.Name == name).Bytes;

    /// <summary>Counts typed values, and those that did not parse.</summary>
    private struct Checker : IHeaderValueVisitor
    {
        public int Values;
        public int Invalid;

        public int BeyondThirtyTwoBits;

        public void Visit<T>(HeaderKind kind, in T value) where T : struct, ISipHeaderValue<T>
        {
            Values++;
            if (value.IsValid) return;
            // RFC 3261 prose the ABNF cannot say: CSeq "MUST be expressible as a 32-bit unsigned integer" (§20.16), and
            // delta-seconds beyond 2**32-1 are out of range (§20.19). RFC 4475 scalar02/scalarlg test exactly this.
            if (value is CSeqValue or NumberValue && LeadingDigits(value.ToString()!) is { Length: > 9 } digits && ulong.TryParse(digits, out ulong n) is var fits && (!fits || n > uint.MaxValue))
            {
                BeyondThirtyTwoBits++;
                return;
            }
            Invalid++;
        }

        private static string LeadingDigits(string s) => new(s.TakeWhile(char.IsAsciiDigit).ToArray());
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void GrammarValidFields_ReadAsValidTypedValues(string name)
    {
        var m = new SipMessage();
        if (SipMessageParser.ParseDatagram(Load(name), m, SipParserOptions.Default, out _) != OperationStatus.Done) return;
        int total = 0;
        foreach (HeaderField field in m.Headers)
        {
            if (field.Kind == HeaderKind.Unknown || !SipHeaders.IsMatch(field.Kind, Unfolded(m.Span(field.Line)))) continue;
            var checker = new Checker();
            var e = m.Values(field.Kind);
            int index = Array.IndexOf(m.Headers.ToArray(), field);
            while (e.MoveNext())
            {
                if (e.HeaderIndex == index) SipMessageHeaders.Visit(field.Kind, m.Source, e.Current, ref checker);
            }
            if (name.Contains("scalar", StringComparison.Ordinal)) total += checker.BeyondThirtyTwoBits;
            Assert.True(checker.Invalid == 0, $"{name}: {m.GetString(field.Line)} has {checker.Invalid} typed value(s) that do not parse");
        }
        // The two RFC 4475 messages with oversized numbers do reach the 32-bit check.
        if (name is "rfc4475/scalar02.dat" or "rfc4475/scalarlg.dat") Assert.True(total > 0);
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void ParseSerializeParse_GivesTheSameTypedView(string name)
    {
        var first = new SipMessage();
        if (SipMessageParser.ParseDatagram(Load(name), first, SipParserOptions.Default, out _) != OperationStatus.Done) return;
        var output = new ArrayBufferWriter<byte>();
        SipMessageWriter.WriteCanonical(first, output);
        byte[] canonical = output.WrittenSpan.ToArray();

        var second = new SipMessage();
        OperationStatus status = SipMessageParser.ParseDatagram(canonical, second, SipParserOptions.Default, out SipParseError error);
        Assert.True(status == OperationStatus.Done, $"{name}: canonical form does not parse: {error}\n{System.Text.Encoding.UTF8.GetString(canonical)}");
        Assert.Equal(TypedView.Describe(first), TypedView.Describe(second));

        // A field the grammar accepted is still accepted in canonical form; and canonical is a fixed point.
        for (int i = 0; i < first.HeaderCount; i++)
        {
            HeaderField before = first.Header(i), after = second.Header(i);
            if (before.Kind == HeaderKind.Unknown || !SipHeaders.IsMatch(before.Kind, Unfolded(first.Span(before.Line)))) continue;
            Assert.True(SipHeaders.IsMatch(after.Kind, second.Span(after.Line)), $"{name}: canonical '{second.GetString(after.Line)}' is outside rule {SipHeaders.RuleKey(after.Kind)}");
        }
        var again = new ArrayBufferWriter<byte>();
        SipMessageWriter.WriteCanonical(second, again);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(canonical), System.Text.Encoding.UTF8.GetString(again.WrittenSpan));
    }

    [Fact]
    public void CorpusCoversEveryValueType()
    {
        // Guards the two tests above against a corpus that never reaches some typed parser.
        var seen = new HashSet<string>();
        foreach ((string _, byte[] bytes) in Corpus.AllMessages)
        {
            var m = new SipMessage();
            if (SipMessageParser.ParseDatagram(bytes, m, SipParserOptions.Default, out _) != OperationStatus.Done) continue;
            foreach (string line in TypedView.Describe(m)) seen.Add(line.Split(' ')[1]);
        }
        // Warning and RAck appear in no corpus message: TypedHeaderTests and the grammar-sampled properties cover them.
        foreach (string type in new[] { "via", "address", "cseq", "number", "token", "media", "auth", "text" })
        {
            Assert.Contains(type, seen);
        }
    }

    /// <summary>A header line with its folds as SP (the rules take LWS; the runtime's strict check works the same way).</summary>
    private static byte[] Unfolded(ReadOnlySpan<byte> line) => System.Text.Encoding.UTF8.GetBytes(TypedView.Unfold(line));
}
