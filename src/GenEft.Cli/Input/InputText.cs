namespace GenEft.Cli.Input;

/// <summary>Reads the text of a file argument, "-" meaning standard input.</summary>
internal static class InputText
{
    public static string Read(string path, CliContext context)
    {
        if (path == "-")
        {
            using var reader = context.StandardInput();
            return reader.ReadToEnd();
        }

        return File.ReadAllText(path);
    }

    /// <summary>How a file argument is named in output: "stdin" for "-", otherwise the path as given.</summary>
    public static string DisplayName(string path) => path == "-" ? "stdin" : path;
}
