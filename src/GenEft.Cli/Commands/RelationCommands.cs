using System.CommandLine;
using System.Globalization;
using System.Numerics;
using GenEft.Cli.Input;
using GenEft.Cli.Output;
using GenEft.Graphs;
using GenEft.Statics;

namespace GenEft.Cli.Commands;

/// <summary><c>geneft relation</c>: the statics of one relation (GenEFT Section III).</summary>
internal static class RelationCommands
{
    public static Command Create(Func<TextReader> standardInput)
    {
        var relation = new Command("relation", "The statics of one relation: description length and critical training fraction (GenEFT Section III)");
        relation.Subcommands.Add(CreateDescriptionLength(standardInput));
        relation.Subcommands.Add(CreateCriticalFraction(standardInput));
        return relation;
    }

    /// <summary>
    /// The exact description length b = log2(n! / |Aut(G)|) of a relation (<see cref="OrbitDescriptionLength"/>), with the
    /// group its engine computed on the way, so |Aut(G)| is printed without a second search.
    /// </summary>
    internal sealed record Orbit(double Bits, BigInteger AutomorphismCount, double Log2Factorial, double Log2AutomorphismCount)
    {
        public static Orbit Of(NamedRelation relation, CancellationToken cancellationToken)
        {
            var engine = new RecordingEngine();
            double bits = OrbitDescriptionLength.Of(relation.Relation, engine, cancellationToken);
            var group = engine.Group!;
            return new Orbit(bits, group.Order, ExactDescriptionLength.TotalOrder(relation.Relation.Size), group.Log2Order);
        }

        private sealed class RecordingEngine : IAutomorphismEngine
        {
            public AutomorphismGroup? Group { get; private set; }

            public AutomorphismGroup Compute(Graph graph, CancellationToken cancellationToken = default) =>
                Group = AutomorphismSearch.Default.Compute(graph, cancellationToken);
        }
    }

    private static Command CreateDescriptionLength(Func<TextReader> standardInput)
    {
        var source = new RelationSource();
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text" };
        var command = new Command(
            "description-length",
            "b = log2(n! / |Aut(G)|), the bits that single the relation out among its relabellings, beside GenEFT Table 2's estimate for its class");
        source.AddTo(command);
        command.Options.Add(json);
        CommandActions.Set(command, standardInput, (parseResult, context, cancellationToken) =>
        {
            var relation = source.Resolve(parseResult, context);
            var orbit = Orbit.Of(relation, cancellationToken);
            int n = relation.Relation.Size;
            if (parseResult.GetValue(json))
            {
                context.WriteResult(JsonLine.Object(w =>
                {
                    WriteRelation(w, relation);
                    w.WritePropertyName("automorphisms");
                    w.WriteRawValue(orbit.AutomorphismCount.ToString(CultureInfo.InvariantCulture));
                    w.WriteNumber("log2Factorial", orbit.Log2Factorial);
                    w.WriteNumber("log2Automorphisms", orbit.Log2AutomorphismCount);
                    w.WriteNumber("descriptionLength", orbit.Bits);
                    w.WriteNumber("table2DescriptionLength", relation.Class.Table2Bits);
                    w.WriteString("table2Formula", relation.Class.Table2Formula);
                }));
                return ExitCodes.Success;
            }

            var inv = CultureInfo.InvariantCulture;
            context.WriteResult(string.Join(Environment.NewLine,
                Header(relation),
                string.Create(inv, $"|Aut(G)|               {orbit.AutomorphismCount}"),
                string.Create(inv, $"log2 n!                {orbit.Log2Factorial:F4}"),
                string.Create(inv, $"log2 |Aut(G)|          {orbit.Log2AutomorphismCount:F4}"),
                string.Create(inv, $"b = log2(n!/|Aut(G)|)  {orbit.Bits:F4} bits"),
                string.Create(inv, $"Table 2 estimate       {relation.Class.Table2Bits:F4} bits ({relation.Class.Table2Formula}, n = {n})")));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateCriticalFraction(Func<TextReader> standardInput)
    {
        var source = new RelationSource();
        var alpha = new Option<double[]>("--alpha")
        {
            Description = "Target inferable fractions alpha in (0, 1), the paper's target accuracy (Eq. 4); several allowed",
            DefaultValueFactory = _ => [0.9],
            AllowMultipleArgumentsPerToken = true,
        };
        alpha.Validators.Add(result =>
        {
            if (!result.TryGet(out double[]? values)) return;
            foreach (double a in values ?? [])
                if (!(a > 0 && a < 1)) result.AddError(string.Create(CultureInfo.InvariantCulture, $"--alpha must be in (0, 1), got {a}."));
        });
        var json = new Option<bool>("--json") { Description = "Print one JSON object per alpha (JSON Lines) instead of text" };
        var command = new Command(
            "critical-fraction",
            "GenEFT Eq. 4: p_c = log2(1 - alpha) / (n^2 log2(1 - 1/b)), the training fraction at which a fraction alpha of the b bits is inferable, with the exact b and Table 2's");
        source.AddTo(command);
        command.Options.Add(alpha);
        command.Options.Add(json);
        CommandActions.Set(command, standardInput, (parseResult, context, cancellationToken) =>
        {
            var relation = source.Resolve(parseResult, context);
            var orbit = Orbit.Of(relation, cancellationToken);
            int n = relation.Relation.Size;
            if (!(orbit.Bits > 1))
                throw new CliInputException(string.Create(CultureInfo.InvariantCulture,
                    $"{relation.Name} has b = {orbit.Bits:F4} bits; Eq. 4 needs b > 1 (log2(1 - 1/b) is undefined or 0 below)."));
            bool table2Defined = relation.Class.Table2Bits > 1;
            bool asJson = parseResult.GetValue(json);
            var inv = CultureInfo.InvariantCulture;
            if (!asJson)
            {
                context.WriteResult(string.Join(Environment.NewLine,
                    Header(relation),
                    string.Create(inv, $"b = {orbit.Bits:F4} bits (exact, log2(n!/|Aut(G)|)); Table 2: {relation.Class.Table2Bits:F4} bits ({relation.Class.Table2Formula})"),
                    $"{"alpha",-8}{"p_c (exact b)",16}{"m = p_c n^2",14}{"p_c (Table 2 b)",18}"));
            }

            foreach (double a in parseResult.GetValue(alpha)!)
            {
                double pc = CriticalTrainingFraction.Of(a, orbit.Bits, n);
                double? pcTable2 = table2Defined ? CriticalTrainingFraction.Of(a, relation.Class.Table2Bits, n) : null;
                if (asJson)
                {
                    context.WriteResult(JsonLine.Object(w =>
                    {
                        WriteRelation(w, relation);
                        w.WriteNumber("descriptionLength", orbit.Bits);
                        w.WriteNumber("table2DescriptionLength", relation.Class.Table2Bits);
                        w.WriteNumber("alpha", a);
                        w.WriteNumber("criticalFraction", pc);
                        w.WriteNumber("criticalSamples", pc * n * n);
                        if (pcTable2 is double t) w.WriteNumber("table2CriticalFraction", t);
                        else w.WriteNull("table2CriticalFraction");
                    }));
                }
                else
                {
                    string table2 = pcTable2 is double t ? t.ToString("F6", inv) : "-";
                    context.WriteResult(string.Create(inv, $"{a,-8:G6}{pc,16:F6}{pc * n * n,14:F2}{table2,18}"));
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The first line of every statics command: which relation, on how many elements, of which class.</summary>
    internal static string Header(NamedRelation relation) =>
        string.Create(CultureInfo.InvariantCulture, $"relation: {relation.Name} on n = {relation.Relation.Size} elements ({relation.Class.Description})");

    /// <summary>The members every statics JSON object starts with.</summary>
    internal static void WriteRelation(System.Text.Json.Utf8JsonWriter w, NamedRelation relation)
    {
        w.WriteString("relation", relation.Name);
        w.WriteNumber("n", relation.Relation.Size);
        w.WriteString("class", relation.Class.Kind.ToString());
    }
}
