using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Sip.Generator.Tests.Generator;

/// <summary>
/// Pipeline data must be plain values: a model that held a symbol, syntax node, location or
/// compilation would never compare equal across runs and would defeat caching (and root compilations).
/// </summary>
public class ModelPurityTests
{
    private static readonly Type[] s_forbidden = [typeof(ISymbol), typeof(SyntaxNode), typeof(Location), typeof(Compilation), typeof(SyntaxTree), typeof(SemanticModel)];

    public static TheoryData<Type> PipelineTypes() =>
    [
        typeof(Sip.Generator.Model.GrammarFile),
        typeof(Sip.Generator.Binding.BindResult),
        typeof(Sip.Generator.Binding.BoundGrammar),
        typeof(Sip.Generator.Automata.RulePlan),
        typeof(Sip.Generator.GeneratorOptions),
    ];

    [Theory]
    [MemberData(nameof(PipelineTypes))]
    public void ModelHoldsNoRoslynObjects(Type root)
    {
        var seen = new HashSet<Type>();
        var work = new Stack<Type>([root]);
        var offenders = new List<string>();
        while (work.Count > 0)
        {
            Type t = work.Pop();
            if (!seen.Add(t) || t.IsPrimitive || t == typeof(string)) continue;
            if (s_forbidden.Any(f => f.IsAssignableFrom(t))) offenders.Add(t.FullName!);
            if (t.IsGenericType) foreach (Type a in t.GetGenericArguments()) work.Push(a);
            if (t.IsArray) work.Push(t.GetElementType()!);
            foreach (FieldInfo f in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)) work.Push(f.FieldType);
            // Node subclasses are reached through the abstract base: walk the assembly's derived types too.
            foreach (Type d in t.Assembly.GetTypes().Where(x => x != t && t.IsAssignableFrom(x) && !x.IsInterface)) work.Push(d);
        }
        Assert.Empty(offenders);
        Assert.True(seen.Count > 1);
    }

    [Fact]
    public void ModelTypesHaveValueEquality()
    {
        string text = "a = \"x\" / %x30-39\nb = 1*a\n";
        var one = Sip.Generator.Binding.Binder.Bind([Sip.Generator.Parsing.AbnfParser.Parse("g.abnf", text)]);
        var two = Sip.Generator.Binding.Binder.Bind([Sip.Generator.Parsing.AbnfParser.Parse("g.abnf", text)]);
        Assert.NotSame(one.Grammar, two.Grammar);
        Assert.Equal(one.Grammar, two.Grammar);
        Assert.Equal(one, two);
        var p1 = GrammarGenerator.PlanAll(one.Grammar);
        var p2 = GrammarGenerator.PlanAll(two.Grammar);
        // ImmutableArray's own equality is by reference: compare the plans element by element.
        Assert.Equal(p1.AsEnumerable(), p2.AsEnumerable());
        Assert.Equal(p1.Length, p2.Length);
    }
}
