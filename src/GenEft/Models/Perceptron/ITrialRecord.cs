using System.Text;

namespace GenEft.Models.Perceptron;

/// <summary>A per-trial Monte Carlo record that can write itself as a CSV row or a JSON line.</summary>
internal interface ITrialRecord
{
    long Index { get; }

    void AppendCsv(StringBuilder line);

    void AppendJson(StringBuilder line);
}
