using System.Buffers;
using Sip.Generated.Grammar;
using Sip.Runtime.Headers;
using Sip.Runtime.Message;
using Sip.Runtime.Serialization;

namespace Sip.Runtime.Tests;

/// <summary>
/// Once warm, framing + indexing + enumerating every header value of each RFC 3665/3666 message allocates nothing:
/// as a datagram and as a single-segment stream, lenient and strict, with the validator; and a two-segment stream
/// after its copy buffer exists.
/// </summary>
[Collection(Sip.Tests.Shared.AllocationCollection.Name)]
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

    /// <summary>Reads a typed value's fields and writes it (a pre-sized writer never grows).</summary>
    private struct TypedReader(ArrayBufferWriter<byte> output) : IHeaderValueVisitor
    {
        public long Sum;

        public void Visit<T>(HeaderKind kind, in T value) where T : struct, ISipHeaderValue<T>
        {
            Sum += value.IsValid ? value.Range.Length : -1;
            value.WriteTo(output);
        }
    }

    private static long ReadTyped(SipMessage m, ArrayBufferWriter<byte> output)
    {
        long sum = 0;
        var reader = new TypedReader(output);
        foreach (ref readonly HeaderField h in m.Headers)
        {
            if (h.Kind == HeaderKind.Unknown) continue;
            // Each field's values (list elements across fields are visited once per kind, from its first field).
            if (!IsFirstOfKind(m, h)) continue;
            foreach (SipRange v in m.Values(h.Kind)) SipMessageHeaders.Visit(h.Kind, m.Source, v, ref reader);
        }
        // What a proxy or UA reads, through the generated typed properties.
        foreach (ViaValue via in m.Via) sum += via.Branch.Length + via.Host.Length + via.Port + via.Rport + (via.HasRport ? 1 : 0) + via.Received.Length;
        sum += m.From.First.Tag.Length + m.To.First.Tag.Length + m.To.First.Uri.Length;
        sum += m.CSeq.First.Number + m.CallID.First.Value.Length + m.MaxForwards.First.Value;
        foreach (AddressValue contact in m.Contact) sum += contact.Uri.Length + contact.Expires + contact.Q;
        foreach (AuthValue auth in m.Authorization) sum += auth.Realm.Length + auth.Nonce.Length + auth.Response.Length;
        foreach (AuthValue auth in m.ProxyAuthorization) sum += auth.Username.Length;
        foreach (AddressValue route in m.RecordRoute) sum += route.Uri.Length + (route.Parameters.Contains("lr"u8) ? 1 : 0);
        return sum + reader.Sum;
    }

    private static bool IsFirstOfKind(SipMessage m, in HeaderField h) => m.Header(m.IndexOf(h.Kind)).Line == h.Line;

    [Fact]
    public void TypedReadingAndSerializing_AllocateNothingOnceWarm()
    {
        var m = new SipMessage();
        var output = new ArrayBufferWriter<byte>(1 << 16);
        long Round()
        {
            long sum = 0;
            foreach (byte[] bytes in Messages)
            {
                if (SipMessageParser.ParseDatagram(bytes, m, SipParserOptions.Default, out _) != OperationStatus.Done) continue;
                output.ResetWrittenCount();
                sum += ReadTyped(m, output) + output.WrittenCount;
                output.ResetWrittenCount();
                SipMessageWriter.WriteCanonical(m, output);
                sum += output.WrittenCount;
            }
            return sum;
        }
        long warm = Round();
        Assert.True(warm > 0);

        long before = GC.GetAllocatedBytesForCurrentThread();
        long total = Round() + Round() + Round();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(3 * warm, total);
        Assert.True(allocated == 0, $"{allocated} bytes over {3 * Messages.Length} messages");
    }
}
