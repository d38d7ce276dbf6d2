using System.Text;
using Sip.Generated.Grammar;

namespace Sip.Generator.Tests;

public class Smoke
{
    [Theory]
    [InlineData("atlanta.com", true)]
    [InlineData("a.b-c.com.", true)]
    [InlineData("-bad.com", false)]
    public void Hostname(string text, bool expected) => Assert.Equal(expected, Rules.Hostname.IsMatch(Encoding.ASCII.GetBytes(text)));

    [Theory]
    [InlineData("sip:alice@atlanta.com", true)]
    [InlineData("sip:alice@atlanta.com;transport=tcp?subject=x", true)]
    [InlineData("sip:[2001:db8::1]:5060", true)]
    [InlineData("sip:alice@", false)]
    public void SipUri(string text, bool expected) => Assert.Equal(expected, Rules.SIPURI.IsMatch(Encoding.ASCII.GetBytes(text)));
}
