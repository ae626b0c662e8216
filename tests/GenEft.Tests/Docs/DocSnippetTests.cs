using Xunit;

namespace GenEft.Tests.Docs;

/// <summary>The docs' C# examples compile against the package (doc snippets as tests, issue 13).</summary>
public sealed class DocSnippetTests
{
    /// <summary>Pages whose subject is not a C# API: measured tables, reproductions, the command-line tool.</summary>
    private static readonly HashSet<string> PagesWithoutApi = new(StringComparer.Ordinal)
    {
        "benchmarks.md", "reproduction.md", "reproduction-perceptron.md", "reproduction-tensor-network.md", "cli.md",
    };

    public static TheoryData<string> ApiPages() => [.. DocSnippets.Pages().Where(p => !PagesWithoutApi.Contains(p))];

    public static TheoryData<string> AllPages() => [.. DocSnippets.Pages()];

    [Theory]
    [MemberData(nameof(ApiPages))]
    public void EveryApiPageHasACompiledExample(string page) =>
        Assert.True(DocSnippets.Read(page).Count > 0, $"docs/{page} has no ```csharp example.");

    [Theory]
    [MemberData(nameof(AllPages))]
    public void EveryExampleCompiles(string page)
    {
        var errors = DocSnippets.Read(page).SelectMany(DocSnippets.CompileErrors).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void TheCompilerRejectsABrokenExample()
    {
        // The oracle must be able to fail: an example calling a member the package does not have. Line numbers are the
        // page's: the fence is line 1, so the bad call on the second code line is line 3.
        var broken = new DocSnippet("broken.md", 1, "using GenEft.Statics;\ndouble b = OrbitDescriptionLength.NoSuchMember(3);\n");
        var errors = DocSnippets.CompileErrors(broken);
        Assert.Contains(errors, e => e.Contains("CS0117", StringComparison.Ordinal) && e.StartsWith("broken.md:3:", StringComparison.Ordinal));
    }

    [Fact]
    public void AWorkingExampleCompiles()
    {
        var ok = new DocSnippet("ok.md", 1, "using GenEft.Relations;\nvar r = RelationGenerators.EqualityModulo(30, 3);\nConsole.WriteLine(r.IsEquivalence);\n");
        Assert.Empty(DocSnippets.CompileErrors(ok));
    }
}
