using System.Text;
using CsCheck;
using Sip.Runtime.Sdp;

namespace Sip.Runtime.Tests;

/// <summary>
/// Property: a description built from random typed values parses (strictly) back to exactly those values, and
/// parse → serialize → parse gives the same typed view and the same octets.
/// </summary>
public class SdpPropertyTests
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Digits = "0123456789";
    private const string TokenChars = Letters + Digits + "!#$%&'*+-.^_`{|}~";

    private static readonly Gen<string> s_token = Gen.String[Gen.Char[TokenChars], 1, 8];
    private static readonly Gen<string> s_word = Gen.String[Gen.Char[Letters], 1, 8];
    private static readonly Gen<string> s_visible = Gen.String[Gen.Char['!', '~'], 1, 10];

    // text = byte-string: any octet but NUL, CR, LF; UTF-8 beyond ASCII included.
    private static readonly Gen<string> s_text = Gen.String[Gen.OneOf(Gen.Char[' ', '~'], Gen.Char["éü日本\t"]), 1, 16];

    // Free text in e= / p=: email-safe without ()<>, starting and ending with a letter (the parser trims the separator).
    private static readonly Gen<string> s_name =
        from words in s_word.Array[1, 3]
        select string.Join(' ', words);

    private static readonly Gen<string> s_ip4 =
        from b in Gen.Int[0, 223].Array[4, 4]
        select string.Join('.', b);

    private static readonly Gen<string> s_ip6 =
        from b in Gen.Byte.Array[16, 16]
        select new System.Net.IPAddress(b).ToString();

    private static readonly Gen<string> s_fqdn =
        from labels in s_word.Array[1, 3]
        select string.Join('.', labels) + ".example.com";

    private static readonly Gen<(string AddrType, string Address, SdpAddressKind Kind)> s_unicast = Gen.OneOf(
        s_ip4.Select(a => ("IP4", a, SdpAddressKind.IPv4)),
        s_ip6.Select(a => ("IP6", a, SdpAddressKind.IPv6)),
        s_fqdn.Select(a => ("IP4", a, SdpAddressKind.Fqdn)));

    private static readonly Gen<ConnectionModel> s_connection = Gen.OneOf(
        s_unicast.Select(u => new ConnectionModel(u.AddrType, u.Address, null, null)),
        from a in Gen.Int[224, 239]
        from rest in Gen.Int[0, 255].Array[3, 3]
        from ttl in Gen.Int[0, 255]
        from count in Gen.Int[1, 9].Nullable()
        select new ConnectionModel("IP4", $"{a}.{string.Join('.', rest)}", ttl, count),
        from label in Gen.UShort
        from count in Gen.Int[1, 9].Nullable()
        select new ConnectionModel("IP6", $"ff0e::{label:x}", null, count));

    // time = POS-DIGIT 9*DIGIT, or "0" for start and stop.
    private static readonly Gen<ulong> s_time = Gen.OneOf(Gen.Const(0UL), Gen.ULong[1_000_000_000, 99_999_999_999]);
    private static readonly Gen<ulong> s_timeNonZero = Gen.ULong[1_000_000_000, 99_999_999_999];

    private static readonly Gen<string> s_unit = Gen.OneOf("", "d", "h", "m", "s");

    private static readonly Gen<string> s_typedTime =
        from n in Gen.UInt[0, 1000]
        from unit in s_unit
        select $"{n}{unit}";

    private static readonly Gen<RepeatModel> s_repeat =
        from interval in Gen.UInt[1, 1000]
        from unit in s_unit
        from duration in s_typedTime
        from offsets in s_typedTime.Array[1, 3]
        select new RepeatModel($"{interval}{unit}", duration, offsets);

    private static readonly Gen<(ulong, string)> s_adjustment =
        from time in s_timeNonZero
        from negative in Gen.Bool
        from offset in s_typedTime
        select (time, negative ? "-" + offset : offset);

    private static readonly Gen<TimeModel> s_timeDescription =
        from start in s_time
        from stop in s_time
        from repeats in s_repeat.Array[0, 2]
        from zone in s_adjustment.Array[1, 2]
        from withZone in Gen.Bool
        select new TimeModel(start, stop, repeats, repeats.Length > 0 && withZone ? zone : null);

    private static readonly Gen<string> s_key = Gen.OneOf(
        Gen.Const("prompt"),
        s_text.Select(t => "clear:" + t),
        Gen.Byte.Array[0, 12].Select(b => "base64:" + Convert.ToBase64String(b)),
        s_word.Select(w => $"uri:https://example.com/{w}"));

    private static readonly Gen<(string Name, string? Value)> s_attribute = Gen.OneOf(
        from name in s_token
        from value in s_text.Null()
        select (name, value),
        from pt in Gen.Int[0, 127]
        from codec in s_token
        from rate in Gen.Int[1, 96000]
        select ("rtpmap", (string?)$"{pt} {codec}/{rate}"),
        Gen.OneOf("sendrecv", "sendonly", "recvonly", "inactive").Select(d => (d, (string?)null)));

    private static readonly Gen<string> s_email = Gen.OneOf(
        from user in s_word
        from host in s_fqdn
        select $"{user}@{host}",
        from user in s_word
        from name in s_name
        select $"{user}@example.com ({name})",
        from user in s_word
        from name in s_name
        select $"{name} <{user}@example.com>");

    private static readonly Gen<string> s_phone =
        from digits in Gen.String[Gen.Char[Digits + " -"], 1, 12]
        from first in Gen.Char[Digits]
        from form in Gen.Int[0, 2]
        from name in s_name
        let phone = $"+{first}{digits.Trim()}{(digits.TrimEnd().EndsWith('-') || digits.Trim().Length == 0 ? "0" : "")}"
        select form switch { 0 => phone, 1 => $"{phone} ({name})", _ => $"{name} <{phone}>" };

    private static readonly Gen<MediaModel> s_media =
        from media in Gen.OneOf(Gen.OneOf("audio", "video", "text", "application", "message", "image"), s_token)
        from port in Gen.Int[0, 65535]
        from count in Gen.Int[1, 8].Nullable()
        from proto in Gen.OneOf(Gen.OneOf("RTP/AVP", "RTP/SAVP", "udp", "UDP/TLS/RTP/SAVPF"), s_token)
        from formats in Gen.OneOf(Gen.Int[0, 127].Select(i => i.ToString()), s_token).Array[1, 4]
        from information in s_text.Null()
        from connections in s_connection.Array[0, 2]
        from bandwidths in Gen.Select(Gen.OneOf("AS", "CT", "TIAS"), Gen.ULong[0, 100_000]).Array[0, 2]
        from key in s_key.Null()
        from attributes in s_attribute.Array[0, 4]
        select new MediaModel(media, port, count, proto, formats, information, connections, bandwidths, key, attributes);

    private static readonly Gen<SessionModel> s_session =
        from origin in Gen.Select(s_visible, Gen.ULong, Gen.ULong, s_unicast)
        from sessionName in s_text
        from information in s_text.Null()
        from uri in s_word.Select(w => $"http://www.example.com/{w}").Null()
        from emails in s_email.Array[0, 2]
        from phones in s_phone.Array[0, 2]
        from connection in s_connection.Null()
        from bandwidths in Gen.Select(Gen.OneOf("AS", "CT", "X-YZ"), Gen.ULong).Array[0, 2]
        from times in s_timeDescription.Array[1, 3]
        from key in s_key.Null()
        from attributes in s_attribute.Array[0, 4]
        from media in s_media.Array[0, 3]
        select new SessionModel(origin, sessionName, information, uri, emails, phones, connection, bandwidths, times, key, attributes, media);

    [Fact]
    public void BuiltDescriptionParsesBackToItsValues() =>
        s_session.Sample(model =>
        {
            SdpBuilder builder = Build(model);
            SdpParseResult result = builder.TryBuild(out SdpSessionDescription? sdp);
            Assert.True(result.IsDone, $"{result}\n{builder}");
            AssertEqual(model, sdp!);
        }, iter: 2000);

    [Fact]
    public void ParseSerializeParseGivesTheSameTypedViewAndOctets() =>
        s_session.Sample(model =>
        {
            byte[] text = Build(model).ToArray();
            SdpCorpusTests.AssertRoundTrip(text);
            // Also through a reused instance and with LF line ends (tolerated, written back as CRLF).
            var reused = new SdpSessionDescription();
            byte[] lf = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(text).Replace("\r\n", "\n"));
            if (!model.Emails.Any())
            {
                Assert.True(reused.TryLoad(lf).IsDone);
                Assert.Equal(text, SdpTestData.Serialize(reused));
            }
        }, iter: 2000);

    private static SdpBuilder Build(SessionModel model)
    {
        var b = new SdpBuilder();
        b.Origin(model.Origin.Item1, model.Origin.Item2, model.Origin.Item3, "IN", model.Origin.Item4.AddrType, model.Origin.Item4.Address)
            .SessionName(model.SessionName);
        if (model.Information is { } i) b.Information(i);
        if (model.Uri is { } u) b.Uri(u);
        foreach (string e in model.Emails) b.Email(e);
        foreach (string p in model.Phones) b.Phone(p);
        if (model.Connection is { } c) b.Connection("IN", c.AddrType, c.Address, c.Ttl, c.Count);
        foreach ((string type, ulong value) in model.Bandwidths) b.Bandwidth(type, value);
        foreach (TimeModel t in model.Times)
        {
            b.Time(t.Start, t.Stop);
            foreach (RepeatModel r in t.Repeats) b.Repeat(r.Interval, r.Duration, r.Offsets);
            if (t.Zone is { } z) b.Zone(z);
        }
        if (model.Key is { } k) b.Key(k);
        foreach ((string name, string? value) in model.Attributes) AddAttribute(b, name, value);
        foreach (MediaModel m in model.Media)
        {
            b.Media(m.Media, m.Port, m.Count, m.Proto, m.Formats);
            if (m.Information is { } mi) b.Information(mi);
            foreach (ConnectionModel mc in m.Connections) b.Connection("IN", mc.AddrType, mc.Address, mc.Ttl, mc.Count);
            foreach ((string type, ulong value) in m.Bandwidths) b.Bandwidth(type, value);
            if (m.Key is { } mk) b.Key(mk);
            foreach ((string name, string? value) in m.Attributes) AddAttribute(b, name, value);
        }
        return b;
    }

    private static void AddAttribute(SdpBuilder b, string name, string? value)
    {
        if (value is null) b.Attribute(name);
        else b.Attribute(name, value);
    }

    private static void AssertEqual(SessionModel model, SdpSessionDescription sdp)
    {
        Assert.Equal(SdpTolerances.None, sdp.Tolerated);
        Assert.Equal(0UL, sdp.VersionValue);
        Assert.Equal(model.Origin.Item1, sdp.Origin.Username.ToString());
        Assert.Equal(model.Origin.Item2, sdp.Origin.SessionIdValue);
        Assert.Equal(model.Origin.Item3, sdp.Origin.SessionVersionValue);
        Assert.Equal(model.Origin.Item4.AddrType, sdp.Origin.AddrType.ToString());
        Assert.Equal(model.Origin.Item4.Address, sdp.Origin.Address.ToString());
        Assert.Equal(model.Origin.Item4.Kind, sdp.Origin.AddressKind);
        Assert.Equal(model.SessionName, sdp.SessionName.ToString());
        Assert.Equal(model.Information, sdp.Information?.ToString());
        Assert.Equal(model.Uri, sdp.Uri?.ToString());
        Assert.Equal(model.Emails, sdp.Emails.ToStrings(e => e.Value.ToString()));
        foreach (SdpEmail e in sdp.Emails) Assert.Contains(e.Address.ToString(), e.Value.ToString());
        Assert.Equal(model.Phones, sdp.Phones.ToStrings(p => p.Value.ToString()));
        foreach (SdpPhone p in sdp.Phones) Assert.StartsWith("+", p.Number.ToString());
        AssertConnection(model.Connection, sdp.Connection);
        Assert.Equal(model.Bandwidths, sdp.Bandwidths.ToStrings(bw => (bw.Type.ToString(), bw.Value!.Value)));
        Assert.Equal(model.Times.Length, sdp.TimeDescriptions.Count);
        for (int i = 0; i < model.Times.Length; i++)
        {
            TimeModel t = model.Times[i];
            SdpTimeDescription td = sdp.TimeDescriptions[i];
            Assert.Equal(t.Start, td.StartValue);
            Assert.Equal(t.Stop, td.StopValue);
            Assert.Equal(t.Repeats.Select(r => $"{r.Interval} {r.Duration} {string.Join(' ', r.Offsets)}"), td.Repeats.ToStrings(r => r.ToString()));
            foreach (SdpRepeat r in td.Repeats) Assert.NotNull(r.Interval.Seconds);
            if (t.Zone is null)
            {
                Assert.Null(td.Zone);
                continue;
            }
            SdpZone zone = td.Zone!.Value;
            Assert.Equal(t.Zone.Length, zone.Count);
            for (int z = 0; z < zone.Count; z++)
            {
                Assert.Equal(t.Zone[z].Item1, zone[z].TimeValue);
                Assert.Equal(t.Zone[z].Item2, zone[z].Offset.ToString());
                Assert.Equal(t.Zone[z].Item2.StartsWith('-'), zone[z].Offset.IsNegative);
            }
        }
        Assert.Equal(model.Key, sdp.Key?.Value.ToString());
        AssertAttributes(model.Attributes, sdp.Attributes);
        Assert.Equal(model.Media.Length, sdp.MediaDescriptions.Count);
        for (int i = 0; i < model.Media.Length; i++)
        {
            MediaModel m = model.Media[i];
            SdpMediaDescription md = sdp.MediaDescriptions[i];
            Assert.Equal(i, md.Index);
            Assert.Equal(m.Media, md.Media.ToString());
            Assert.Equal(m.Port, md.PortValue);
            Assert.Equal(m.Count, md.PortCount);
            Assert.Equal(m.Proto, md.Proto.ToString());
            Assert.Equal(m.Formats, md.Formats.ToStrings());
            Assert.Equal(m.Information, md.Information?.ToString());
            Assert.Equal(m.Connections.Length, md.Connections.Count);
            for (int c = 0; c < m.Connections.Length; c++) AssertConnection(m.Connections[c], md.Connections[c]);
            Assert.Equal(m.Bandwidths, md.Bandwidths.ToStrings(bw => (bw.Type.ToString(), bw.Value!.Value)));
            Assert.Equal(m.Key, md.Key?.Value.ToString());
            AssertAttributes(m.Attributes, md.Attributes);
        }
    }

    private static void AssertConnection(ConnectionModel? model, SdpConnection? connection)
    {
        if (model is null)
        {
            Assert.Null(connection);
            return;
        }
        SdpConnection c = connection!.Value;
        Assert.Equal("IN", c.NetType.ToString());
        Assert.Equal(model.AddrType, c.AddrType.ToString());
        Assert.Equal(model.Address, c.Address.ToString());
        Assert.Equal(model.Ttl, c.Ttl);
        Assert.Equal(model.Count, c.NumberOfAddresses);
    }

    private static void AssertAttributes((string Name, string? Value)[] model, SdpAttributeList attributes)
    {
        Assert.Equal(model.Length, attributes.Count);
        for (int i = 0; i < model.Length; i++)
        {
            SdpAttribute a = attributes[i];
            Assert.Equal(model[i].Name, a.Name.ToString());
            Assert.Equal(model[i].Value, a.HasValue ? a.Value.ToString() : null);
            if (model[i].Name == "rtpmap") Assert.True(a.TryGetRtpMap(out _), a.ToString());
        }
        SdpDirection expected = model.Select(m => m.Value is null ? Direction(m.Name) : SdpDirection.Unspecified)
            .FirstOrDefault(d => d != SdpDirection.Unspecified);
        Assert.Equal(expected, attributes.Direction);
    }

    private static SdpDirection Direction(string name) => name switch
    {
        "sendrecv" => SdpDirection.SendRecv,
        "sendonly" => SdpDirection.SendOnly,
        "recvonly" => SdpDirection.RecvOnly,
        "inactive" => SdpDirection.Inactive,
        _ => SdpDirection.Unspecified,
    };

    private sealed record ConnectionModel(string AddrType, string Address, int? Ttl, int? Count);

    private sealed record RepeatModel(string Interval, string Duration, string[] Offsets);

    private sealed record TimeModel(ulong Start, ulong Stop, RepeatModel[] Repeats, (ulong, string)[]? Zone);

    private sealed record MediaModel(
        string Media, int Port, int? Count, string Proto, string[] Formats, string? Information,
        ConnectionModel[] Connections, (string, ulong)[] Bandwidths, string? Key, (string Name, string? Value)[] Attributes);

    private sealed record SessionModel(
        (string, ulong, ulong, (string AddrType, string Address, SdpAddressKind Kind)) Origin,
        string SessionName, string? Information, string? Uri, string[] Emails, string[] Phones, ConnectionModel? Connection,
        (string, ulong)[] Bandwidths, TimeModel[] Times, string? Key, (string Name, string? Value)[] Attributes, MediaModel[] Media);
}

internal static class SdpListExtensions
{
    public static List<TResult> ToStrings<T, TResult>(this SdpLineList<T> list, Func<T, TResult> select) where T : struct, ISdpLineView<T>
    {
        var result = new List<TResult>();
        foreach (T item in list) result.Add(select(item));
        return result;
    }

    public static List<string> ToStrings(this SdpFieldList list)
    {
        var result = new List<string>();
        foreach (SdpText item in list) result.Add(item.ToString());
        return result;
    }
}
