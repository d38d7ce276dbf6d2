using System.Buffers;
using System.Text;
using Sip.Generated.Grammar;
using Sip.Generator.Tests.Oracle;
using Sip.Runtime.Sdp;

namespace Sip.Generator.Tests;

/// <summary>
/// The SDP parser checks o=, c= and m= lines with their rules' DFAs, then splits them on SP. On lines sampled from the
/// grammar, the fields must be the ones the generated records give.
/// </summary>
public class SdpSplitProperties
{
    private static string S(ReadOnlySpan<byte> b) => Encoding.UTF8.GetString(b);

    [Fact]
    public void OriginConnectionAndMediaFieldsEqualTheRecords()
    {
        var sampler = new GrammarSampler(GrammarFacts.Default);
        var rng = new Random(8866);
        int checkedCount = 0;
        for (int n = 0; n < 400; n++)
        {
            byte[] o = sampler.Sample("sdp:origin-field", rng), c = sampler.Sample("sdp:connection-field", rng), m = sampler.Sample("sdp:media-field", rng);
            byte[] text = [.. "v=0\r\n"u8, .. o, .. "s=-\r\n"u8, .. c, .. "t=0 0\r\n"u8, .. m];
            var sdp = new SdpSessionDescription();
            if (!sdp.TryLoad(text).IsDone) continue; // rules beyond single lines (e.g. multicast TTL) may refuse a sample

            Assert.Equal(OperationStatus.Done, Rules.Sdp_OriginField.TryParse(o, out var or));
            SdpOrigin origin = sdp.Origin;
            Assert.Equal((S(o.AsSpan()[or.Username]), S(o.AsSpan()[or.SessId]), S(o.AsSpan()[or.SessVersion]), S(o.AsSpan()[or.Nettype]), S(o.AsSpan()[or.Addrtype]), S(o.AsSpan()[or.UnicastAddress])),
                (origin.Username.ToString(), origin.SessionId.ToString(), origin.SessionVersion.ToString(), origin.NetType.ToString(), origin.AddrType.ToString(), origin.Address.ToString()));

            Assert.Equal(OperationStatus.Done, Rules.Sdp_MediaField.TryParse(m, out var mr));
            SdpMediaDescription media = sdp.MediaDescriptions[0];
            string formats = S(m.AsSpan()[mr.FmtList]);
            Assert.Equal((S(m.AsSpan()[mr.Media]), S(m.AsSpan()[mr.Port]), S(m.AsSpan()[mr.Integer]), S(m.AsSpan()[mr.Proto]), formats[1..]),
                (media.Media.ToString(), media.Port.ToString(), media.PortCountText.ToString(), media.Proto.ToString(), media.Formats.Text.ToString()));
            checkedCount++;
        }
        Assert.True(checkedCount >= 100, $"only {checkedCount} sampled descriptions parsed");
    }
}
