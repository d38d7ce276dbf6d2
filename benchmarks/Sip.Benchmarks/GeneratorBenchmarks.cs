using BenchmarkDotNet.Attributes;
using Sip.Generator.Automata;
using Sip.Generator.Binding;
using Sip.Generator.Emit;
using Sip.Generator.Model;
using Sip.Generator.Parsing;

namespace Sip.Benchmarks;

/// <summary>
/// The grammar compiler's stages on the project's whole grammar (grammar/**/*.abnf): the work the
/// incremental generator does in a build. Warm figures; a cold build adds JIT start-up and Roslyn's
/// own handling of the generated text (see `dotnet build -p:ReportAnalyzer=true`).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private (string Path, string Text)[] _files = [];
    private BoundGrammar _grammar = null!;

    [GlobalSetup]
    public void Setup()
    {
        string root = Path.Combine(AppContext.BaseDirectory, "grammar");
        _files = Directory.GetFiles(root, "*.abnf", SearchOption.AllDirectories).Select(p => (p, File.ReadAllText(p))).ToArray();
        _grammar = Binder.Bind(_files.Select(f => AbnfParser.Parse(f.Path, f.Text))).Grammar;
        if (_grammar.Rules.Count < 500) throw new InvalidOperationException("the grammar was not found");
    }

    [Benchmark(Baseline = true)]
    public BindResult ParseAndBind() => Binder.Bind(_files.Select(f => AbnfParser.Parse(f.Path, f.Text)));

    /// <summary>Every rule to a minimal DFA or composite (the expensive stage).</summary>
    [Benchmark]
    public int Plan()
    {
        var planner = new Planner(_grammar);
        int n = 0;
        foreach (BoundRule rule in _grammar.Rules) n += planner.Plan(rule).Dfa?.StateCount ?? 1;
        return n;
    }

    /// <summary>The whole pipeline: parse, bind, plan and emit every rule's source text.</summary>
    [Benchmark]
    public long Generate()
    {
        BindResult bound = Binder.Bind(_files.Select(f => AbnfParser.Parse(f.Path, f.Text)));
        var planner = new Planner(bound.Grammar);
        long chars = 0;
        foreach (BoundRule rule in bound.Grammar.Rules) chars += Emitter.Emit(planner.Plan(rule), Emitter.DefaultNamespace).Length;
        return chars;
    }
}
