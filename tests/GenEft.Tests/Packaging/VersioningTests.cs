using GenEft.Tests.Infrastructure;
using Xunit;

namespace GenEft.Tests.Packaging;

/// <summary>
/// The repository's versioning settings (Directory.Build.props with MinVer) on a scratch project in a scratch git
/// repository: without git the build still works, untagged commits get 0.1.0-alpha.0.&lt;height&gt;, a v-prefixed tag
/// is the version, and a tag without the prefix is ignored.
/// </summary>
public sealed class VersioningTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "geneft-version-" + Guid.NewGuid().ToString("N"));

    public VersioningTests()
    {
        Directory.CreateDirectory(_work);
        foreach (string file in new[] { "Directory.Build.props", "Directory.Packages.props", "nuget.config", "global.json" })
            File.Copy(Path.Combine(RepositoryPaths.Root, file), Path.Combine(_work, file));
        File.WriteAllText(Path.Combine(_work, "Probe.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <IsPackable>true</IsPackable>
              </PropertyGroup>
            </Project>
            """);
    }

    public void Dispose()
    {
        if (Directory.Exists(_work)) Directory.Delete(_work, recursive: true);
    }

    private string Version(bool restore = false)
    {
        List<string> args = ["msbuild", "Probe.csproj", "-nologo", "-t:MinVer", "-getProperty:PackageVersion"];
        if (restore) args.Add("-restore");
        var result = ProcessRunner.Run("dotnet", args, _work, TimeSpan.FromMinutes(3));
        Assert.True(result.ExitCode == 0, result.Output);
        return result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Last(l => !l.Contains("warning", StringComparison.OrdinalIgnoreCase));
    }

    private void Git(params string[] args)
    {
        var result = ProcessRunner.Run("git", ["-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", .. args], _work, TimeSpan.FromMinutes(1));
        Assert.True(result.ExitCode == 0, result.Output);
    }

    [Fact]
    public void VersionsComeFromVPrefixedTagsAndTheBuildNeedsNeitherATagNorGit()
    {
        // Outside any git repository MinVer warns and falls back; the build does not fail.
        Assert.Equal("0.1.0-alpha.0", Version(restore: true));

        Git("init", "-q");
        Git("add", "-A");
        Git("commit", "-q", "-m", "first");
        Git("commit", "-q", "--allow-empty", "-m", "second");
        Assert.Equal("0.1.0-alpha.0.1", Version());

        Git("tag", "v0.3.0");
        Assert.Equal("0.3.0", Version());

        Git("commit", "-q", "--allow-empty", "-m", "third");
        Git("tag", "0.9.0");
        Assert.Equal("0.3.1-alpha.0.1", Version());
    }
}
