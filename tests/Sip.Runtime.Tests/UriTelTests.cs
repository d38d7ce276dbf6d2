using System.Text;
using Sip.Runtime.Addressing;

namespace Sip.Runtime.Tests;

/// <summary>tel URI view (RFC 3966).</summary>
[Collection(Sip.Tests.Shared.AllocationCollection.Name)]
public sealed class UriTelTests
{
    private static TelUri Parse(string text)
    {
        Assert.True(TelUri.TryParse(Encoding.UTF8.GetBytes(text), out TelUri uri), text);
        return uri;
    }

    private static string S(ReadOnlySpan<byte> b) => Encoding.UTF8.GetString(b);

    private static string Digits(TelUri t)
    {
        var buffer = new byte[64];
        int n = t.CopyDigits(buffer);
        Assert.True(n >= 0);
        return Encoding.UTF8.GetString(buffer, 0, n);
    }

    [Fact]
    public void Global_number_with_parameters()
    {
        TelUri t = Parse("tel:+1-201-555-0123;ext=1234;isub=abc;foo=bar");
        Assert.True(t.IsGlobal);
        Assert.Equal("+1-201-555-0123", S(t.Number));
        Assert.Equal("+12015550123", Digits(t));
        Assert.Equal("1234", S(t.Extension));
        Assert.Equal("abc", S(t.IsdnSubaddress));
        Assert.True(t.PhoneContext.IsEmpty);
        Assert.True(t.TryGetParameter("foo"u8, out UriParameter foo));
        Assert.Equal("bar", S(foo.Value));
        var names = new List<string>();
        foreach (UriParameter p in t.Parameters) names.Add(S(p.Name));
        Assert.Equal(["ext", "isub", "foo"], names);
    }

    [Theory]
    [InlineData("tel:7042;phone-context=example.com", "7042", "example.com")]
    [InlineData("tel:863-1234;phone-context=+1-914-555", "8631234", "+1-914-555")]
    [InlineData("tel:*21#;phone-context=example.net", "*21#", "example.net")]
    [InlineData("tel:abc-def;ext=1;phone-context=example.net", "ABCDEF", "example.net")]
    public void Local_numbers(string text, string digits, string context)
    {
        TelUri t = Parse(text);
        Assert.False(t.IsGlobal);
        Assert.Equal(digits, Digits(t));
        Assert.Equal(context, S(t.PhoneContext));
    }

    [Theory]
    [InlineData("tel:+1-201-555-0123", "tel:+1(201)555.0123")]
    [InlineData("TEL:+12015550123;ext=12;isub=x", "tel:+12015550123;isub=X;ext=1-2")]
    [InlineData("tel:863-1234;phone-context=+1-914-555", "tel:8631234;phone-context=+1914555")]
    [InlineData("tel:7042;phone-context=Example.COM", "tel:7042;phone-context=example.com")]
    [InlineData("tel:a1b;phone-context=example.com", "tel:A1B;phone-context=example.com")]
    public void Equivalent(string a, string b)
    {
        TelUri x = Parse(a), y = Parse(b);
        Assert.True(TelUri.Equivalent(x, y));
        Assert.True(TelUri.Equivalent(y, x));
    }

    [Theory]
    [InlineData("tel:+12015550123", "tel:+12015550124")]
    [InlineData("tel:+12015550123", "tel:+12015550123;ext=1")]
    [InlineData("tel:+12015550123;ext=1", "tel:+12015550123;ext=2")]
    [InlineData("tel:+7042", "tel:7042;phone-context=+1")]
    [InlineData("tel:7042;phone-context=example.com", "tel:7042;phone-context=example.net")]
    public void Not_equivalent(string a, string b)
    {
        TelUri x = Parse(a), y = Parse(b);
        Assert.False(TelUri.Equivalent(x, y));
        Assert.False(TelUri.Equivalent(y, x));
    }

    [Theory]
    [InlineData("")]
    [InlineData("tel:")]
    [InlineData("tel:+")]
    [InlineData("tel:7042")] // a local number needs phone-context
    [InlineData("tel:+1 201")]
    [InlineData("tel:+1;=x")]
    [InlineData("sip:+12015550123@example.com")]
    [InlineData("tel:+1;%41=1")] // pname has no escapes
    [InlineData("tel:+1;a=b c")]
    public void Invalid(string text) => Assert.False(TelUri.TryParse(Encoding.UTF8.GetBytes(text), out _));

    [Fact]
    public void Parse_and_compare_allocate_nothing_once_warm()
    {
        ReadOnlyMemory<byte> a = "tel:+1-201-555-0123;ext=12"u8.ToArray(), b = "tel:+1(201)555.0123;ext=1-2"u8.ToArray();
        int Work()
        {
            int n = 0;
            if (TelUri.TryParse(a, out TelUri x) && TelUri.TryParse(b, out TelUri y) && TelUri.Equivalent(x, y)) n++;
            return n + x.Extension.Length;
        }
        Assert.Equal(3, Work());
        long before = GC.GetAllocatedBytesForCurrentThread();
        int got = Work();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(3, got);
    }
}

public sealed class UriDefaultViewTests
{
    [Fact]
    public void Default_views_are_empty_and_do_not_throw()
    {
        TelUri t = default;
        Assert.True(t.Number.IsEmpty);
        Assert.True(t.RawParameters.IsEmpty);
        Assert.False(t.IsGlobal);
        SipUri s = default;
        Assert.True(s.Host.IsEmpty);
        Assert.Null(s.Port);
        Assert.True(SipUri.Equivalent(s, s));
    }
}
