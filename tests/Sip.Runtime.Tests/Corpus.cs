using System.Buffers;
using System.Text;
using Sip.Runtime.Message;
using Sip.Tests.Shared;

namespace Sip.Runtime.Tests;

/// <summary>tests/corpus, copied next to the test assembly as <c>corpus/</c>.</summary>
internal static class Corpus
{
    public static string Root => CorpusFiles.Root;

    public static string PathOf(params string[] parts) => CorpusFiles.PathOf(parts);

    public static byte[] Bytes(params string[] parts) => CorpusFiles.Bytes(parts);

    /// <summary>Rows of <c>folder/MANIFEST.tsv</c>, keyed by the header row's column names.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Manifest(string folder) => CorpusFiles.Manifest(folder);

    /// <summary>Every SIP message of the corpus (RFC 4475, RFC 5118 CRLF forms, RFC 3665/3666), as (name, bytes).</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> AllMessages { get; } = LoadAll();

    private static List<(string, byte[])> LoadAll()
    {
        var all = new List<(string, byte[])>();
        foreach (var (folder, ext) in new[] { ("rfc4475", "*.dat"), ("rfc5118", "*.dat"), ("rfc3665", "*.sip") })
        {
            foreach (string file in Directory.GetFiles(PathOf(folder), ext).Order(StringComparer.Ordinal))
            {
                all.Add(($"{folder}/{Path.GetFileName(file)}", File.ReadAllBytes(file)));
            }
        }
        return all;
    }
}

/// <summary>What a receiver does with a message: the combined verdict of parser and validator.</summary>
internal static class Handling
{
    /// <summary>The role whose checks run after parsing.</summary>
    public enum Role
    {
        /// <summary>Parser and <see cref="SipMessageValidator.Validate(SipMessage, out SipParseError)"/> only.</summary>
        Any,
        UserAgentServer,
        Proxy,
    }

    /// <summary>"accept", or "respond NNN" / "drop NNN" / "close NNN" with the error.</summary>
    public static string Verdict(byte[] bytes, SipParserOptions options, Role role, out SipParseError error, out SipMessage message,
        SipValidationPolicy? policy = null)
    {
        message = new SipMessage(options);
        policy ??= SipValidationPolicy.Default;
        OperationStatus status = SipMessageParser.ParseDatagram(bytes, message, options, out error);
        if (status != OperationStatus.Done) return Describe(error);
        bool ok = role switch
        {
            Role.UserAgentServer => SipMessageValidator.ValidateAtUserAgentServer(message, policy, out error),
            Role.Proxy => SipMessageValidator.ValidateAtProxy(message, policy, out error),
            _ => SipMessageValidator.Validate(message, policy, out error),
        };
        return ok ? "accept" : Describe(error);
    }

    public static string Describe(in SipParseError error) => error.Action switch
    {
        SipErrorAction.Respond => $"respond {error.StatusCode}",
        SipErrorAction.Drop => $"drop {error.StatusCode}",
        _ => $"close {error.StatusCode}",
    };
}
