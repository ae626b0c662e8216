using System.CommandLine;
using System.Globalization;
using GenEft.Relations;

namespace GenEft.Cli.Input;

/// <summary>A relation to compute with, and how to name it in output.</summary>
/// <param name="Name">E.g. "mod 3" or the file name.</param>
/// <param name="Relation">The relation.</param>
/// <param name="Class">Its class.</param>
internal sealed record NamedRelation(string Name, Relation Relation, RelationClass Class);

/// <summary>
/// The options that name a relation: a family of GenEFT Table 1 (<c>--family</c> with <c>--size</c> and the family's
/// parameter) or a relation matrix file (<c>--file</c>, see <see cref="RelationMatrixFormat"/>).
/// </summary>
internal sealed class RelationSource
{
    private readonly Option<string?> _family = new("--family")
    {
        Description = "A relation family: mod (x = y mod k), less-than (x < y: GenEFT Table 1's \"greater-than\"), greater-than (x > y), complete-bipartite",
    };

    private readonly Option<int> _size = new("--size", "-n") { Description = "The number of elements n of a --family relation" };

    private readonly Option<int> _modulus = new("--modulus", "-k") { Description = "k of the mod family [default: 3]" };

    private readonly Option<int> _partSize = new("--part-size", "-a")
    {
        Description = "The size a of the first part of complete-bipartite, whose parts are {0..a-1} and the rest [default: n / 2]",
    };

    private readonly Option<string?> _file = new("--file")
    {
        Description = "A relation matrix file instead of --family: n lines of n 0/1 entries (row i is R[i, 0..n-1]), '#' comments; - reads stdin",
    };

    public RelationSource()
    {
        _family.AcceptOnlyFromAmong("mod", "less-than", "greater-than", "complete-bipartite");
    }

    /// <summary>Adds the options and their consistency checks to a command.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_family);
        command.Options.Add(_size);
        command.Options.Add(_modulus);
        command.Options.Add(_partSize);
        command.Options.Add(_file);
        command.Validators.Add(result =>
        {
            bool hasFamily = result.GetResult(_family) is not null;
            bool hasFile = result.GetResult(_file) is not null;
            if (hasFamily == hasFile)
            {
                result.AddError("Name the relation with exactly one of --family or --file.");
                return;
            }

            if (hasFile)
            {
                foreach (var option in new Option[] { _size, _modulus, _partSize })
                    if (result.GetResult(option) is not null) result.AddError($"{option.Name} belongs to --family, not --file.");
                return;
            }

            if (!result.TryGet(_family, out string? family)) return;
            bool sizeKnown = result.TryGet(_size, out int n);
            if (result.GetResult(_size) is null) result.AddError("--family needs --size (the number of elements n).");
            else if (sizeKnown && n is < 1 or > RelationMatrixFormat.MaxSize)
                result.AddError($"--size must be in [1, {RelationMatrixFormat.MaxSize}], got {n}.");
            if (result.GetResult(_modulus) is not null && family != "mod") result.AddError("--modulus belongs to --family mod.");
            if (result.GetResult(_partSize) is not null && family != "complete-bipartite") result.AddError("--part-size belongs to --family complete-bipartite.");
            if (result.TryGet(_modulus, out int k) && k < 1) result.AddError($"--modulus must be at least 1, got {k}.");
            if (result.TryGet(_partSize, out int a) && sizeKnown && (a < 0 || a > n))
                result.AddError($"--part-size must be in [0, n] = [0, {n}], got {a}.");
        });
    }

    /// <summary>Builds the relation the options name.</summary>
    /// <exception cref="FormatException">The file is not a relation matrix.</exception>
    public NamedRelation Resolve(ParseResult parseResult, CliContext context)
    {
        var inv = CultureInfo.InvariantCulture;
        string? file = parseResult.GetValue(_file);
        if (file is not null)
        {
            var fromFile = RelationMatrixFormat.Parse(InputText.Read(file, context));
            return new NamedRelation(InputText.DisplayName(file), fromFile, RelationClass.Of(fromFile));
        }

        int n = parseResult.GetValue(_size);
        int modulus = parseResult.GetResult(_modulus) is null ? 3 : parseResult.GetValue(_modulus);
        int partSize = parseResult.GetResult(_partSize) is null ? n / 2 : parseResult.GetValue(_partSize);
        string family = parseResult.GetValue(_family)!;
        (string name, Relation relation) = family switch
        {
            "mod" => (string.Create(inv, $"mod {modulus}"), RelationGenerators.EqualityModulo(n, modulus)),
            "less-than" => ("less-than", RelationGenerators.LessThan(n)),
            "greater-than" => ("greater-than", RelationGenerators.LessThan(n).Converse()),
            _ => CompleteBipartite(n, partSize),
        };
        return new NamedRelation(name, relation, RelationClass.Of(relation));

        static (string, Relation) CompleteBipartite(int n, int a) =>
            (string.Create(CultureInfo.InvariantCulture, $"complete bipartite {a} + {n - a}"), RelationGenerators.CompleteBipartite(n, a));
    }
}
