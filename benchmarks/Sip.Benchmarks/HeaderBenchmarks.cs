using System.Buffers;
using BenchmarkDotNet.Attributes;
using Sip.Generated.Grammar;
using Sip.Runtime.Addressing;
using Sip.Runtime.Headers;
using Sip.Runtime.Message;

namespace Sip.Benchmarks;

/// <summary>
/// Header-level work on typical values: typed parse (the deterministic second pass, with the fields a caller reads)
/// and grammar validation (the generated matcher of the rule), for Via, Contact, Authorization and a SIP URI; and the
/// lookup of every long and compact header name. Ratios are to <see cref="ScanFloor"/>: one vectorised pass over the
/// same five values (the cheapest reading of every byte).
/// </summary>
[MemoryDiagnoser]
public class HeaderBenchmarks
{
    private static readonly ReadOnlyMemory<byte> s_via = "SIP/2.0/UDP pc33.atlanta.com:5060;branch=z9hG4bK776asdhds;received=192.0.2.1"u8.ToArray();
    private static readonly ReadOnlyMemory<byte> s_contact = "\"Alice\" <sip:alice@pc33.atlanta.com;transport=tcp>;expires=3600;q=0.7"u8.ToArray();
    private static readonly byte[] s_contactLine = "Contact: \"Alice\" <sip:alice@pc33.atlanta.com;transport=tcp>;expires=3600;q=0.7"u8.ToArray();
    private static readonly ReadOnlyMemory<byte> s_authorization = ("Digest username=\"bob\", realm=\"atlanta.example.com\", nonce=\"ea9c8e88df84f1cec4341ae6cbe5a359\", " +
        "opaque=\"\", uri=\"sips:ss2.biloxi.example.com\", response=\"dfe56131d1958046689d83306477ecc\"").Select(c => (byte)c).ToArray();
    private static readonly byte[] s_authorizationLine = "Authorization: "u8.ToArray().Concat(s_authorization.ToArray()).ToArray();
    private static readonly ReadOnlyMemory<byte> s_uri = "sip:alice:secret@atlanta.com:5061;transport=tls;lr?subject=project%20x"u8.ToArray();
    private static readonly byte[][] s_values = [s_via.ToArray(), s_contact.ToArray(), s_authorization.ToArray(), s_uri.ToArray(), s_contactLine];
    private static readonly byte[][] s_names = Enum.GetValues<HeaderKind>().Where(k => k != HeaderKind.Unknown)
        .SelectMany(k => SipHeaders.CompactName(k) != 0 ? new[] { SipHeaders.LongNameUtf8(k).ToArray(), new[] { SipHeaders.CompactName(k) } } : new[] { SipHeaders.LongNameUtf8(k).ToArray() })
        .ToArray();

    private static SipRange All(ReadOnlyMemory<byte> value) => new(0, value.Length);

    /// <summary>The floor: one vectorised pass over the five values counting LF and ':' (see <see cref="Floor"/>).</summary>
    [Benchmark(Baseline = true)]
    public int ScanFloor()
    {
        int count = 0;
        foreach (byte[] value in s_values) count += Floor.CountLfAndColon(value);
        return count;
    }

    [Benchmark]
    public int ViaParse()
    {
        ViaValue.TryParse(s_via, All(s_via), out ViaValue via);
        return via.Branch.Length + via.Host.Length + via.Port + via.Received.Length;
    }

    [Benchmark]
    public bool ViaValidate() => Rules.ViaParm.IsMatch(s_via.Span);

    [Benchmark]
    public long ContactParse()
    {
        AddressValue.TryParse(s_contact, All(s_contact), out AddressValue contact);
        return contact.Uri.Length + contact.DisplayName.Length + contact.Expires + contact.Q;
    }

    [Benchmark]
    public bool ContactValidate() => Rules.Contact.IsMatch(s_contactLine);

    [Benchmark]
    public int AuthorizationParse()
    {
        AuthValue.TryParse(s_authorization, All(s_authorization), out AuthValue auth);
        return auth.Username.Length + auth.Realm.Length + auth.Nonce.Length + auth.DigestUri.Length + auth.Response.Length;
    }

    [Benchmark]
    public bool AuthorizationValidate() => Rules.Authorization.IsMatch(s_authorizationLine);

    [Benchmark]
    public int SipUriParse()
    {
        SipUri.Parse(s_uri, out SipUri uri);
        return uri.Host.Length + uri.PortOrDefault + uri.Transport.Length + uri.User.Length;
    }

    [Benchmark]
    public bool SipUriValidate() => Rules.SIPURI.IsMatch(s_uri.Span);

    /// <summary>Every long and compact header name (one call per name) through the generated lookup; returns a checksum.</summary>
    [Benchmark]
    public int HeaderNameLookupAll()
    {
        int sum = 0;
        foreach (byte[] name in s_names) sum += (int)SipHeaders.Lookup(name);
        return sum;
    }
}
