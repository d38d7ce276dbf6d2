using System;
using System.Buffers;
using Sip.Generated.Grammar;
using Sip.Runtime.Message;

namespace Sip.Runtime.Headers;

/// <summary>
/// <c>CSeq = "CSeq" HCOLON 1*DIGIT LWS Method</c> (RFC 3261 §20.16): "The sequence number MUST be expressible as a
/// 32-bit unsigned integer".
/// </summary>
public readonly struct CSeqValue : ISipHeaderValue<CSeqValue>
{
    private readonly ReadOnlyMemory<byte> _source;

    private CSeqValue(ReadOnlyMemory<byte> source, SipRange range, bool valid, uint number, SipRange method)
    {
        _source = source;
        Range = range;
        IsValid = valid;
        Number = number;
        MethodRange = method;
    }

    /// <inheritdoc/>
    public bool IsValid { get; }
    /// <inheritdoc/>
    public SipRange Range { get; }
    /// <summary>Where <see cref="Method"/> is in the source (empty when absent).</summary>
    public SipRange MethodRange { get; }

    /// <summary>The sequence number.</summary>
    public uint Number { get; }

    /// <summary>The method as written (case-sensitive, §7.1).</summary>
    public ReadOnlySpan<byte> Method => _source.Span.Slice(MethodRange.Offset, MethodRange.Length);

    /// <summary>The method as a <see cref="SipMethod"/>, or <see cref="SipMethod.Unknown"/> for an extension method.</summary>
    public SipMethod MethodKind => SipMethods.Lookup(Method);

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlyMemory<byte> source, SipRange value, out CSeqValue result)
    {
        var r = new HeaderReader(source.Span, value);
        SipRange digits = r.Digits(), method = default;
        uint number = 0;
        int afterDigits = r.Position;
        r.SkipLws();
        bool ok = r.TryUInt32(digits, out number) && r.Position > afterDigits && !(method = r.Token()).IsEmpty && r.AtEnd;
        result = new CSeqValue(source, value, ok, number, method);
        return ok;
    }

    /// <inheritdoc/>
    public void WriteTo(IBufferWriter<byte> output)
    {
        if (!IsValid)
        {
            OctetWriter.WriteUnfolded(output, _source.Span.Slice(Range.Offset, Range.Length));
            return;
        }
        Write(output, Number, Method);
    }

    /// <summary>Writes <c>{number} {method}</c>.</summary>
    public static void Write(IBufferWriter<byte> output, uint number, ReadOnlySpan<byte> method)
    {
        OctetWriter.WriteDecimal(output, number);
        OctetWriter.Write(output, Octets.SP);
        OctetWriter.Write(output, method);
    }

    /// <inheritdoc/>
    public override string ToString() => System.Text.Encoding.UTF8.GetString(_source.Span.Slice(Range.Offset, Range.Length));
}

/// <summary><c>RAck = "RAck" HCOLON response-num LWS CSeq-num LWS Method</c> (RFC 3262 §7.2).</summary>
public readonly struct RAckValue : ISipHeaderValue<RAckValue>
{
    private readonly ReadOnlyMemory<byte> _source;

    private RAckValue(ReadOnlyMemory<byte> source, SipRange range, bool valid, uint responseNumber, uint cseqNumber, SipRange method)
    {
        _source = source;
        Range = range;
        IsValid = valid;
        ResponseNumber = responseNumber;
        CSeqNumber = cseqNumber;
        MethodRange = method;
    }

    /// <inheritdoc/>
    public bool IsValid { get; }
    /// <inheritdoc/>
    public SipRange Range { get; }
    /// <summary>Where <see cref="Method"/> is in the source (empty when absent).</summary>
    public SipRange MethodRange { get; }

    /// <summary><c>response-num</c>: the RSeq of the reliable provisional response being acknowledged.</summary>
    public uint ResponseNumber { get; }

    /// <summary><c>CSeq-num</c>: the CSeq number of the request the response answered.</summary>
    public uint CSeqNumber { get; }

    /// <summary>The method of that request.</summary>
    public ReadOnlySpan<byte> Method => _source.Span.Slice(MethodRange.Offset, MethodRange.Length);

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlyMemory<byte> source, SipRange value, out RAckValue result)
    {
        var r = new HeaderReader(source.Span, value);
        SipRange response = r.Digits();
        int mark = r.Position;
        r.SkipLws();
        bool ok = r.TryUInt32(response, out uint responseNumber) && r.Position > mark;
        SipRange cseq = r.Digits();
        mark = r.Position;
        r.SkipLws();
        ok = ok & r.TryUInt32(cseq, out uint cseqNumber) && r.Position > mark;
        SipRange method = r.Token();
        ok = ok && !method.IsEmpty && r.AtEnd;
        result = new RAckValue(source, value, ok, responseNumber, cseqNumber, method);
        return ok;
    }

    /// <inheritdoc/>
    public void WriteTo(IBufferWriter<byte> output)
    {
        if (!IsValid)
        {
            OctetWriter.WriteUnfolded(output, _source.Span.Slice(Range.Offset, Range.Length));
            return;
        }
        Write(output, ResponseNumber, CSeqNumber, Method);
    }

    /// <summary>Writes <c>{response-num} {CSeq-num} {method}</c>.</summary>
    public static void Write(IBufferWriter<byte> output, uint responseNumber, uint cseqNumber, ReadOnlySpan<byte> method)
    {
        OctetWriter.WriteDecimal(output, responseNumber);
        OctetWriter.Write(output, Octets.SP);
        OctetWriter.WriteDecimal(output, cseqNumber);
        OctetWriter.Write(output, Octets.SP);
        OctetWriter.Write(output, method);
    }

    /// <inheritdoc/>
    public override string ToString() => System.Text.Encoding.UTF8.GetString(_source.Span.Slice(Range.Offset, Range.Length));
}
