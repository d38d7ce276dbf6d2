using System.Globalization;
using Microsoft.CodeAnalysis.Diagnostics;
using Sip.Generator.Automata;
using Sip.Generator.Emit;

namespace Sip.Generator
{
    /// <summary>
    /// MSBuild properties the generator reads (declare them <c>CompilerVisibleProperty</c>):
    /// <c>SipGrammarNamespace</c> (namespace of the generated <c>Rules</c> class),
    /// <c>SipGrammarMaxDfaStates</c> (subset-construction limit per rule) and
    /// <c>SipGrammarMaxTableEntries</c> (largest DFA table kept as one automaton).
    /// </summary>
    public sealed record GeneratorOptions(string Namespace, int MaxDfaStates, int MaxTableEntries)
    {
        public static GeneratorOptions From(AnalyzerConfigOptions options)
        {
            string ns = options.TryGetValue("build_property.SipGrammarNamespace", out string? value) && !string.IsNullOrWhiteSpace(value)
                ? value!.Trim()
                : Emitter.DefaultNamespace;
            return new GeneratorOptions(ns,
                Number(options, "build_property.SipGrammarMaxDfaStates", RuleCompiler.DefaultMaxStates),
                Number(options, "build_property.SipGrammarMaxTableEntries", Planner.DefaultMaxTableEntries));
        }

        private static int Number(AnalyzerConfigOptions options, string key, int fallback)
            => options.TryGetValue(key, out string? text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0
                ? n
                : fallback;
    }
}
