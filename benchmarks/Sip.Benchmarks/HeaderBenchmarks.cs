using BenchmarkDotNet.Attributes;
using Sip.Generated.Grammar;

namespace Sip.Benchmarks;

/// <summary>Header-level work with the generated matchers and records.</summary>
[MemoryDiagnoser]
public class HeaderBenchmarks
{
    private static readonly byte[] s_via = "SIP/2.0/UDP pc33.atlanta.com:5060;branch=z9hG4bK776asdhds;received=192.0.2.1"u8.ToArray();
    private static readonly byte[] s_to = "To: Bob <sip:bob@biloxi.com;transport=tcp>;tag=a6c85cf"u8.ToArray();
    private static readonly byte[] s_uri = "sip:alice:secret@atlanta.com:5061;transport=tls;lr?subject=project%20x"u8.ToArray();
    private static readonly byte[] s_contact = "Contact: <sip:alice@pc33.atlanta.com>;expires=3600"u8.ToArray();
    private static readonly byte[] s_authorization = ("Authorization: Digest username=\"bob\", realm=\"atlanta.example.com\", nonce=\"ea9c8e88df84f1cec4341ae6cbe5a359\", " +
        "opaque=\"\", uri=\"sips:ss2.biloxi.example.com\", response=\"dfe56131d1958046689d83306477ecc\"").Select(c => (byte)c).ToArray();
    private static readonly byte[][] s_names = Enum.GetValues<HeaderKind>().Where(k => k != HeaderKind.Unknown)
        .SelectMany(k => SipHeaders.CompactName(k) != 0 ? new[] { SipHeaders.LongNameUtf8(k).ToArray(), new[] { SipHeaders.CompactName(k) } } : new[] { SipHeaders.LongNameUtf8(k).ToArray() })
        .ToArray();

    [Benchmark(Baseline = true)]
    public bool ViaParmIsMatch() => Rules.ViaParm.IsMatch(s_via);

    [Benchmark]
    public Range ViaParmRecord()
    {
        Rules.ViaParm.TryParse(s_via, out var record);
        return record.SentBy;
    }

    [Benchmark]
    public Range ToRecord()
    {
        Rules.To.TryParse(s_to, out var record);
        return record.ToParamList;
    }

    [Benchmark]
    public Range SipUriRecord()
    {
        Rules.SIPURI.TryParse(s_uri, out var record);
        return record.Hostport;
    }

    [Benchmark]
    public bool ContactIsMatch() => Rules.Contact.IsMatch(s_contact);

    [Benchmark]
    public bool AuthorizationIsMatch() => Rules.Authorization.IsMatch(s_authorization);

    /// <summary>Every long and compact header name through the generated lookup; returns a checksum.</summary>
    [Benchmark(OperationsPerInvoke = 1)]
    public int HeaderNameLookupAll()
    {
        int sum = 0;
        foreach (byte[] name in s_names) sum += (int)SipHeaders.Lookup(name);
        return sum;
    }
}
