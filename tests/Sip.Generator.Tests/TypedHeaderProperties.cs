using System.Buffers;
using System.Text;
using Sip.Generated.Grammar;
using Sip.Generator.Automata;
using Sip.Generator.Tests.Oracle;
using Sip.Runtime.Headers;
using Sip.Runtime.Message;
using Sip.Runtime.Serialization;
using Sip.Tests.Shared;

namespace Sip.Generator.Tests;

/// <summary>
/// Typed header values on header lines generated from the grammar (each <c>;@header ;@value</c> rule, sampled by the
/// oracle's sampler): every value the grammar accepts reads as a valid typed value (outside the RFC's 32-bit prose
/// limits), and serialize(parse(x)) re-parses to the same typed view while staying in the header's rule.
/// </summary>
public class TypedHeaderProperties
{
    public static TheoryData<string> TypedHeaders()
    {
        var data = new TheoryData<string>();
        foreach (HeaderSpec h in HeaderExtractor.Extract(GrammarFacts.Default.Grammar).Headers)
        {
            // A sampled Content-Length would have to agree with the body: framing, not typed values (NumberValue is
            // exercised through Max-Forwards, Expires, RSeq...).
            if (h.ValueType != null && h.RuleKey != "content-length") data.Add(h.RuleKey);
        }
        return data;
    }

    private static byte[] Unfolded(ReadOnlySpan<byte> line) => Encoding.UTF8.GetBytes(TypedView.Unfold(line));

    [Fact]
    public void EveryHeaderRuleNamesAValueType() =>
        Assert.All(HeaderExtractor.Extract(GrammarFacts.Default.Grammar).Headers, h => Assert.NotNull(h.ValueType));

    private struct Validity : IHeaderValueVisitor
    {
        public int Invalid;
        public string? First;

        public void Visit<T>(HeaderKind kind, in T value) where T : struct, ISipHeaderValue<T>
        {
            if (value.IsValid || Beyond32Bits(value)) return;
            Invalid++;
            First ??= value.ToString();
        }

        /// <summary>RFC 3261 §20.16 / §20.19: CSeq numbers and delta-seconds fit in 32 bits; the ABNF says 1*DIGIT.</summary>
        private static bool Beyond32Bits<T>(in T value) where T : struct, ISipHeaderValue<T>
        {
            if (value is not (CSeqValue or NumberValue or RAckValue)) return false;
            foreach (string digits in value.ToString()!.Split(' ', '\t', '\r', '\n', ';', '('))
            {
                if (digits.Length > 9 && digits.All(char.IsAsciiDigit) && (!ulong.TryParse(digits, out ulong n) || n > uint.MaxValue)) return true;
            }
            return false;
        }
    }

    [Theory]
    [MemberData(nameof(TypedHeaders))]
    public void SampledValues_ParseAndRoundTrip(string ruleKey)
    {
        var sampler = new GrammarSampler(GrammarFacts.Default);
        var rng = new Random(ruleKey.GetHashCode(StringComparison.Ordinal) & 0x7fffffff ^ 3261);
        int checkedCount = 0, prose = 0;
        for (int n = 0; n < 150; n++)
        {
            byte[] line = sampler.Sample(ruleKey, rng);
            // Sampled LWS may fold; a header line cannot end in CRLF (that would be the end of the field).
            string text = Encoding.UTF8.GetString(line);
            if (text.EndsWith('\r') || text.EndsWith('\n') || text.Contains("\r\n\r\n", StringComparison.Ordinal)) continue;
            byte[] message = Encoding.UTF8.GetBytes("OPTIONS sip:x@example.com SIP/2.0\r\n").Concat(line).Concat("\r\nContent-Length: 0\r\n\r\n"u8.ToArray()).ToArray();

            var first = new SipMessage();
            if (SipMessageParser.ParseDatagram(message, first, SipParserOptions.Default, out SipParseError error) != OperationStatus.Done)
            {
                // Framing rules the ABNF does not carry (e.g. a second Content-Length) may refuse a sample: not a typed-value question.
                continue;
            }
            HeaderField field = first.Header(0);
            Assert.NotEqual(HeaderKind.Unknown, field.Kind);
            if (!SipMessageValidator.Validate(first, out error) && error.Code == SipErrorCode.NameAddrRequired)
            {
                // The grammar allows a bare URI holding '?' or ','; §20 prose forbids it (and then a comma splits the list).
                prose++;
                continue;
            }

            if (SipHeaders.IsList(field.Kind) && SipHeaders.IsMatch(field.Kind, Unfolded(first.Span(field.Line))))
            {
                // The grammar lets a bare URI hold a comma; §20 prose forbids it, and the list then splits there. A
                // valid line whose elements are not each valid on their own is that case.
                bool eachValid = true;
                foreach (SipRange element in first.Values(field.Kind))
                {
                    eachValid &= SipHeaders.IsMatch(field.Kind, Encoding.UTF8.GetBytes(SipHeaders.LongName(field.Kind) + ": " + TypedView.Unfold(first.Span(element))));
                }
                if (!eachValid)
                {
                    prose++;
                    continue;
                }
            }

            var validity = new Validity();
            foreach (SipRange value in first.Values(field.Kind)) SipMessageHeaders.Visit(field.Kind, first.Source, value, ref validity);
            Assert.True(validity.Invalid == 0, $"{ruleKey}: '{Bytes.Escape(line)}': typed value '{validity.First}' did not parse");

            var output = new ArrayBufferWriter<byte>();
            SipMessageWriter.WriteCanonical(first, output);
            var second = new SipMessage();
            Assert.True(SipMessageParser.ParseDatagram(output.WrittenSpan.ToArray(), second, SipParserOptions.Default, out error) == OperationStatus.Done,
                $"{ruleKey}: canonical form of '{Bytes.Escape(line)}' does not parse: {error}");
            Assert.Equal(TypedView.Describe(first), TypedView.Describe(second));
            HeaderField canonical = second.Header(0);
            Assert.True(SipHeaders.IsMatch(canonical.Kind, second.Span(canonical.Line)),
                $"{ruleKey}: canonical '{Bytes.Escape(second.Span(canonical.Line).ToArray())}' of '{Bytes.Escape(line)}' is outside the rule");
            checkedCount++;
        }
        Assert.True(checkedCount >= 20, $"{ruleKey}: only {checkedCount} samples made a message ({prose} refused by §20 prose)");
    }
}
