using System;

namespace Sip.Runtime.Addressing;

/// <summary>One <c>name[=value]</c> item of a URI's parameter or header list, as written (still escaped).</summary>
public readonly ref struct UriParameter
{
    internal UriParameter(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, bool hasValue)
    {
        Name = name;
        Value = value;
        HasValue = hasValue;
    }

    /// <summary>The name (<c>pname</c> / <c>hname</c>), still escaped.</summary>
    public ReadOnlySpan<byte> Name { get; }

    /// <summary>The value after '=' (<c>pvalue</c> / <c>hvalue</c>), still escaped; empty when there is none.</summary>
    public ReadOnlySpan<byte> Value { get; }

    /// <summary>True when the item has an '=' (a header always has; <c>;lr</c> has not).</summary>
    public bool HasValue { get; }
}

/// <summary>
/// Walks a list that the grammar has already validated: <c>uri-parameters</c> (<c>*( ";" uri-parameter )</c>),
/// <c>headers</c> (<c>"?" header *( "&amp;" header )</c>) or the <c>*par</c> of a tel URI.
/// The first byte of the list (';' or '?') is a lead-in; items are split at ';' (parameters) or '&amp;' (headers), and
/// name from value at the first '='. Neither separator can occur unescaped inside a validated item.
/// </summary>
public ref struct UriParameterEnumerator
{
    private const byte EqualsSign = (byte)'=';
    private readonly ReadOnlySpan<byte> _list;
    private readonly byte _separator;
    private int _next;
    private UriParameter _current;

    internal UriParameterEnumerator(ReadOnlySpan<byte> list, byte separator)
    {
        _list = list;
        _separator = separator;
        _next = 0;
        _current = default;
    }

    /// <summary>Returns this enumerator (for <c>foreach</c>).</summary>
    public readonly UriParameterEnumerator GetEnumerator() => this;

    /// <summary>The current item.</summary>
    public readonly UriParameter Current => _current;

    /// <summary>Advances to the next item.</summary>
    public bool MoveNext()
    {
        ReadOnlySpan<byte> list = _list;
        if (_next >= list.Length) return false;
        int start = _next + 1; // skip the lead-in or separator
        int len = list.Slice(start).IndexOf(_separator);
        int end = len < 0 ? list.Length : start + len;
        ReadOnlySpan<byte> item = list[start..end];
        int eq = item.IndexOf(EqualsSign);
        _current = eq < 0 ? new UriParameter(item, default, false) : new UriParameter(item[..eq], item[(eq + 1)..], true);
        _next = end;
        return true;
    }

    /// <summary>Finds the first item whose (unescaped) name equals <paramref name="lowerName"/> ignoring case.</summary>
    internal static bool TryFind(ReadOnlySpan<byte> list, byte separator, ReadOnlySpan<byte> lowerName, out UriParameter found)
    {
        foreach (UriParameter p in new UriParameterEnumerator(list, separator))
        {
            if (UriEscaping.EqualsLiteralIgnoreCase(p.Name, lowerName))
            {
                found = p;
                return true;
            }
        }
        found = default;
        return false;
    }

    /// <summary>Finds the first item whose name is equivalent to <paramref name="name"/> (escape-aware, ignoring case).</summary>
    internal static bool TryFindEquivalent(ReadOnlySpan<byte> list, byte separator, ReadOnlySpan<byte> name, out UriParameter found)
    {
        foreach (UriParameter p in new UriParameterEnumerator(list, separator))
        {
            if (UriEscaping.EquivalentComponents(p.Name, name, ignoreCase: true))
            {
                found = p;
                return true;
            }
        }
        found = default;
        return false;
    }
}
