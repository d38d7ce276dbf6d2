using System.Text;
using System.Text.RegularExpressions;
using Sip.Generated.Grammar;
using Sip.Runtime.Headers;
using Sip.Runtime.Message;

namespace Sip.Tests.Shared;

/// <summary>
/// A message's typed view as text, for comparing two parses: the start line, then per header field its kind and
/// every value's typed fields (as each header's <c>;@value</c> type reads them), then the body. Folds count as one SP
/// (RFC 3261 §7.3.1), so a message and its canonical form have the same view.
/// </summary>
internal static class TypedView
{
    private static readonly Regex Fold = new(@"[ \t]*\r\n[ \t]+", RegexOptions.Compiled);

    public static string Unfold(ReadOnlySpan<byte> bytes) => Fold.Replace(Encoding.UTF8.GetString(bytes), " ");

    public static List<string> Describe(SipMessage m)
    {
        var lines = new List<string>
        {
            m.IsRequest ? $"request {m.GetString(m.Method)} {m.GetString(m.RequestUri)} {m.GetString(m.Version)}"
                        : $"response {m.GetString(m.Version)} {m.StatusCode} {Unfold(m.Span(m.ReasonPhrase))}",
        };
        var visitor = new Describer();
        foreach (HeaderField field in m.Headers)
        {
            var values = new List<string>();
            visitor.Values = values;
            string name = field.Kind == HeaderKind.Unknown ? m.GetString(field.Name).ToLowerInvariant() : field.Kind.ToString();
            if (field.Kind == HeaderKind.Unknown)
            {
                values.Add(Unfold(m.Span(Trim(m, field.Value))));
            }
            else if (!SipHeaders.IsList(field.Kind))
            {
                SipMessageHeaders.Visit(field.Kind, m.Source, Trim(m, field.Value), ref visitor);
            }
            else
            {
                foreach (SipRange element in ElementsOf(m, field)) SipMessageHeaders.Visit(field.Kind, m.Source, element, ref visitor);
            }
            lines.Add(name + ": " + string.Join(" | ", values));
        }
        lines.Add("body " + Convert.ToHexString(m.Span(m.Body)));
        return lines;
    }

    private static SipRange Trim(SipMessage m, SipRange r)
    {
        ReadOnlySpan<byte> s = m.Source.Span;
        int start = r.Offset, end = r.End;
        while (start < end && s[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') start++;
        while (end > start && s[end - 1] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') end--;
        return SipRange.FromBounds(start, end);
    }

    /// <summary>The non-empty elements of one field of a list header (commas outside quotes, brackets and comments).</summary>
    private static List<SipRange> ElementsOf(SipMessage m, HeaderField field)
    {
        // The same split SipMessage.Values does, restricted to this field: enumerate the kind and keep this field's values.
        var result = new List<SipRange>();
        int index = IndexOf(m, field);
        SipMessage.ValueEnumerator e = m.Values(field.Kind);
        while (e.MoveNext())
        {
            if (e.HeaderIndex == index) result.Add(e.Current);
        }
        return result;
    }

    private static int IndexOf(SipMessage m, HeaderField field)
    {
        for (int i = 0; i < m.HeaderCount; i++)
        {
            if (m.Header(i).Line == field.Line) return i;
        }
        return -1;
    }

    private struct Describer : IHeaderValueVisitor
    {
        public List<string> Values;

        public readonly void Visit<T>(HeaderKind kind, in T value) where T : struct, ISipHeaderValue<T> => Values.Add(Describe(value));

        private static string Describe(object value) => value switch
        {
            ViaValue { IsValid: true } v =>
                $"via {S(v.ProtocolName)}/{S(v.ProtocolVersion)}/{S(v.Transport)} host={S(v.Host)} port={v.Port} {P(v.Parameters)}",
            AddressValue { IsValid: true } a =>
                $"address display=[{Unfold(a.DisplayName)}] uri=<{S(a.Uri)}> wildcard={a.IsWildcard} {P(a.Parameters)}",
            IdentityValue { IsValid: true } id => $"identity display=[{Unfold(id.DisplayName)}] uri=<{S(id.Uri)}>",
            CSeqValue { IsValid: true } c => $"cseq {c.Number} {S(c.Method)}",
            RAckValue { IsValid: true } r => $"rack {r.ResponseNumber} {r.CSeqNumber} {S(r.Method)}",
            NumberValue { IsValid: true } n => $"number {n.Value} comment=[{Unfold(n.Comment)}] {P(n.Parameters)}",
            TokenValue { IsValid: true } t => $"token {S(t.Value)} {P(t.Parameters)}",
            MediaTypeValue { IsValid: true } mt => $"media {S(mt.Type)}/{S(mt.Subtype)} {P(mt.Parameters)}",
            AuthValue { IsValid: true } au => $"auth [{S(au.Scheme)}] {Unfold(Encoding.UTF8.GetBytes(au.Parameters.ToString()))}",
            WarningValue { IsValid: true } w => $"warning {w.Code} {S(w.Agent)} {Unfold(w.Text)}",
            TextValue t => $"text {Unfold(t.Text)}",
            _ => $"invalid {value.GetType().Name} {Unfold(Encoding.UTF8.GetBytes(value.ToString()!))}",
        };

        private static string S(ReadOnlySpan<byte> b) => Encoding.UTF8.GetString(b);

        private static string P(SipParameters p) => Fold.Replace(p.ToString(), " ");
    }
}
