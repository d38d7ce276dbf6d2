using System;
using System.Buffers;

namespace Sip.Runtime.Sdp;

public sealed partial class SdpSessionDescription
{
    /// <summary>
    /// Writes the description from its typed fields, one line per field in RFC 8866 §5 order (the order the
    /// parse enforced), each ended by CRLF. For input that was already canonical (CRLF, nothing tolerated but an
    /// empty <c>s=</c>, which is written back empty) the octets are the input's.
    /// </summary>
    public void WriteTo(IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Loaded();
        for (int i = 0; i < _lineCount; i++)
        {
            WriteLine(writer, i);
        }
    }

    /// <summary>The number of octets <see cref="WriteTo"/> writes.</summary>
    public int SerializedLength
    {
        get
        {
            Loaded();
            int length = 0;
            for (int i = 0; i < _lineCount; i++)
            {
                // Every field is written as parsed, so a line is as long as its content plus CRLF.
                length += _lines[i].End - _lines[i].Start + 2;
            }
            return length;
        }
    }

    private void WriteLine(IBufferWriter<byte> writer, int line)
    {
        const byte SP = Octets.SP;
        ref readonly SdpLineEntry entry = ref _lines[line];
        SdpWriter.Begin(writer, entry.Type);
        switch (entry.Type)
        {
            case SdpLineType.Origin:
                SdpOrigin origin = Origin;
                SdpWriter.Octets(writer, origin.Username);
                SdpWriter.Field(writer, SP, origin.SessionId);
                SdpWriter.Field(writer, SP, origin.SessionVersion);
                SdpWriter.Field(writer, SP, origin.NetType);
                SdpWriter.Field(writer, SP, origin.AddrType);
                SdpWriter.Field(writer, SP, origin.Address);
                break;
            case SdpLineType.Connection:
                var connection = new SdpConnection(this, line);
                SdpWriter.Octets(writer, connection.NetType);
                SdpWriter.Field(writer, SP, connection.AddrType);
                SdpWriter.Field(writer, SP, connection.Address);
                if (!connection.TtlText.IsEmpty) SdpWriter.Field(writer, Octets.Slash, connection.TtlText);
                if (!connection.NumberOfAddressesText.IsEmpty) SdpWriter.Field(writer, Octets.Slash, connection.NumberOfAddressesText);
                break;
            case SdpLineType.Bandwidth:
                SdpWriter.Octets(writer, Field(line, 0));
                SdpWriter.Field(writer, Octets.Colon, Field(line, 1));
                break;
            case SdpLineType.Time:
                SdpWriter.Octets(writer, Field(line, 0));
                SdpWriter.Field(writer, SP, Field(line, 1));
                break;
            case SdpLineType.Repeat:
                SdpWriter.Octets(writer, Field(line, 0));
                SdpWriter.Field(writer, SP, Field(line, 1));
                foreach (SdpText offset in new SdpFieldList(Field(line, 2))) SdpWriter.Field(writer, SP, offset);
                break;
            case SdpLineType.Zone:
                bool first = true;
                foreach (SdpZoneAdjustment adjustment in new SdpZone(Field(line, 0)))
                {
                    if (!first) SdpWriter.Octet(writer, SP);
                    first = false;
                    SdpWriter.Octets(writer, adjustment.Time);
                    SdpWriter.Field(writer, SP, adjustment.Offset.Text);
                }
                break;
            case SdpLineType.Attribute:
                SdpWriter.Octets(writer, Field(line, 1));
                if (_lines[line].Fields[2].Length > 0) SdpWriter.Field(writer, Octets.Colon, Field(line, 2));
                break;
            case SdpLineType.Media:
                SdpWriter.Octets(writer, Field(line, 0));
                SdpWriter.Field(writer, SP, Field(line, 1));
                if (_lines[line].Fields[2].Length > 0) SdpWriter.Field(writer, Octets.Slash, Field(line, 2));
                SdpWriter.Field(writer, SP, Field(line, 3));
                foreach (SdpText format in new SdpFieldList(Field(line, 4))) SdpWriter.Field(writer, SP, format);
                break;
            default:
                // v, s, i, u, e, p, k: one field, the value.
                SdpWriter.Octets(writer, Field(line, 0));
                break;
        }
        SdpWriter.End(writer);
    }
}
