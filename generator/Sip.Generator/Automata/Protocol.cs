using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Sip.Generator.Binding;
using Sip.Generator.Model;

namespace Sip.Generator.Automata
{
    /// <summary>A method token named by the <c>;@methods</c> rule (e.g. <c>INVITEm = %x49.4E.56.49.54.45</c>).</summary>
    public sealed record MethodSpec(string Member, string Token, string RuleKey);

    /// <summary>A status code with its default reason phrase, from a <c>;@status-codes</c> rule.</summary>
    public sealed record StatusSpec(string Member, int Code, string ReasonPhrase, string Group);

    public sealed record ProtocolTable(ImmutableEquatableArray<MethodSpec> Methods, ImmutableEquatableArray<StatusSpec> StatusCodes);

    /// <summary>Reads the methods and status codes off the grammar.</summary>
    public static class ProtocolExtractor
    {
        public static ProtocolTable Extract(BoundGrammar grammar)
        {
            var methods = new List<MethodSpec>();
            foreach (BoundRule rule in grammar.Rules.Where(r => r.IsMethods))
            {
                IEnumerable<Node> alternatives = rule.Body is Alternation a ? a.Items : new[] { rule.Body };
                foreach (Node alt in alternatives)
                {
                    // Only fixed tokens name a method; `extension-method = token` is the open end.
                    if (!(alt is RuleRef r) || !(grammar.Find(r.Name) is BoundRule target)) continue;
                    string? token = FixedToken(target.Body);
                    if (token == null || methods.Any(m => m.Token == token)) continue;
                    methods.Add(new MethodSpec(Member(token), token, target.Key));
                }
            }

            var codes = new List<StatusSpec>();
            var members = new HashSet<string>(StringComparer.Ordinal);
            foreach (BoundRule rule in grammar.Rules.Where(r => r.StatusCodes.Count > 0).OrderBy(r => r.StatusCodes[0].Code))
            {
                foreach (StatusCodeNote note in rule.StatusCodes)
                {
                    if (codes.Any(c => c.Code == note.Code)) continue;
                    string member = Pascal(note.ReasonPhrase);
                    // "Not Acceptable" is both 406 and 606: the later one carries its code.
                    if (!members.Add(member)) member += note.Code;
                    members.Add(member);
                    codes.Add(new StatusSpec(member, note.Code, note.ReasonPhrase, rule.Name));
                }
            }
            codes.Sort((x, y) => x.Code.CompareTo(y.Code));
            return new ProtocolTable(methods.ToEquatable(), codes.ToEquatable());
        }

        /// <summary>The bytes of a rule that matches exactly one case-sensitive string, or null.</summary>
        private static string? FixedToken(Node body) => body switch
        {
            ByteSequence bs => new string(bs.Values.Select(v => (char)v).ToArray()),
            CharString cs when cs.CaseSensitive => cs.Text,
            _ => null,
        };

        private static string Member(string token)
            => token.Length == 0 ? "_" : char.ToUpperInvariant(token[0]) + token.Substring(1).ToLowerInvariant();

        /// <summary>"Request-URI Too Large" → RequestURITooLarge: words capitalised, all-capital words (OK, SIP, URI) kept.</summary>
        private static string Pascal(string phrase)
        {
            var sb = new StringBuilder();
            foreach (string word in phrase.Split(new[] { ' ', '-', '/', '.', ',', '\'' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var clean = new string(word.Where(char.IsLetterOrDigit).ToArray());
                if (clean.Length == 0) continue;
                sb.Append(char.ToUpperInvariant(clean[0])).Append(clean.Substring(1));
            }
            if (sb.Length == 0 || char.IsDigit(sb[0])) sb.Insert(0, "Status");
            return sb.ToString();
        }
    }
}
