using System.Text;
using Sip.Runtime.Sdp;

namespace Sip.Runtime.Tests;

/// <summary>The SDP test corpus (copied next to the test assembly) and a field-by-field dump of a typed view.</summary>
internal static class SdpTestData
{
    public static string CorpusDirectory(string folder) => Path.Combine(AppContext.BaseDirectory, "corpus", folder);

    /// <summary>The names of the 62 files of corpus/sdp.</summary>
    public static string[] SdpFileNames() =>
        [.. Directory.GetFiles(CorpusDirectory("sdp"), "*.sdp").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    /// <summary>The 62 files of corpus/sdp, for MemberData.</summary>
    public static TheoryData<string> SdpFiles() => new(SdpFileNames());

    public static byte[] ReadSdp(string name) => File.ReadAllBytes(Path.Combine(CorpusDirectory("sdp"), name));

    /// <summary>The non-empty <c>application/sdp</c> bodies of corpus/rfc3665 (RFC 3665 and RFC 3666 call flows).</summary>
    public static TheoryData<string> CallFlowSdpFiles()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(CorpusDirectory("rfc3665"), "*.sip").Order(StringComparer.Ordinal))
        {
            if (SipBody(File.ReadAllBytes(file)) is { Length: > 0 }) data.Add(Path.GetFileName(file));
        }
        return data;
    }

    public static byte[] CallFlowBody(string name) => SipBody(File.ReadAllBytes(Path.Combine(CorpusDirectory("rfc3665"), name)))!;

    public static byte[] SipFileBody(string folder, string name) => SipBody(File.ReadAllBytes(Path.Combine(CorpusDirectory(folder), name)))!;

    /// <summary>
    /// The body after the first empty line when the message says <c>Content-Type: application/sdp</c> (or <c>c:</c>),
    /// else null. (The message parser is another piece's job; the test only needs the body.)
    /// </summary>
    public static byte[]? SipBody(byte[] message)
    {
        int split = message.AsSpan().IndexOf("\r\n\r\n"u8);
        if (split < 0) return null;
        string head = Encoding.Latin1.GetString(message, 0, split);
        bool sdp = head.Split("\r\n").Any(line =>
            line.Split(':', 2) is [var name, var value] &&
            (name.Trim().Equals("Content-Type", StringComparison.OrdinalIgnoreCase) || name.Trim().Equals("c", StringComparison.OrdinalIgnoreCase)) &&
            value.Trim().StartsWith("application/sdp", StringComparison.OrdinalIgnoreCase));
        return sdp ? message[(split + 4)..] : null;
    }

    /// <summary>
    /// Every typed field of <paramref name="sdp"/>, one per line, read through the public API: two views are equal
    /// field by field when their dumps are equal (offsets are left out: they differ between buffers).
    /// </summary>
    public static string Dump(SdpSessionDescription sdp)
    {
        var b = new StringBuilder();
        b.AppendLine($"v={sdp.Version}|{sdp.VersionValue}");
        SdpOrigin o = sdp.Origin;
        b.AppendLine($"o={o.Username}|{o.SessionId}|{o.SessionIdValue}|{o.SessionVersion}|{o.SessionVersionValue}|{o.NetType}|{o.AddrType}|{o.Address}|{o.AddressKind}");
        b.AppendLine($"s={sdp.SessionName}|{sdp.SessionName.Length}");
        b.AppendLine($"i={Optional(sdp.Information)}");
        b.AppendLine($"u={Optional(sdp.Uri)}");
        foreach (SdpEmail e in sdp.Emails) b.AppendLine($"e={e.Value}|{e.Address}|{e.Name}");
        foreach (SdpPhone p in sdp.Phones) b.AppendLine($"p={p.Value}|{p.Number}|{p.Name}");
        if (sdp.Connection is { } c) Connection(b, c);
        foreach (SdpBandwidth bw in sdp.Bandwidths) b.AppendLine($"b={bw.Type}|{bw.Bandwidth}|{bw.Value}");
        foreach (SdpTimeDescription t in sdp.TimeDescriptions)
        {
            b.AppendLine($"t={t.Start}|{t.StartValue}|{t.Stop}|{t.StopValue}");
            foreach (SdpRepeat r in t.Repeats)
            {
                b.Append($"r={TypedTime(r.Interval)}|{TypedTime(r.ActiveDuration)}");
                foreach (SdpTypedTime offset in r.Offsets) b.Append($"|{TypedTime(offset)}");
                b.AppendLine();
            }
            if (t.Zone is { } z)
            {
                b.Append("z=");
                foreach (SdpZoneAdjustment adjustment in z) b.Append($"{adjustment.Time}|{adjustment.TimeValue}|{TypedTime(adjustment.Offset)};");
                b.AppendLine();
            }
        }
        if (sdp.Key is { } k) b.AppendLine($"k={k.Method}|{k.EncryptionKey}");
        Attributes(b, sdp.Attributes);
        foreach (SdpMediaDescription m in sdp.MediaDescriptions)
        {
            b.Append($"m={m.Index}|{m.Media}|{m.Port}|{m.PortValue}|{m.PortCountText}|{m.PortCount}|{m.Proto}|fmts");
            foreach (SdpText format in m.Formats) b.Append($"|{format}");
            b.AppendLine($"|dir={m.EffectiveDirection}");
            b.AppendLine($" i={Optional(m.Information)}");
            foreach (SdpConnection mc in m.Connections) Connection(b.Append(' '), mc);
            foreach (SdpBandwidth bw in m.Bandwidths) b.AppendLine($" b={bw.Type}|{bw.Bandwidth}|{bw.Value}");
            if (m.Key is { } mk) b.AppendLine($" k={mk.Method}|{mk.EncryptionKey}");
            Attributes(b.Append(' '), m.Attributes);
        }
        return b.ToString();
    }

    private static string Optional(SdpText? text) => text is { } t ? $"[{t}]" : "none";

    private static string TypedTime(SdpTypedTime t) => $"{t.Text}:{(t.IsNegative ? "-" : "+")}{t.Digits}{(char)t.Unit}={t.Seconds}";

    private static void Connection(StringBuilder b, SdpConnection c) =>
        b.AppendLine($"c={c.NetType}|{c.AddrType}|{c.ConnectionAddress}|{c.Address}|{c.AddressKind}|{c.TtlText}|{c.Ttl}|{c.NumberOfAddressesText}|{c.NumberOfAddresses}");

    private static void Attributes(StringBuilder b, SdpAttributeList attributes)
    {
        b.AppendLine($"a*={attributes.Count}|dir={attributes.Direction}");
        foreach (SdpAttribute a in attributes)
        {
            b.Append($"a={a.Name}|{a.HasValue}|{a.Value}|{a.Direction}");
            if (a.TryGetRtpMap(out SdpRtpMap map)) b.Append($"|rtpmap {map.PayloadType} {map.EncodingName} {map.ClockRate} {map.ClockRateValue} {map.EncodingParameters}");
            if (a.TryGetFmtp(out SdpFmtp fmtp)) b.Append($"|fmtp {fmtp.Format} {fmtp.Parameters}");
            b.AppendLine();
        }
    }

    public static byte[] Serialize(SdpSessionDescription sdp)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        sdp.WriteTo(buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Replaces an empty <c>s=</c> line with <c>s=-</c> (what RFC 4566 §5.3 recommends).</summary>
    public static byte[] WithSessionName(byte[] sdp) =>
        Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(sdp).Replace("\r\ns=\r\n", "\r\ns=-\r\n"));
}
