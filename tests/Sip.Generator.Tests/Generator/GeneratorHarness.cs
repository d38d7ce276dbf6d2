using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Sip.Generator.Tests.Generator;

/// <summary>An <c>.abnf</c> file handed to the generator as an AdditionalFile.</summary>
public sealed class GrammarText(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
}

/// <summary>Global analyzer options (the MSBuild properties a consumer sets).</summary>
public sealed class TestOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
{
    public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
}

public sealed class TestOptionsProvider(Dictionary<string, string> values) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new TestOptions(values);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new TestOptions([]);

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new TestOptions([]);
}

/// <summary>Runs <see cref="GrammarGenerator"/> in-process through Roslyn's driver, with step tracking on.</summary>
public static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))]);

    public static CSharpCompilation EmptyCompilation() => CSharpCompilation.Create(
        "GrammarFixture",
        [CSharpSyntaxTree.ParseText("namespace Fixture { internal static class Anchor { } }", new CSharpParseOptions(LanguageVersion.Latest))],
        s_references.Value,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> files, Dictionary<string, string>? options = null)
        => CSharpGeneratorDriver.Create(
            [new GrammarGenerator().AsSourceGenerator()],
            files,
            new CSharpParseOptions(LanguageVersion.Latest),
            new TestOptionsProvider(options ?? []),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRunResult Run(params GrammarText[] files) => Run(files, null);

    public static GeneratorRunResult Run(IEnumerable<AdditionalText> files, Dictionary<string, string>? options)
    {
        GeneratorDriver driver = CreateDriver(files, options).RunGenerators(EmptyCompilation());
        return driver.GetRunResult().Results.Single();
    }

    /// <summary>The folder of the calling test source file (to find and write snapshot files in the repo).</summary>
    public static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
