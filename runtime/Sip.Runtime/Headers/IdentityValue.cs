using System;
using System.Buffers;
using Sip.Runtime.Addressing;
using Sip.Runtime.Message;

namespace Sip.Runtime.Headers;

/// <summary>
/// An address without header parameters: <c>PAssertedID-value = name-addr / addr-spec</c> and
/// <c>PPreferredID-value</c> (RFC 3325 §9). Unlike <see cref="AddressValue"/>, a bare URI runs to the end of the
/// value: in <c>tel:+15551234;phone-context=example.com</c> the parameter belongs to the URI.
/// </summary>
public readonly struct IdentityValue : ISipHeaderValue<IdentityValue>
{
    private readonly AddressValue _address;

    private IdentityValue(AddressValue address) => _address = address;

    /// <inheritdoc/>
    public bool IsValid => _address.IsValid;

    /// <inheritdoc/>
    public SipRange Range => _address.Range;

    /// <summary>The display name as written (tokens, or a quoted-string with its quotes); empty when absent.</summary>
    public ReadOnlySpan<byte> DisplayName => _address.DisplayName;

    /// <summary>The URI, without angle brackets.</summary>
    public ReadOnlySpan<byte> Uri => _address.Uri;

    /// <summary>Where <see cref="Uri"/> is in the source.</summary>
    public SipRange UriRange => _address.UriRange;

    /// <summary>True for the name-addr form.</summary>
    public bool HasAngleBrackets => _address.HasAngleBrackets;

    /// <summary>True when the URI is a SIP or SIPS URI; <paramref name="uri"/> then views it.</summary>
    public bool TryGetSipUri(out SipUri uri) => _address.TryGetSipUri(out uri);

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlyMemory<byte> source, SipRange value, out IdentityValue result)
    {
        bool ok = AddressValue.Parse(source, value, allowParameters: false, out AddressValue address);
        result = new IdentityValue(address);
        return ok && !address.IsWildcard;
    }

    /// <inheritdoc/>
    public void WriteTo(IBufferWriter<byte> output) => _address.WriteTo(output);

    /// <inheritdoc/>
    public override string ToString() => _address.ToString();
}
