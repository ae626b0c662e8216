using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace GenEft.Cli.Commands;

/// <summary>Options several commands share: the seed, the thread count, lists of numbers and positive counts.</summary>
internal static class CommonOptions
{
    /// <summary><c>--seed</c>: the same seed gives the same output, whatever the thread count.</summary>
    public static Option<ulong> CreateSeed(ulong defaultSeed) => new("--seed", "-s")
    {
        Description = "The seed; the same seed gives the same numbers on any number of threads",
        DefaultValueFactory = _ => defaultSeed,
    };

    /// <summary><c>--threads</c>: -1 for all cores.</summary>
    public static Option<int> CreateThreads()
    {
        var threads = new Option<int>("--threads", "-t")
        {
            Description = "Worker threads; -1 uses every core",
            DefaultValueFactory = _ => -1,
        };
        threads.Validators.Add(result =>
        {
            if (result.TryGet(out int t) && (t == 0 || t < -1)) result.AddError($"--threads must be -1 (every core) or at least 1, got {t}.");
        });
        return threads;
    }

    /// <summary>An option taking one or more doubles, each checked by <paramref name="valid"/>.</summary>
    public static Option<double[]> CreateList(string name, string description, double[] defaults, Func<double, bool> valid, string range)
    {
        var option = new Option<double[]>(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaults,
            AllowMultipleArgumentsPerToken = true,
        };
        option.Validators.Add(result =>
        {
            if (!result.TryGet(out double[]? parsed)) return;
            double[] values = parsed ?? [];
            if (values.Length == 0) result.AddError($"{name} needs at least one value.");
            foreach (double v in values)
                if (!valid(v)) result.AddError(FormattableString.Invariant($"{name} values must be {range}, got {v}."));
        });
        return option;
    }

    /// <summary>An integer option whose values must be at least 1.</summary>
    public static Option<T> CreateCount<T>(string name, string description, T defaultValue, params string[] aliases)
        where T : struct, System.Numerics.IBinaryInteger<T>
    {
        var option = new Option<T>(name, aliases) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            if (result.TryGet(out T value) && value < T.One) result.AddError($"{name} must be at least 1, got {value}.");
        });
        return option;
    }

    /// <summary>
    /// An option taking one double (or, with <paramref name="many"/>, one or more), parsed with exponents allowed
    /// ("1e-3", which System.CommandLine's default parser rejects) and each checked by <paramref name="valid"/>.
    /// </summary>
    public static Option<double[]> CreateNumbers(string name, string description, double[] defaults, Func<double, bool> valid, string range, bool many)
    {
        var option = CreateList(name, description, defaults, valid, range);
        option.AllowMultipleArgumentsPerToken = many;
        option.CustomParser = result => ParseNumbers(result, name);
        if (!many) option.Arity = ArgumentArity.ExactlyOne;
        return option;
    }

    /// <summary>Parses an option's tokens as invariant-culture floating-point numbers (exponents allowed); null with an error otherwise.</summary>
    public static double[]? ParseNumbers(ArgumentResult result, string name)
    {
        var values = new double[result.Tokens.Count];
        for (int i = 0; i < values.Length; i++)
        {
            string token = result.Tokens[i].Value;
            if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
            {
                result.AddError($"Cannot parse '{token}' for {name} as a number.");
                return null;
            }
        }

        return values;
    }
}
