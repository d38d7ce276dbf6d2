using System.Diagnostics;
using Sip.Cli;

namespace Sip.Runtime.Tests;

/// <summary><c>sip parse</c>: one line per file, exit status 0/1/2.</summary>
public class CliTests
{
    private static string Corpus(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "corpus", .. parts]);

    private static (int Status, string[] Lines) Run(ParseCommand.ParseSettings settings, params string[] files)
    {
        var output = new StringWriter();
        int status = ParseCommand.Run(files, settings, output);
        return (status, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray());
    }

    [Fact]
    public void AcceptedFilesPrintTheirKind()
    {
        string invite = Corpus("rfc4475", "wsinv.dat");
        string response = Corpus("rfc4475", "unreason.dat");
        var (status, lines) = Run(default, invite, response);
        Assert.Equal(0, status);
        Assert.Equal([$"{invite}\taccept\trequest INVITE", $"{response}\taccept\tresponse 200"], lines);
    }

    [Fact]
    public void RejectedFilesPrintTheResponseTheyDeserve()
    {
        string badvers = Corpus("rfc4475", "badvers.dat");
        var (status, lines) = Run(default, badvers);
        Assert.Equal(1, status);
        string[] parts = Assert.Single(lines).Split('\t');
        Assert.Equal(badvers, parts[0]);
        Assert.Equal("reject 505", parts[1]);
        Assert.False(string.IsNullOrWhiteSpace(parts[2]));
    }

    [Fact]
    public void StrictModeRejectsTheRfc3665Typos()
    {
        // RFC 3665 §2.1 F3: "header line 9 does not match Authorization" (see the corpus MANIFEST).
        string typo = Corpus("rfc3665", "rfc3665_s2.1_F03_REGISTER.sip");
        Assert.Equal(0, Run(default, typo).Status);
        var (status, lines) = Run(new ParseCommand.ParseSettings(Strict: true, Stream: false, Json: false, Canonical: false), typo);
        Assert.Equal(1, status);
        Assert.StartsWith(typo + "\treject 400\t", Assert.Single(lines));
        Assert.Contains("Authorization", lines[0]);
    }

    [Fact]
    public void StreamModeNeedsTheWholeMessage()
    {
        // RFC 4475 clerr.dat: Content-Length larger than the body. A datagram gets 400; a stream waits for more.
        string clerr = Corpus("rfc4475", "clerr.dat");
        Assert.Contains("\treject 400\t", Run(default, clerr).Lines[0]);
        var (status, lines) = Run(new ParseCommand.ParseSettings(false, Stream: true, false, false), clerr);
        Assert.Equal(1, status);
        Assert.Contains("incomplete message", lines[0]);
    }

    [Fact]
    public void JsonShowsTheTypedView()
    {
        string invite = Corpus("rfc3665", "rfc3665_s3.1_F01_INVITE.sip");
        var (status, lines) = Run(new ParseCommand.ParseSettings(false, false, Json: true, false), invite);
        Assert.Equal(0, status);
        using var doc = System.Text.Json.JsonDocument.Parse(Assert.Single(lines));
        Assert.Equal("accept", doc.RootElement.GetProperty("verdict").GetString());
        Assert.Equal("INVITE", doc.RootElement.GetProperty("method").GetString());
        var headers = doc.RootElement.GetProperty("headers").EnumerateArray().ToList();
        var via = headers.First(h => h.GetProperty("name").GetString() == "Via").GetProperty("typed")[0];
        Assert.True(via.GetProperty("valid").GetBoolean());
        Assert.Equal(("TCP", "client.atlanta.example.com", 5060), (via.GetProperty("transport").GetString(), via.GetProperty("host").GetString(), via.GetProperty("port").GetInt32()));
        Assert.Equal("branch", via.GetProperty("params")[0].GetProperty("name").GetString());
        Assert.StartsWith("z9hG4bK", via.GetProperty("params")[0].GetProperty("value").GetString());
        var cseq = headers.First(h => h.GetProperty("name").GetString() == "CSeq").GetProperty("typed")[0];
        Assert.Equal(("INVITE", 1u), (cseq.GetProperty("method").GetString(), cseq.GetProperty("number").GetUInt32()));
        var from = headers.First(h => h.GetProperty("name").GetString() == "From").GetProperty("typed")[0];
        Assert.Equal("sip:alice@atlanta.example.com", from.GetProperty("uri").GetString());
        Assert.Equal("tag", from.GetProperty("params")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void CanonicalFormExpandsCompactNamesAndUnfolds()
    {
        string wsinv = Corpus("rfc4475", "wsinv.dat");
        var output = new StringWriter();
        Assert.Equal(0, ParseCommand.Run([wsinv], new ParseCommand.ParseSettings(false, false, false, Canonical: true), output));
        string text = output.ToString();
        Assert.Contains("\nContent-Length: 150\r\n", text); // "l: 150" in the file
        // Typed serializers write the canonical number (no leading zeros).
        Assert.Contains("\nCSeq: 9 INVITE\r\n", text);
        Assert.DoesNotContain("\r\n ", text.Substring(0, text.IndexOf("\r\n\r\n", StringComparison.Ordinal))); // no folded lines
    }

    [Theory]
    [InlineData("parse --no-such-option x.sip", 2)]
    [InlineData("parse", 2)]
    [InlineData("frobnicate", 2)]
    public void UsageErrorsExitWithTwo(string arguments, int expected)
    {
        string sip = Path.Combine(AppContext.BaseDirectory, "sip.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", $"\"{sip}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(30_000));
        Assert.Equal(expected, process.ExitCode);
    }
}
