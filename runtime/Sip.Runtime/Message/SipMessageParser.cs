using System;
using System.Buffers;
using System.Text;
using Sip.Generated.Grammar;

namespace Sip.Runtime.Message;

/// <summary>
/// Frames a SIP message (RFC 3261 §7, §18.3) and indexes its start line and header fields into a
/// <see cref="SipMessage"/>, in one pass over the header section and without allocating. Malformed input is a
/// result: <see cref="OperationStatus.InvalidData"/> with a <see cref="SipParseError"/> saying which response it
/// deserves; never an exception.
/// </summary>
/// <remarks>
/// <para><b>What is checked.</b> Framing (CRLF line ends, the empty line, Content-Length), the start line (method token,
/// Request-URI, SIP-Version, status code), and each header field's name (<c>token *(SP / HTAB) ":"</c>, RFC 3261
/// §7.3.1). Header values are not parsed: that is the validator's (<see cref="SipMessageValidator"/>) and the typed
/// headers' business, except in strict mode, which matches every field against its grammar rule.</para>
/// <para><b>Choices where the RFCs leave room</b> (each asserted by a test):</para>
/// <list type="bullet">
/// <item>Extra SP between the Request-Line elements and SP/HTAB before its CRLF (RFC 4475 §3.1.2.9 lwsstart.dat,
/// §3.1.2.10 trws.dat: "liberal elements may ignore"): accepted in lenient mode, 400 in strict mode.</item>
/// <item>Escaped headers in a SIP Request-URI (RFC 4475 §3.1.2.11 escruri.dat: "may respond 400; liberal elements
/// ignore them"): 400 in both modes (<see cref="SipErrorCode.RequestUriHeaders"/>). RFC 3261 §19.1.1 Table 1 forbids
/// them there and a proxy must not forward them, so refusing is the safe reading.</item>
/// <item>A <c>sip:</c>/<c>sips:</c> Request-URI must be a SIP-URI/SIPS-URI, not just an <c>absoluteURI</c> (RFC 3261
/// §19.1; RFC 5118 §4.2 ipv6-bad.dat): 400 in both modes. Other schemes must be an <c>absoluteURI</c>; whether they are
/// supported (416) is the validator's question.</item>
/// <item>RFC 5118 §4.10 three-colon IPv6 references and RFC 4475 §3.1.1.6 <c>token&lt;</c> display names are tolerated in
/// both modes (see <see cref="SipParserOptions.Strict"/>).</item>
/// <item>A datagram that ends right after a header line's CRLF, with no empty line (the RFC 5118 §4.10 archive
/// members): accepted with an empty body in lenient mode (<see cref="SipMessage.HasEmptyLine"/> is false); 400
/// <see cref="SipErrorCode.MissingEmptyLine"/> in strict mode. On a stream the parser waits for the empty line.</item>
/// <item>CRLFs before the start line are skipped for datagrams and streams (RFC 3261 §7.5; RFC 5626 §3.5.1
/// keep-alives); a datagram of nothing else is <see cref="SipErrorCode.EmptyMessage"/>, dropped.</item>
/// <item>Several Content-Length fields with the same value are not a framing error (the validator still refuses the
/// duplicate); different values are (RFC 4475 §3.3.9 mcl01.dat).</item>
/// <item>A response status line needs the SP after the code even when the reason phrase is empty (RFC 4475 §3.1.1.13
/// noreason.dat); the code must be 100-699.</item>
/// <item>The SIP-Version is compared case-insensitively (RFC 3261 §7.1); anything but SIP/2.0 is 505 for a request,
/// and a response is dropped.</item>
/// </list>
/// <para><b>Order of errors.</b> The start line is checked as soon as it is complete; then each line's length and the
/// message size, as lines arrive; then, once the header section is complete, framing errors (Content-Length) before
/// the first field error in line order. A stream waits for the whole body before it reports a field error, so the
/// message can be skipped and the connection kept. Hence any prefix of a message parses to
/// <see cref="OperationStatus.NeedMoreData"/> or to the whole message's verdict.</para>
/// </remarks>
public static class SipMessageParser
{
    private enum Scan : byte
    {
        Line,
        NeedMore,
        EndOfData,
        TooLong,
        BadEnding,
        Unterminated,
    }

    /// <summary>
    /// Parses one datagram (UDP, RFC 3261 §18.3): without Content-Length the body is the rest of the datagram; with
    /// it, octets after the body are ignored (RFC 4475 §3.1.1.8 dblreq.dat) and a datagram shorter than it says is
    /// 400 (RFC 4475 §3.1.2.2 clerr.dat). Returns <see cref="OperationStatus.Done"/> or
    /// <see cref="OperationStatus.InvalidData"/>.
    /// </summary>
    public static OperationStatus ParseDatagram(ReadOnlyMemory<byte> datagram, SipMessage message, SipParserOptions options, out SipParseError error)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(options);
        return Parse(datagram, datagram: true, message, options, out _, out error);
    }

    /// <summary>
    /// Parses the message at the start of a stream buffer (TCP, TLS, RFC 3261 §18.3): Content-Length is required and
    /// frames the body. Returns <see cref="OperationStatus.NeedMoreData"/> while the message is incomplete (cut
    /// anywhere, even inside a CRLF or the body), <see cref="OperationStatus.Done"/> with <paramref name="consumed"/>
    /// just past the message, or <see cref="OperationStatus.InvalidData"/>: then <paramref name="consumed"/> is past
    /// the message when it could be framed (<see cref="SipErrorAction.Respond"/> / <see cref="SipErrorAction.Drop"/>),
    /// otherwise the stream must be closed (<see cref="SipErrorAction.RespondAndClose"/> / <see cref="SipErrorAction.Close"/>).
    /// Leading CRLF keep-alives are always consumed (RFC 5626 §3.5.1).
    /// </summary>
    /// <remarks>
    /// A message inside the first segment is indexed in place; one spread over several segments is copied into a
    /// buffer the <see cref="SipMessage"/> owns (allocated once, <see cref="SipParserOptions.MaxMessageSize"/> plus one
    /// line).
    /// </remarks>
    public static OperationStatus ParseStream(ReadOnlySequence<byte> buffer, SipMessage message, SipParserOptions options, out SequencePosition consumed, out SipParseError error)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(options);
        OperationStatus status;
        int used;
        if (buffer.IsSingleSegment)
        {
            status = Parse(buffer.First, datagram: false, message, options, out used, out error);
            consumed = buffer.GetPosition(used);
            return status;
        }

        // Keep-alives may straddle segments: skip them on the sequence first.
        var reader = new SequenceReader<byte>(buffer);
        while (reader.IsNext("\r\n"u8, advancePast: true))
        {
        }
        ReadOnlySequence<byte> rest = buffer.Slice(reader.Position);

        // A prefix parses to NeedMoreData or to the whole message's verdict, so the first segment alone may settle it without a copy.
        status = Parse(rest.First, datagram: false, message, options, out used, out error);
        if (status == OperationStatus.NeedMoreData && !rest.IsSingleSegment)
        {
            // Any verdict is reached within StreamWindow octets (see SipParserOptions.StreamWindow).
            int length = (int)Math.Min(rest.Length, options.StreamWindow);
            byte[] copy = message.StreamCopyBuffer(options.StreamWindow);
            rest.Slice(0, length).CopyTo(copy);
            status = Parse(new ReadOnlyMemory<byte>(copy, 0, length), datagram: false, message, options, out used, out error);
        }
        consumed = rest.GetPosition(used);
        return status;
    }

    /// <summary>Who the refused octets came from, which decides whether an error is answered (<see cref="SipErrorAction"/>).</summary>
    private readonly struct Sender
    {
        private readonly bool _datagram;
        private readonly bool _isResponse;
        private readonly bool _noAnswer;

        public Sender(ReadOnlySpan<byte> start, bool datagram)
        {
            _datagram = datagram;
            // Decided on a fixed window of the first line, so that every prefix that can fail decides alike.
            ReadOnlySpan<byte> window = start[..Math.Min(start.Length, 64)];
            _isResponse = window.Length >= 4 && Ascii.EqualsIgnoreCase(window[..4], "SIP/"u8);
            int method = TokenLength(window);
            bool request = !_isResponse && method > 0 && method < window.Length && window[method] == Octets.SP;
            // RFC 3261 §17.1.1.3: an ACK gets no response; neither do octets that are not a request at all.
            _noAnswer = _isResponse || !request || window[..method].SequenceEqual("ACK"u8);
        }

        public bool IsResponse => _isResponse;

        public SipParseError Error(SipErrorCode code, int line, int offset, bool framed, HeaderKind kind = HeaderKind.Unknown, SipRange name = default, int status = 0)
        {
            SipErrorAction action = framed || _datagram
                ? (_noAnswer ? SipErrorAction.Drop : SipErrorAction.Respond)
                : (_noAnswer ? SipErrorAction.Close : SipErrorAction.RespondAndClose);
            return new SipParseError(code, status != 0 ? status : SipParseError.DefaultStatusOf(code), action, _isResponse, kind, name, offset, line);
        }
    }

    private static OperationStatus Parse(ReadOnlyMemory<byte> input, bool datagram, SipMessage m, SipParserOptions o, out int consumed, out SipParseError error)
    {
        ReadOnlySpan<byte> all = input.Span;
        // RFC 3261 §7.5: "Implementations processing SIP messages over stream-oriented transports MUST ignore any CRLF
        // appearing before the start-line"; RFC 5626 §3.5.1 sends them as keep-alives.
        int skip = 0;
        while (all.Length - skip >= 2 && all[skip] == Octets.CR && all[skip + 1] == Octets.LF) skip += 2;
        ReadOnlyMemory<byte> rest = input[skip..];
        ReadOnlySpan<byte> buf = rest.Span;
        m.Reset(rest, o);
        consumed = datagram ? all.Length : skip;
        var sender = new Sender(buf, datagram);

        if (buf.IsEmpty || (!datagram && buf.Length == 1 && buf[0] == Octets.CR))
        {
            error = datagram ? sender.Error(SipErrorCode.EmptyMessage, 0, 0, framed: true) : default;
            return datagram ? OperationStatus.InvalidData : OperationStatus.NeedMoreData;
        }

        // ---- pass 1: the start line, then each line's length and the message size, up to the empty line ----
        int max = o.MaxLineLength;
        Scan scan = ScanLine(buf, 0, max, datagram, out int startLength);
        if (scan != Scan.Line)
        {
            return scan == Scan.NeedMore
                ? NeedMore(out error)
                : Fail(out error, LineError(sender, scan, 1, 0, startLength, startLine: true));
        }
        if (startLength + 2 > o.MaxMessageSize) return Fail(out error, sender.Error(SipErrorCode.MessageTooLarge, 1, 0, framed: false));
        if (!ParseStartLine(buf, startLength, m, o, sender, out error)) return OperationStatus.InvalidData;

        int headersStart = startLength + 2;
        int pos = headersStart, line = 2, fields = 0, bodyStart;
        bool emptyLine = true;
        // Where each header line's CRLF is, kept for pass 2 so it does not search for them again.
        Span<int> lineEnds = m.LineEndBuffer;
        int lineCount = 0;
        while (true)
        {
            scan = ScanLine(buf, pos, max, datagram, out int length);
            if (scan == Scan.NeedMore) return NeedMore(out error);
            if (scan == Scan.EndOfData)
            {
                // A datagram that stops after a header line's CRLF: see the remarks (RFC 5118 §4.10 archive members).
                if (o.Strict) return Fail(out error, sender.Error(SipErrorCode.MissingEmptyLine, line, pos, framed: true));
                emptyLine = false;
                bodyStart = pos;
                break;
            }
            if (scan != Scan.Line) return Fail(out error, LineError(sender, scan, line, pos, length, startLine: false));
            if (pos + length + 2 > o.MaxMessageSize) return Fail(out error, sender.Error(SipErrorCode.MessageTooLarge, line, pos, framed: false));
            if (length == 0)
            {
                bodyStart = pos + 2;
                break;
            }
            if (!Octets.IsWsp(buf[pos]) && ++fields > o.MaxHeaderCount)
            {
                return Fail(out error, sender.Error(SipErrorCode.TooManyHeaders, line, pos, framed: false));
            }
            if (lineCount < lineEnds.Length) lineEnds[lineCount] = pos + length;
            lineCount++;
            pos += length + 2;
            line++;
        }
        int headersEnd = emptyLine ? bodyStart - 2 : bodyStart;

        // ---- pass 2: index the header fields (every line is known to end in CRLF) ----
        SipParseError framing = default, first = default;
        long contentLength = -1;
        int p = headersStart;
        line = 2;
        int nextLine = 0;
        while (p < headersEnd)
        {
            int begin = p, fieldLine = line;
            int end = LineEnd(buf, p, lineEnds, nextLine++);
            p = end + 2;
            line++;
            // RFC 3261 §7.3.1: a line starting with SP or HTAB continues the previous header field.
            while (p < headersEnd && Octets.IsWsp(buf[p]))
            {
                end = LineEnd(buf, p, lineEnds, nextLine++);
                p = end + 2;
                line++;
            }
            if (Octets.IsWsp(buf[begin]))
            {
                if (!first.IsError) first = sender.Error(SipErrorCode.ContinuationWithoutHeader, fieldLine, begin, framed: true);
                continue;
            }

            ReadOnlySpan<byte> field = buf[begin..end];
            // header-name = token, then HCOLON = *( SP / HTAB ) ":" SWS. Names are short: a table lookup per octet.
            int nameLength = TokenLength(field);
            int colon = Math.Max(nameLength, 0);
            while (colon < field.Length && Octets.IsWsp(field[colon])) colon++;
            if (nameLength <= 0 || colon == field.Length || field[colon] != Octets.Colon)
            {
                if (!first.IsError) first = sender.Error(SipErrorCode.InvalidHeaderName, fieldLine, begin, framed: true);
                continue;
            }
            int value = colon + 1;
            while (value < field.Length)
            {
                // Inside a field a CR is always the CRLF of a fold, followed by WSP.
                if (Octets.IsWsp(field[value])) value++;
                else if (field[value] == Octets.CR) value += 2;
                else break;
            }

            var name = new SipRange(begin, nameLength);
            HeaderKind kind = SipHeaders.Lookup(field[..nameLength]);
            m.AddHeader(new HeaderField(kind, name, SipRange.FromBounds(begin + value, end), SipRange.FromBounds(begin, end), fieldLine));

            if (kind == HeaderKind.ContentLength && !framing.IsError)
            {
                long n = ParseContentLength(field[value..]);
                if (n < 0) framing = sender.Error(SipErrorCode.InvalidContentLength, fieldLine, begin + value, framed: false, kind, name);
                else if (contentLength >= 0 && n != contentLength) framing = sender.Error(SipErrorCode.ConflictingContentLength, fieldLine, begin + value, framed: false, kind, name);
                else contentLength = n;
            }
            if (o.Strict && !first.IsError && !GrammarTolerance.HeaderMatches(kind, field))
            {
                first = sender.Error(SipErrorCode.HeaderGrammar, fieldLine, begin, framed: true, kind, name);
            }
        }

        // ---- framing: RFC 3261 §18.3 ----
        if (framing.IsError) return Fail(out error, framing);
        long bodyLength;
        if (contentLength < 0)
        {
            // "The Content-Length header field MUST be used with stream oriented transports."
            if (!datagram) return Fail(out error, sender.Error(SipErrorCode.MissingContentLength, 0, headersEnd, framed: false));
            bodyLength = buf.Length - bodyStart;
        }
        else
        {
            bodyLength = contentLength;
        }
        if (bodyStart + bodyLength > o.MaxMessageSize) return Fail(out error, sender.Error(SipErrorCode.MessageTooLarge, 0, bodyStart, framed: false));
        if (bodyStart + bodyLength > buf.Length)
        {
            // "If the transport packet ends before the end of the message body, this is considered an error."
            if (datagram) return Fail(out error, sender.Error(SipErrorCode.BodyTruncated, 0, buf.Length, framed: true));
            return NeedMore(out error);
        }

        int total = bodyStart + (int)bodyLength;
        m.SetSource(rest[..total]);
        m.SetFraming(new SipRange(bodyStart, (int)bodyLength), (int)contentLength, emptyLine);
        if (!datagram) consumed = skip + total;
        if (first.IsError) return Fail(out error, first);
        m.SetFramed();
        error = default;
        return OperationStatus.Done;
    }

    /// <summary><c>token</c> at the start of <paramref name="field"/>: its length, or -1 when it is empty (as <c>Rules.Token.MatchLength</c>).</summary>
    private static int TokenLength(ReadOnlySpan<byte> field)
    {
        ReadOnlySpan<byte> table = Headers.HeaderReader.TokenTable;
        int n = 0;
        while (n < field.Length && table[field[n]] != 0) n++;
        return n > 0 ? n : -1;
    }

    /// <summary>The CR of line <paramref name="index"/> (which starts at <paramref name="start"/>): from pass 1, or searched for past its buffer.</summary>
    private static int LineEnd(ReadOnlySpan<byte> buf, int start, Span<int> lineEnds, int index) =>
        index < lineEnds.Length ? lineEnds[index] : start + buf[start..].IndexOf(Octets.LF) - 1;

    private static OperationStatus NeedMore(out SipParseError error)
    {
        error = default;
        return OperationStatus.NeedMoreData;
    }

    private static OperationStatus Fail(out SipParseError error, SipParseError value)
    {
        error = value;
        return OperationStatus.InvalidData;
    }

    /// <summary>
    /// The line at <paramref name="start"/>: <see cref="Scan.Line"/> with its length without CRLF, or why not. Looks at
    /// no more than <paramref name="max"/> + 2 octets, so a verdict on a long line does not depend on what follows it.
    /// </summary>
    private static Scan ScanLine(ReadOnlySpan<byte> buf, int start, int max, bool final, out int length)
    {
        length = 0;
        int available = buf.Length - start;
        if (available == 0) return final ? Scan.EndOfData : Scan.NeedMore;
        ReadOnlySpan<byte> window = buf.Slice(start, Math.Min(available, max + 2));
        // Fast path, one scan: the first CR or LF is the CR of a CRLF. Anything else takes the careful path below,
        // which decides the error and its offset.
        int first = window.IndexOfAny(Octets.CR, Octets.LF);
        if (first >= 0 && window[first] == Octets.CR && first + 1 < window.Length && window[first + 1] == Octets.LF)
        {
            length = first;
            return Scan.Line;
        }
        int lf = window.IndexOf(Octets.LF);
        if (lf < 0)
        {
            if (window.Length == max + 2) return Scan.TooLong;
            return final ? Scan.Unterminated : Scan.NeedMore;
        }
        // RFC 3261 §7: start line and header lines end in CRLF; a lone CR or LF is in no rule of the header section.
        if (lf == 0 || window[lf - 1] != Octets.CR)
        {
            length = lf;
            return Scan.BadEnding;
        }
        length = lf - 1;
        int cr = window[..length].IndexOf(Octets.CR);
        if (cr >= 0)
        {
            length = cr;
            return Scan.BadEnding;
        }
        return Scan.Line;
    }

    private static SipParseError LineError(in Sender sender, Scan scan, int line, int start, int length, bool startLine) => scan switch
    {
        // A request's start line is long because of its Request-URI: 414 (RFC 3261 §21.4.12).
        Scan.TooLong => sender.Error(SipErrorCode.LineTooLong, line, start, framed: false, status: startLine && !sender.IsResponse ? 414 : 413),
        Scan.BadEnding => sender.Error(SipErrorCode.InvalidLineEnding, line, start + length, framed: false),
        _ => sender.Error(SipErrorCode.UnterminatedLine, line, start, framed: false),
    };

    /// <summary>
    /// <c>Content-Length = ( "Content-Length" / "l" ) HCOLON 1*DIGIT</c>: the value (saturating far above any limit),
    /// or -1 when it is not 1*DIGIT (RFC 4475 §3.1.2.3 ncl.dat: "-999"). Trailing LWS is allowed.
    /// </summary>
    private static long ParseContentLength(ReadOnlySpan<byte> value)
    {
        int end = value.Length;
        while (end > 0 && Octets.IsLws(value[end - 1])) end--;
        if (end == 0) return -1;
        long n = 0;
        for (int i = 0; i < end; i++)
        {
            byte b = value[i];
            if (!Octets.IsDigit(b)) return -1;
            if (n < 1L << 40) n = n * 10 + (b - Octets.Zero);
        }
        return n;
    }

    // ---- start line ----

    private static bool ParseStartLine(ReadOnlySpan<byte> buf, int length, SipMessage m, SipParserOptions o, in Sender sender, out SipParseError error)
    {
        if (o.Strict)
        {
            ReadOnlySpan<byte> withCrlf = buf[..(length + 2)];
            bool matches = sender.IsResponse ? Rules.StatusLine.IsMatch(withCrlf) : GrammarTolerance.RequestLineMatches(withCrlf);
            if (!matches)
            {
                error = sender.Error(SipErrorCode.StartLineGrammar, 1, 0, framed: false);
                return false;
            }
        }
        ReadOnlySpan<byte> line = buf[..length];
        return sender.IsResponse ? ParseStatusLine(line, m, sender, out error) : ParseRequestLine(line, m, sender, out error);
    }

    /// <summary><c>Request-Line = Method SP Request-URI SP SIP-Version CRLF</c>, leniently: runs of SP between the elements and SP/HTAB at the end are allowed (strict mode has already matched the rule).</summary>
    private static bool ParseRequestLine(ReadOnlySpan<byte> line, SipMessage m, in Sender sender, out SipParseError error)
    {
        int sp = line.IndexOf(Octets.SP);
        if (sp < 0) return StartLineFail(sender, SipErrorCode.InvalidStartLine, line.Length, out error);
        if (sp == 0 || TokenLength(line[..sp]) != sp) return StartLineFail(sender, SipErrorCode.InvalidMethod, 0, out error);

        int uriStart = sp;
        while (uriStart < line.Length && line[uriStart] == Octets.SP) uriStart++;           // RFC 4475 §3.1.2.9
        int end = line.Length;
        while (end > uriStart && Octets.IsWsp(line[end - 1])) end--;                          // RFC 4475 §3.1.2.10
        int lastSp = line[uriStart..end].LastIndexOf(Octets.SP);
        if (lastSp < 0) return StartLineFail(sender, SipErrorCode.InvalidStartLine, end, out error);
        int versionStart = uriStart + lastSp + 1;
        int uriEnd = uriStart + lastSp;
        while (uriEnd > uriStart && line[uriEnd - 1] == Octets.SP) uriEnd--;

        m.SetRequestLine(new SipRange(0, line.Length), new SipRange(0, sp), SipRange.FromBounds(uriStart, uriEnd), SipRange.FromBounds(versionStart, end));

        ReadOnlySpan<byte> version = line[versionStart..end];
        // "SIP/2.0" as written by nearly every sender is in the rule; anything else goes through the grammar.
        if (!version.SequenceEqual("SIP/2.0"u8) && !Rules.SIPVersion.IsMatch(version)) return StartLineFail(sender, SipErrorCode.InvalidVersion, versionStart, out error);
        // RFC 3261 §7.1: "The SIP-Version string is case-insensitive".
        if (!Ascii.EqualsIgnoreCase(version, "SIP/2.0"u8)) return StartLineFail(sender, SipErrorCode.VersionNotSupported, versionStart, out error);

        SipErrorCode uriError = CheckRequestUri(line[uriStart..uriEnd], out int at);
        if (uriError != SipErrorCode.None) return StartLineFail(sender, uriError, uriStart + at, out error);
        error = default;
        return true;
    }

    /// <summary>
    /// <c>Request-URI = SIP-URI / SIPS-URI / absoluteURI</c>, with RFC 3261 §19.1's prose: a URI whose scheme is sip or
    /// sips must be a SIP-URI / SIPS-URI, and §19.1.1 Table 1: no headers in a Request-URI.
    /// </summary>
    private static SipErrorCode CheckRequestUri(ReadOnlySpan<byte> uri, out int at)
    {
        at = 0;
        if (uri.IsEmpty || uri.IndexOfAny(Octets.SP, Octets.HTAB) >= 0) return SipErrorCode.InvalidRequestUri;
        int colon = uri.IndexOf(Octets.Colon);
        if (Addressing.SipUri.HasSipScheme(uri, out bool sips))
        {
            if (!GrammarTolerance.SipUriMatches(uri, sips)) return SipErrorCode.RequestUriNotSipUri;
            // The headers start at the first '?' after the userinfo: '@' occurs nowhere after it in a SIP-URI, and
            // user-unreserved allows '?' before it.
            int hostStart = Math.Max(uri.LastIndexOf(Octets.At), colon);
            int question = uri[hostStart..].IndexOf(Octets.Question);
            if (question >= 0)
            {
                at = hostStart + question;
                return SipErrorCode.RequestUriHeaders;
            }
            return SipErrorCode.None;
        }
        return Rules.AbsoluteURI.IsMatch(uri) ? SipErrorCode.None : SipErrorCode.InvalidRequestUri;
    }

    /// <summary><c>Status-Line = SIP-Version SP Status-Code SP Reason-Phrase CRLF</c>, leniently: a run of SP after the version is allowed.</summary>
    private static bool ParseStatusLine(ReadOnlySpan<byte> line, SipMessage m, in Sender sender, out SipParseError error)
    {
        int sp = line.IndexOf(Octets.SP);
        if (sp < 0) return StartLineFail(sender, SipErrorCode.InvalidStartLine, line.Length, out error);
        ReadOnlySpan<byte> version = line[..sp];
        if (!Rules.SIPVersion.IsMatch(version)) return StartLineFail(sender, SipErrorCode.InvalidVersion, 0, out error);
        int code = sp;
        while (code < line.Length && line[code] == Octets.SP) code++;
        // Status-Code = 3DIGIT; §21: 100 to 699. The SP after it is required even before an empty Reason-Phrase.
        if (code + 3 > line.Length || !Octets.IsDigit(line[code]) || !Octets.IsDigit(line[code + 1]) || !Octets.IsDigit(line[code + 2]))
        {
            return StartLineFail(sender, SipErrorCode.InvalidStatusCode, code, out error);
        }
        if (code + 3 == line.Length) return StartLineFail(sender, SipErrorCode.InvalidStartLine, line.Length, out error);
        if (line[code + 3] != Octets.SP) return StartLineFail(sender, SipErrorCode.InvalidStatusCode, code, out error);
        int status = (line[code] - Octets.Zero) * 100 + (line[code + 1] - Octets.Zero) * 10 + (line[code + 2] - Octets.Zero);
        if (status is < 100 or > 699) return StartLineFail(sender, SipErrorCode.InvalidStatusCode, code, out error);

        m.SetStatusLine(new SipRange(0, line.Length), new SipRange(0, sp), status, SipRange.FromBounds(code + 4, line.Length));
        if (!Ascii.EqualsIgnoreCase(version, "SIP/2.0"u8)) return StartLineFail(sender, SipErrorCode.VersionNotSupported, 0, out error);
        error = default;
        return true;
    }

    private static bool StartLineFail(in Sender sender, SipErrorCode code, int offset, out SipParseError error)
    {
        error = sender.Error(code, 1, offset, framed: false);
        return false;
    }
}
