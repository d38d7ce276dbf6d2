using System.Reflection;
using System.Text;
using Sip.Generated.Grammar;
using Sip.Tests.Shared;

namespace Sip.Conformance.Tests;

/// <summary>A generated matcher's <c>IsMatch</c>, as a delegate (spans cannot be generic arguments of Func).</summary>
public delegate bool SpanPredicate(ReadOnlySpan<byte> input);

/// <summary>Access to tests/corpus, which the test project copies next to the assembly as <c>corpus/</c>.</summary>
internal static class Corpus
{
    public static string Root => CorpusFiles.Root;

    public static string PathOf(params string[] parts) => CorpusFiles.PathOf(parts);

    public static byte[] Bytes(params string[] parts) => CorpusFiles.Bytes(parts);

    /// <summary>Rows of <c>folder/MANIFEST.tsv</c>, keyed by the header row's column names.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Manifest(string folder) => CorpusFiles.Manifest(folder);
}

/// <summary>One logical line of a SIP message head: the start-line, or a header field with its folded continuation lines.</summary>
/// <param name="LineNumber">1-based physical line number where it starts (the start-line is line 1).</param>
/// <param name="Bytes">The line including its final CRLF.</param>
internal sealed record HeadLine(int LineNumber, byte[] Bytes)
{
    /// <summary>The line without its final CRLF: what a header rule (which message-header follows by CRLF) matches.</summary>
    public ReadOnlySpan<byte> WithoutCrlf => Bytes.AsSpan(0, Bytes.Length - 2);

    /// <summary>The header name: the bytes before the first ':' with trailing SP/HTAB removed (HCOLON allows them).</summary>
    public string? HeaderName
    {
        get
        {
            int colon = Array.IndexOf(Bytes, (byte)':');
            return colon < 0 ? null : Encoding.Latin1.GetString(Bytes, 0, colon).TrimEnd(' ', '\t');
        }
    }

    public override string ToString() => $"line {LineNumber}: {Encoding.Latin1.GetString(WithoutCrlf)}";
}

internal static class SipText
{
    /// <summary>Index just past the CRLFCRLF that ends the head, or -1 when the message has none.</summary>
    public static int BodyStart(ReadOnlySpan<byte> message)
    {
        int i = message.IndexOf("\r\n\r\n"u8);
        return i < 0 ? -1 : i + 4;
    }

    /// <summary>True when the message has a non-empty body and a Content-Type (or "c") header naming application/sdp.</summary>
    public static bool HasSdpBody(byte[] message)
    {
        int bodyStart = BodyStart(message);
        if (bodyStart < 0 || bodyStart == message.Length) return false;
        return HeadLines(message).Skip(1).Any(l =>
            l.HeaderName is { } name &&
            (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) || name.Equals("c", StringComparison.OrdinalIgnoreCase)) &&
            Encoding.Latin1.GetString(l.Bytes).Contains("application/sdp", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The start-line and header fields of a CRLF message, up to (not including) the empty line.
    /// A line starting with SP or HTAB continues the previous field (RFC 3261 LWS folding).
    /// </summary>
    public static List<HeadLine> HeadLines(byte[] message)
    {
        int bodyStart = BodyStart(message);
        int headEnd = bodyStart < 0 ? message.Length : bodyStart - 2;
        var lines = new List<HeadLine>();
        int pos = 0, physical = 1;
        while (pos < headEnd)
        {
            int start = pos, startLine = physical;
            while (true)
            {
                int crlf = message.AsSpan(pos, headEnd - pos).IndexOf("\r\n"u8);
                if (crlf < 0)
                {
                    pos = headEnd;
                    break;
                }
                pos += crlf + 2;
                physical++;
                if (pos < headEnd && (message[pos] == ' ' || message[pos] == '\t')) continue;
                break;
            }
            lines.Add(new HeadLine(startLine, message[start..pos]));
        }
        return lines;
    }
}

/// <summary>
/// The grammar's header rules (RFC 3261 §25 and the extension RFCs), by header name, long and compact form.
/// A header line whose name is here must match that rule: otherwise SIP-message still accepts it, but only
/// through <c>extension-header</c> (see <see cref="Rfc3665Tests"/>).
/// </summary>
internal static class HeaderRules
{
    // Header field name (lower case) -> grammar rule name, where they differ or for a compact form (RFC 3261 §7.3.3 and the extension RFCs).
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["i"] = "Call-ID",
        ["m"] = "Contact",
        ["e"] = "Content-Encoding",
        ["l"] = "Content-Length",
        ["c"] = "Content-Type",
        ["f"] = "From",
        ["s"] = "Subject",
        ["k"] = "Supported",
        ["t"] = "To",
        ["v"] = "Via",
        ["o"] = "Event",
        ["u"] = "Allow-Events",
        ["r"] = "Refer-To",
        ["b"] = "Referred-By",
        ["x"] = "Session-Expires",
        ["Privacy"] = "Privacy-hdr",
        ["P-Asserted-Identity"] = "PAssertedID",
        ["P-Preferred-Identity"] = "PPreferredID",
    };

    // Every rule of the form  Name = "Name" ... HCOLON ...  in grammar/sip (the header rules).
    private static readonly string[] RuleNames =
    [
        "Accept", "Accept-Encoding", "Accept-Language", "Alert-Info", "Allow", "Authentication-Info", "Authorization",
        "Call-ID", "Call-Info", "Contact", "Content-Disposition", "Content-Encoding", "Content-Language", "Content-Length",
        "Content-Type", "CSeq", "Date", "Error-Info", "Expires", "From", "In-Reply-To", "Max-Forwards", "MIME-Version",
        "Min-Expires", "Organization", "Priority", "Proxy-Authenticate", "Proxy-Authorization", "Proxy-Require",
        "Record-Route", "Reply-To", "Require", "Retry-After", "Route", "Server", "Subject", "Supported", "Timestamp", "To",
        "Unsupported", "User-Agent", "Via", "Warning", "WWW-Authenticate",
        // extensions
        "RAck", "RSeq", "Event", "Allow-Events", "Subscription-State", "Refer-To", "Reason", "PAssertedID", "PPreferredID",
        "Privacy-hdr", "Session-Expires", "Min-SE", "Replaces", "Referred-By", "SIP-ETag", "SIP-If-Match", "Path",
        "Service-Route", "Flow-Timer",
    ];

    private static readonly Dictionary<string, SpanPredicate> ByRuleName = RuleNames.ToDictionary(
        n => n, n => GeneratedRules.Matcher(n), StringComparer.OrdinalIgnoreCase);

    /// <summary>The header rule for a header field name, if the grammar has one.</summary>
    public static bool TryGet(string headerName, out string ruleName, out SpanPredicate matcher)
    {
        ruleName = Aliases.TryGetValue(headerName, out string? alias) ? alias : headerName;
        if (ByRuleName.TryGetValue(ruleName, out SpanPredicate? m))
        {
            matcher = m;
            return true;
        }
        matcher = null!;
        return false;
    }
}

/// <summary>The generated matchers, found by rule key (<c>RuleKey</c> const) instead of by C# class name.</summary>
internal static class GeneratedRules
{
    private static readonly Dictionary<string, Type> ByKey = typeof(Rules).GetNestedTypes(BindingFlags.Public)
        .Where(t => t.GetField("RuleKey") is { IsLiteral: true })
        .ToDictionary(t => (string)t.GetField("RuleKey")!.GetRawConstantValue()!, StringComparer.Ordinal);

    /// <summary>Every generated rule key.</summary>
    public static IReadOnlyCollection<string> Keys => ByKey.Keys;

    /// <summary>The matcher class for a rule written as <c>name</c> or <c>ns:name</c> (case-insensitive).</summary>
    public static Type Class(string name) =>
        ByKey.TryGetValue(name.ToLowerInvariant(), out Type? t) ? t : throw new KeyNotFoundException($"no generated matcher for rule '{name}'");

    public static SpanPredicate Matcher(string name) =>
        (SpanPredicate)Delegate.CreateDelegate(typeof(SpanPredicate), Class(name).GetMethod("IsMatch", [typeof(ReadOnlySpan<byte>)])!);
}
