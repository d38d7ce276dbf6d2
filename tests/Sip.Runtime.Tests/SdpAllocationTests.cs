using System.Buffers;
using System.Text;
using Sip.Runtime.Sdp;

namespace Sip.Runtime.Tests;

/// <summary>Parsing into a reused <see cref="SdpSessionDescription"/>, reading its typed view and serializing allocate nothing once warm.</summary>
[Collection(Sip.Tests.Shared.AllocationCollection.Name)]
public class SdpAllocationTests
{
    private static readonly byte[] s_offer = SdpTestData.ReadSdp("rfc4317_s2.1_offer.sdp");

    private static readonly byte[] s_everyLine = Encoding.UTF8.GetBytes(
        "v=0\r\no=jdoe 3724394400 3724394405 IN IP4 198.51.100.1\r\ns=Call\r\ni=info\r\nu=http://www.example.com/\r\n" +
        "e=Jane Doe <jane@example.com>\r\np=+1 617 555-6011\r\nc=IN IP4 233.252.0.1/127/2\r\nb=CT:128\r\n" +
        "t=3724394400 3754123200\r\nr=7d 1h 0 25h\r\nz=3730928400 -1h 3749680800 0\r\nk=prompt\r\na=recvonly\r\n" +
        "m=audio 49170/2 RTP/AVP 0 8 97\r\ni=audio\r\nc=IN IP6 ff00::db8:0:101/3\r\nb=AS:64\r\nk=clear:x\r\n" +
        "a=rtpmap:0 PCMU/8000\r\na=rtpmap:97 iLBC/8000\r\na=fmtp:97 mode=30\r\na=sendonly\r\n");

    // The same with LF line ends and an empty s=: the tolerated path (scratch copy) must not allocate either.
    private static readonly byte[] s_lenient = Encoding.UTF8.GetBytes(
        Encoding.UTF8.GetString(s_everyLine).Replace("\r\n", "\n").Replace("s=Call\n", "s=\n"));

    [Theory]
    [InlineData(0, SdpTolerances.EmptySessionName)]
    [InlineData(1, SdpTolerances.None)]
    [InlineData(2, SdpTolerances.EmptySessionName | SdpTolerances.BareLineFeed)]
    public void ParseReadSerializeAllocateNothingOnceWarm(int which, SdpTolerances tolerated)
    {
        byte[] input = which switch { 0 => s_offer, 1 => s_everyLine, _ => s_lenient };
        var sdp = new SdpSessionDescription();
        var output = new ArrayBufferWriter<byte>(4096);
        long checksum = Run(sdp, input, output); // warm-up: grows the index, JITs, fills the matchers' thread buffers

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++) checksum += Run(sdp, input, output);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(checksum > 0);
        Assert.Equal(tolerated, sdp.Tolerated);
    }

    /// <summary>Parses, reads every typed field and writes the description back.</summary>
    private static long Run(SdpSessionDescription sdp, byte[] input, ArrayBufferWriter<byte> output)
    {
        SdpParseResult result = sdp.TryLoad(input);
        if (!result.IsDone) throw new InvalidOperationException(result.ToString());
        long sum = (long)(sdp.Origin.SessionIdValue ?? 0) + sdp.Origin.Address.Length + sdp.SessionName.Length;
        sum += (long)sdp.Origin.AddressKind + sdp.Emails.Count + sdp.Phones.Count + sdp.Bandwidths.Count;
        foreach (SdpEmail email in sdp.Emails) sum += email.Address.Length + email.Name.Length;
        foreach (SdpPhone phone in sdp.Phones) sum += phone.Number.Length;
        if (sdp.Connection is { } c) sum += c.Address.Length + (c.Ttl ?? 0) + (c.NumberOfAddresses ?? 0) + (int)c.AddressKind;
        foreach (SdpTimeDescription time in sdp.TimeDescriptions)
        {
            sum += (long)(time.StartValue ?? 0) % 1000;
            foreach (SdpRepeat repeat in time.Repeats)
            {
                sum += repeat.Interval.Seconds ?? 0;
                foreach (SdpTypedTime offset in repeat.Offsets) sum += offset.Seconds ?? 0;
            }
            if (time.Zone is { } zone)
            {
                foreach (SdpZoneAdjustment adjustment in zone) sum += adjustment.Offset.Seconds ?? 0;
            }
        }
        sum += (int)sdp.Attributes.Direction;
        foreach (SdpMediaDescription media in sdp.MediaDescriptions)
        {
            sum += media.PortValue ?? 0;
            sum += (int)media.EffectiveDirection;
            foreach (SdpText format in media.Formats)
            {
                if (media.TryGetRtpMap(format, out SdpRtpMap map)) sum += (long)(map.ClockRateValue ?? 0) + map.EncodingName.Length;
                if (media.TryGetFmtp(format, out SdpFmtp fmtp)) sum += fmtp.Parameters.Length;
            }
            foreach (SdpConnection connection in media.Connections) sum += connection.Address.Length;
            foreach (SdpAttribute attribute in media.Attributes) sum += attribute.Name.Length;
        }
        output.ResetWrittenCount();
        sdp.WriteTo(output);
        return sum + output.WrittenCount;
    }
}
