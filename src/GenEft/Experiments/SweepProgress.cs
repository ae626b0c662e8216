namespace GenEft.Experiments;

/// <summary>Progress of a sweep: reported once at the start and after every finished run.</summary>
/// <param name="Completed">Cells of this shard done, including those skipped because they were already in the file.</param>
/// <param name="Total">Cells in this shard.</param>
/// <param name="Skipped">Cells found already done at the start.</param>
/// <param name="LastRow">The row just written, or null for the initial report.</param>
public sealed record SweepProgress(int Completed, int Total, int Skipped, SweepRow? LastRow)
{
    /// <summary>
    /// Lines of the results file that parsed but were not trusted at the start (checksum mismatch, or an index or
    /// coordinates that are not those of the cell the key names); their cells are run again.
    /// </summary>
    public int RejectedLines { get; init; }
}
