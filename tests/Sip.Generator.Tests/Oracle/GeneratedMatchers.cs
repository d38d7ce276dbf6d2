using System.Reflection;
using System.Text;
using Sip.Generated.Grammar;

namespace Sip.Generator.Tests.Oracle;

/// <summary>The generated matchers (<c>Sip.Generated.Grammar.Rules.*</c>), found by reflection and keyed by <c>RuleKey</c>.</summary>
public static class GeneratedMatchers
{
    public delegate bool IsMatchFn(ReadOnlySpan<byte> input);

    public delegate int MatchLengthFn(ReadOnlySpan<byte> input);

    public sealed record Matcher(string Key, string ClassName, IsMatchFn IsMatch, MatchLengthFn MatchLength);

    private static readonly Lazy<Dictionary<string, Matcher>> s_all = new(Build);

    public static IReadOnlyDictionary<string, Matcher> All => s_all.Value;

    public static Matcher For(string key)
        => All.TryGetValue(key, out Matcher? m) ? m : throw new ArgumentException("no generated matcher for rule key '" + key + "'", nameof(key));

    private static Dictionary<string, Matcher> Build()
    {
        var result = new Dictionary<string, Matcher>(StringComparer.Ordinal);
        foreach (Type t in typeof(Rules).GetNestedTypes(BindingFlags.Public))
        {
            FieldInfo? keyField = t.GetField("RuleKey", BindingFlags.Public | BindingFlags.Static);
            MethodInfo? isMatch = t.GetMethod("IsMatch", BindingFlags.Public | BindingFlags.Static, [typeof(ReadOnlySpan<byte>)]);
            MethodInfo? matchLength = t.GetMethod("MatchLength", BindingFlags.Public | BindingFlags.Static, [typeof(ReadOnlySpan<byte>)]);
            if (keyField?.GetRawConstantValue() is not string key || isMatch == null || matchLength == null) continue;
            result.Add(key, new Matcher(key, t.Name, isMatch.CreateDelegate<IsMatchFn>(), matchLength.CreateDelegate<MatchLengthFn>()));
        }
        return result;
    }
}

/// <summary>Byte strings as C#-style literals, for assertion messages that can be pasted back into a test.</summary>
public static class Bytes
{
    public static byte[] Of(string s) => Encoding.Latin1.GetBytes(s);

    public static string Escape(ReadOnlySpan<byte> input)
    {
        var sb = new StringBuilder("\"");
        foreach (byte b in input)
        {
            switch (b)
            {
                case (byte)'\\': sb.Append("\\\\"); break;
                case (byte)'"': sb.Append("\\\""); break;
                case (byte)'\r': sb.Append("\\r"); break;
                case (byte)'\n': sb.Append("\\n"); break;
                case (byte)'\t': sb.Append("\\t"); break;
                default:
                    if (b >= 0x20 && b < 0x7F) sb.Append((char)b);
                    else sb.Append("\\u00").Append(b.ToString("X2"));
                    break;
            }
        }
        return sb.Append('"').ToString();
    }
}
