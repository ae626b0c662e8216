using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GenEft.Tests.Docs;

/// <summary>One fenced C# example of a docs page.</summary>
/// <param name="Page">The page's file name under docs/.</param>
/// <param name="Line">1-based line of the opening fence.</param>
/// <param name="Code">The block's text.</param>
internal sealed record DocSnippet(string Page, int Line, string Code)
{
    public override string ToString() => $"{Page}:{Line}";
}

/// <summary>
/// Reads and compiles the docs' examples. Convention (stated in docs/README.md): a block fenced <c>```csharp</c> is a
/// complete program (top-level statements, optionally followed by type declarations) or a complete set of declarations that compiles against the
/// package with a console project's implicit usings; a block fenced <c>```cs</c> is an API listing or a fragment and is
/// not compiled.
/// </summary>
internal static class DocSnippets
{
    /// <summary>The implicit usings of a new console project (<c>ImplicitUsings</c> enabled).</summary>
    private const string ImplicitUsings =
        "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; " +
        "global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;\n";

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    public static string DocsFolder => Path.Combine(Infrastructure.RepositoryPaths.Root, "docs");

    /// <summary>Every docs page (docs/*.md, not docs/README.md).</summary>
    public static IEnumerable<string> Pages() =>
        Directory.EnumerateFiles(DocsFolder, "*.md")
            .Select(Path.GetFileName)
            .Where(name => name is not null && !name.Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Select(name => name!)
            .Order(StringComparer.Ordinal);

    /// <summary>The <c>```csharp</c> blocks of one page, in order.</summary>
    public static IReadOnlyList<DocSnippet> Read(string page)
    {
        string[] lines = File.ReadAllLines(Path.Combine(DocsFolder, page));
        var snippets = new List<DocSnippet>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() != "```csharp")
            {
                continue;
            }

            var code = new StringBuilder();
            int start = i + 1;
            for (i++; i < lines.Length && lines[i].TrimEnd() != "```"; i++)
            {
                code.AppendLine(lines[i]);
            }

            if (i == lines.Length)
            {
                throw new InvalidDataException($"{page}:{start}: a ```csharp block is never closed.");
            }

            snippets.Add(new DocSnippet(page, start, code.ToString()));
        }

        return snippets;
    }

    /// <summary>Compiles a snippet as a console program; returns its error diagnostics (empty when it compiles).</summary>
    public static IReadOnlyList<string> CompileErrors(DocSnippet snippet)
    {
        var options = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview);
        SyntaxTree[] trees =
        [
            CSharpSyntaxTree.ParseText(ImplicitUsings, options, path: "ImplicitUsings.cs"),
            CSharpSyntaxTree.ParseText(snippet.Code, options, path: snippet.Page),
        ];
        // A block of declarations only (no top-level statements) is compiled as a library.
        bool program = trees[1].GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().Any();
        var compilation = CSharpCompilation.Create(
            "DocSnippet_" + Path.GetFileNameWithoutExtension(snippet.Page) + "_" + snippet.Line,
            trees,
            References.Value,
            new CSharpCompilationOptions(program ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: false));
        using var pe = new MemoryStream();
        var result = compilation.Emit(pe);
        return result.Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d =>
            {
                var span = d.Location.GetLineSpan();
                int line = snippet.Line + span.StartLinePosition.Line + 1;
                return $"{snippet.Page}:{line}: {d.Id} {d.GetMessage()}";
            })
            .ToList();
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The test host's trusted platform assemblies: the shared framework plus this project's dependencies
        // (GenEft, MathNet.Numerics, System.Numerics.Tensors), i.e. what a consumer of the package compiles against.
        string tpa = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        return [.. tpa.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => !Path.GetFileName(path).StartsWith("GenEft.Tests", StringComparison.Ordinal))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))];
    }
}
