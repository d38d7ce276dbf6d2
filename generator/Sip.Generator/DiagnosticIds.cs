namespace Sip.Generator
{
    /// <summary>
    /// Every diagnostic the grammar compiler reports. SIPGEN0xx: ABNF syntax;
    /// SIPGEN1xx: grammar meaning; SIPGEN2xx: mapping hints. Never reuse an ID.
    /// </summary>
    public static class DiagnosticIds
    {
        /// <summary>ABNF syntax error (RFC 5234 §4).</summary>
        public const string SyntaxError = "SIPGEN001";

        /// <summary>A num-val that is not a byte, or a range whose low end is above its high end.</summary>
        public const string BadNumVal = "SIPGEN002";

        /// <summary>A repetition <c>n*m</c> with n &gt; m.</summary>
        public const string BadRepeat = "SIPGEN003";

        /// <summary>A rule name that no file defines.</summary>
        public const string UndefinedRule = "SIPGEN101";

        /// <summary>A rule defined twice with <c>=</c> in one namespace.</summary>
        public const string DuplicateRule = "SIPGEN102";

        /// <summary>A prose-val that no <c>;@prose</c> hint implements.</summary>
        public const string UnimplementedProse = "SIPGEN103";

        /// <summary>A rule that can reach itself without consuming input.</summary>
        public const string LeftRecursion = "SIPGEN104";

        /// <summary>A rule nothing refers to (information).</summary>
        public const string UnusedRule = "SIPGEN105";

        /// <summary>A rule the generator cannot compile to a deterministic automaton; it falls back to a slower exact matcher.</summary>
        public const string NotDeterministic = "SIPGEN106";

        /// <summary><c>=/</c> for a rule that has no base definition.</summary>
        public const string IncrementalWithoutBase = "SIPGEN107";

        /// <summary>A rule name that is defined in several namespaces and is ambiguous where it is used.</summary>
        public const string AmbiguousRule = "SIPGEN108";

        /// <summary>A recursive rule whose recursion is bounded by <c>;@depth</c> (information).</summary>
        public const string RecursionBounded = "SIPGEN109";

        /// <summary>A rule whose language is empty (it can never match).</summary>
        public const string EmptyLanguage = "SIPGEN110";

        /// <summary>A hint the generator does not know.</summary>
        public const string HintUnknown = "SIPGEN201";

        /// <summary>A hint with a bad argument.</summary>
        public const string HintInvalid = "SIPGEN202";

        /// <summary>A hint in the wrong place.</summary>
        public const string HintMisplaced = "SIPGEN203";

        /// <summary>A <c>;@prose</c> hint whose target rule is not defined.</summary>
        public const string ProseTargetUndefined = "SIPGEN204";

        /// <summary>A <c>;@header</c> rule that does not start with its name(s) and HCOLON.</summary>
        public const string HeaderShape = "SIPGEN205";

        /// <summary>Two <c>;@header</c> rules that claim the same header name.</summary>
        public const string HeaderNameClash = "SIPGEN206";
    }
}
