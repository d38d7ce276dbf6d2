using System.Buffers;
using System.Text;
using System.Text.Json;
using Sip.Generated.Grammar;
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
        foreach (HeaderField field in m.Headers)
        {
            json.WriteStartObject();
            json.WriteString("name", field.Kind == HeaderKind.Unknown ? m.GetString(field.Name) : SipHeaders.LongName(field.Kind));
            json.WriteString("value", m.Span(field.Value));
            WriteTyped(json, m, field);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteNumber("bodyLength", m.Body.Length);
    }

    /// <summary>Fields of the headers that have generated records (more join as typed records are added).</summary>
    private static void WriteTyped(Utf8JsonWriter json, SipMessage m, in HeaderField field)
    {
        ReadOnlySpan<byte> line = m.Span(field.Line);
        switch (field.Kind)
        {
            case HeaderKind.Via:
                json.WriteStartArray("via");
                foreach (SipRange value in m.Values(HeaderKind.Via))
                {
                    ReadOnlySpan<byte> v = m.Span(value);
                    if (Rules.ViaParm.TryParse(v, out Rules.ViaParm.Record via) != OperationStatus.Done) continue;
                    json.WriteStartObject();
                    json.WriteString("sentProtocol", v[via.SentProtocol]);
                    json.WriteString("sentBy", v[via.SentBy]);
                    json.WriteString("params", v[via.ViaParamsList]);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                break;
            case HeaderKind.To when Rules.To.TryParse(line, out Rules.To.Record to) == OperationStatus.Done:
                json.WriteString("address", line[to.NameAddrOrAddrSpec]);
                json.WriteString("params", line[to.ToParamList]);
                break;
            case HeaderKind.From when Rules.FromSpec.TryParse(m.Span(field.Value), out Rules.FromSpec.Record from) == OperationStatus.Done:
                json.WriteString("address", m.Span(field.Value)[from.NameAddrOrAddrSpec]);
                json.WriteString("params", m.Span(field.Value)[from.FromParamList]);
                break;
            case HeaderKind.CSeq when Rules.CSeq.TryParse(line, out Rules.CSeq.Record cseq) == OperationStatus.Done:
                json.WriteString("method", line[cseq.Method]);
                break;
        }
    }
}
