using System;
using Sip.Generated.Grammar;

namespace Sip.Runtime.Addressing;

/// <summary>
/// A tel URI (RFC 3966 §3): a view over the caller's bytes, validated by the generated
/// <see cref="Rules.Tel_TelephoneUri"/> matcher. <c>telephone-uri = "tel:" telephone-subscriber</c>.
/// </summary>
/// <remarks>
/// Parameters are split at ';'. An <c>isub</c> value may, by its grammar (<c>1*uric</c>), itself contain ';' and '=';
/// RFC 3966 §5.3 asks senders to escape them, and this view assumes they did.
/// </remarks>
public readonly struct TelUri
{
    private const byte Semicolon = (byte)';';
    private const byte Plus = (byte)'+';
    private const int SchemeLength = 4; // "tel:"

    private readonly ReadOnlyMemory<byte> _source;
    private readonly int _numberEnd;

    private TelUri(ReadOnlyMemory<byte> source, int numberEnd)
    {
        _source = source;
        _numberEnd = numberEnd;
    }

    /// <summary>Parses <paramref name="source"/> as a whole <c>telephone-uri</c>; false (never an exception) when it is not one.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> source, out TelUri uri)
    {
        ReadOnlySpan<byte> s = source.Span;
        if (!Rules.Tel_TelephoneUri.IsMatch(s))
        {
            uri = default;
            return false;
        }
        // global-number-digits and local-number-digits hold no ';': the number ends at the first one.
        int semi = s[SchemeLength..].IndexOf(Semicolon);
        uri = new TelUri(source, semi < 0 ? s.Length : SchemeLength + semi);
        return true;
    }

    /// <summary>The bytes this URI was parsed from.</summary>
    public ReadOnlyMemory<byte> Source => _source;

    /// <summary>True for a <c>global-number</c> (starts with '+'), false for a <c>local-number</c>.</summary>
    public bool IsGlobal => _numberEnd > SchemeLength && _source.Span[SchemeLength] == Plus;

    /// <summary>The number as written (visual separators and, for a global number, the '+' included).</summary>
    public ReadOnlySpan<byte> Number => _numberEnd == 0 ? default : _source.Span[SchemeLength.._numberEnd];

    /// <summary>The parameters (<c>*par</c> and <c>context</c>), with their leading ';'; empty when there are none.</summary>
    public ReadOnlySpan<byte> RawParameters => _numberEnd == 0 ? default : _source.Span[_numberEnd..];

    /// <summary>The parameters in order (<c>ext</c>, <c>isub</c>, <c>phone-context</c> and others).</summary>
    public UriParameterEnumerator Parameters => new(RawParameters, Semicolon);

    /// <summary><c>ext=</c> value as written; empty when absent.</summary>
    public ReadOnlySpan<byte> Extension => ValueOf("ext"u8);

    /// <summary><c>isub=</c> value as written; empty when absent.</summary>
    public ReadOnlySpan<byte> IsdnSubaddress => ValueOf("isub"u8);

    /// <summary><c>phone-context=</c> value as written (a domain name or global number digits); empty when absent.</summary>
    public ReadOnlySpan<byte> PhoneContext => ValueOf("phone-context"u8);

    /// <summary>Finds the first parameter named <paramref name="lowerName"/> (lower-case ASCII; matched ignoring case).</summary>
    public bool TryGetParameter(ReadOnlySpan<byte> lowerName, out UriParameter parameter) =>
        UriParameterEnumerator.TryFind(RawParameters, Semicolon, lowerName, out parameter);

    /// <summary>
    /// Writes the number's digits without visual separators (<c>- . ( )</c>) into <paramref name="destination"/>,
    /// keeping a leading '+' and upper-casing hex digits.
    /// </summary>
    /// <returns>The number of bytes written, or -1 when <paramref name="destination"/> is too small.</returns>
    public int CopyDigits(Span<byte> destination) => CopyDigits(Number, destination);

    /// <summary>
    /// RFC 3966 §4: both global or both local; numbers equal after removing visual separators (hex digits ignoring case);
    /// the same set of parameters in any order, <c>ext</c> and digit-valued <c>phone-context</c> compared without visual
    /// separators, every other value ignoring case after unescaping.
    /// </summary>
    public static bool Equivalent(in TelUri a, in TelUri b)
    {
        if (a.IsGlobal != b.IsGlobal) return false;
        if (!DigitsEqual(a.Number, b.Number)) return false;
        return ParametersContained(a.RawParameters, b.RawParameters) && ParametersContained(b.RawParameters, a.RawParameters);
    }

    /// <summary>The URI as written, as a string (allocates; for logs and tests).</summary>
    public override string ToString() => System.Text.Encoding.UTF8.GetString(_source.Span);

    private ReadOnlySpan<byte> ValueOf(ReadOnlySpan<byte> lowerName) => TryGetParameter(lowerName, out UriParameter p) ? p.Value : default;

    private static bool IsVisualSeparator(byte b) => b is (byte)'-' or (byte)'.' or (byte)'(' or (byte)')';

    private static int CopyDigits(ReadOnlySpan<byte> number, Span<byte> destination)
    {
        int n = 0;
        foreach (byte b in number)
        {
            if (IsVisualSeparator(b)) continue;
            if ((uint)n >= (uint)destination.Length) return -1;
            destination[n++] = (uint)(b - 'a') <= 'f' - 'a' ? (byte)(b - 0x20) : b;
        }
        return n;
    }

    private static bool DigitsEqual(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        int i = 0, j = 0;
        while (true)
        {
            while (i < a.Length && IsVisualSeparator(a[i])) i++;
            while (j < b.Length && IsVisualSeparator(b[j])) j++;
            if (i == a.Length || j == b.Length) return i == a.Length && j == b.Length;
            if (UriEscaping.Fold(a[i]) != UriEscaping.Fold(b[j])) return false;
            i++;
            j++;
        }
    }

    private static bool ParametersContained(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        foreach (UriParameter p in new UriParameterEnumerator(a, Semicolon))
        {
            if (!UriParameterEnumerator.TryFindEquivalent(b, Semicolon, p.Name, out UriParameter q)) return false;
            if (p.HasValue != q.HasValue) return false;
            bool digits = UriEscaping.EqualsLiteralIgnoreCase(p.Name, "ext"u8)
                || (UriEscaping.EqualsLiteralIgnoreCase(p.Name, "phone-context"u8) && p.Value.Length > 0 && p.Value[0] == Plus);
            if (digits ? !DigitsEqual(p.Value, q.Value) : !UriEscaping.EquivalentComponents(p.Value, q.Value, ignoreCase: true)) return false;
        }
        return true;
    }
}
