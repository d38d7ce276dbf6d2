using Sip.Generated.Grammar;

namespace Sip.Runtime.Message;

/// <summary>
/// One header field of a <see cref="SipMessage"/> as the framing pass found it: its kind, and ranges for the name,
/// the value and the whole field. Nothing is parsed further until asked.
/// </summary>
public readonly struct HeaderField
{
    /// <summary>A header field.</summary>
    public HeaderField(HeaderKind kind, SipRange name, SipRange value, SipRange line, int lineNumber)
    {
        Kind = kind;
        Name = name;
        Value = value;
        Line = line;
        LineNumber = lineNumber;
    }

    /// <summary>The header, from its long or compact name (case-insensitive); <see cref="HeaderKind.Unknown"/> for an extension header.</summary>
    public HeaderKind Kind { get; }

    /// <summary>The field name as written (a <c>token</c>; compact or long form).</summary>
    public SipRange Name { get; }

    /// <summary>
    /// The field value: from the first octet after <c>HCOLON</c> and its trailing whitespace to the end of the field,
    /// continuation lines included (their CRLF and leading whitespace stay in place, RFC 3261 §7.3.1). It ends before
    /// the field's final CRLF; trailing whitespace on the last line is kept.
    /// </summary>
    public SipRange Value { get; }

    /// <summary>The whole field without its final CRLF: what a header rule of the grammar matches.</summary>
    public SipRange Line { get; }

    /// <summary>1-based number of the physical line the field starts on (the start line is line 1).</summary>
    public int LineNumber { get; }
}
