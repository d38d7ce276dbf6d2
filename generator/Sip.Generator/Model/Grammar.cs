using System;
using System.Text;

namespace Sip.Generator.Model
{
    /// <summary>
    /// An ABNF element (RFC 5234 §4). Records give value equality, which the
    /// incremental pipeline uses to decide what is unchanged.
    /// </summary>
    public abstract record Node
    {
        /// <summary>Writes the element back as ABNF; used in doc comments of generated code.</summary>
        public abstract void Write(StringBuilder sb, bool nested);

        public sealed override string ToString()
        {
            var sb = new StringBuilder();
            Write(sb, nested: false);
            return sb.ToString();
        }
    }

    /// <summary><c>a / b / c</c></summary>
    public sealed record Alternation(ImmutableEquatableArray<Node> Items) : Node
    {
        public override void Write(StringBuilder sb, bool nested)
        {
            if (nested) sb.Append("( ");
            for (int i = 0; i < Items.Count; i++)
            {
                if (i > 0) sb.Append(" / ");
                Items[i].Write(sb, nested: true);
            }
            if (nested) sb.Append(" )");
        }
    }

    /// <summary><c>a b c</c></summary>
    public sealed record Concatenation(ImmutableEquatableArray<Node> Items) : Node
    {
        public override void Write(StringBuilder sb, bool nested)
        {
            if (nested) sb.Append("( ");
            for (int i = 0; i < Items.Count; i++)
            {
                if (i > 0) sb.Append(' ');
                Items[i].Write(sb, nested: true);
            }
            if (nested) sb.Append(" )");
        }
    }

    /// <summary><c>min*max element</c>; <see cref="Max"/> is -1 for no upper bound.</summary>
    public sealed record Repetition(int Min, int Max, Node Element) : Node
    {
        public const int Unbounded = -1;

        public bool IsOption => Min == 0 && Max == 1;

        public override void Write(StringBuilder sb, bool nested)
        {
            if (IsOption)
            {
                sb.Append("[ ");
                Element.Write(sb, nested: false);
                sb.Append(" ]");
                return;
            }
            if (Min == Max) sb.Append(Min);
            else
            {
                if (Min != 0) sb.Append(Min);
                sb.Append('*');
                if (Max != Unbounded) sb.Append(Max);
            }
            Element.Write(sb, nested: true);
        }
    }

    /// <summary>A reference to a rule. Before binding, <see cref="Name"/> is as written; after, it is the rule's key.</summary>
    public sealed record RuleRef(string Name, SourcePosition? Position) : Node
    {
        public override void Write(StringBuilder sb, bool nested) => sb.Append(Name);
    }

    /// <summary><c>"text"</c> (case-insensitive), <c>%s"text"</c> (case-sensitive, RFC 7405) or <c>%i"text"</c>.</summary>
    public sealed record CharString(string Text, bool CaseSensitive) : Node
    {
        public override void Write(StringBuilder sb, bool nested)
        {
            if (CaseSensitive) sb.Append("%s");
            sb.Append('"').Append(Text).Append('"');
        }
    }

    /// <summary><c>%xLL-HH</c>, or a single value when Low == High.</summary>
    public sealed record ByteRange(int Low, int High) : Node
    {
        public override void Write(StringBuilder sb, bool nested)
        {
            sb.Append("%x").Append(Low.ToString("X2"));
            if (High != Low) sb.Append('-').Append(High.ToString("X2"));
        }
    }

    /// <summary><c>%xAA.BB.CC</c></summary>
    public sealed record ByteSequence(ImmutableEquatableArray<int> Values) : Node
    {
        public override void Write(StringBuilder sb, bool nested)
        {
            sb.Append("%x");
            for (int i = 0; i < Values.Count; i++)
            {
                if (i > 0) sb.Append('.');
                sb.Append(Values[i].ToString("X2"));
            }
        }
    }

    /// <summary><c>&lt;prose&gt;</c>: the grammar says it in words; a <c>;@prose</c> hint names the rule that implements it.</summary>
    public sealed record Prose(string Text, SourcePosition? Position) : Node
    {
        public override void Write(StringBuilder sb, bool nested) => sb.Append('<').Append(Text).Append('>');
    }

    /// <summary>The empty language (matches nothing). Only made by the generator: it cuts recursion at the depth bound.</summary>
    public sealed record Nothing : Node
    {
        public static readonly Nothing Instance = new Nothing();

        public override void Write(StringBuilder sb, bool nested) => sb.Append("<nothing>");
    }

    /// <summary>One definition as written: <c>name = ...</c> or <c>name =/ ...</c>.</summary>
    public sealed record RuleDefinition(string Name, bool Incremental, Node Body, SourcePosition Position, int? Depth, bool IsHeader = false)
    {
        /// <summary><c>;@methods</c>: the rule lists the methods (its fixed-token alternatives name them).</summary>
        public bool IsMethods { get; init; }

        /// <summary><c>;@record</c>: the rule's top-level items become typed fields.</summary>
        public bool IsRecord { get; init; }

        /// <summary><c>;@value Type</c>: the typed value a header rule's values are read as (a runtime type name).</summary>
        public string? ValueType { get; init; }

        /// <summary><c>;@status-codes</c>: the rule lists status codes, each line's comment is its reason phrase.</summary>
        public ImmutableEquatableArray<StatusCodeNote>? StatusCodes { get; init; }
    }

    /// <summary>A status code and the reason phrase the grammar's comment gives it (<c>"100" ; Trying</c>).</summary>
    public sealed record StatusCodeNote(int Code, string ReasonPhrase);

    /// <summary><c>;@prose &lt;text&gt; = rule</c></summary>
    public sealed record ProseHint(string Text, string Target, SourcePosition Position);

    /// <summary>One parsed <c>.abnf</c> file, positions included (diagnostics need them).</summary>
    public sealed record GrammarFile(
        string Path,
        string? Namespace,
        ImmutableEquatableArray<RuleDefinition> Rules,
        ImmutableEquatableArray<ProseHint> ProseHints,
        ImmutableEquatableArray<DiagnosticInfo> Diagnostics);
}
