using System.Text.RegularExpressions;
using Sip.Generated.Grammar;

namespace Sip.Conformance.Tests;

/// <summary>
/// RFC 3665 / RFC 3666 call-flow messages (corpus/rfc3665, 372 files) against <c>SIP-message</c>.
/// <para>
/// The MANIFEST's <c>strict_verdict</c> is the verdict of an exact recognizer that also enforces the RFC 3261
/// §20 / §19.1 prose. 359 files are accepted. Of the 13 rejects, only the 8 whose start line is wrong fail
/// <c>SIP-message</c> itself: the start line has no alternative. The other 5 (a header field that does not
/// match its own rule, a missing From) still match <c>SIP-message</c>, because
/// <c>message-header = (... / extension-header) CRLF</c> with
/// <c>extension-header = header-name HCOLON header-value</c>, <c>header-name = token</c> and
/// <c>header-value = *(TEXT-UTF8char / UTF8-CONT / LWS)</c>: every well-formed "Name: value" line is an
/// extension-header, whatever its name, so a malformed <c>To</c> or <c>Route</c> is accepted as an unknown
/// header; and the grammar has no notion of mandatory headers. That is RFC 3261's ABNF as written, not a
/// generator defect. Those faults are caught one level down, by the header's own rule; the second theory
/// checks that.
/// </para>
/// </summary>
public sealed class Rfc3665Tests
{
    private const string StartLineReject = "reject: RFC text typo: start line does not match Request-Line";

    public static TheoryData<string, string> Messages()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in Corpus.Manifest("rfc3665")) data.Add(row["file"], row["strict_verdict"]);
        return data;
    }

    [Fact]
    public void ManifestCoversEveryFile()
    {
        var listed = Corpus.Manifest("rfc3665").Select(r => r["file"]).ToHashSet(StringComparer.Ordinal);
        var files = Directory.GetFiles(Corpus.PathOf("rfc3665"), "*.sip").Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(372, files.Count);
        Assert.Equal(files.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        var verdicts = Corpus.Manifest("rfc3665").Select(r => r["strict_verdict"]).ToList();
        Assert.Equal(359, verdicts.Count(v => v == "accept"));
        Assert.Equal(8, verdicts.Count(v => v == StartLineReject));
        Assert.Equal(5, verdicts.Count(v => v != "accept" && v != StartLineReject));
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void MatchesSipMessage(string file, string strictVerdict)
    {
        byte[] message = Corpus.Bytes("rfc3665", file);
        if (strictVerdict == StartLineReject)
        {
            // The Request-URI has no scheme ("INVITE bob@b.example.com SIP/2.0"): no Request-URI alternative
            // (SIP-URI, SIPS-URI, absoluteURI) matches, and nothing else can stand in for the start line.
            Assert.False(Rules.SIPMessage.IsMatch(message));
            HeadLine start = SipText.HeadLines(message)[0];
            Assert.False(Rules.RequestLine.IsMatch(start.Bytes), start.ToString());

            // The missing scheme is the only fault SIP-message sees: with "sip:" added, the message matches.
            int uri = Array.IndexOf(message, (byte)' ') + 1;
            byte[] withScheme = [.. message.AsSpan(0, uri), .. "sip:"u8, .. message.AsSpan(uri)];
            Assert.True(Rules.SIPMessage.IsMatch(withScheme));
        }
        else
        {
            // Accepted files, and the rejects whose fault is in a header field (see the class comment).
            Assert.True(Rules.SIPMessage.IsMatch(message));
            Assert.Equal(message.Length, Rules.SIPMessage.MatchLength(message));
        }
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void EveryKnownHeaderMatchesItsOwnRule(string file, string strictVerdict)
    {
        byte[] message = Corpus.Bytes("rfc3665", file);
        List<HeadLine> lines = SipText.HeadLines(message);

        // "reject: RFC text typo: header line 9 does not match Authorization": line 9 of the file.
        Match typo = Regex.Match(strictVerdict, @"^reject: RFC text typo: header line (\d+) does not match (\S+)$");
        int badLine = typo.Success ? int.Parse(typo.Groups[1].Value) : -1;

        var wrong = new List<string>();
        bool sawBadLine = false;
        foreach (HeadLine line in lines.Skip(1))
        {
            Assert.True(Rules.MessageHeader.IsMatch(line.Bytes), $"message-header: {line}");
            if (line.HeaderName is not { } name || !HeaderRules.TryGet(name, out string rule, out SpanPredicate matcher)) continue;
            bool matches = matcher(line.WithoutCrlf);
            if (line.LineNumber == badLine)
            {
                sawBadLine = true;
                Assert.Equal(typo.Groups[2].Value, rule, StringComparer.OrdinalIgnoreCase);
                // The typo'd field fails its own rule and is accepted only as an extension-header.
                Assert.False(matches, $"{rule} accepts the typo at {line}");
                Assert.True(Rules.ExtensionHeader.IsMatch(line.WithoutCrlf), line.ToString());
            }
            else if (!matches)
            {
                wrong.Add($"{rule}: {line}");
            }
        }
        Assert.Empty(wrong);
        Assert.Equal(typo.Success, sawBadLine);

        if (strictVerdict.Contains("no From header", StringComparison.Ordinal))
        {
            // The grammar does not say which headers a request must carry (RFC 3261 §8.1.1 is prose).
            Assert.DoesNotContain(lines.Skip(1), l => l.HeaderName is { } n && (n.Equals("From", StringComparison.OrdinalIgnoreCase) || n.Equals("f", StringComparison.OrdinalIgnoreCase)));
        }
    }
}
