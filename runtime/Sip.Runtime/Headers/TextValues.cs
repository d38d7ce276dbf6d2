using System;
using System.Buffers;
using Sip.Runtime.Message;

namespace Sip.Runtime.Headers;

/// <summary>
/// A value read as text: Subject, Organization, Server, User-Agent, Date, MIME-Version, Timestamp. Folds are
/// whitespace (§7.3.1) and become one SP when written.
/// </summary>
public readonly struct TextValue : ISipHeaderValue<TextValue>
{
    private readonly ReadOnlyMemory<byte> _source;

    private TextValue(ReadOnlyMemory<byte> source, SipRange range)
    {
        _source = source;
        Range = range;
        IsValid = true;
    }

    /// <summary>Always true once parsed: any octets are text (strict mode checks the header's own rule).</summary>
    public bool IsValid { get; }
    /// <inheritdoc/>
    public SipRange Range { get; }

    /// <summary>The value as written (may contain folds).</summary>
    public ReadOnlySpan<byte> Text => _source.Span.Slice(Range.Offset, Range.Length);

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlyMemory<byte> source, SipRange value, out TextValue result)
    {
        result = new TextValue(source, value);
        return true;
    }

    /// <inheritdoc/>
    public void WriteTo(IBufferWriter<byte> output) => OctetWriter.WriteUnfolded(output, Text);

    /// <inheritdoc/>
    public override string ToString() => System.Text.Encoding.UTF8.GetString(Text);
}

/// <summary>
/// <c>warning-value = warn-code SP warn-agent SP warn-text</c> (RFC 3261 §20.43): a 3-digit code, the agent
/// (host[:port] or pseudonym) and a quoted text.
/// </summary>
public readonly struct WarningValue : ISipHeaderValue<WarningValue>
{
    private readonly ReadOnlyMemory<byte> _source;

    private WarningValue(ReadOnlyMemory<byte> source, SipRange range, bool valid, int code, SipRange agent, SipRange text)
    {
        _source = source;
        Range = range;
        IsValid = valid;
        Code = code;
        AgentRange = agent;
        TextRange = text;
    }

    /// <inheritdoc/>
    public bool IsValid { get; }
    /// <inheritdoc/>
    public SipRange Range { get; }
    /// <summary>Where <see cref="Agent"/> is in the source (empty when absent).</summary>
    public SipRange AgentRange { get; }
    /// <summary>Where <see cref="Text"/> is in the source (empty when absent).</summary>
    public SipRange TextRange { get; }

    /// <summary><c>warn-code</c> (300-399 in RFC 3261's registry).</summary>
    public int Code { get; }

    /// <summary><c>warn-agent</c>.</summary>
    public ReadOnlySpan<byte> Agent => _source.Span.Slice(AgentRange.Offset, AgentRange.Length);

    /// <summary><c>warn-text</c>, a quoted-string with its quotes.</summary>
    public ReadOnlySpan<byte> Text => _source.Span.Slice(TextRange.Offset, TextRange.Length);

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlyMemory<byte> source, SipRange value, out WarningValue result)
    {
        var r = new HeaderReader(source.Span, value);
        SipRange code = r.Digits(), agent = default, text = default;
        int number = code.Length == 3 ? r.DigitAt(code.Offset) * 100 + r.DigitAt(code.Offset + 1) * 10 + r.DigitAt(code.Offset + 2) : -1;
        int mark = r.Position;
        r.SkipLws();
        bool ok = number >= 0 && r.Position > mark && !(agent = r.Until(HeaderReader.Lws)).IsEmpty;
        mark = r.Position;
        r.SkipLws();
        ok = ok && r.Position > mark && r.TryQuoted(out text);
        r.SkipLws();
        ok = ok && r.AtEnd;
        result = new WarningValue(source, value, ok, number, agent, text);
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
        // warn-code = 3DIGIT: "032" keeps its zero.
        Span<byte> code = output.GetSpan(3);
        code[0] = (byte)('0' + Code / 100);
        code[1] = (byte)('0' + Code / 10 % 10);
        code[2] = (byte)('0' + Code % 10);
        output.Advance(3);
        OctetWriter.Write(output, Octets.SP);
        OctetWriter.Write(output, Agent);
        OctetWriter.Write(output, Octets.SP);
        OctetWriter.WriteUnfolded(output, Text);
    }

    /// <inheritdoc/>
    public override string ToString() => System.Text.Encoding.UTF8.GetString(_source.Span.Slice(Range.Offset, Range.Length));
}
