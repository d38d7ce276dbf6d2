using Sip.Generated.Grammar;

namespace Sip.Runtime.Tests;

public class ProjectSmoke
{
    [Fact]
    public void RuntimeExposesGeneratedGrammar() => Assert.Equal(HeaderKind.Via, SipHeaders.Lookup("v"u8));
}
