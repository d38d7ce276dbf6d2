using System.Buffers;
using System.Text;
using System.Text.Json;
using Sip.Generated.Grammar;
using Sip.Runtime.Headers;
using Sip.Runtime.Message;

namespace Sip.Cli;

/// <summary>The typed view of a message as one JSON object (for <c>sip parse --json</c>).</summary>
internal static class JsonView
{
    public static string Write(string file, ParseCommand.Verdict verdict, SipMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("file", file);
            json.WriteString("verdict", verdict.Accepted ? "accept" : "reject");
            if (!verdict.Accepted)
            {
                json.WriteNumber("status", verdict.Error.StatusCode);
                json.WriteString("reason", verdict.Description);
                json.WriteEndObject();
            }
            else
            {
                WriteMessage(json, message);
                json.WriteEndObject();
            }
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteMessage(Utf8JsonWriter json, SipMessage m)
    {
        if (m.IsRequest)
        {
            json.WriteString("kind", "request");
            json.WriteString("method", m.Span(m.Method));
            json.WriteString("requestUri", m.Span(m.RequestUri));
        }
        else
        {
            json.WriteString("kind", "response");
            json.WriteNumber("status", m.StatusCode);
            json.WriteString("reasonPhrase", m.Span(m.ReasonPhrase));
        }
        json.WriteString("version", m.Span(m.Version));
        json.WriteStartArray("headers");
        for (int index = 0; index < m.HeaderCount; index++)
        {
            HeaderField field = m.Header(index);
            json.WriteStartObject();
            json.WriteString("name", field.Kind == HeaderKind.Unknown ? m.GetString(field.Name) : SipHeaders.LongName(field.Kind));
            json.WriteString("value", m.Span(field.Value));
            WriteTyped(json, m, field, index);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteNumber("bodyLength", m.Body.Length);
    }

    /// <summary>
    /// The field's typed values (<c>"typed"</c>: one object per value, a list header's elements split), as the header's
    /// <c>;@value</c> type reads them.
    /// </summary>
    private static void WriteTyped(Utf8JsonWriter json, SipMessage m, in HeaderField field, int index)
    {
        if (field.Kind == HeaderKind.Unknown) return;
        json.WriteStartArray("typed");
        var writer = new TypedJson(json);
        SipMessage.ValueEnumerator values = m.Values(field.Kind);
        while (values.MoveNext())
        {
            if (values.HeaderIndex == index) SipMessageHeaders.Visit(field.Kind, m.Source, values.Current, ref writer);
        }
        json.WriteEndArray();
    }

    /// <summary>Writes one typed value as a JSON object of its fields.</summary>
    private readonly struct TypedJson(Utf8JsonWriter json) : IHeaderValueVisitor
    {
        public void Visit<T>(HeaderKind kind, in T value) where T : struct, ISipHeaderValue<T>
        {
            json.WriteStartObject();
            json.WriteBoolean("valid", value.IsValid);
            if (!value.IsValid)
            {
                json.WriteString("raw", value.ToString());
                json.WriteEndObject();
                return;
            }
            switch (value)
            {
                case ViaValue v:
                    json.WriteString("protocol", v.ProtocolName);
                    json.WriteString("version", v.ProtocolVersion);
                    json.WriteString("transport", v.Transport);
                    json.WriteString("host", v.Host);
                    if (v.Port >= 0) json.WriteNumber("port", v.Port);
                    Parameters(v.Parameters);
                    break;
                case AddressValue a:
                    if (a.IsWildcard) json.WriteBoolean("wildcard", true);
                    else
                    {
                        json.WriteString("displayName", a.DisplayName);
                        json.WriteString("uri", a.Uri);
                    }
                    Parameters(a.Parameters);
                    break;
                case IdentityValue id:
                    json.WriteString("displayName", id.DisplayName);
                    json.WriteString("uri", id.Uri);
                    break;
                case CSeqValue c:
                    json.WriteNumber("number", c.Number);
                    json.WriteString("method", c.Method);
                    break;
                case RAckValue r:
                    json.WriteNumber("responseNumber", r.ResponseNumber);
                    json.WriteNumber("cseqNumber", r.CSeqNumber);
                    json.WriteString("method", r.Method);
                    break;
                case NumberValue n:
                    json.WriteNumber("value", n.Value);
                    if (!n.Comment.IsEmpty) json.WriteString("comment", n.Comment);
                    Parameters(n.Parameters);
                    break;
                case TokenValue t:
                    json.WriteString("value", t.Value);
                    Parameters(t.Parameters);
                    break;
                case MediaTypeValue mt:
                    json.WriteString("type", mt.Type);
                    json.WriteString("subtype", mt.Subtype);
                    Parameters(mt.Parameters);
                    break;
                case AuthValue au:
                    json.WriteString("scheme", au.Scheme);
                    Parameters(au.Parameters);
                    break;
                case WarningValue w:
                    json.WriteNumber("code", w.Code);
                    json.WriteString("agent", w.Agent);
                    json.WriteString("text", w.Text);
                    break;
                case TextValue text:
                    json.WriteString("text", text.Text);
                    break;
            }
            json.WriteEndObject();
        }

        private void Parameters(SipParameters parameters)
        {
            if (parameters.IsEmpty) return;
            json.WriteStartArray("params");
            foreach (SipParameter p in parameters)
            {
                json.WriteStartObject();
                json.WriteString("name", p.Name);
                if (p.HasValue) json.WriteString("value", p.Value);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
    }
}
