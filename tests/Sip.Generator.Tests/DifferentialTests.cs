using System.Text;
using Sip.Generator.Binding;
using Sip.Generator.Tests.Oracle;

namespace Sip.Generator.Tests;

/// <summary>
/// Differential tests: the generated matchers against the reference matcher (Oracle/ReferenceMatcher),
/// on strings sampled from the grammar (valid by construction) and on random mutations of them.
/// Every rule gets its own test case and its own fixed seed (derived from the rule key), so a failure
/// reproduces by re-running that case; the message gives seed, rule and the input as a C# literal.
/// </summary>
public class DifferentialTests
{
    /// <summary>
    /// Fixed, so runs reproduce; failures print the per-rule seed derived from it. A soak run can
    /// explore other inputs with SIP_DIFF_SEED=n and more of them with SIP_DIFF_SCALE=k (k × the samples).
    /// </summary>
    private static readonly int BaseSeed = EnvInt("SIP_DIFF_SEED", 20240611);

    private static readonly int Scale = EnvInt("SIP_DIFF_SCALE", 1);

    private static readonly int SipSamples = 40 * Scale;
    private static readonly int SdpSamples = 25 * Scale;
    private const int MutationsPerSample = 3;

    private static readonly string[] s_sipRoots =
    [
        "message-header", "request-line", "status-line", "sip-message",
        "sip-uri", "sips-uri", "absoluteuri", "host", "hostname",
        "ipv6reference", "ipv6reference-tolerant", "ipv4address", "tel:telephone-subscriber",
    ];

    private static readonly string[] s_sdpRoots =
    [
        "sdp:session-description", "sdp:media-field", "sdp:connection-field", "sdp:attribute",
        "sdp:origin-field", "sdp:email-field", "sdp:uri-field", "sdp:key-field",
    ];

    /// <summary>Bytes inserted by the "insert" mutation: the separators SIP parsers trip over.</summary>
    private static readonly string[] s_specials = [";", ",", ":", "@", "<", ">", "\"", " ", "\r\n", "%", "[", "]", "\\", "(", ")", "\t", "\r\n ", "/", "=", "."];

    private static readonly Lazy<GrammarSampler> s_sampler = new(() => new GrammarSampler(GrammarFacts.Default));

    /// <summary>
    /// Every rule SIP headers use: the closure of the message-header / start-line rules, the URI and
    /// host rules, and every rule of grammar/sip/headers and grammar/sip/extensions.
    /// </summary>
    public static IEnumerable<object[]> SipRules()
    {
        GrammarFacts facts = GrammarFacts.Default;
        IEnumerable<string> headerFiles = facts.Grammar.Rules
            .Where(r => InFolder(r, "sip/headers") || InFolder(r, "sip/extensions"))
            .Select(r => r.Key);
        return facts.Closure(s_sipRoots.Concat(headerFiles)).Select(k => new object[] { k });
    }

    /// <summary>The SDP rules: the given roots and everything they reach (rfc3986 and rfc5322 included).</summary>
    public static IEnumerable<object[]> SdpRules()
        => GrammarFacts.Default.Closure(s_sdpRoots).Where(k => !s_sipRuleSet.Value.Contains(k)).Select(k => new object[] { k });

    private static readonly Lazy<HashSet<string>> s_sipRuleSet = new(() => SipRules().Select(o => (string)o[0]).ToHashSet(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(SipRules))]
    public void Sip(string key) => Differential(key, SipSamples);

    [Theory]
    [MemberData(nameof(SdpRules))]
    public void Sdp(string key) => Differential(key, SdpSamples);

    [Fact]
    public void RuleSetsCoverTheRequestedRules()
    {
        HashSet<string> sip = s_sipRuleSet.Value;
        foreach (string k in s_sipRoots.Concat(["via", "contact", "from", "to", "cseq", "max-forwards", "rack", "event", "reason", "refer-to", "comment", "quoted-string"]))
        {
            Assert.Contains(k, sip);
        }
        HashSet<string> sdp = SdpRules().Select(o => (string)o[0]).ToHashSet();
        foreach (string k in s_sdpRoots.Append("rfc5322:comment").Append("rfc3986:uri-reference")) Assert.True(sdp.Contains(k) || sip.Contains(k), k);
        // Every rule under test has a generated matcher.
        foreach (string k in sip.Concat(sdp)) GeneratedMatchers.For(k);
    }

    private static int EnvInt(string name, int fallback)
        => int.TryParse(Environment.GetEnvironmentVariable(name), out int v) ? v : fallback;

    private static bool InFolder(BoundRule rule, string folder)
        => rule.File.Replace('\\', '/').Contains("/grammar/" + folder + "/", StringComparison.Ordinal);

    private static int SeedOf(string key)
    {
        // FNV-1a: stable across runs and processes (string.GetHashCode is not).
        uint h = 2166136261;
        foreach (char c in key) h = (h ^ c) * 16777619;
        return (int)(h ^ BaseSeed) & int.MaxValue;
    }

    private static void Differential(string key, int samples)
    {
        GeneratedMatchers.Matcher generated = GeneratedMatchers.For(key);
        ReferenceMatcher oracle = ReferenceMatcher.Default;
        GrammarSampler sampler = s_sampler.Value;
        int seed = SeedOf(key);
        var rng = new Random(seed);
        var failures = new List<string>();
        int checkedCount = 0;

        void Compare(byte[] input, string what)
        {
            checkedCount++;
            int expectedLength = oracle.LongestMatch(key, input);
            bool expected = oracle.IsMatch(key, input);
            bool actual = generated.IsMatch(input);
            int actualLength = generated.MatchLength(input);
            if (expected != actual || expectedLength != actualLength)
            {
                failures.Add($"{what}: rule {key} ({generated.ClassName}), seed {seed}, input Bytes.Of({Bytes.Escape(input)}): " +
                    $"oracle IsMatch={expected} MatchLength={expectedLength}; generated IsMatch={actual} MatchLength={actualLength}");
            }
        }

        for (int i = 0; i < samples; i++)
        {
            byte[] valid = sampler.Sample(key, rng);
            // The sample is valid by construction: the oracle must accept it (this checks sampler and oracle).
            Assert.True(oracle.IsMatch(key, valid), $"oracle rejects sample #{i} of {key} (seed {seed}): Bytes.Of({Bytes.Escape(valid)})");
            Compare(valid, $"sample #{i}");
            for (int m = 0; m < MutationsPerSample; m++)
            {
                (byte[] mutant, string how) = Mutate(valid, rng, key, sampler);
                Compare(mutant, $"sample #{i} mutation {m} ({how})");
            }
            if (failures.Count >= 20) break;
        }

        if (failures.Count > 0)
        {
            var sb = new StringBuilder();
            sb.AppendLine($"{failures.Count} of {checkedCount} inputs disagree for rule {key}:");
            foreach (string f in failures.Take(10)) sb.AppendLine(f);
            Assert.Fail(sb.ToString());
        }
    }

    private static (byte[] Mutant, string How) Mutate(byte[] s, Random rng, string key, GrammarSampler sampler)
    {
        var list = new List<byte>(s);
        int kind = s.Length == 0 ? 1 + 4 * rng.Next(2) : rng.Next(8);
        switch (kind)
        {
            case 0:
                {
                    int at = rng.Next(list.Count);
                    byte b = rng.Next(3) == 0 ? (byte)rng.Next(256) : (byte)(list[at] ^ (1 << rng.Next(8)));
                    list[at] = b;
                    return (list.ToArray(), $"flip byte {at}");
                }
            case 1:
                {
                    int at = rng.Next(list.Count + 1);
                    string ins = s_specials[rng.Next(s_specials.Length)];
                    list.InsertRange(at, Encoding.ASCII.GetBytes(ins));
                    return (list.ToArray(), $"insert {Bytes.Escape(Encoding.ASCII.GetBytes(ins))} at {at}");
                }
            case 2:
                {
                    int at = rng.Next(list.Count);
                    list.RemoveAt(at);
                    return (list.ToArray(), $"delete byte {at}");
                }
            case 3:
                {
                    int from = rng.Next(list.Count);
                    int len = 1 + rng.Next(Math.Min(8, list.Count - from));
                    list.InsertRange(from + len, s.AsSpan(from, len).ToArray());
                    return (list.ToArray(), $"duplicate {len} bytes at {from}");
                }
            case 4:
                {
                    int len = rng.Next(list.Count);
                    return (s.AsSpan(0, len).ToArray(), $"truncate to {len}");
                }
            case 5:
                {
                    string tail = s_specials[rng.Next(s_specials.Length)] + (rng.Next(2) == 0 ? "x" : "");
                    list.AddRange(Encoding.ASCII.GetBytes(tail));
                    return (list.ToArray(), $"append {Bytes.Escape(Encoding.ASCII.GetBytes(tail))}");
                }
            case 7:
                {
                    // Splice: replace a slice by a sample of a rule this one references (structured, near-valid noise).
                    IReadOnlyList<string> refs = GrammarFacts.Default.Rule(key).References;
                    string other = refs.Count == 0 ? "token" : refs[rng.Next(refs.Count)];
                    byte[] piece = sampler.Sample(other, rng);
                    int from = rng.Next(list.Count + 1);
                    int len = rng.Next(Math.Min(6, list.Count - from) + 1);
                    list.RemoveRange(from, len);
                    list.InsertRange(from, piece);
                    return (list.ToArray(), $"replace {len} bytes at {from} by a sample of {other}");
                }
            default:
                {
                    // Case flip of one letter (exposes case-sensitivity mistakes, %s"..." in SDP).
                    int at = rng.Next(list.Count);
                    byte b = list[at];
                    if (b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z') list[at] = (byte)(b ^ 0x20);
                    else list[at] = (byte)rng.Next(0x20, 0x7F);
                    return (list.ToArray(), $"case/char change at {at}");
                }
        }
    }
}
