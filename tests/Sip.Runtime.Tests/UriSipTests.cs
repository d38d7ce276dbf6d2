using System.Text;
using Sip.Runtime.Addressing;

namespace Sip.Runtime.Tests;

/// <summary>SIP/SIPS URI view (RFC 3261 §19.1) and §19.1.4 comparison.</summary>
[Collection(Sip.Tests.Shared.AllocationCollection.Name)]
public sealed class UriSipTests
{
    private static SipUri Parse(string text)
    {
        Assert.True(SipUri.TryParse(Encoding.UTF8.GetBytes(text), out SipUri uri), text);
        return uri;
    }

    private static string S(ReadOnlySpan<byte> b) => Encoding.UTF8.GetString(b);

    private static string Unescaped(ReadOnlySpan<byte> b)
    {
        var buffer = new byte[b.Length];
        int n = UriEscaping.Unescape(b, buffer);
        Assert.True(n >= 0);
        return Encoding.UTF8.GetString(buffer, 0, n);
    }

    // RFC 3261 §19.1.4, the URIs printed as equivalent (and the carol pair from the transitivity note).
    [Theory]
    [InlineData("sip:%61lice@atlanta.com;transport=TCP", "sip:alice@AtLanTa.CoM;Transport=tcp")]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com;newparam=5")]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com;security=on")]
    [InlineData("sip:carol@chicago.com;newparam=5", "sip:carol@chicago.com;security=on")]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com;security=off")]
    [InlineData("sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com", "sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com")]
    [InlineData("sip:alice@atlanta.com?subject=project%20x&priority=urgent", "sip:alice@atlanta.com?priority=urgent&subject=project%20x")]
    // Beyond the RFC's list: IPv6 as addresses, %HH of unreserved characters, header names ignoring case, ports numerically.
    [InlineData("sip:bob@[2001:db8::1]", "sip:bob@[2001:0DB8:0:0:0:0:0:1]")]
    [InlineData("sip:bob@[::ffff:192.0.2.1]:5070", "sip:bob@[::FFFF:c000:0201]:5070")]
    [InlineData("sips:bob@biloxi.com:05061", "sips:bob@BILOXI.com:5061")]
    [InlineData("sip:bob@biloxi.com?Subject=Hi", "sip:bob@biloxi.com?subject=%68i")]
    [InlineData("sip:bob:pw%21@biloxi.com", "sip:bob:pw!@biloxi.com")]
    [InlineData("sip:bob@biloxi.com;lr", "sip:bob@biloxi.com")]
    [InlineData("sip:null-%00-null@example.com", "sip:null-%00-nul%6c@example.com")]
    public void Rfc3261_19_1_4_equivalent(string a, string b)
    {
        SipUri x = Parse(a), y = Parse(b);
        Assert.True(SipUri.Equivalent(x, y));
        Assert.True(SipUri.Equivalent(y, x));
        Assert.True(x.IsEquivalentTo(x));
    }

    // RFC 3261 §19.1.4, the URIs printed as not equivalent (and security=on/off from the transitivity note).
    [Theory]
    [InlineData("SIP:ALICE@AtLanTa.CoM;Transport=udp", "sip:alice@AtLanTa.CoM;Transport=UDP")]
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com:5060")]
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com;transport=udp")]
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com:6000;transport=tcp")]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com?Subject=next%20meeting")]
    [InlineData("sip:bob@phone21.boxesbybob.com", "sip:bob@192.0.2.4")]
    [InlineData("sip:carol@chicago.com;security=on", "sip:carol@chicago.com;security=off")]
    // Beyond the RFC's list: every must-match parameter, scheme, escaped reserved characters, escnull not truncated.
    [InlineData("sip:bob@biloxi.com", "sips:bob@biloxi.com")]
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com;user=ip")]
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com;ttl=1")]
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com;method=INVITE")]
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com;maddr=239.255.255.1")]
    [InlineData("sip:bob@biloxi.com;method=INVITE", "sip:bob@biloxi.com;method=BYE")]
    [InlineData("sip:bob@biloxi.com;foo", "sip:bob@biloxi.com;foo=1")]
    [InlineData("sip:a%3Bb@biloxi.com", "sip:a;b@biloxi.com")]
    [InlineData("sip:null-%00-null@example.com", "sip:null-%00-nul@example.com")]
    [InlineData("sip:null-%00-null@example.com", "sip:null-@example.com")]
    [InlineData("sip:bob@biloxi.com", "sip:bob:@biloxi.com")]
    [InlineData("sip:bob:a@biloxi.com", "sip:bob:A@biloxi.com")]
    [InlineData("sip:biloxi.com", "sip:bob@biloxi.com")]
    [InlineData("sip:bob@[2001:db8::1]", "sip:bob@[2001:db8::2]")]
    [InlineData("sip:bob@biloxi.com?a=b", "sip:bob@biloxi.com?a=b&c=d")]
    [InlineData("sip:bob@biloxi.com?a=b", "sip:bob@biloxi.com?a=c")]
    public void Rfc3261_19_1_4_not_equivalent(string a, string b)
    {
        SipUri x = Parse(a), y = Parse(b);
        Assert.False(SipUri.Equivalent(x, y));
        Assert.False(SipUri.Equivalent(y, x));
    }

    [Fact]
    public void Components_of_a_full_uri()
    {
        SipUri u = Parse("sips:alice:secret@[2001:db8::1]:5070;transport=tcp;user=phone;method=INVITE;ttl=15;maddr=239.255.255.1;lr;foo=bar?subject=hi%20there&priority=urgent");
        Assert.True(u.IsSecure);
        Assert.True(u.HasUserInfo);
        Assert.Equal("alice", S(u.User));
        Assert.True(u.HasPassword);
        Assert.Equal("secret", S(u.Password));
        Assert.Equal("[2001:db8::1]", S(u.Host));
        Assert.Equal(SipHostKind.IPv6, u.HostKind);
        Assert.Equal(5070, u.Port);
        Assert.Equal("tcp", S(u.Transport));
        Assert.Equal("phone", S(u.UserParam));
        Assert.Equal("INVITE", S(u.Method));
        Assert.Equal(15, u.Ttl);
        Assert.Equal("239.255.255.1", S(u.Maddr));
        Assert.True(u.Lr);
        Assert.True(u.TryGetParameter("foo"u8, out UriParameter foo));
        Assert.Equal("bar", S(foo.Value));

        var names = new List<string>();
        foreach (UriParameter p in u.Parameters) names.Add(S(p.Name) + (p.HasValue ? "=" + S(p.Value) : ""));
        Assert.Equal(["transport=tcp", "user=phone", "method=INVITE", "ttl=15", "maddr=239.255.255.1", "lr", "foo=bar"], names);

        var headers = new List<string>();
        foreach (UriParameter h in u.Headers) headers.Add(S(h.Name) + "=" + Unescaped(h.Value));
        Assert.Equal(["subject=hi there", "priority=urgent"], headers);
        Assert.True(u.TryGetHeader("priority"u8, out UriParameter prio));
        Assert.Equal("urgent", S(prio.Value));
    }

    [Fact]
    public void Minimal_uri_has_no_optional_parts()
    {
        SipUri u = Parse("sip:192.0.2.4");
        Assert.False(u.IsSecure);
        Assert.False(u.HasUserInfo);
        Assert.False(u.HasPassword);
        Assert.True(u.User.IsEmpty);
        Assert.Equal("192.0.2.4", S(u.Host));
        Assert.Equal(SipHostKind.IPv4, u.HostKind);
        Assert.Null(u.Port);
        Assert.Equal(5060, u.PortOrDefault);
        Assert.Null(u.Ttl);
        Assert.False(u.Lr);
        Assert.True(u.Transport.IsEmpty);
        foreach (UriParameter _ in u.Parameters) Assert.Fail("no parameters expected");
        foreach (UriParameter _ in u.Headers) Assert.Fail("no headers expected");
    }

    [Theory]
    [InlineData("sip:a.example.com", 5060)]
    [InlineData("sips:a.example.com", 5061)]
    [InlineData("sip:a.example.com;transport=TLS", 5061)]
    [InlineData("sip:a.example.com:7000;transport=tls", 7000)]
    public void Default_port(string text, int expected) => Assert.Equal(expected, Parse(text).PortOrDefault);

    [Fact]
    public void Telephone_subscriber_userinfo_with_password()
    {
        // RFC 3261 §19.1.3 example.
        SipUri u = Parse("sip:+1-212-555-1212:1234@gateway.com;user=phone");
        Assert.Equal("+1-212-555-1212", S(u.User));
        Assert.Equal("1234", S(u.Password));
        Assert.Equal("gateway.com", S(u.Host));
        Assert.Equal(SipHostKind.Hostname, u.HostKind);
        Assert.Equal("phone", S(u.UserParam));
    }

    private static string RequestUri(string folder, string file)
    {
        string firstLine = Encoding.UTF8.GetString(Corpus.Bytes(folder, file)).Split("\r\n")[0];
        return firstLine.Split(' ')[1];
    }

    [Fact]
    public void Rfc4475_esc01_semiuri_escnull()
    {
        SipUri esc01 = Parse(RequestUri("rfc4475", "esc01.dat"));
        Assert.Equal("sips:user@example.com", Unescaped(esc01.User));
        Assert.Equal("example.net", S(esc01.Host));
        Assert.False(esc01.IsSecure);

        SipUri semi = Parse(RequestUri("rfc4475", "semiuri.dat"));
        Assert.Equal("user;par=u%40example.net", S(semi.User));
        Assert.Equal("user;par=u@example.net", Unescaped(semi.User));
        Assert.Equal("example.com", S(semi.Host));
        Assert.True(semi.RawParameters.IsEmpty);

        // escnull's To URI: %00 decodes to a zero byte and the rest of the user part follows it.
        SipUri nul = Parse("sip:null-%00-null@example.com");
        Assert.Equal("null-\0-null", Unescaped(nul.User));
        Assert.Equal(11, UriEscaping.UnescapedLength(nul.User));
    }

    [Fact]
    public void Every_sip_request_uri_of_rfc3665_parses()
    {
        int count = 0;
        foreach (var row in Corpus.Manifest("rfc3665"))
        {
            string file = row["file"];
            string firstLine = Encoding.UTF8.GetString(Corpus.Bytes("rfc3665", file)).Split("\r\n")[0];
            if (firstLine.StartsWith("SIP/2.0", StringComparison.Ordinal)) continue;
            string uri = firstLine.Split(' ')[1];
            if (!uri.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) && !uri.StartsWith("sips:", StringComparison.OrdinalIgnoreCase)) continue;
            SipUri u = Parse(uri);
            Assert.Equal(uri.StartsWith("sips:", StringComparison.OrdinalIgnoreCase), u.IsSecure);
            Assert.False(u.Host.IsEmpty);
            Assert.True(SipUri.Equivalent(u, u), uri);
            count++;
        }
        Assert.True(count > 50, $"only {count} request URIs");
    }

    [Theory]
    [InlineData("")]
    [InlineData("sip")]
    [InlineData("sip:")]
    [InlineData("sips:")]
    [InlineData("sip:@example.com")]
    [InlineData("http://example.com")]
    [InlineData("tel:+12015550123")]
    [InlineData("sip:bob@example.com:65536")]
    [InlineData("sip:bob@example.com:99999999999999")]
    [InlineData("sip:bob@example.com:")]
    [InlineData("sip:a b@example.com")]
    [InlineData("sip:bob@example.com;=x")]
    [InlineData("sip:bob@example.com;ttl=")]
    [InlineData("sip:bob@example.com?")]
    [InlineData("sip:bob@[2001:db8::1")]
    [InlineData("sip:bob@[2001:db8:::1]")]
    [InlineData("sip:bob@256.1.1.1.")]
    [InlineData("sip:bob@-example.com")]
    [InlineData(" sip:bob@example.com")]
    [InlineData("<sip:bob@example.com>")]
    public void Invalid_uris_are_rejected(string text) => Assert.False(SipUri.TryParse(Encoding.UTF8.GetBytes(text), out _));

    [Fact]
    public void Prefixes_and_byte_flips_never_throw()
    {
        byte[] full = Encoding.UTF8.GetBytes("sips:al%41ce:pw@[2001:db8::192.0.2.1]:5061;transport=tls;ttl=7;lr?a=b&c=%20");
        for (int i = 0; i <= full.Length; i++)
        {
            if (SipUri.TryParse(full.AsMemory(0, i), out SipUri u)) _ = SipUri.Equivalent(u, u);
        }
        var rng = new Random(3261);
        for (int n = 0; n < 2000; n++)
        {
            byte[] copy = (byte[])full.Clone();
            copy[rng.Next(copy.Length)] = (byte)rng.Next(256);
            if (SipUri.TryParse(copy, out SipUri u))
            {
                _ = SipUri.Equivalent(u, u);
                _ = u.Ttl;
                _ = u.PortOrDefault;
            }
        }
        Assert.True(SipUri.TryParse(full, out SipUri whole));
        Assert.Equal(7, whole.Ttl);
    }

    [Fact]
    public void Parse_and_compare_allocate_nothing_once_warm()
    {
        ReadOnlyMemory<byte>[] uris =
        [
            "sip:%61lice@atlanta.com;transport=TCP"u8.ToArray(),
            "sip:alice@AtLanTa.CoM;Transport=tcp"u8.ToArray(),
            "sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com"u8.ToArray(),
            "sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com"u8.ToArray(),
            "sips:bob@[2001:db8::1]:5061;lr;ttl=3"u8.ToArray(),
            "sips:bob@[2001:0db8:0:0::1]:5061;lr;ttl=3"u8.ToArray(),
        ];
        long Work()
        {
            long sum = 0;
            for (int i = 0; i < uris.Length; i++)
            {
                if (!SipUri.TryParse(uris[i], out SipUri a)) continue;
                for (int j = 0; j < uris.Length; j++)
                {
                    if (SipUri.TryParse(uris[j], out SipUri b) && SipUri.Equivalent(a, b)) sum++;
                }
                foreach (UriParameter p in a.Parameters) sum += p.Name.Length;
                sum += a.PortOrDefault + (a.Ttl ?? 0) + a.Transport.Length;
            }
            return sum;
        }
        // Each URI with itself, and three equivalent pairs both ways.
        int equivalentPairs = 0;
        foreach (var x in uris)
        {
            foreach (var y in uris)
            {
                Assert.True(SipUri.TryParse(x, out SipUri a));
                Assert.True(SipUri.TryParse(y, out SipUri b));
                if (SipUri.Equivalent(a, b)) equivalentPairs++;
            }
        }
        Assert.Equal(12, equivalentPairs);
        long expected = Work();
        long before = GC.GetAllocatedBytesForCurrentThread();
        long got = Work();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(expected, got);
        Assert.Equal(0, allocated);
    }
}
