using System;
using System.Collections.Generic;
using System.Linq;
using Sip.Generator.Binding;
using Sip.Generator.Model;

namespace Sip.Generator.Automata
{
    /// <summary>One SIP header, as its <c>;@header</c> rule defines it.</summary>
    /// <param name="Member">The <c>HeaderKind</c> member: the long name in PascalCase.</param>
    /// <param name="LongName">The long name as the grammar spells it (RFC 3261 §7.3.3 "long form").</param>
    /// <param name="CompactName">The compact form (§7.3.3), or empty.</param>
    /// <param name="IsList">The value is a comma-separated list (<c>x *(COMMA x)</c> in the rule), so several lines combine (§7.3.1).</param>
    /// <param name="ValueType">The typed value from <c>;@value</c> (a full type name), or null.</param>
    public sealed record HeaderSpec(string Member, string LongName, string CompactName, bool IsList, string RuleKey, string RuleClass, string? ValueType = null);

    public sealed record HeaderProblem(string RuleKey, string Id, string Message);

    public sealed record HeaderTable(ImmutableEquatableArray<HeaderSpec> Headers, ImmutableEquatableArray<HeaderProblem> Problems);

    /// <summary>
    /// Reads header facts off the grammar: a <c>;@header</c> rule has the shape
    /// <c>( "Long-Name" / "c" ) HCOLON value</c>; the names, and whether the value is a comma list,
    /// come from the rule itself.
    /// </summary>
    public static class HeaderExtractor
    {
        public static HeaderTable Extract(BoundGrammar grammar)
        {
            var headers = new List<HeaderSpec>();
            var problems = new List<HeaderProblem>();
            var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (BoundRule rule in grammar.Rules)
            {
                if (!rule.IsHeader) continue;
                if (!(rule.Body is Concatenation c) || c.Items.Count < 2 || !(c.Items[1] is RuleRef colon) || colon.Name != "hcolon"
                    || !TryNames(c.Items[0], out List<string> names))
                {
                    problems.Add(new HeaderProblem(rule.Key, DiagnosticIds.HeaderShape,
                        $"';@header' rule '{rule.Name}' must be written ( \"Long-Name\" / \"c\" ) HCOLON value"));
                    continue;
                }
                string longName = names.OrderByDescending(n => n.Length).First();
                string compact = names.FirstOrDefault(n => n.Length == 1 && n != longName) ?? string.Empty;
                bool clash = false;
                foreach (string n in names)
                {
                    if (byName.TryGetValue(n, out string? other))
                    {
                        problems.Add(new HeaderProblem(rule.Key, DiagnosticIds.HeaderNameClash,
                            $"header name '{n}' of rule '{rule.Name}' is already the name of rule '{other}'"));
                        clash = true;
                    }
                    else
                    {
                        byName[n] = rule.Name;
                    }
                }
                if (clash) continue;
                bool isList = false;
                for (int i = 2; i < c.Items.Count; i++) isList |= HasCommaRepetition(c.Items[i]);
                headers.Add(new HeaderSpec(Naming.Pascal(longName), longName, compact, isList, rule.Key, Naming.ClassName(rule), ValueTypeName(rule.ValueType)));
            }
            headers.Sort((a, b) => string.CompareOrdinal(a.Member, b.Member));
            return new HeaderTable(headers.ToEquatable(), problems.ToEquatable());
        }

        /// <summary><c>;@value Via</c> names the runtime's <c>Sip.Runtime.Headers.ViaValue</c>; a dotted name is taken as written.</summary>
        private static string? ValueTypeName(string? hint) =>
            hint == null ? null : hint.IndexOf('.') >= 0 ? "global::" + hint : "global::Sip.Runtime.Headers." + hint + "Value";

        private static bool TryNames(Node node, out List<string> names)
        {
            names = new List<string>();
            if (node is CharString s && !s.CaseSensitive)
            {
                names.Add(s.Text);
                return true;
            }
            if (node is Alternation a)
            {
                foreach (Node item in a.Items)
                {
                    if (!(item is CharString cs) || cs.CaseSensitive) return false;
                    names.Add(cs.Text);
                }
                return names.Count > 0;
            }
            return false;
        }

        /// <summary><c>*( COMMA x )</c> anywhere in the value part of the rule (not inside referenced rules).</summary>
        private static bool HasCommaRepetition(Node node) => node switch
        {
            Repetition r when r.Max == Repetition.Unbounded && r.Element is Concatenation c && c.Items.Count > 0
                && c.Items[0] is RuleRef first && first.Name == "comma" => true,
            Repetition r => HasCommaRepetition(r.Element),
            Alternation a => a.Items.Any(HasCommaRepetition),
            Concatenation c => c.Items.Any(HasCommaRepetition),
            _ => false,
        };
    }
}
