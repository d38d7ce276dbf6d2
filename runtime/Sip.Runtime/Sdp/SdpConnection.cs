using System;

namespace Sip.Runtime.Sdp;

/// <summary>
/// <c>c=&lt;nettype&gt; &lt;addrtype&gt; &lt;connection-address&gt;</c> (RFC 8866 §5.7), from the generated
/// <c>connection-field</c> record, with the multicast forms split:
/// <c>&lt;base multicast address&gt;[/&lt;ttl&gt;]/&lt;number of addresses&gt;</c>.
/// </summary>
public readonly struct SdpConnection : ISdpLineView<SdpConnection>
{
    private readonly SdpSessionDescription _description;
    private readonly int _line;

    internal SdpConnection(SdpSessionDescription description, int line)
    {
        _description = description;
        _line = line;
    }

    /// <inheritdoc/>
    static SdpConnection ISdpLineView<SdpConnection>.Create(SdpSessionDescription description, int line) => new(description, line);

    /// <summary><c>nettype</c> (typically <c>IN</c>).</summary>
    public SdpText NetType => _description.Field(_line, 0);

    /// <summary><c>addrtype</c> (typically <c>IP4</c> or <c>IP6</c>).</summary>
    public SdpText AddrType => _description.Field(_line, 1);

    /// <summary>The whole <c>connection-address</c> (e.g. <c>233.252.0.1/127/3</c>).</summary>
    public SdpText ConnectionAddress => _description.Field(_line, 2);

    /// <summary>The address without <c>/ttl</c> or <c>/numaddr</c>.</summary>
    public SdpText Address => _description.Field(_line, 3);

    /// <summary>The syntactic kind of <see cref="Address"/>.</summary>
    public SdpAddressKind AddressKind => SdpAddress.Classify(Address.Span);

    /// <summary>The <c>ttl</c> digits of an <c>IP4-multicast</c> address; empty otherwise.</summary>
    public SdpText TtlText => _description.Field(_line, 4);

    /// <summary>The <c>ttl</c> of an <c>IP4-multicast</c> address (0 to 999 by the grammar), or null.</summary>
    public int? Ttl => Octets.ParseInt32(TtlText.Span);

    /// <summary>The <c>numaddr</c> digits of a multicast address; empty when absent.</summary>
    public SdpText NumberOfAddressesText => _description.Field(_line, 5);

    /// <summary>The <c>numaddr</c> of a multicast address, or null when absent (§5.7: "assumed to be one").</summary>
    public int? NumberOfAddresses => Octets.ParseInt32(NumberOfAddressesText.Span);

    /// <summary>True when the address has a <c>/ttl</c> or <c>/numaddr</c> suffix (the multicast forms).</summary>
    public bool IsMulticastForm => Address.Length != ConnectionAddress.Length;

    /// <summary>The line number, from 1.</summary>
    public int LineNumber => _description.Line(_line).LineNumber;

    /// <inheritdoc/>
    public override string ToString() => $"{NetType} {AddrType} {ConnectionAddress}";
}

/// <summary><c>b=&lt;bwtype&gt;:&lt;bandwidth&gt;</c> (RFC 8866 §5.8), from the generated <c>bandwidth-field</c> record.</summary>
/// <remarks>"SDP parsers MUST ignore bandwidth-fields with unknown &lt;bwtype&gt; names": any <c>token</c> is accepted and kept.</remarks>
public readonly struct SdpBandwidth : ISdpLineView<SdpBandwidth>
{
    private readonly SdpSessionDescription _description;
    private readonly int _line;

    private SdpBandwidth(SdpSessionDescription description, int line)
    {
        _description = description;
        _line = line;
    }

    /// <inheritdoc/>
    static SdpBandwidth ISdpLineView<SdpBandwidth>.Create(SdpSessionDescription description, int line) => new(description, line);

    /// <summary><c>bwtype</c> (e.g. <c>CT</c>, <c>AS</c>, <c>TIAS</c>).</summary>
    public SdpText Type => _description.Field(_line, 0);

    /// <summary><c>bandwidth</c> digits.</summary>
    public SdpText Bandwidth => _description.Field(_line, 1);

    /// <summary><c>bandwidth</c> as a number (kilobits per second for CT and AS), or null when it does not fit in 64 bits.</summary>
    public ulong? Value => Bandwidth.ToUInt64();

    /// <inheritdoc/>
    public override string ToString() => $"{Type}:{Bandwidth}";
}

/// <summary>
/// <c>k=&lt;method&gt;[:&lt;encryption key&gt;]</c> (RFC 8866 §5.12): <c>key-type = %s"prompt" / %s"clear:" text /
/// %s"base64:" base64 / %s"uri:" uri</c>. Obsolete: a receiver "MUST discard it"; kept only to serialize back.
/// </summary>
public readonly struct SdpKey
{
    private readonly SdpSessionDescription _description;
    private readonly int _line;

    internal SdpKey(SdpSessionDescription description, int line)
    {
        _description = description;
        _line = line;
    }

    /// <summary>The whole <c>key-type</c>.</summary>
    public SdpText Value => _description.Field(_line, 0);

    /// <summary>The method: <c>prompt</c>, <c>clear</c>, <c>base64</c> or <c>uri</c>.</summary>
    public SdpText Method
    {
        get
        {
            SdpText value = Value;
            int colon = value.Span.IndexOf(Octets.Colon);
            return colon < 0 ? value : value.Slice(0, colon);
        }
    }

    /// <summary>What follows <c>method:</c>; empty for <c>prompt</c>.</summary>
    public SdpText EncryptionKey
    {
        get
        {
            SdpText value = Value;
            int colon = value.Span.IndexOf(Octets.Colon);
            return colon < 0 ? value.Slice(value.Length, 0) : value.Slice(colon + 1, value.Length - colon - 1);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Value.ToString();
}
