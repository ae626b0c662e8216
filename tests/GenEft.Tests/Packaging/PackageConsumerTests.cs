using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using GenEft.Tests.Infrastructure;
using Xunit;

namespace GenEft.Tests.Packaging;

/// <summary>
/// The packed packages as a user gets them: the library's contents and nuget.org readme, a separate consumer project
/// built against the .nupkg from a folder feed (both tensor namespaces in one file, and the readme's example, run and
/// checked), and the geneft tool installed from the feed with <c>dotnet tool install</c> and run.
/// </summary>
public sealed partial class PackageConsumerTests(PackedPackages packages) : IClassFixture<PackedPackages>
{
    private static string PackageReadme => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "GenEft", "PACKAGE.md"));

    [Fact]
    public void TheLibraryPackageCarriesDocsSymbolsTheNuGetReadmeAndTheSourceCommit()
    {
        Assert.True(packages.PackSucceeded, packages.PackLog);
        string nupkg = Path.Combine(packages.Feed, $"GenEft.{PackedPackages.Version}.nupkg");
        Assert.True(File.Exists(Path.Combine(packages.Feed, $"GenEft.{PackedPackages.Version}.snupkg")), "symbols package missing");
        using var zip = ZipFile.OpenRead(nupkg);
        var names = zip.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains("lib/net10.0/GenEft.dll", names);
        Assert.Contains("lib/net10.0/GenEft.xml", names);
        Assert.Contains("LICENSE", names);
        using (var readme = new StreamReader(zip.GetEntry("README.md")!.Open()))
            Assert.Equal(PackageReadme, readme.ReadToEnd());

        XNamespace ns = "http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd";
        XDocument nuspec;
        using (var stream = zip.GetEntry("GenEft.nuspec")!.Open()) nuspec = XDocument.Load(stream);
        var metadata = nuspec.Root!.Element(ns + "metadata")!;
        Assert.Equal(PackedPackages.Version, metadata.Element(ns + "version")!.Value);
        var dependencies = metadata.Element(ns + "dependencies")!.Descendants(ns + "dependency").Select(d => d.Attribute("id")!.Value).ToList();
        Assert.Equal(["MathNet.Numerics", "System.Numerics.Tensors"], dependencies.Order());
        Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
        var repository = metadata.Element(ns + "repository")!;
        Assert.Equal("https://github.com/geneft/geneft", repository.Attribute("url")!.Value);
        var head = ProcessRunner.Run("git", ["rev-parse", "HEAD"], RepositoryPaths.Root, TimeSpan.FromSeconds(30));
        if (head.ExitCode == 0) Assert.Equal(head.Output.Trim(), repository.Attribute("commit")!.Value);
    }

    [Fact]
    public void TheNuGetReadmeLinksOnlyToAbsoluteAddresses()
    {
        var links = MarkdownLink().Matches(PackageReadme).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.StartsWith("https://", link));
        Assert.Contains("dotnet add package GenEft", PackageReadme);
    }

    [Fact]
    public void AConsumerUsesBothTensorNamespacesInOneFileAndRunsTheReadmeExample()
    {
        Assert.True(packages.PackSucceeded, packages.PackLog);
        string consumer = Path.Combine(packages.Work, "consumer");
        Directory.CreateDirectory(consumer);
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), packages.NuGetConfig());
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="GenEft" Version="{PackedPackages.Version}" />
              </ItemGroup>
            </Project>
            """);

        // The readme's example, verbatim, then a call into the file that imports both tensor namespaces.
        string example = CSharpBlock().Match(PackageReadme).Groups[1].Value;
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), example + "\nInterop.Run();\n");
        File.WriteAllText(Path.Combine(consumer, "Interop.cs"), """
            using System.Numerics.Tensors;
            using GenEft.Tensors;

            internal static class Interop
            {
                public static void Run()
                {
                    var a = DenseTensor<float>.FromSpan([1f, 2f, 3f, 4f, 5f, 6f], 2, 3);
                    var b = DenseTensor<float>.FromSpan([1f, 0f, 0f, 1f, 1f, 1f], 3, 2);
                    var c = DenseTensor<float>.Zeros(2, 2);
                    DenseTensor.MatMul(a, b, c);

                    var squares = DenseTensor<float>.Zeros(2, 2);
                    Tensor.Multiply<float>(c, c, squares);
                    float total = Tensor.Sum<float>(squares);
                    Tensor<float> owned = squares.ToTensor();
                    TensorSpan<float> view = c.AsTensorSpan();
                    view[0, 0] = -1f;
                    var back = DenseTensor<float>.FromTensor(owned);
                    Console.WriteLine($"interop: {string.Join(",", back.ReadOnlySpan.ToArray())} sum {total} view {c[0, 0]}");
                }
            }
            """);

        var run = ProcessRunner.Run(
            "dotnet", ["run", "-c", "Release", "--project", Path.Combine(consumer, "Consumer.csproj")],
            consumer, TimeSpan.FromMinutes(5), packages.IsolatedEnvironment());
        Assert.True(run.ExitCode == 0, run.Output);
        string[] lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        // b = log2(30! / (10!^3 3!)) = 39.75 and Eq. 4 p_c(0.9) = log2(0.1) / (900 log2(1 - 1/b)) = 0.100, as the readme says.
        var readmeLine = Assert.Single(lines, l => l.StartsWith("b = ", StringComparison.Ordinal));
        var m = Regex.Match(readmeLine, @"^b = 39\.75 bits, p_c\(0\.9\) = 0\.100, accuracy bound at 10% = (0\.\d{3})$");
        Assert.True(m.Success, readmeLine);
        Assert.InRange(double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 0.95, 1.0);
        Assert.Contains($"prints `{readmeLine}`", PackageReadme);

        // [1 2 3; 4 5 6] [1 0; 0 1; 1 1] = [4 5; 10 11], squared elementwise 16, 25, 100, 121 (sum 262).
        Assert.Contains("interop: 16,25,100,121 sum 262 view -1", lines);
    }

    [Fact]
    public void TheToolInstallsFromTheFeedAndRuns()
    {
        Assert.True(packages.PackSucceeded, packages.PackLog);
        Assert.True(File.Exists(Path.Combine(packages.Feed, $"GenEft.Cli.{PackedPackages.Version}.nupkg")), packages.PackLog);
        string home = Path.Combine(packages.Work, "tool-home");
        string tools = Path.Combine(packages.Work, "tools");
        Directory.CreateDirectory(home);
        // As a user would: no configured source but the folder given on the command line.
        File.WriteAllText(Path.Combine(home, "nuget.config"), """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
              </packageSources>
            </configuration>
            """);
        var install = ProcessRunner.Run(
            "dotnet", ["tool", "install", "--tool-path", tools, "--add-source", packages.Feed, "GenEft.Cli", "--version", PackedPackages.Version],
            home, TimeSpan.FromMinutes(3), packages.IsolatedEnvironment());
        Assert.True(install.ExitCode == 0, install.Output);

        string geneft = Path.Combine(tools, "geneft");
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..")),
        };
        var help = ProcessRunner.Run(geneft, ["--help"], home, TimeSpan.FromMinutes(1), environment);
        Assert.True(help.ExitCode == 0, help.Output);
        foreach (string command in new[] { "graph", "relation", "bounds", "repons", "figure" }) Assert.Contains(command, help.Output);

        // The packed tool is the assembly these tests ran in-process, so it reports the same git-derived version.
        var version = ProcessRunner.Run(geneft, ["--version"], home, TimeSpan.FromMinutes(1), environment);
        Assert.Equal(GenEft.Cli.GeneftCommand.Version, version.Output.Trim());

        // The Petersen graph in graph6, from a file: |Aut| = 120, one orbit.
        string petersen = Path.Combine(home, "petersen.g6");
        File.WriteAllText(petersen, "IheA@GUAo\n");
        var aut = ProcessRunner.Run(geneft, ["graph", "aut", petersen], home, TimeSpan.FromMinutes(1), environment);
        Assert.True(aut.ExitCode == 0, aut.Output);
        Assert.Contains("order: 120", aut.Output);
        Assert.Contains("orbits: 1", aut.Output);

        var typo = ProcessRunner.Run(geneft, ["graph", "atu", petersen], home, TimeSpan.FromMinutes(1), environment);
        Assert.Equal(1, typo.ExitCode);
        Assert.Contains("did you mean 'aut'?", typo.Output);

        // The figures draw through ScottPlot and SkiaSharp's native library, which the tool package must carry.
        string figures = Path.Combine(home, "figures");
        var figure = ProcessRunner.Run(geneft, ["figure", "figure4", "--out", figures, "-q"], home, TimeSpan.FromMinutes(1), environment);
        Assert.True(figure.ExitCode == 0, figure.Output);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(Path.Combine(figures, "figure4_portrait.png")).Take(4));
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(figures, "figure4_portrait.svg")));
    }

    [GeneratedRegex(@"\]\(([^)]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
