using System;
using System.Buffers;
using Sip.Runtime.Message;

namespace Sip.Runtime.Headers;

/// <summary>
/// The deterministic second pass of design note "exact and fast", way 3: inside one header value (already cut out by
/// framing and, in strict mode, validated against the grammar) the delimiters are fixed, so the parts are found by a
/// forward scan with no choice to make. Positions are offsets into the whole source (the message), so the ranges a
/// value keeps need no translation.
/// </summary>
internal ref struct HeaderReader
{
    private readonly ReadOnlySpan<byte> _source;
    private readonly int _end;
    private int _pos;

    public HeaderReader(ReadOnlySpan<byte> source, SipRange value)
    {
        _source = source;
        _pos = value.Offset;
        _end = value.End;
    }

    public readonly int Position => _pos;
    public readonly int End => _end;
    public readonly bool AtEnd => _pos >= _end;
    public readonly byte Peek => _pos < _end ? _source[_pos] : (byte)0;

    /// <summary>Skips LWS (SP, HTAB and the CRLF of a fold).</summary>
    public void SkipLws()
    {
        while (_pos < _end && Octets.IsLws(_source[_pos])) _pos++;
    }

    /// <summary>Skips LWS, then <paramref name="b"/> if it is next. SEMI, COMMA, SLASH, EQUAL and COLON are all "SWS x SWS".</summary>
    public bool TrySkip(byte b)
    {
        int save = _pos;
        SkipLws();
        if (_pos < _end && _source[_pos] == b)
        {
            _pos++;
            SkipLws();
            return true;
        }
        _pos = save;
        return false;
    }

    /// <summary>A run of token characters (RFC 3261 §25.1 <c>token</c>); empty when none.</summary>
    public SipRange Token() => RunOf(s_token, TokenTable);

    /// <summary>A run of octets up to (not including) one of <paramref name="stops"/> (which holds the LWS octets).</summary>
    public SipRange Until(SearchValues<byte> stops)
    {
        int start = _pos;
        int found = _source.Slice(_pos, _end - _pos).IndexOfAny(stops);
        _pos = found < 0 ? _end : _pos + found;
        return SipRange.FromBounds(start, _pos);
    }

    /// <summary>A run of decimal digits.</summary>
    public SipRange Digits() => RunOf(s_digits, DigitTable);

    /// <summary>
    /// A run of octets of <paramref name="set"/>. Most runs in a header are short (a transport, a port, a parameter
    /// name), where a call into the vectorised search costs more than it saves: the first octets are tested one by one,
    /// and only a run longer than that goes to <c>IndexOfAnyExcept</c>.
    /// </summary>
    private SipRange RunOf(SearchValues<byte> set, ReadOnlySpan<byte> table)
    {
        int start = _pos;
        int scalarEnd = Math.Min(_end, _pos + 8);
        while (_pos < scalarEnd && table[_source[_pos]] != 0) _pos++;
        if (_pos == scalarEnd && _pos < _end)
        {
            int found = _source.Slice(_pos, _end - _pos).IndexOfAnyExcept(set);
            _pos = found < 0 ? _end : _pos + found;
        }
        return SipRange.FromBounds(start, _pos);
    }

    // One entry per octet: 1 when it belongs to the set (a load per octet, no branches on the octet's value).
    private static ReadOnlySpan<byte> DigitTable =>
    [
        0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
        0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,
        0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
        0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
        0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
        0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
        0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
        0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    ];

    // token = 1*( alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~" )
    internal static ReadOnlySpan<byte> TokenTable =>
    [
        0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
        //   !  "  #  $  %  &  '  (  )  *  +  ,  -  .  /  0-9                    :  ;  <  =  >  ?
        0,1,0,0,0,1,0,1,0,0,1,1,0,1,1,0, 1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,
        // @ A-O                          P-Z                    [  \  ]  ^  _
        0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1, 1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,1,
        // ` a-o                          p-z                    {  |  }  ~
        1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1, 1,1,1,1,1,1,1,1,1,1,1,0,0,0,1,0,
        0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
        0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
        0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
        0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    ];

    // A token, or the '[' ']' ':' of an IPv6 host (gen-value without quotes).
    private static ReadOnlySpan<byte> TokenOrIpv6Table =>
    [
        0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
        0,1,0,0,0,1,0,1,0,0,1,1,0,1,1,0, 1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,
        0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1, 1,1,1,1,1,1,1,1,1,1,1,1,0,1,0,1,
        1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1, 1,1,1,1,1,1,1,1,1,1,1,0,0,0,1,0,
        0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
        0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
        0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
        0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    ];

    private static readonly SearchValues<byte> s_token = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~"u8);

    private static readonly SearchValues<byte> s_tokenOrIpv6 = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~[]:"u8);

    private static readonly SearchValues<byte> s_digits = SearchValues.Create("0123456789"u8);

    /// <summary>LWS, or ';' (the end of a Token/Call-ID value).</summary>
    public static readonly SearchValues<byte> LwsOrSemicolon = SearchValues.Create(" \t\r\n;"u8);

    /// <summary>LWS only (a warn-agent).</summary>
    public static readonly SearchValues<byte> Lws = SearchValues.Create(" \t\r\n"u8);

    /// <summary>What ends a host that is not an IPv6 reference: LWS, ':', ';', ',', '?', '>'.</summary>
    public static readonly SearchValues<byte> HostEnd = SearchValues.Create(" \t\r\n:;,?>"u8);

    /// <summary>LWS or ']' (the end of an IPv6 reference).</summary>
    public static readonly SearchValues<byte> LwsOrRightBracket = SearchValues.Create(" \t\r\n]"u8);

    /// <summary>
    /// <c>quoted-string = SWS DQUOTE *(qdtext / quoted-pair ) DQUOTE</c>, quotes included; false (position unchanged)
    /// when the next octet is not a quote or the string is not closed.
    /// </summary>
    public bool TryQuoted(out SipRange quoted)
    {
        quoted = default;
        if (_pos >= _end || _source[_pos] != Octets.DQuote) return false;
        int i = _pos + 1;
        while (i < _end)
        {
            int found = _source.Slice(i, _end - i).IndexOfAny(Octets.DQuote, Octets.Backslash);
            if (found < 0) return false;
            i += found;
            if (_source[i] == Octets.Backslash)
            {
                i += 2; // quoted-pair
                continue;
            }
            quoted = SipRange.FromBounds(_pos, i + 1);
            _pos = i + 1;
            return true;
        }
        return false;
    }

    /// <summary>A comment with nested parentheses and quoted-pairs (§25.1), parentheses included.</summary>
    public bool TryComment(out SipRange comment)
    {
        comment = default;
        if (_pos >= _end || _source[_pos] != Octets.LParen) return false;
        int depth = 0;
        for (int i = _pos; i < _end; i++)
        {
            byte b = _source[i];
            if (b == Octets.Backslash) i++;
            else if (b == Octets.LParen) depth++;
            else if (b == Octets.RParen && --depth == 0)
            {
                comment = SipRange.FromBounds(_pos, i + 1);
                _pos = i + 1;
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The parameters that follow (each introduced by <paramref name="separator"/>) up to the end of the value: their
    /// whole range, from the first separator. False when something else than a parameter list follows.
    /// </summary>
    public bool TryParameters(byte separator, out SipRange parameters, bool exact = false)
    {
        SkipLws();
        int start = _pos;
        parameters = SipRange.FromBounds(start, start);
        while (!AtEnd)
        {
            if (!TrySkip(separator)) return false;
            if (Token().IsEmpty) return false;
            if (TrySkip(Octets.Equal) && !(exact ? TryGenValue() : TryParameterValue(out _))) return false;
            SkipLws();
        }
        parameters = SipRange.FromBounds(start, _pos);
        return true;
    }

    /// <summary>
    /// A parameter value, <c>gen-value = token / host / quoted-string</c> (§25.1): a quoted-string, or a run of token
    /// characters and the <c>[</c> <c>]</c> <c>:</c> of an IPv6 host.
    /// </summary>
    public bool TryParameterValue(out SipRange value)
    {
        if (Peek == Octets.DQuote) return TryQuoted(out value);
        value = RunOf(s_tokenOrIpv6, TokenOrIpv6Table);
        return !value.IsEmpty;
    }

    /// <summary>
    /// Exactly <c>gen-value = token / host / quoted-string</c>: a token (which covers host names and IPv4 addresses), an
    /// IPv6 reference in brackets, or a quoted-string. Used where the split between a bare URI and its parameters
    /// depends on what a parameter may hold.
    /// </summary>
    public bool TryGenValue()
    {
        if (Peek == Octets.DQuote) return TryQuoted(out _);
        if (Peek == Octets.LBracket)
        {
            int i = _pos + 1;
            while (i < _end && (Octets.IsHexDigit(_source[i]) || _source[i] is Octets.Colon or (byte)'.')) i++;
            if (i >= _end || _source[i] != Octets.RBracket || i == _pos + 1) return false;
            _pos = i + 1;
            return true;
        }
        return !Token().IsEmpty;
    }

    public readonly int DigitAt(int index) => _source[index] - Octets.Zero;

    /// <summary>The value of a run of digits as an unsigned 32-bit number (false when empty, not digits, or too large).</summary>
    public readonly bool TryUInt32(SipRange digits, out uint value)
    {
        value = 0;
        if (digits.IsEmpty) return false;
        ulong v = 0;
        for (int i = digits.Offset; i < digits.End; i++)
        {
            uint d = (uint)(_source[i] - Octets.Zero);
            if (d > 9) return false;
            v = v * 10 + d;
            if (v > uint.MaxValue) return false;
        }
        value = (uint)v;
        return true;
    }

    /// <summary>Moves to the next <paramref name="b"/> (vectorised); false, at the end, when there is none.</summary>
    public bool SkipTo(byte b)
    {
        int found = _source.Slice(_pos, _end - _pos).IndexOf(b);
        _pos = found < 0 ? _end : _pos + found;
        return found >= 0;
    }

    public readonly SipRange Rest() => SipRange.FromBounds(_pos, _end);

    public void Seek(int position) => _pos = position;
}
