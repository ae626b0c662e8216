using System.Text;

namespace GenEft.Models.Perceptron;

/// <summary>One training set (and initialization) of a <see cref="BallModelMonteCarlo"/> run.</summary>
/// <param name="Index">The trial index.</param>
/// <param name="Groks">Whether the minimiser of the loss has zero test error (h* &gt;= 1).</param>
/// <param name="StationaryMargin">h* = epsilon w*_1 / |w*| of the minimiser.</param>
/// <param name="ZeroTrainingErrorTime">The first time the training error is 0 on the exact flow (NaN when trajectories are off).</param>
/// <param name="ZeroTestErrorTime">The first time the test error is 0 (NaN when trajectories are off, +infinity if never).</param>
/// <param name="Pieces">The number of pieces of the flow (0 when trajectories are off).</param>
public readonly record struct BallModelTrial(long Index, bool Groks, double StationaryMargin, double ZeroTrainingErrorTime, double ZeroTestErrorTime, int Pieces) : ITrialRecord
{
    internal const string CsvHeader = "index,groks,stationary_margin,zero_training_error_time,zero_test_error_time,grokking_time,pieces";

    /// <summary>t_G = ZeroTestErrorTime - ZeroTrainingErrorTime.</summary>
    public double GrokkingTime => ZeroTestErrorTime - ZeroTrainingErrorTime;

    void ITrialRecord.AppendCsv(StringBuilder line)
    {
        TrialRecordText.Csv(line, Index, first: true);
        TrialRecordText.Csv(line, Groks);
        TrialRecordText.Csv(line, StationaryMargin);
        TrialRecordText.Csv(line, ZeroTrainingErrorTime);
        TrialRecordText.Csv(line, ZeroTestErrorTime);
        TrialRecordText.Csv(line, GrokkingTime);
        TrialRecordText.Csv(line, (long)Pieces);
    }

    void ITrialRecord.AppendJson(StringBuilder line)
    {
        TrialRecordText.Json(line, "index", Index, first: true);
        TrialRecordText.Json(line, "groks", Groks);
        TrialRecordText.Json(line, "stationary_margin", StationaryMargin);
        TrialRecordText.Json(line, "zero_training_error_time", ZeroTrainingErrorTime);
        TrialRecordText.Json(line, "zero_test_error_time", ZeroTestErrorTime);
        TrialRecordText.Json(line, "grokking_time", GrokkingTime);
        TrialRecordText.Json(line, "pieces", (long)Pieces);
    }
}
