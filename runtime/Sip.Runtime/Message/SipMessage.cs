using System;
using System.Text;
using Sip.Generated.Grammar;

namespace Sip.Runtime.Message;

/// <summary>
/// A framed SIP message as an index of ranges into its octets: the start line's parts, one
/// <see cref="HeaderField"/> per header field (kind, name, value, whole field), and the body. Filled by
/// <see cref="SipMessageParser"/>; nothing is copied and nothing is parsed beyond the index until asked.
/// </summary>
/// <remarks>
/// <para>
/// Reusable: one instance is filled by each parse. Its arrays are sized once from the options it was built with (a
/// parse with a larger <see cref="SipParserOptions.MaxHeaderCount"/> grows them once), so a parse after warm-up
/// allocates nothing. Not thread-safe: one instance per receive loop.
/// </para>
/// <para>
/// <see cref="Source"/> is the caller's memory (a datagram, or the single segment of a stream buffer that held the
/// message) or, for a message spread over several segments of a <c>ReadOnlySequence</c>, a buffer this instance owns
/// and reuses. Either way the octets are valid until the caller releases its buffer or the next parse.
/// </para>
/// </remarks>
public sealed class SipMessage
{
    private ReadOnlyMemory<byte> _source;
    private byte[]? _streamCopy;
    private HeaderField[] _headers;
    private int _headerCount;
    // Per HeaderKind: index + 1 of the first field of that kind (0 = none), and how many fields.
    private readonly int[] _firstOfKind = new int[SipHeaders.Count + 1];
    private readonly int[] _countOfKind = new int[SipHeaders.Count + 1];
    private bool _isRequest;
    private bool _isFramed;
    private SipRange _startLine;
    private SipRange _method;
    private SipRange _requestUri;
    private SipRange _version;
    private SipRange _reasonPhrase;
    private SipRange _body;
    private int _statusCode;
    private int _contentLength = -1;
    private bool _hasEmptyLine;

    /// <summary>A message sized for <see cref="SipParserOptions.Default"/>.</summary>
    public SipMessage() : this(SipParserOptions.Default)
    {
    }

    /// <summary>A message whose header index holds <see cref="SipParserOptions.MaxHeaderCount"/> fields.</summary>
    public SipMessage(SipParserOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _headers = new HeaderField[options.MaxHeaderCount];
    }

    /// <summary>
    /// The message's octets, from the first octet of the start line to the last octet of the body (leading CRLF
    /// keep-alives and octets after the body are not part of it). After a failed parse: the octets that were looked at.
    /// </summary>
    public ReadOnlyMemory<byte> Source => _source;

    /// <summary>Octets in the message: start line, header section, empty line and body.</summary>
    public int Length => _source.Length;

    /// <summary>True when the last parse returned <see cref="System.Buffers.OperationStatus.Done"/>: the index describes a whole message.</summary>
    public bool IsFramed => _isFramed;

    /// <summary>True for a request, false for a response (start line beginning with <c>SIP/</c>).</summary>
    public bool IsRequest => _isRequest;

    /// <summary>The start line without its CRLF.</summary>
    public SipRange StartLine => _startLine;

    /// <summary>A request's method (case-sensitive, RFC 3261 §7.1); empty for a response.</summary>
    public SipRange Method => _method;

    /// <summary>A request's Request-URI; empty for a response.</summary>
    public SipRange RequestUri => _requestUri;

    /// <summary>The SIP-Version of the start line (<c>SIP/2.0</c> once parsed).</summary>
    public SipRange Version => _version;

    /// <summary>A response's status code (100-699); 0 for a request.</summary>
    public int StatusCode => _statusCode;

    /// <summary>A response's reason phrase (possibly empty); empty for a request.</summary>
    public SipRange ReasonPhrase => _reasonPhrase;

    /// <summary>The body: Content-Length octets after the empty line, or for a datagram without Content-Length the rest of the datagram.</summary>
    public SipRange Body => _body;

    /// <summary>The Content-Length value, or -1 when the message has no Content-Length.</summary>
    public int DeclaredContentLength => _contentLength;

    /// <summary>
    /// False when a datagram ended right after a header line with no empty line (accepted in lenient mode; RFC 5118
    /// §4.10's archive members are written so).
    /// </summary>
    public bool HasEmptyLine => _hasEmptyLine;

    /// <summary>Number of header fields.</summary>
    public int HeaderCount => _headerCount;

    /// <summary>Every header field, in message order.</summary>
    public ReadOnlySpan<HeaderField> Headers => new(_headers, 0, _headerCount);

    /// <summary>The header field at <paramref name="index"/> (0 to <see cref="HeaderCount"/> - 1).</summary>
    public ref readonly HeaderField Header(int index)
    {
        if ((uint)index >= (uint)_headerCount) ThrowIndex();
        return ref _headers[index];
    }

    /// <summary>The octets of <paramref name="range"/>.</summary>
    public ReadOnlySpan<byte> Span(SipRange range) => _source.Span.Slice(range.Offset, range.Length);

    /// <summary>The octets of <paramref name="range"/> as memory (for keeping beyond a span's scope; still the same buffer).</summary>
    public ReadOnlyMemory<byte> Memory(SipRange range) => _source.Slice(range.Offset, range.Length);

    /// <summary>The octets of <paramref name="range"/> as a string (UTF-8). Allocates: for logs and the API edge, not the parse path.</summary>
    public string GetString(SipRange range) => Encoding.UTF8.GetString(Span(range));

    /// <summary>True when the request method is <paramref name="method"/> (case-sensitive, RFC 3261 §7.1).</summary>
    public bool MethodIs(ReadOnlySpan<byte> method) => _isRequest && Span(_method).SequenceEqual(method);

    /// <summary>Number of header fields of <paramref name="kind"/> (long and compact names alike).</summary>
    public int Count(HeaderKind kind) => (uint)kind < (uint)_countOfKind.Length ? _countOfKind[(int)kind] : 0;

    /// <summary>Number of header fields named <paramref name="name"/> (case-insensitive; a known name counts its compact form too).</summary>
    public int Count(ReadOnlySpan<byte> name)
    {
        HeaderKind kind = SipHeaders.Lookup(name);
        if (kind != HeaderKind.Unknown) return Count(kind);
        int count = 0;
        for (int i = 0; i < _headerCount; i++)
        {
            if (IsUnknownNamed(i, name)) count++;
        }
        return count;
    }

    /// <summary>Index of the first header field of <paramref name="kind"/> at or after <paramref name="start"/>, or -1.</summary>
    public int IndexOf(HeaderKind kind, int start = 0)
    {
        if (kind == HeaderKind.Unknown || (uint)kind >= (uint)_firstOfKind.Length) return -1;
        int first = _firstOfKind[(int)kind] - 1;
        if (first < 0) return -1;
        for (int i = Math.Max(first, start); i < _headerCount; i++)
        {
            if (_headers[i].Kind == kind) return i;
        }
        return -1;
    }

    /// <summary>The first header field of <paramref name="kind"/>.</summary>
    public bool TryGetFirst(HeaderKind kind, out HeaderField field)
    {
        int i = kind == HeaderKind.Unknown || (uint)kind >= (uint)_firstOfKind.Length ? -1 : _firstOfKind[(int)kind] - 1;
        field = i >= 0 ? _headers[i] : default;
        return i >= 0;
    }

    /// <summary>
    /// The first header field named <paramref name="name"/>: a known name (long or compact, any case) finds its kind;
    /// any other name is compared case-insensitively (RFC 3261 §7.3.1) with the extension headers' names.
    /// </summary>
    public bool TryGetFirst(ReadOnlySpan<byte> name, out HeaderField field)
    {
        HeaderKind kind = SipHeaders.Lookup(name);
        if (kind != HeaderKind.Unknown) return TryGetFirst(kind, out field);
        for (int i = 0; i < _headerCount; i++)
        {
            if (IsUnknownNamed(i, name))
            {
                field = _headers[i];
                return true;
            }
        }
        field = default;
        return false;
    }

    /// <summary>
    /// Every value of <paramref name="kind"/>, across all its header fields, in order: a list header
    /// (<see cref="SipHeaders.IsList"/>) is split on the commas outside quoted strings, angle brackets and comments;
    /// each value is trimmed of LWS and empty list elements are skipped. A header that is not a list yields each
    /// field's whole value (trimmed), even when empty. <see cref="HeaderKind.Unknown"/> yields nothing: ask for an
    /// extension header by name (<see cref="Values(ReadOnlySpan{byte})"/>).
    /// </summary>
    public ValueEnumerator Values(HeaderKind kind) =>
        new(_source.Span, Headers, kind, default, kind != HeaderKind.Unknown && SipHeaders.IsList(kind), FirstIndex(kind), Count(kind));

    /// <summary>Index of the first field of <paramref name="kind"/>, or <see cref="HeaderCount"/> when there is none (or for Unknown: 0).</summary>
    private int FirstIndex(HeaderKind kind)
    {
        if (kind == HeaderKind.Unknown) return 0;
        int first = (uint)kind < (uint)_firstOfKind.Length ? _firstOfKind[(int)kind] - 1 : -1;
        return first >= 0 ? first : _headerCount;
    }

    /// <summary>
    /// As <see cref="Values(HeaderKind)"/>, by name: a known name finds its kind; an extension header's values are its
    /// fields' whole values (the grammar does not say whether it is a list).
    /// </summary>
    public ValueEnumerator Values(ReadOnlySpan<byte> name)
    {
        HeaderKind kind = SipHeaders.Lookup(name);
        return kind != HeaderKind.Unknown ? Values(kind) : new(_source.Span, Headers, HeaderKind.Unknown, name, false, 0, int.MaxValue);
    }

    private bool IsUnknownNamed(int i, ReadOnlySpan<byte> name)
    {
        ref readonly HeaderField h = ref _headers[i];
        return h.Kind == HeaderKind.Unknown && Ascii.EqualsIgnoreCase(Span(h.Name), name);
    }

    private static void ThrowIndex() => throw new ArgumentOutOfRangeException("index");

    // ---- filled by SipMessageParser ----

    /// <summary>Starts a parse: forgets the previous message and grows the index if the options ask for more fields.</summary>
    internal void Reset(ReadOnlyMemory<byte> source, SipParserOptions options)
    {
        for (int i = 0; i < _headerCount; i++)
        {
            HeaderKind k = _headers[i].Kind;
            _firstOfKind[(int)k] = 0;
            _countOfKind[(int)k] = 0;
        }
        if (_headers.Length < options.MaxHeaderCount) _headers = new HeaderField[options.MaxHeaderCount];
        _source = source;
        _headerCount = 0;
        _isRequest = false;
        _isFramed = false;
        _startLine = _method = _requestUri = _version = _reasonPhrase = _body = default;
        _statusCode = 0;
        _contentLength = -1;
        _hasEmptyLine = true;
    }

    internal void SetSource(ReadOnlyMemory<byte> source) => _source = source;

    internal void SetRequestLine(SipRange line, SipRange method, SipRange requestUri, SipRange version)
    {
        _isRequest = true;
        _startLine = line;
        _method = method;
        _requestUri = requestUri;
        _version = version;
    }

    internal void SetStatusLine(SipRange line, SipRange version, int statusCode, SipRange reasonPhrase)
    {
        _isRequest = false;
        _startLine = line;
        _version = version;
        _statusCode = statusCode;
        _reasonPhrase = reasonPhrase;
    }

    internal void AddHeader(in HeaderField field)
    {
        int kind = (int)field.Kind;
        if (_firstOfKind[kind] == 0) _firstOfKind[kind] = _headerCount + 1;
        _countOfKind[kind]++;
        _headers[_headerCount++] = field;
    }

    internal void SetFraming(SipRange body, int contentLength, bool hasEmptyLine)
    {
        _body = body;
        _contentLength = contentLength;
        _hasEmptyLine = hasEmptyLine;
    }

    internal void SetFramed() => _isFramed = true;

    /// <summary>
    /// Where the parser keeps each header line's end between its two passes: sized once (a message with more lines
    /// than this has the rest searched for again, with no allocation).
    /// </summary>
    internal Span<int> LineEndBuffer => _lineEnds;

    private readonly int[] _lineEnds = new int[256];

    /// <summary>The buffer a multi-segment stream message is copied into: allocated once, reused by every parse.</summary>
    internal byte[] StreamCopyBuffer(int size)
    {
        if (_streamCopy is null || _streamCopy.Length < size) _streamCopy = new byte[size];
        return _streamCopy;
    }

    /// <summary>
    /// Every value of one header kind (or one extension header name), across all its fields: see
    /// <see cref="Values(HeaderKind)"/>. A <c>ref struct</c>: use it in <c>foreach</c>.
    /// </summary>
    public ref struct ValueEnumerator
    {
        private readonly ReadOnlySpan<byte> _source;
        private readonly ReadOnlySpan<HeaderField> _headers;
        private readonly ReadOnlySpan<byte> _name;
        private readonly HeaderKind _kind;
        private readonly bool _split;
        private int _remaining;
        private int _header;
        private int _next;
        private int _end;
        private SipRange _current;

        internal ValueEnumerator(ReadOnlySpan<byte> source, ReadOnlySpan<HeaderField> headers, HeaderKind kind, ReadOnlySpan<byte> name, bool split, int first, int remaining)
        {
            _source = source;
            _headers = headers;
            _kind = kind;
            _name = name;
            _split = split;
            // The index counts the fields of each kind: the walk stops after the last one instead of at the end.
            _remaining = remaining;
            // The index knows where the first field of a kind is: the walk starts there.
            _header = first - 1;
            _next = -1;
            _end = 0;
            _current = default;
        }

        /// <summary>The current value's range in the message.</summary>
        public readonly SipRange Current => _current;

        /// <summary>The current value's octets.</summary>
        public readonly ReadOnlySpan<byte> CurrentSpan => _source.Slice(_current.Offset, _current.Length);

        /// <summary>Index (in <see cref="Headers"/>) of the header field the current value belongs to.</summary>
        public readonly int HeaderIndex => _header;

        /// <summary>Returns this enumerator (for <c>foreach</c>).</summary>
        public readonly ValueEnumerator GetEnumerator() => this;

        /// <summary>Advances to the next value.</summary>
        public bool MoveNext()
        {
            while (true)
            {
                if (_next < 0)
                {
                    if (!NextField()) return false;
                    SipRange value = _headers[_header].Value;
                    if (!_split)
                    {
                        _current = Octets.TrimLws(_source, value.Offset, value.End);
                        return true;
                    }
                    _next = value.Offset;
                    _end = value.End;
                }
                if (_next > _end)
                {
                    _next = -1;
                    continue;
                }
                int comma = NextComma(_source, _next, _end, _kind);
                SipRange element = Octets.TrimLws(_source, _next, comma);
                _next = comma + 1;
                if (!element.IsEmpty)
                {
                    _current = element;
                    return true;
                }
            }
        }

        private bool NextField()
        {
            if (_remaining <= 0)
            {
                _header = _headers.Length;
                return false;
            }
            for (int i = _header + 1; i < _headers.Length; i++)
            {
                ref readonly HeaderField h = ref _headers[i];
                if (h.Kind != _kind) continue;
                if (_kind == HeaderKind.Unknown && !Ascii.EqualsIgnoreCase(_source.Slice(h.Name.Offset, h.Name.Length), _name)) continue;
                _header = i;
                _remaining--;
                return true;
            }
            _header = _headers.Length;
            return false;
        }

        private static readonly System.Buffers.SearchValues<byte> s_listDelimiters = System.Buffers.SearchValues.Create(",\"<"u8);

        /// <summary>
        /// Offset of the first comma in [start, end) that separates list elements, or <paramref name="end"/>. Commas
        /// inside a quoted-string (with quoted-pairs) or between <c>&lt;</c> and <c>&gt;</c> (a URI may hold commas) do
        /// not. No list header of the grammar holds a comment, and a URI may hold parentheses (§25.1 <c>mark</c>), so
        /// parentheses are not brackets here.
        /// </summary>
        internal static int NextComma(ReadOnlySpan<byte> s, int start, int end, HeaderKind kind)
        {
            // In-Reply-To lists callids: "word" may hold quotes, brackets and parentheses (§25.1) but never a comma.
            if (kind == HeaderKind.InReplyTo)
            {
                int comma = s.Slice(start, end - start).IndexOf(Octets.Comma);
                return comma < 0 ? end : start + comma;
            }
            // Vectorised: jump to the next comma, quote or '<'; skip a quoted-string or a bracketed URI whole.
            int i = start;
            while (i < end)
            {
                int found = s.Slice(i, end - i).IndexOfAny(s_listDelimiters);
                if (found < 0) return end;
                i += found;
                byte b = s[i];
                if (b == Octets.Comma) return i;
                if (b == Octets.LAngle)
                {
                    int close = s.Slice(i + 1, end - i - 1).IndexOf(Octets.RAngle);
                    if (close < 0) return end;
                    i += close + 2;
                    continue;
                }
                // A quoted-string: up to the closing quote, quoted-pairs skipped.
                i++;
                while (i < end)
                {
                    int q = s.Slice(i, end - i).IndexOfAny(Octets.DQuote, Octets.Backslash);
                    if (q < 0) return end;
                    i += q;
                    if (s[i] == Octets.Backslash)
                    {
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
            }
            return end;
        }
    }
}
