using GenEft.Tests.Infrastructure;

namespace GenEft.Tests.Packaging;

/// <summary>
/// Packs the library and the tool once, into a folder feed, for every packaging test. The packages hold the very
/// assemblies this test run built and tested (<c>--no-build</c>, same configuration), which also keeps the tests
/// fast; the package version is pinned through MinVer's override so the file names are known.
/// </summary>
public sealed class PackedPackages : IDisposable
{
    public const string Version = "0.0.0-test";

    public PackedPackages()
    {
        Directory.CreateDirectory(Feed);
        foreach (string project in new[] { "GenEft", "GenEft.Cli" })
        {
            var pack = ProcessRunner.Run(
                "dotnet",
                [
                    "pack", Path.Combine(RepositoryPaths.Root, "src", project, project + ".csproj"), "--no-build", "-c", Configuration,
                    "-o", Feed, $"-p:MinVerVersionOverride={Version}",
                ],
                RepositoryPaths.Root,
                TimeSpan.FromMinutes(5));
            PackLog += $"== dotnet pack {project}: exit {pack.ExitCode}\n{pack.Output}\n";
            PackSucceeded &= pack.ExitCode == 0;
        }
    }

    /// <summary>The build configuration of this test run (the folder above the target framework's output folder).</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    /// <summary>A scratch folder for this test run, deleted afterwards.</summary>
    public string Work { get; } = Path.Combine(Path.GetTempPath(), "geneft-pack-" + Guid.NewGuid().ToString("N"));

    /// <summary>The folder feed holding the packed .nupkg and .snupkg files.</summary>
    public string Feed => Path.Combine(Work, "feed");

    public bool PackSucceeded { get; } = true;

    public string PackLog { get; } = string.Empty;

    /// <summary>
    /// A nuget.config for a consumer: GenEft and GenEft.Cli only from the feed; everything else from the machine's
    /// global packages folder (used as a folder feed, so restores of cached packages need no network), then nuget.org.
    /// </summary>
    public string NuGetConfig()
    {
        string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="feed" value="{Feed}" />
                <add key="cache" value="{cache}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="feed">
                  <package pattern="GenEft" />
                  <package pattern="GenEft.Cli" />
                </packageSource>
                <packageSource key="cache">
                  <package pattern="*" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """;
    }

    /// <summary>
    /// Environment for child dotnet processes: a private packages folder, so the test packages never enter (or come
    /// stale from) the machine's global one.
    /// </summary>
    public Dictionary<string, string> IsolatedEnvironment() => new()
    {
        ["NUGET_PACKAGES"] = Path.Combine(Work, "packages"),
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
    };

    public void Dispose()
    {
        if (Directory.Exists(Work)) Directory.Delete(Work, recursive: true);
    }
}
