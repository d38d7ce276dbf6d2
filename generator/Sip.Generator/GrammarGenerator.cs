using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Sip.Generator.Automata;
using Sip.Generator.Binding;
using Sip.Generator.Emit;
using Sip.Generator.Model;
using Sip.Generator.Parsing;

namespace Sip.Generator
{
    /// <summary>
    /// Compiles every <c>*.abnf</c> AdditionalFile into exact matchers.
    /// Pipeline: parse each file → bind all files into one grammar → plan each rule (DFA or
    /// composite) → emit one source file per rule. Steps hold only value-equatable data, so a
    /// comment-only edit stops at the bind step and an edit to one rule re-emits only the rules
    /// whose plans changed.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class GrammarGenerator : IIncrementalGenerator
    {
        public static class Steps
        {
            public const string Parse = nameof(Parse);
            public const string Bind = nameof(Bind);
            public const string Grammar = nameof(Grammar);
            public const string Plan = nameof(Plan);
            public const string Diagnostics = nameof(Diagnostics);
            public const string Headers = nameof(Headers);
            public const string Protocol = nameof(Protocol);
        }

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValueProvider<GeneratorOptions> options = context.AnalyzerConfigOptionsProvider
                .Select(static (provider, _) => GeneratorOptions.From(provider.GlobalOptions));
            IncrementalValueProvider<string> ns = options.Select(static (o, _) => o.Namespace);
            IncrementalValueProvider<(int MaxStates, int MaxTable)> limits = options.Select(static (o, _) => (o.MaxDfaStates, o.MaxTableEntries));

            IncrementalValuesProvider<GrammarFile> files = context.AdditionalTextsProvider
                .Where(static text => text.Path.EndsWith(".abnf", StringComparison.OrdinalIgnoreCase))
                .Select(static (text, ct) => AbnfParser.Parse(text.Path, text.GetText(ct)?.ToString() ?? string.Empty))
                .WithTrackingName(Steps.Parse);

            IncrementalValueProvider<BindResult> bound = files.Collect()
                .Select(static (all, _) => Binder.Bind(all))
                .WithTrackingName(Steps.Bind);

            IncrementalValueProvider<BoundGrammar> grammar = bound
                .Select(static (result, _) => result.Grammar)
                .WithTrackingName(Steps.Grammar);

            IncrementalValuesProvider<RulePlan> plans = grammar
                .Combine(limits)
                .SelectMany(static (pair, ct) => PlanAll(pair.Left, pair.Right.MaxStates, pair.Right.MaxTable))
                .WithTrackingName(Steps.Plan);

            IncrementalValueProvider<HeaderTable> headers = grammar
                .Select(static (g, _) => HeaderExtractor.Extract(g))
                .WithTrackingName(Steps.Headers);

            IncrementalValueProvider<ProtocolTable> protocol = grammar
                .Select(static (g, _) => ProtocolExtractor.Extract(g))
                .WithTrackingName(Steps.Protocol);

            context.RegisterSourceOutput(protocol.Combine(ns), static (spc, pair) =>
            {
                if (pair.Left.Methods.Count > 0 || pair.Left.StatusCodes.Count > 0)
                {
                    spc.AddSource(ProtocolEmitter.HintName, SourceText.From(ProtocolEmitter.Emit(pair.Left, pair.Right), System.Text.Encoding.UTF8));
                }
            });

            IncrementalValueProvider<ImmutableEquatableArray<DiagnosticInfo>> diagnostics = bound
                .Combine(plans.Collect())
                .Combine(headers)
                .Select(static (pair, _) => CollectDiagnostics(pair.Left.Left, pair.Left.Right, pair.Right))
                .WithTrackingName(Steps.Diagnostics);

            context.RegisterSourceOutput(headers.Combine(ns), static (spc, pair) =>
            {
                if (pair.Left.Headers.Count > 0)
                {
                    spc.AddSource(HeaderEmitter.HintName, SourceText.From(HeaderEmitter.Emit(pair.Left, pair.Right), System.Text.Encoding.UTF8));
                }
            });

            // Typed accessors use the runtime's value types and its HeaderKind: emitted into the runtime's own
            // compilation (the one that defines Sip.Runtime.Message.SipMessage). A consumer's grammar extension
            // cannot extend the runtime's HeaderKind, so it gets no accessors from this step.
            IncrementalValueProvider<bool> hasRuntime = context.CompilationProvider
                .Select(static (c, _) => c.GetTypeByMetadataName("Sip.Runtime.Message.SipMessage") is { } t
                    && SymbolEqualityComparer.Default.Equals(t.ContainingAssembly, c.Assembly));

            context.RegisterSourceOutput(headers.Combine(ns).Combine(hasRuntime), static (spc, pair) =>
            {
                if (pair.Right && pair.Left.Left.Headers.Any(h => h.ValueType != null))
                {
                    spc.AddSource(HeaderEmitter.AccessorsHintName, SourceText.From(HeaderEmitter.EmitAccessors(pair.Left.Left, pair.Left.Right), System.Text.Encoding.UTF8));
                }
            });

            context.RegisterSourceOutput(diagnostics, static (spc, list) =>
            {
                foreach (DiagnosticInfo d in list) spc.ReportDiagnostic(ToDiagnostic(d));
            });

            context.RegisterSourceOutput(ns, static (spc, name) =>
                spc.AddSource(Support.HintName, SourceText.From(Support.Emit(name), System.Text.Encoding.UTF8)));

            context.RegisterSourceOutput(plans.Combine(ns), static (spc, pair) =>
                spc.AddSource(Emitter.HintName(pair.Left), SourceText.From(Emitter.Emit(pair.Left, pair.Right), System.Text.Encoding.UTF8)));
        }

        internal static ImmutableArray<RulePlan> PlanAll(BoundGrammar grammar, int maxStates = RuleCompiler.DefaultMaxStates, int maxTable = Planner.DefaultMaxTableEntries)
        {
            var planner = new Planner(grammar, maxStates, maxTable);
            ImmutableArray<RulePlan>.Builder result = ImmutableArray.CreateBuilder<RulePlan>(grammar.Rules.Count);
            foreach (BoundRule rule in grammar.Rules) result.Add(planner.Plan(rule));
            return result.MoveToImmutable();
        }

        internal static ImmutableEquatableArray<DiagnosticInfo> CollectDiagnostics(BindResult bound, ImmutableArray<RulePlan> plans, HeaderTable? headers = null)
        {
            var list = bound.Diagnostics.ToList();
            foreach (HeaderProblem problem in headers?.Problems ?? ImmutableEquatableArray<HeaderProblem>.Empty)
            {
                SourcePosition? at = bound.PositionOf(problem.RuleKey);
                if (at != null) list.Add(new DiagnosticInfo(problem.Id, Severity.Error, problem.Message, at.Value, 1));
            }
            foreach (RulePlan plan in plans)
            {
                SourcePosition? at = bound.PositionOf(plan.Key);
                if (at == null) continue;
                bool empty = plan.Dfa != null
                    ? plan.Dfa.FirstAccepting >= plan.Dfa.StateCount
                    : !plan.Composite!.Nullable && !plan.Composite.Last.Any(l => l);
                if (empty)
                {
                    list.Add(new DiagnosticInfo(DiagnosticIds.EmptyLanguage, Severity.Warning,
                        $"rule '{plan.Name}' can never match: its language is empty", at.Value, plan.Name.Length));
                }
                if (plan.Composite == null) continue;
                list.Add(new DiagnosticInfo(DiagnosticIds.NotDeterministic, Severity.Info,
                    $"rule '{plan.Name}' is too large for one deterministic automaton; it is matched by {plan.Composite.Leaves.Count} automata run in lock-step (exact, linear time)",
                    at.Value, plan.Name.Length));
            }
            list.Sort();
            return list.ToEquatable();
        }

        private static readonly System.Collections.Generic.Dictionary<string, DiagnosticDescriptor> s_descriptors =
            new System.Collections.Generic.Dictionary<string, DiagnosticDescriptor>();

        internal static Diagnostic ToDiagnostic(DiagnosticInfo info)
        {
            DiagnosticSeverity severity = info.Severity switch
            {
                Severity.Error => DiagnosticSeverity.Error,
                Severity.Warning => DiagnosticSeverity.Warning,
                Severity.Info => DiagnosticSeverity.Info,
                _ => DiagnosticSeverity.Hidden,
            };
            DiagnosticDescriptor descriptor;
            lock (s_descriptors)
            {
                string key = info.Id + "/" + severity;
                if (!s_descriptors.TryGetValue(key, out descriptor!))
                {
                    descriptor = new DiagnosticDescriptor(info.Id, TitleOf(info.Id), "{0}", "Sip.Grammar", severity, isEnabledByDefault: true);
                    s_descriptors[key] = descriptor;
                }
            }
            var start = new LinePosition(info.Position.Line - 1, info.Position.Column - 1);
            var end = new LinePosition(info.Position.Line - 1, info.Position.Column - 1 + Math.Max(info.Length, 1));
            Location location = Location.Create(info.Position.Path, new TextSpan(0, 0), new LinePositionSpan(start, end));
            return Diagnostic.Create(descriptor, location, info.Message);
        }

        private static string TitleOf(string id) => id switch
        {
            DiagnosticIds.SyntaxError => "ABNF syntax error",
            DiagnosticIds.BadNumVal => "Invalid numeric value",
            DiagnosticIds.BadRepeat => "Invalid repetition",
            DiagnosticIds.UndefinedRule => "Undefined rule",
            DiagnosticIds.DuplicateRule => "Duplicate rule definition",
            DiagnosticIds.UnimplementedProse => "Prose value not implemented",
            DiagnosticIds.LeftRecursion => "Left-recursive rule",
            DiagnosticIds.UnusedRule => "Unused rule",
            DiagnosticIds.NotDeterministic => "Rule not compiled to one deterministic automaton",
            DiagnosticIds.IncrementalWithoutBase => "Incremental alternative without a base rule",
            DiagnosticIds.AmbiguousRule => "Ambiguous rule name",
            DiagnosticIds.RecursionBounded => "Recursion bounded",
            DiagnosticIds.EmptyLanguage => "Rule matches nothing",
            DiagnosticIds.HintUnknown => "Unknown hint",
            DiagnosticIds.HintInvalid => "Invalid hint",
            DiagnosticIds.HintMisplaced => "Misplaced hint",
            DiagnosticIds.ProseTargetUndefined => "Prose hint names an undefined rule",
            DiagnosticIds.HeaderShape => "Header rule has the wrong shape",
            DiagnosticIds.HeaderNameClash => "Two header rules claim one name",
            _ => "Grammar diagnostic",
        };
    }
}
