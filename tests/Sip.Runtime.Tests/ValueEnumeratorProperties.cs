using System.Text;
using CsCheck;
using Sip.Generated.Grammar;
using Sip.Runtime.Message;

namespace Sip.Runtime.Tests;

/// <summary>Properties of the list-value enumerator on generated list values.</summary>
public sealed class ValueEnumeratorProperties
{
    private static readonly Gen<string> Token = Gen.Char["abcXYZ019-.!%*_+`'~"].Array[1, 8].Select(a => new string(a));

    // Elements whose commas (and quotes, brackets, parentheses) must not split them.
    private static readonly Gen<string> Element = Gen.OneOf(
        Token,
        Gen.Select(Token, Token, (a, b) => $"\"{a}, \\\"{b}\\\"\" <sip:{a}@{b}>"),
        Gen.Select(Token, Token, (a, b) => $"<sip:{a}@{b};p={a},{b}?h={b},{a}>;tag={b}"),
        // A URI may hold parentheses (§25.1 mark), so they never hide a comma.
        Gen.Select(Token, Token, (a, b) => $"<sip:{a}({b})@{b}>;p=\"({a}, {b}\""));

    private static readonly Gen<string> Separator = Gen.OneOf(Gen.Const(","), Gen.Const(", "), Gen.Const(" ,\t"), Gen.Const(",\r\n "), Gen.Const(", ,"));

    /// <summary>Elements joined by commas with LWS (folds included) over one to three Route lines come back one by one, in order, trimmed.</summary>
    [Fact]
    public void JoinedListElements_AreEnumeratedBack()
    {
        Gen.Select(Element.Array[1, 6], Separator.Array[6], Gen.Int[1, 3]).Sample((elements, separators, lines) =>
        {
            var text = new StringBuilder("OPTIONS sip:a@b SIP/2.0\r\n");
            int perLine = (elements.Length + lines - 1) / lines;
            for (int i = 0; i < elements.Length; i++)
            {
                text.Append(i % perLine == 0 ? (i == 0 ? "Route: " : "\r\nRoute:  ") : separators[i]).Append(elements[i]);
            }
            text.Append("\r\nContent-Length: 0\r\n\r\n");
            var m = new SipMessage();
            Assert.Equal(System.Buffers.OperationStatus.Done,
                SipMessageParser.ParseDatagram(Encoding.ASCII.GetBytes(text.ToString()), m, SipParserOptions.Default, out _));
            var values = new List<string>();
            foreach (SipRange v in m.Values(HeaderKind.Route)) values.Add(m.GetString(v));
            Assert.Equal(elements, values);
        }, iter: 3000);
    }
}
