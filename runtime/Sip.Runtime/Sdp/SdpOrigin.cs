using System;
using System.Net;
using Sip.Generated.Grammar;

namespace Sip.Runtime.Sdp;

/// <summary>
/// The syntactic kind of an SDP address (<c>unicast-address = IP4-address / IP6-address / FQDN / extn-addr</c>),
/// tried in that order: a dotted quad is also an <c>FQDN</c> by the grammar, and is reported as IPv4.
/// </summary>
public enum SdpAddressKind
{
    /// <summary>None of the others: <c>extn-addr</c> (<c>non-ws-string</c>), for other address families.</summary>
    Extension = 0,

    /// <summary><c>IP4-address</c>.</summary>
    IPv4,

    /// <summary><c>IP6-address</c>.</summary>
    IPv6,

    /// <summary><c>FQDN = 4*(alpha-numeric / "-" / ".")</c>.</summary>
    Fqdn,
}

/// <summary>Classifies addresses with the generated rules.</summary>
public static class SdpAddress
{
    /// <summary>The kind of <paramref name="address"/>, by the first of <c>IP4-address</c>, <c>IP6-address</c>, <c>FQDN</c> it matches.</summary>
    public static SdpAddressKind Classify(ReadOnlySpan<byte> address)
    {
        if (Rules.Sdp_IP4Address.IsMatch(address)) return SdpAddressKind.IPv4;
        if (Rules.Sdp_IP6Address.IsMatch(address)) return SdpAddressKind.IPv6;
        if (Rules.Sdp_FQDN.IsMatch(address)) return SdpAddressKind.Fqdn;
        return SdpAddressKind.Extension;
    }

    /// <summary>The address as an <see cref="IPAddress"/> when it is IPv4 or IPv6 (allocates; API edge only).</summary>
    public static IPAddress? ToIPAddress(ReadOnlySpan<byte> address) =>
        Classify(address) is SdpAddressKind.IPv4 or SdpAddressKind.IPv6 && IPAddress.TryParse(address, out IPAddress? ip) ? ip : null;
}

/// <summary>
/// <c>o=&lt;username&gt; &lt;sess-id&gt; &lt;sess-version&gt; &lt;nettype&gt; &lt;addrtype&gt; &lt;unicast-address&gt;</c>
/// (RFC 8866 §5.2), from the generated <c>origin-field</c> record.
/// </summary>
public readonly struct SdpOrigin
{
    private readonly SdpSessionDescription _description;
    private readonly int _line;

    internal SdpOrigin(SdpSessionDescription description, int line)
    {
        _description = description;
        _line = line;
    }

    /// <summary><c>username</c> (<c>-</c> when the host has no user ids).</summary>
    public SdpText Username => _description.Field(_line, 0);

    /// <summary><c>sess-id</c> digits.</summary>
    public SdpText SessionId => _description.Field(_line, 1);

    /// <summary><c>sess-id</c> as a number, or null when it does not fit in 64 bits (the grammar has no bound).</summary>
    public ulong? SessionIdValue => SessionId.ToUInt64();

    /// <summary><c>sess-version</c> digits.</summary>
    public SdpText SessionVersion => _description.Field(_line, 2);

    /// <summary><c>sess-version</c> as a number, or null when it does not fit in 64 bits.</summary>
    public ulong? SessionVersionValue => SessionVersion.ToUInt64();

    /// <summary><c>nettype</c> (typically <c>IN</c>).</summary>
    public SdpText NetType => _description.Field(_line, 3);

    /// <summary><c>addrtype</c> (typically <c>IP4</c> or <c>IP6</c>).</summary>
    public SdpText AddrType => _description.Field(_line, 4);

    /// <summary><c>unicast-address</c>.</summary>
    public SdpText Address => _description.Field(_line, 5);

    /// <summary>The syntactic kind of <see cref="Address"/>.</summary>
    public SdpAddressKind AddressKind => SdpAddress.Classify(Address.Span);

    /// <summary>The line number, from 1.</summary>
    public int LineNumber => _description.Line(_line).LineNumber;
}

/// <summary>
/// <c>e=</c> (RFC 8866 §5.6): <c>email-address = address-and-comment / dispname-and-address / addr-spec</c>.
/// </summary>
public readonly struct SdpEmail : ISdpLineView<SdpEmail>
{
    private readonly SdpSessionDescription _description;
    private readonly int _line;

    private SdpEmail(SdpSessionDescription description, int line)
    {
        _description = description;
        _line = line;
    }

    /// <inheritdoc/>
    static SdpEmail ISdpLineView<SdpEmail>.Create(SdpSessionDescription description, int line) => new(description, line);

    /// <summary>The whole <c>email-address</c>.</summary>
    public SdpText Value => _description.Field(_line, 0);

    /// <summary>The <c>addr-spec</c> (e.g. <c>j.doe@example.com</c>).</summary>
    public SdpText Address => SdpContact.Split(Value, Rules.Sdp_AddressAndComment.IsMatch(Value.Span), Rules.Sdp_DispnameAndAddress.IsMatch(Value.Span)).Address;

    /// <summary>The free text: the comment of <c>address-and-comment</c> or the name of <c>dispname-and-address</c>; empty when absent.</summary>
    public SdpText Name => SdpContact.Split(Value, Rules.Sdp_AddressAndComment.IsMatch(Value.Span), Rules.Sdp_DispnameAndAddress.IsMatch(Value.Span)).Name;

    /// <inheritdoc/>
    public override string ToString() => Value.ToString();
}

/// <summary>
/// <c>p=</c> (RFC 8866 §5.6): <c>phone-number = phone *SP "(" 1*email-safe ")" / 1*email-safe "&lt;" phone "&gt;" / phone</c>.
/// </summary>
public readonly struct SdpPhone : ISdpLineView<SdpPhone>
{
    private readonly SdpSessionDescription _description;
    private readonly int _line;

    private SdpPhone(SdpSessionDescription description, int line)
    {
        _description = description;
        _line = line;
    }

    /// <inheritdoc/>
    static SdpPhone ISdpLineView<SdpPhone>.Create(SdpSessionDescription description, int line) => new(description, line);

    /// <summary>The whole <c>phone-number</c>.</summary>
    public SdpText Value => _description.Field(_line, 0);

    /// <summary>The <c>phone</c> (e.g. <c>+1 617 555-6011</c>).</summary>
    public SdpText Number => Split().Address;

    /// <summary>The free text in parentheses or before <c>&lt;</c>; empty when absent.</summary>
    public SdpText Name => Split().Name;

    private (SdpText Address, SdpText Name) Split()
    {
        ReadOnlySpan<byte> value = Value.Span;
        // phone has no '(' or '<', and "phone" alone matches neither form's delimiters.
        bool comment = value[^1] == Octets.RParen && value.IndexOf(Octets.LParen) >= 0;
        bool angle = !comment && value[^1] == Octets.RAngle;
        return SdpContact.Split(Value, comment, angle);
    }

    /// <inheritdoc/>
    public override string ToString() => Value.ToString();
}

internal static class SdpContact
{
    /// <summary>
    /// Splits <c>X 1*SP "(" text ")"</c> (<paramref name="comment"/>) or <c>text *SP "&lt;" X "&gt;"</c>
    /// (<paramref name="angle"/>): the free text is <c>1*email-safe</c>, which has none of <c>()&lt;&gt;</c>, so the
    /// last <c>(</c> opens the comment and the first <c>&lt;</c> opens the address. The SPs between are the separator.
    /// </summary>
    public static (SdpText Address, SdpText Name) Split(SdpText value, bool comment, bool angle)
    {
        ReadOnlySpan<byte> span = value.Span;
        if (comment)
        {
            int open = span.LastIndexOf(Octets.LParen);
            int addressEnd = open - Octets.TrailingSpaces(span.Slice(0, open));
            return (value.Slice(0, addressEnd), value.Slice(open + 1, span.Length - open - 2));
        }
        if (angle)
        {
            int open = span.IndexOf(Octets.LAngle);
            int nameEnd = open - Octets.TrailingSpaces(span.Slice(0, open));
            return (value.Slice(open + 1, span.Length - open - 2), value.Slice(0, nameEnd));
        }
        return (value, value.Slice(span.Length, 0));
    }
}
