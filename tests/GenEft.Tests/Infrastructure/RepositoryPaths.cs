namespace GenEft.Tests.Infrastructure;

/// <summary>Locates the repository root from the test assembly's output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GenEft.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"GenEft.sln not found above {AppContext.BaseDirectory}.");
    }
}
