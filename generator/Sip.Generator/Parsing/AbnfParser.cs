using System;
using System.Collections.Generic;
using System.Globalization;
using Sip.Generator.Model;

namespace Sip.Generator.Parsing
{
    /// <summary>
    /// Parses RFC 5234 ABNF (plus RFC 7405 <c>%s</c>/<c>%i</c> strings) into a <see cref="GrammarFile"/>.
    /// Errors are returned as <see cref="DiagnosticInfo"/> data; the parser never throws on bad input.
    /// It is strict where RFC 5234 is: a rule starts in column 0, continuation lines are indented,
    /// and elements of a concatenation are separated by white space.
    /// </summary>
    public sealed class AbnfParser
    {
        private readonly string _path;
        private readonly string _text;
        private readonly List<DiagnosticInfo> _diagnostics = new List<DiagnosticInfo>();
        private int _pos;
        private int _line = 1;
        private int _lineStart;

        private AbnfParser(string path, string text)
        {
            _path = path;
            _text = text;
        }

        public static GrammarFile Parse(string path, string text)
        {
            var parser = new AbnfParser(path, text ?? string.Empty);
            return parser.ParseFile();
        }

        private SourcePosition Here => new SourcePosition(_path, _line, _pos - _lineStart + 1);

        private void Error(string id, string message, SourcePosition at, int length = 1)
            => _diagnostics.Add(new DiagnosticInfo(id, Severity.Error, message, at, length));

        private void Warning(string id, string message, SourcePosition at, int length = 1)
            => _diagnostics.Add(new DiagnosticInfo(id, Severity.Warning, message, at, length));

        private bool AtEnd => _pos >= _text.Length;

        private char Peek(int ahead = 0) => _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';

        private GrammarFile ParseFile()
        {
            string? ns = null;
            var proseHints = new List<ProseHint>();
            var rules = new List<RuleDefinition>();
            int? pendingDepth = null;
            bool pendingHeader = false;
            string? pendingKind = null;
            string? pendingValue = null;
            bool sawRule = false;

            while (!AtEnd)
            {
                char c = Peek();
                if (c == '\r' || c == '\n')
                {
                    NewLine();
                    continue;
                }
                if (c == ' ' || c == '\t')
                {
                    // A line that starts with white space outside a rule: allowed only if it holds nothing but a comment.
                    SkipInlineWhitespace();
                    if (Peek() == ';' || Peek() == '\r' || Peek() == '\n' || AtEnd)
                    {
                        if (Peek() == ';') ReadComment();
                        continue;
                    }
                    Error(DiagnosticIds.SyntaxError, "a rule must start in column 1; an indented line continues a rule only right after it", Here);
                    SkipToNextLine();
                    continue;
                }
                if (c == ';')
                {
                    SourcePosition at = Here;
                    string comment = ReadComment();
                    if (comment.StartsWith("@", StringComparison.Ordinal))
                    {
                        HandleHint(comment, at, ref ns, proseHints, ref pendingDepth, ref pendingHeader, ref pendingKind, ref pendingValue, sawRule);
                    }
                    continue;
                }
                if (IsAlpha(c))
                {
                    int ruleStart = _pos;
                    RuleDefinition? rule = ParseRule(pendingDepth, pendingHeader);
                    if (rule != null && pendingKind == "methods") rule = rule with { IsMethods = true };
                    if (rule != null && pendingKind == "record") rule = rule with { IsRecord = true };
                    if (rule != null && pendingValue != null)
                    {
                        if (!pendingHeader) Error(DiagnosticIds.HintMisplaced, "';@value' goes with ';@header': it names the type a header's values are read as", rule.Position);
                        rule = rule with { ValueType = pendingValue };
                    }
                    pendingValue = null;
                    if (rule != null && pendingKind == "status-codes") rule = rule with { StatusCodes = StatusCodeNotes(_text.Substring(ruleStart, _pos - ruleStart), rule.Position) };
                    pendingDepth = null;
                    pendingHeader = false;
                    pendingKind = null;
                    sawRule = true;
                    if (rule != null) rules.Add(rule);
                    continue;
                }
                Error(DiagnosticIds.SyntaxError, $"expected a rule name, found {Describe(c)}", Here);
                SkipToNextLine();
            }

            return new GrammarFile(_path, ns, rules.ToEquatable(), proseHints.ToEquatable(), _diagnostics.ToEquatable());
        }

        private void HandleHint(string comment, SourcePosition at, ref string? ns, List<ProseHint> prose, ref int? pendingDepth, ref bool pendingHeader, ref string? pendingKind, ref string? pendingValue, bool sawRule)
        {
            string body = comment.Substring(1).Trim();
            int space = IndexOfWhitespace(body);
            string name = space < 0 ? body : body.Substring(0, space);
            string args = space < 0 ? string.Empty : body.Substring(space).Trim();
            switch (name)
            {
                case "namespace":
                    if (sawRule)
                    {
                        Error(DiagnosticIds.HintMisplaced, "';@namespace' must come before the file's first rule", at);
                    }
                    else if (!IsRuleName(args))
                    {
                        Error(DiagnosticIds.HintInvalid, $"';@namespace' needs a name made of letters, digits and '-', found '{args}'", at);
                    }
                    else if (ns != null)
                    {
                        Error(DiagnosticIds.HintInvalid, "a file has at most one ';@namespace'", at);
                    }
                    else
                    {
                        ns = args.ToLowerInvariant();
                    }
                    break;
                case "prose":
                    {
                        // ;@prose <text> = rule
                        int close = args.IndexOf('>');
                        int eq = close < 0 ? -1 : args.IndexOf('=', close);
                        string target = eq < 0 ? string.Empty : args.Substring(eq + 1).Trim();
                        if (!args.StartsWith("<", StringComparison.Ordinal) || close < 0 || eq < 0 || !IsQualifiedRuleName(target))
                        {
                            Error(DiagnosticIds.HintInvalid, "';@prose' is written ';@prose <TEXT> = RULE' (RULE may be 'namespace:rule')", at);
                        }
                        else
                        {
                            prose.Add(new ProseHint(args.Substring(1, close - 1), target, at));
                        }
                        break;
                    }
                case "depth":
                    if (int.TryParse(args, NumberStyles.None, CultureInfo.InvariantCulture, out int depth) && depth >= 1 && depth <= 64)
                    {
                        pendingDepth = depth;
                    }
                    else
                    {
                        Error(DiagnosticIds.HintInvalid, $"';@depth' needs a whole number from 1 to 64, found '{args}'", at);
                    }
                    break;
                case "methods":
                case "status-codes":
                case "record":
                    if (args.Length > 0)
                    {
                        Error(DiagnosticIds.HintInvalid, $"';@{name}' takes no argument, found '{args}'", at);
                    }
                    pendingKind = name;
                    break;
                case "value":
                    if (!IsTypeName(args))
                    {
                        Error(DiagnosticIds.HintInvalid, $"';@value' needs a type name (e.g. 'Via' for ViaValue, or a full name such as 'My.Namespace.MyValue'), found '{args}'", at);
                    }
                    else
                    {
                        pendingValue = args;
                    }
                    break;
                case "header":
                    if (args.Length > 0)
                    {
                        Error(DiagnosticIds.HintInvalid, $"';@header' takes no argument: the names come from the rule itself, found '{args}'", at);
                    }
                    pendingHeader = true;
                    break;
                default:
                    Warning(DiagnosticIds.HintUnknown, $"unknown hint ';@{name}' (known: namespace, prose, depth, header, value, methods, status-codes, record)", at, name.Length + 2);
                    break;
            }
        }

        /// <summary>A C# type name: identifiers joined by dots.</summary>
        private static bool IsTypeName(string text)
        {
            if (text.Length == 0) return false;
            foreach (string part in text.Split('.'))
            {
                if (part.Length == 0 || !(char.IsLetter(part[0]) || part[0] == '_')) return false;
                foreach (char c in part)
                {
                    if (!(char.IsLetterOrDigit(c) || c == '_')) return false;
                }
            }
            return true;
        }

        private RuleDefinition? ParseRule(int? depth, bool isHeader)
        {
            SourcePosition at = Here;
            int start = _pos;
            while (!AtEnd && (IsAlpha(Peek()) || IsDigit(Peek()) || Peek() == '-')) _pos++;
            string name = _text.Substring(start, _pos - start);

            SkipCwsp();
            bool incremental;
            if (Peek() == '=' && Peek(1) == '/')
            {
                incremental = true;
                _pos += 2;
            }
            else if (Peek() == '=')
            {
                incremental = false;
                _pos++;
            }
            else
            {
                Error(DiagnosticIds.SyntaxError, $"expected '=' or '=/' after rule name '{name}', found {Describe(Peek())}", Here);
                SkipRule();
                return null;
            }

            SkipCwsp();
            Node? body = ParseAlternation();
            if (body == null)
            {
                SkipRule();
                return null;
            }
            SkipCwsp();
            if (!AtEnd && Peek() != '\r' && Peek() != '\n' && Peek() != ';')
            {
                Error(DiagnosticIds.SyntaxError, $"unexpected {Describe(Peek())} in rule '{name}' (elements of a concatenation are separated by white space; an alternative starts with '/')", Here);
                SkipRule();
                return null;
            }
            if (Peek() == ';') ReadComment();
            return new RuleDefinition(name, incremental, body, at, depth, isHeader);
        }

        private Node? ParseAlternation()
        {
            var items = new List<Node>();
            Node? first = ParseConcatenation();
            if (first == null) return null;
            items.Add(first);
            while (true)
            {
                int save = _pos, saveLine = _line, saveLineStart = _lineStart;
                SkipCwsp();
                if (Peek() == '/')
                {
                    _pos++;
                    SkipCwsp();
                    Node? next = ParseConcatenation();
                    if (next == null) return null;
                    items.Add(next);
                    continue;
                }
                _pos = save;
                _line = saveLine;
                _lineStart = saveLineStart;
                break;
            }
            return items.Count == 1 ? items[0] : new Alternation(items.ToEquatable());
        }

        private Node? ParseConcatenation()
        {
            var items = new List<Node>();
            Node? first = ParseRepetition();
            if (first == null) return null;
            items.Add(first);
            while (true)
            {
                int save = _pos, saveLine = _line, saveLineStart = _lineStart;
                bool hadSpace = SkipCwsp();
                if (hadSpace && StartsElement(Peek()))
                {
                    Node? next = ParseRepetition();
                    if (next == null) return null;
                    items.Add(next);
                    continue;
                }
                _pos = save;
                _line = saveLine;
                _lineStart = saveLineStart;
                break;
            }
            return items.Count == 1 ? items[0] : new Concatenation(items.ToEquatable());
        }

        private static bool StartsElement(char c)
            => IsAlpha(c) || IsDigit(c) || c == '*' || c == '(' || c == '[' || c == '"' || c == '%' || c == '<';

        private Node? ParseRepetition()
        {
            SourcePosition at = Here;
            int min = 1, max = 1;
            bool hasRepeat = false;
            if (IsDigit(Peek()) || Peek() == '*')
            {
                hasRepeat = true;
                int? lo = ReadNumber();
                if (Peek() == '*')
                {
                    _pos++;
                    int? hi = ReadNumber();
                    min = lo ?? 0;
                    max = hi ?? Repetition.Unbounded;
                }
                else
                {
                    min = max = lo ?? 0;
                }
                if (max != Repetition.Unbounded && min > max)
                {
                    Error(DiagnosticIds.BadRepeat, $"repetition {min}*{max} has a minimum above its maximum", at);
                    return null;
                }
            }
            if (hasRepeat && (Peek() == ' ' || Peek() == '\t' || Peek() == '\r' || Peek() == '\n'))
            {
                Error(DiagnosticIds.SyntaxError, "a repetition count must be followed directly by its element (no white space)", Here);
                return null;
            }
            Node? element = ParseElement();
            if (element == null) return null;
            if (!hasRepeat || (min == 1 && max == 1)) return element;
            return new Repetition(min, max, element);
        }

        private int? ReadNumber()
        {
            int start = _pos;
            long value = 0;
            while (IsDigit(Peek()))
            {
                value = value * 10 + (Peek() - '0');
                if (value > 100000) value = 100000;
                _pos++;
            }
            return _pos == start ? (int?)null : (int)value;
        }

        private Node? ParseElement()
        {
            SourcePosition at = Here;
            char c = Peek();
            if (IsAlpha(c))
            {
                int start = _pos;
                while (!AtEnd && (IsAlpha(Peek()) || IsDigit(Peek()) || Peek() == '-')) _pos++;
                return new RuleRef(_text.Substring(start, _pos - start), at);
            }
            if (c == '(' || c == '[')
            {
                char close = c == '(' ? ')' : ']';
                _pos++;
                SkipCwsp();
                Node? inner = ParseAlternation();
                if (inner == null) return null;
                SkipCwsp();
                if (Peek() != close)
                {
                    Error(DiagnosticIds.SyntaxError, $"expected '{close}' to close the {(c == '(' ? "group" : "option")} opened at column {at.Column}, found {Describe(Peek())}", Here);
                    return null;
                }
                _pos++;
                return c == '(' ? inner : new Repetition(0, 1, inner);
            }
            if (c == '"') return ParseCharVal(caseSensitive: false, at);
            if (c == '%')
            {
                char kind = char.ToLowerInvariant(Peek(1));
                if ((kind == 's' || kind == 'i') && Peek(2) == '"')
                {
                    _pos += 2;
                    return ParseCharVal(caseSensitive: kind == 's', at);
                }
                return ParseNumVal(at);
            }
            if (c == '<')
            {
                _pos++;
                int start = _pos;
                while (!AtEnd && Peek() != '>' && Peek() != '\r' && Peek() != '\n') _pos++;
                if (Peek() != '>')
                {
                    Error(DiagnosticIds.SyntaxError, "unterminated prose-val: expected '>'", at);
                    return null;
                }
                string text = _text.Substring(start, _pos - start);
                _pos++;
                return new Prose(text, at);
            }
            Error(DiagnosticIds.SyntaxError, $"expected an element (rule name, group, option, string, %-value or <prose>), found {Describe(c)}", at);
            return null;
        }

        private Node? ParseCharVal(bool caseSensitive, SourcePosition at)
        {
            _pos++; // opening quote
            int start = _pos;
            while (!AtEnd && Peek() != '"')
            {
                char ch = Peek();
                if (ch < 0x20 || ch > 0x7E)
                {
                    Error(DiagnosticIds.SyntaxError, $"a quoted string may hold only %x20-21 / %x23-7E, found {Describe(ch)}", Here);
                    return null;
                }
                _pos++;
            }
            if (AtEnd)
            {
                Error(DiagnosticIds.SyntaxError, "unterminated quoted string: expected '\"'", at);
                return null;
            }
            string text = _text.Substring(start, _pos - start);
            _pos++;
            // A string with no letters matches the same bytes either way; normalise so equal languages compare equal.
            bool hasLetter = false;
            foreach (char ch in text) hasLetter |= IsAlpha(ch);
            return new CharString(text, caseSensitive && hasLetter);
        }

        private Node? ParseNumVal(SourcePosition at)
        {
            _pos++; // '%'
            char kind = char.ToLowerInvariant(Peek());
            int radix = kind == 'x' ? 16 : kind == 'd' ? 10 : kind == 'b' ? 2 : 0;
            if (radix == 0)
            {
                Error(DiagnosticIds.SyntaxError, $"expected 'x', 'd', 'b', 's' or 'i' after '%', found {Describe(Peek())}", Here);
                return null;
            }
            _pos++;
            int? first = ReadRadix(radix);
            if (first == null)
            {
                Error(DiagnosticIds.SyntaxError, $"expected a {RadixName(radix)} digit", Here);
                return null;
            }
            if (Peek() == '-')
            {
                _pos++;
                int? high = ReadRadix(radix);
                if (high == null)
                {
                    Error(DiagnosticIds.SyntaxError, $"expected a {RadixName(radix)} digit after '-'", Here);
                    return null;
                }
                if (!CheckByte(first.Value, at) || !CheckByte(high.Value, at)) return null;
                if (high < first)
                {
                    Error(DiagnosticIds.BadNumVal, $"range %{kind}{first:X}-{high:X} is empty: its low end is above its high end", at);
                    return null;
                }
                return new ByteRange(first.Value, high.Value);
            }
            var values = new List<int> { first.Value };
            while (Peek() == '.')
            {
                _pos++;
                int? next = ReadRadix(radix);
                if (next == null)
                {
                    Error(DiagnosticIds.SyntaxError, $"expected a {RadixName(radix)} digit after '.'", Here);
                    return null;
                }
                values.Add(next.Value);
            }
            foreach (int v in values)
            {
                if (!CheckByte(v, at)) return null;
            }
            return values.Count == 1 ? new ByteRange(values[0], values[0]) : (Node)new ByteSequence(values.ToEquatable());
        }

        private bool CheckByte(int value, SourcePosition at)
        {
            // SIP and SDP are defined over octets: every terminal must be a byte value.
            if (value <= 0xFF) return true;
            Error(DiagnosticIds.BadNumVal, $"terminal value {value} (0x{value:X}) is above 0xFF; the grammar is over octets", at);
            return false;
        }

        private static string RadixName(int radix) => radix == 16 ? "hexadecimal" : radix == 10 ? "decimal" : "binary";

        private int? ReadRadix(int radix)
        {
            int start = _pos;
            long value = 0;
            while (!AtEnd)
            {
                int d = DigitValue(Peek());
                if (d < 0 || d >= radix) break;
                value = Math.Min(value * radix + d, int.MaxValue / 32);
                _pos++;
            }
            return _pos == start ? (int?)null : (int)value;
        }

        private static int DigitValue(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        }

        /// <summary>
        /// Skips <c>*c-wsp</c>: white space, and comment/newline only when the next line is indented
        /// (<c>c-wsp = WSP / (c-nl WSP)</c>). Returns whether anything was skipped.
        /// </summary>
        private bool SkipCwsp()
        {
            bool any = false;
            while (!AtEnd)
            {
                char c = Peek();
                if (c == ' ' || c == '\t')
                {
                    _pos++;
                    any = true;
                    continue;
                }
                if (c == ';' || c == '\r' || c == '\n')
                {
                    // c-nl WSP: look past the comment and line end; continue only if the next line starts with WSP.
                    int save = _pos, saveLine = _line, saveLineStart = _lineStart;
                    if (c == ';') ReadComment();
                    if (AtEnd || (Peek() != '\r' && Peek() != '\n'))
                    {
                        _pos = save;
                        _line = saveLine;
                        _lineStart = saveLineStart;
                        return any;
                    }
                    NewLine();
                    if (Peek() == ' ' || Peek() == '\t')
                    {
                        any = true;
                        continue;
                    }
                    _pos = save;
                    _line = saveLine;
                    _lineStart = saveLineStart;
                    return any;
                }
                break;
            }
            return any;
        }

        private void SkipInlineWhitespace()
        {
            while (Peek() == ' ' || Peek() == '\t') _pos++;
        }

        /// <summary>Reads a comment from ';' to the end of the line (not the line end); returns its text after ';'.</summary>
        private string ReadComment()
        {
            _pos++;
            int start = _pos;
            while (!AtEnd && Peek() != '\r' && Peek() != '\n') _pos++;
            return _text.Substring(start, _pos - start);
        }

        private void NewLine()
        {
            if (Peek() == '\r') _pos++;
            if (Peek() == '\n') _pos++;
            _line++;
            _lineStart = _pos;
        }

        private void SkipToNextLine()
        {
            while (!AtEnd && Peek() != '\r' && Peek() != '\n') _pos++;
            if (!AtEnd) NewLine();
        }

        /// <summary>After an error: skip the rest of the rule (its continuation lines too).</summary>
        private void SkipRule()
        {
            SkipToNextLine();
            while (!AtEnd && (Peek() == ' ' || Peek() == '\t')) SkipToNextLine();
        }

        /// <summary>
        /// RFC 3261 writes each status code with its reason phrase as a comment: <c>"180" ; Ringing</c>.
        /// Reads those pairs from the rule's text, one per line.
        /// </summary>
        private ImmutableEquatableArray<StatusCodeNote> StatusCodeNotes(string ruleText, SourcePosition at)
        {
            var notes = new List<StatusCodeNote>();
            string[] lines = ruleText.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i].TrimEnd('\r');
                int q = line.IndexOf('"');
                int semi = line.IndexOf(';');
                if (q < 0 || semi < q || q + 4 >= line.Length || line[q + 4] != '"'
                    || !int.TryParse(line.Substring(q + 1, 3), NumberStyles.None, CultureInfo.InvariantCulture, out int code))
                {
                    continue;
                }
                string reason = line.Substring(semi + 1).Trim();
                if (reason.Length == 0)
                {
                    Error(DiagnosticIds.HintInvalid, $"status code {code} has no reason phrase comment (write \"{code}\" ; Reason Phrase)",
                        new SourcePosition(_path, at.Line + i, q + 1));
                    continue;
                }
                notes.Add(new StatusCodeNote(code, reason));
            }
            return notes.ToEquatable();
        }

        private static int IndexOfWhitespace(string s)
        {
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] == ' ' || s[i] == '\t') return i;
            }
            return -1;
        }

        internal static bool IsRuleName(string s)
        {
            if (s.Length == 0 || !IsAlpha(s[0])) return false;
            foreach (char c in s)
            {
                if (!IsAlpha(c) && !IsDigit(c) && c != '-') return false;
            }
            return true;
        }

        private static bool IsQualifiedRuleName(string s)
        {
            int colon = s.IndexOf(':');
            return colon < 0 ? IsRuleName(s) : IsRuleName(s.Substring(0, colon)) && IsRuleName(s.Substring(colon + 1));
        }

        private static bool IsAlpha(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private static string Describe(char c)
        {
            if (c == '\0') return "end of file";
            if (c == '\r' || c == '\n') return "end of line";
            if (c < 0x20 || c > 0x7E) return $"character U+{(int)c:X4}";
            return $"'{c}'";
        }
    }
}
