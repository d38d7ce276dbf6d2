using System.Buffers;
using Sip.Generated.Grammar;
using Sip.Runtime.Message;

namespace Sip.Runtime.Tests;

/// <summary>
/// Once warm, framing + indexing + enumerating every header value of each RFC 3665/3666 message allocates nothing:
/// as a datagram and as a single-segment stream, lenient and strict, with the validator; and a two-segment stream
/// after its copy buffer exists.
/// </summary>
public sealed class ZeroAllocationTests
{
    private static readonly byte[][] Messages = Corpus.Manifest("rfc3665").Select(r => Corpus.Bytes("rfc3665", r["file"])).ToArray();

    private static long Work(SipMessage m, SipParserOptions options, int mode, ReadOnlySequence<byte>[] splits)
    {
        long sum = 0;
        for (int i = 0; i < Messages.Length; i++)
        {
            OperationStatus status = mode switch
            {
                0 => SipMessageParser.ParseDatagram(Messages[i], m, options, out _),
                1 => SipMessageParser.ParseStream(new ReadOnlySequence<byte>(Messages[i]), m, options, out _, out _),
                _ => SipMessageParser.ParseStream(splits[i], m, options, out _, out _),
            };
            sum += (int)status;
            if (status != OperationStatus.Done) continue;
            foreach (ref readonly HeaderField h in m.Headers)
            {
                SipMessage.ValueEnumerator values = h.Kind == HeaderKind.Unknown ? m.Values(m.Span(h.Name)) : m.Values(h.Kind);
                foreach (SipRange v in values) sum += v.Length;
            }
            sum += m.Body.Length;
            if (SipMessageValidator.ValidateAtProxy(m, SipValidationPolicy.Default, out _)) sum++;
        }
        return sum;
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(false, 1)]
    [InlineData(false, 2)]
    [InlineData(true, 0)]
    [InlineData(true, 1)]
    public void ParseIndexAndEnumerate_AllocateNothingOnceWarm(bool strict, int mode)
    {
        SipParserOptions options = strict ? SipParserOptions.StrictDefault : SipParserOptions.Default;
        var m = new SipMessage(options);
        ReadOnlySequence<byte>[] splits = Messages.Select(b => Segments.Split(b, b.Length / 2)).ToArray();
        long warm = Work(m, options, mode, splits);
        Assert.True(warm > 0);

        long before = GC.GetAllocatedBytesForCurrentThread();
        long sum = 0;
        for (int round = 0; round < 3; round++) sum += Work(m, options, mode, splits);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(3 * warm, sum);
        Assert.True(allocated == 0, $"{allocated} bytes over {3 * Messages.Length} messages (strict={strict}, mode={mode})");
    }
}
