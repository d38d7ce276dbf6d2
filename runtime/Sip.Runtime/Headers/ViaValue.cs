using System;
using System.Buffers;
using Sip.Runtime.Message;

namespace Sip.Runtime.Headers;

/// <summary>
/// One <c>via-parm</c> (RFC 3261 §20.42):
/// <code>
/// via-parm      = sent-protocol LWS sent-by *( SEMI via-params )
/// sent-protocol = protocol-name SLASH protocol-version SLASH transport
/// sent-by       = host [ COLON port ]
/// via-params    = via-ttl / via-maddr / via-received / via-branch / via-extension   ; + RFC 3581 response-port
/// </code>
/// </summary>
public readonly struct ViaValue : ISipHeaderValue<ViaValue>
{
    private readonly ReadOnlyMemory<byte> _source;

    private ViaValue(ReadOnlyMemory<byte> source, SipRange range, bool valid, SipRange protocolName, SipRange protocolVersion,
        SipRange transport, SipRange host, int port, SipRange parameters)
    {
        _source = source;
        Range = range;
        IsValid = valid;
        ProtocolNameRange = protocolName;
        ProtocolVersionRange = protocolVersion;
        TransportRange = transport;
        HostRange = host;
        Port = port;
        Parameters = new SipParameters(source, parameters, Octets.Semicolon);
    }

    /// <inheritdoc/>
    public bool IsValid { get; }
    /// <inheritdoc/>
    public SipRange Range { get; }
    /// <summary>Where <see cref="ProtocolName"/> is in the source (empty when absent).</summary>
    public SipRange ProtocolNameRange { get; }
    /// <summary>Where <see cref="ProtocolVersion"/> is in the source (empty when absent).</summary>
    public SipRange ProtocolVersionRange { get; }
    /// <summary>Where <see cref="Transport"/> is in the source (empty when absent).</summary>
    public SipRange TransportRange { get; }
    /// <summary>Where <see cref="Host"/> is in the source (empty when absent).</summary>
    public SipRange HostRange { get; }

    /// <summary><c>protocol-name</c>: <c>SIP</c> for SIP.</summary>
    public ReadOnlySpan<byte> ProtocolName => Slice(ProtocolNameRange);

    /// <summary><c>protocol-version</c>: <c>2.0</c>.</summary>
    public ReadOnlySpan<byte> ProtocolVersion => Slice(ProtocolVersionRange);

    /// <summary><c>transport</c>: UDP, TCP, TLS, SCTP or an <c>other-transport</c> token (compare case-insensitively).</summary>
    public ReadOnlySpan<byte> Transport => Slice(TransportRange);

    /// <summary>The <c>sent-by</c> host: a host name, an IPv4 address or an IPv6 reference with its brackets.</summary>
    public ReadOnlySpan<byte> Host => Slice(HostRange);

    /// <summary>The <c>sent-by</c> port, or -1 when absent (§18.2.2: then the transport's default applies).</summary>
    public int Port { get; }

    /// <summary>Every <c>via-params</c>, in order.</summary>
    public SipParameters Parameters { get; }

    /// <summary><c>branch</c> (§8.1.1.7; begins with <c>z9hG4bK</c> when the sender is RFC 3261 compliant).</summary>
    public ReadOnlySpan<byte> Branch => Parameters.ValueOf("branch"u8);

    /// <summary><c>received</c>: the source address a server saw (§18.2.1).</summary>
    public ReadOnlySpan<byte> Received => Parameters.ValueOf("received"u8);

    /// <summary><c>maddr</c>.</summary>
    public ReadOnlySpan<byte> Maddr => Parameters.ValueOf("maddr"u8);

    /// <summary><c>ttl</c> (0-255), or -1 when absent or not a number.</summary>
    public int Ttl => Octets.ParseInt32(Parameters.ValueOf("ttl"u8)) is int t and <= 255 ? t : -1;

    /// <summary>True when <c>rport</c> is present, with or without a value (RFC 3581 §3: the client asks for it).</summary>
    public bool HasRport => Parameters.Contains("rport"u8);

    /// <summary>The <c>rport</c> value a server filled in (RFC 3581 §4), or -1 when absent or valueless.</summary>
    public int Rport => Octets.ParseInt32(Parameters.ValueOf("rport"u8)) is int p and <= 65535 ? p : -1;

    /// <summary>True when the branch carries the RFC 3261 magic cookie <c>z9hG4bK</c> (§8.1.1.7), case-sensitively.</summary>
    public bool HasMagicCookie => Branch.StartsWith("z9hG4bK"u8);

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlyMemory<byte> source, SipRange value, out ViaValue result)
    {
        var r = new HeaderReader(source.Span, value);
        SipRange name = r.Token();
        SipRange version = default, transport = default, host = default, parameters = default;
        int port = -1;
        bool ok = !name.IsEmpty && r.TrySkip(Octets.Slash) && !(version = r.Token()).IsEmpty
            && r.TrySkip(Octets.Slash) && !(transport = r.Token()).IsEmpty;
        if (ok)
        {
            r.SkipLws();
            ok = TryHost(ref r, out host) && TryPort(ref r, out port) && r.TryParameters(Octets.Semicolon, out parameters);
        }
        result = new ViaValue(source, value, ok, name, version, transport, host, port, parameters);
        return ok;
    }

    /// <summary><c>host</c>: an IPv6 reference up to its ']' or a run up to ':', ';' or LWS.</summary>
    internal static bool TryHost(ref HeaderReader r, out SipRange host)
    {
        int start = r.Position;
        if (r.Peek == Octets.LBracket)
        {
            r.Until(HeaderReader.LwsOrRightBracket);
            if (r.Peek != Octets.RBracket)
            {
                host = default;
                return false;
            }
            r.Seek(r.Position + 1);
            host = SipRange.FromBounds(start, r.Position);
            return true;
        }
        host = r.Until(HeaderReader.HostEnd);
        return !host.IsEmpty;
    }

    /// <summary><c>[ COLON port ]</c>: -1 when absent; false when a colon is not followed by a port number.</summary>
    internal static bool TryPort(ref HeaderReader r, out int port)
    {
        port = -1;
        if (!r.TrySkip(Octets.Colon)) return true;
        SipRange digits = r.Digits();
        if (digits.IsEmpty || digits.Length > 5) return false;
        port = 0;
        for (int i = 0; i < digits.Length; i++) port = port * 10 + (r.DigitAt(digits.Offset + i));
        return port <= 65535;
    }

    /// <inheritdoc/>
    public void WriteTo(IBufferWriter<byte> output)
    {
        if (!IsValid)
        {
            OctetWriter.WriteUnfolded(output, Slice(Range));
            return;
        }
        OctetWriter.Write(output, ProtocolName);
        OctetWriter.Write(output, Octets.Slash);
        OctetWriter.Write(output, ProtocolVersion);
        OctetWriter.Write(output, Octets.Slash);
        OctetWriter.Write(output, Transport);
        OctetWriter.Write(output, Octets.SP);
        OctetWriter.Write(output, Host);
        if (Port >= 0)
        {
            OctetWriter.Write(output, Octets.Colon);
            OctetWriter.WriteDecimal(output, (ulong)Port);
        }
        Parameters.WriteTo(output);
    }

    /// <summary>
    /// Writes a new via-parm from typed parts: <c>SIP/2.0/{transport} {host}[:{port}];branch={branch}</c>, with
    /// <c>;rport</c> when <paramref name="rport"/> (RFC 3581 §3).
    /// </summary>
    public static void Write(IBufferWriter<byte> output, ReadOnlySpan<byte> transport, ReadOnlySpan<byte> host, int port,
        ReadOnlySpan<byte> branch, bool rport = false)
    {
        OctetWriter.Write(output, "SIP/2.0/"u8);
        OctetWriter.Write(output, transport);
        OctetWriter.Write(output, Octets.SP);
        OctetWriter.Write(output, host);
        if (port >= 0)
        {
            OctetWriter.Write(output, Octets.Colon);
            OctetWriter.WriteDecimal(output, (ulong)port);
        }
        OctetWriter.Write(output, ";branch="u8);
        OctetWriter.Write(output, branch);
        if (rport) OctetWriter.Write(output, ";rport"u8);
    }

    private ReadOnlySpan<byte> Slice(SipRange range) => _source.Span.Slice(range.Offset, range.Length);

    /// <inheritdoc/>
    public override string ToString() => System.Text.Encoding.UTF8.GetString(Slice(Range));
}
