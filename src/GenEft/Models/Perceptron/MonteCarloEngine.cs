using System.Text;

namespace GenEft.Models.Perceptron;

/// <summary>
/// The parallel loop of the perceptron Monte Carlo drivers: trials [first, first + count) in chunks, one worker per
/// thread, each trial seeded from (seed, index) alone, records kept in index order (so the result is the same on any
/// number of threads) and written to the output chunk by chunk in index order, flushed after each write. If the run is
/// cancelled or fails, the chunks already finished but not yet written (out of order) are written too before the
/// exception propagates, so no finished trial is lost; each line carries its index.
/// </summary>
internal static class MonteCarloEngine
{
    public const int ChunkSize = 256;

    public static TRecord[] Run<TRecord, TWorker>(
        long first,
        long count,
        int maxDegreeOfParallelism,
        Func<TWorker> createWorker,
        Func<TWorker, long, TRecord> runTrial,
        string csvHeader,
        TextWriter? output,
        TrialRecordFormat format,
        IProgress<double>? progress,
        CancellationToken cancellationToken)
        where TRecord : struct, ITrialRecord
    {
        var records = new TRecord[count];
        long chunks = (count + ChunkSize - 1) / ChunkSize;
        var writer = output is null ? null : new OrderedWriter(output, format, chunks);
        if (writer is not null && first == 0 && format == TrialRecordFormat.Csv)
        {
            writer.WriteHeader(csvHeader);
        }

        long completed = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        try
        {
            Parallel.For(
                0L,
                chunks,
                options,
                createWorker,
                (chunk, _, worker) =>
                {
                    long start = chunk * ChunkSize, end = Math.Min(count, start + ChunkSize);
                    for (long i = start; i < end; i++)
                    {
                        records[i] = runTrial(worker, first + i);
                    }

                    writer?.Complete(chunk, records.AsSpan((int)start, (int)(end - start)));
                    long done = Interlocked.Add(ref completed, end - start);
                    progress?.Report((double)done / count);
                    return worker;
                },
                _ => { });
        }
        catch
        {
            writer?.FlushPendingOutOfOrder();
            throw;
        }

        return records;
    }

    /// <summary>Formats finished chunks and writes them in chunk order as soon as all earlier chunks are written.</summary>
    private sealed class OrderedWriter(TextWriter output, TrialRecordFormat format, long chunks)
    {
        private readonly Dictionary<long, string> pending = [];
        private long nextChunk;

        public void WriteHeader(string header)
        {
            lock (pending)
            {
                output.WriteLine(header);
                output.Flush();
            }
        }

        public void Complete<TRecord>(long chunk, ReadOnlySpan<TRecord> records)
            where TRecord : struct, ITrialRecord
        {
            var text = new StringBuilder();
            foreach (var record in records)
            {
                if (format == TrialRecordFormat.Csv)
                {
                    record.AppendCsv(text);
                }
                else
                {
                    record.AppendJson(text);
                    text.Append('}');
                }

                text.Append('\n');
            }

            lock (pending)
            {
                pending[chunk] = text.ToString();
                while (nextChunk < chunks && pending.Remove(nextChunk, out string? ready))
                {
                    output.Write(ready);
                    nextChunk++;
                }

                output.Flush();
            }
        }

        public void FlushPendingOutOfOrder()
        {
            lock (pending)
            {
                foreach (var chunk in pending.Keys.Order())
                {
                    output.Write(pending[chunk]);
                }

                pending.Clear();
                output.Flush();
            }
        }
    }
}
