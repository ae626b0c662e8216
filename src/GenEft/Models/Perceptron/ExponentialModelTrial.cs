using System.Text;

namespace GenEft.Models.Perceptron;

/// <summary>One training set of an <see cref="ExponentialModelMonteCarlo"/> run.</summary>
/// <param name="Index">The trial index (its seed is derived from the run's seed and this index).</param>
/// <param name="Mean">xbar of the training set.</param>
/// <param name="MinPositiveOffset">x_min, the smallest positive offset.</param>
/// <param name="Groks">Whether the stationary bias has zero test error (|xbar| &lt;= eps_l).</param>
/// <param name="ZeroTrainingErrorTime">The first time the training error is 0 on the exact flow (+infinity if never).</param>
/// <param name="ZeroTestErrorTime">The first time the test error is 0 (+infinity if never).</param>
public readonly record struct ExponentialModelTrial(long Index, double Mean, double MinPositiveOffset, bool Groks, double ZeroTrainingErrorTime, double ZeroTestErrorTime) : ITrialRecord
{
    internal const string CsvHeader = "index,mean,min_positive_offset,groks,zero_training_error_time,zero_test_error_time,grokking_time";

    /// <summary>t_G = ZeroTestErrorTime - ZeroTrainingErrorTime.</summary>
    public double GrokkingTime => ZeroTestErrorTime - ZeroTrainingErrorTime;

    void ITrialRecord.AppendCsv(StringBuilder line)
    {
        TrialRecordText.Csv(line, Index, first: true);
        TrialRecordText.Csv(line, Mean);
        TrialRecordText.Csv(line, MinPositiveOffset);
        TrialRecordText.Csv(line, Groks);
        TrialRecordText.Csv(line, ZeroTrainingErrorTime);
        TrialRecordText.Csv(line, ZeroTestErrorTime);
        TrialRecordText.Csv(line, GrokkingTime);
    }

    void ITrialRecord.AppendJson(StringBuilder line)
    {
        TrialRecordText.Json(line, "index", Index, first: true);
        TrialRecordText.Json(line, "mean", Mean);
        TrialRecordText.Json(line, "min_positive_offset", MinPositiveOffset);
        TrialRecordText.Json(line, "groks", Groks);
        TrialRecordText.Json(line, "zero_training_error_time", ZeroTrainingErrorTime);
        TrialRecordText.Json(line, "zero_test_error_time", ZeroTestErrorTime);
        TrialRecordText.Json(line, "grokking_time", GrokkingTime);
    }
}
