using System.IO.Compression;
using GenEft.Tests.Infrastructure;
using Xunit;

namespace GenEft.Tests.Packaging;

/// <summary>
/// Packs the library and builds a separate consumer project against the .nupkg from a local folder feed,
/// proving the package works when referenced from another project (not just through a project reference).
/// </summary>
public sealed class PackageConsumerTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "geneft-pack-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    [Fact]
    public void PackedPackageCarriesDocsAndSymbolsAndWorksFromAConsumerProject()
    {
        string feed = Path.Combine(_work, "feed");
        var pack = ProcessRunner.Run(
            "dotnet",
            ["pack", Path.Combine(RepositoryPaths.Root, "src", "GenEft", "GenEft.csproj"), "-c", "Release", "-o", feed, "-p:MinVerVersionOverride=0.0.0-test"],
            RepositoryPaths.Root,
            TimeSpan.FromMinutes(5));
        Assert.True(pack.ExitCode == 0, pack.Output);

        string nupkg = Path.Combine(feed, "GenEft.0.0.0-test.nupkg");
        Assert.True(File.Exists(Path.Combine(feed, "GenEft.0.0.0-test.snupkg")), "symbols package missing");
        using (var zip = ZipFile.OpenRead(nupkg))
        {
            var names = zip.Entries.Select(e => e.FullName).ToHashSet();
            Assert.Contains("lib/net10.0/GenEft.dll", names);
            Assert.Contains("lib/net10.0/GenEft.xml", names);
            Assert.Contains("README.md", names);
            Assert.Contains("LICENSE", names);
        }

        string consumer = Path.Combine(_work, "consumer");
        Directory.CreateDirectory(consumer);
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="GenEft" Version="0.0.0-test" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), """
            using GenEft.Tensors;

            var a = DenseTensor<float>.FromSpan([1f, 2f, 3f, 4f, 5f, 6f], 2, 3);
            var b = DenseTensor<float>.FromSpan([1f, 0f, 0f, 1f, 1f, 1f], 3, 2);
            var c = DenseTensor<float>.Zeros(2, 2);
            DenseTensor.MatMul(a, b, c);
            Console.WriteLine(string.Join(",", c.ReadOnlySpan.ToArray()));
            """);
        var run = ProcessRunner.Run(
            "dotnet",
            ["run", "-c", "Release", "--project", Path.Combine(consumer, "Consumer.csproj")],
            consumer,
            TimeSpan.FromMinutes(5),
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_work, "packages") });
        Assert.True(run.ExitCode == 0, run.Output);

        // [1 2 3; 4 5 6] . [1 0; 0 1; 1 1] = [4 5; 10 11], computed by hand.
        Assert.Equal("4,5,10,11", run.Output.Trim().Split('\n')[^1].Trim());
    }
}
