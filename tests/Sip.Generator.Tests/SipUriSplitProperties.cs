using System.Buffers;
using Sip.Generated.Grammar;
using Sip.Generator.Tests.Oracle;
using Sip.Runtime.Addressing;

namespace Sip.Generator.Tests;

/// <summary>
/// <see cref="SipUri.Parse"/> validates with the grammar's DFA, then splits by a forward scan. On URIs sampled from
/// the grammar, that split must be the one the generated records make (each field as early as a full match allows).
/// </summary>
public class SipUriSplitProperties
{
    [Theory]
    [InlineData("sip-uri")]
    [InlineData("sips-uri")]
    public void ScanSplitEqualsRecordSplit(string key)
    {
        var sampler = new GrammarSampler(GrammarFacts.Default);
        var rng = new Random(19_1 ^ key.Length);
        int checkedCount = 0;
        for (int n = 0; n < 600; n++)
        {
            byte[] input = sampler.Sample(key, rng);
            Assert.Equal(OperationStatus.Done, SipUri.Parse(input, out SipUri uri));
            ReadOnlySpan<byte> s = input;
            Range userinfo, hostport, parameters, headers;
            if (key == "sips-uri")
            {
                Assert.Equal(OperationStatus.Done, Rules.SIPSURI.TryParse(s, out Rules.SIPSURI.Record r));
                (userinfo, hostport, parameters, headers) = (r.Userinfo, r.Hostport, r.UriParameters, r.Headers);
            }
            else
            {
                Assert.Equal(OperationStatus.Done, Rules.SIPURI.TryParse(s, out Rules.SIPURI.Record r));
                (userinfo, hostport, parameters, headers) = (r.Userinfo, r.Hostport, r.UriParameters, r.Headers);
            }
            string text = Bytes.Escape(input);
            Assert.True(s[parameters].SequenceEqual(uri.RawParameters), $"parameters of {text}");
            Assert.True(s[headers].SequenceEqual(uri.RawHeaders), $"headers of {text}");
            Assert.True(s[hostport].StartsWith(uri.Host), $"host of {text}");
            ReadOnlySpan<byte> ui = s[userinfo];
            Assert.Equal(ui.Length > 0, uri.HasUserInfo);
            if (ui.Length > 0)
            {
                Assert.Equal(OperationStatus.Done, Rules.Userinfo.TryParse(ui, out Rules.Userinfo.Record u));
                Assert.True(ui[u.UserOrTelephoneSubscriber].SequenceEqual(uri.User), $"user of {text}");
                bool hasPassword = ui.Length > 0 && u.UserOrTelephoneSubscriber.End.GetOffset(ui.Length) < ui.Length - 1;
                Assert.Equal(hasPassword, uri.HasPassword);
                if (hasPassword) Assert.True(ui[u.Password].SequenceEqual(uri.Password), $"password of {text}");
            }
            checkedCount++;
        }
        Assert.True(checkedCount >= 500);
    }
}
