using System.Runtime.CompilerServices;

namespace GenEft.Graphs;

/// <summary>
/// An ordered partition of the vertices with Hopcroft-style equitable refinement and an undo trail.
/// Cells are contiguous ranges of <see cref="Lab"/>; a cell is named by its start position.
/// Splitting a cell by neighbour counts orders the fragments by count (untouched vertices first), so
/// the result depends only on the isomorphism type, never on vertex labels. Each split is hashed into a
/// trace event; a refinement can be compared event by event against a recorded trace and abandoned at
/// the first difference (the trace comparison of Traces).
/// </summary>
internal sealed class PartitionRefiner
{
    private readonly int _n;
    private readonly bool _directed;
    private readonly int[] _outOff, _outTgt, _inOff, _inTgt;

    public readonly int[] Lab;
    public readonly int[] Inv;
    public readonly int[] CellOf;
    public readonly int[] CellEnd;
    public int CellCount;

    private int[] _trail;
    private int _trailLength;

    private readonly int[] _queue;
    private int _queueHead, _queueCount;
    private readonly bool[] _inQueue;

    private readonly int[] _count;
    private readonly int[] _touched;
    private readonly int[] _touchedCells;
    private readonly int[] _cellTouched;
    private readonly int[] _back;
    private int[] _sortKeys;
    private int[] _sortItems;

    private List<long>? _record;
    private long[]? _expected;
    private int _expectedPos, _expectedEnd;
    private bool _mismatch;

    public PartitionRefiner(Graph graph)
    {
        _n = graph.VertexCount;
        _directed = graph.IsDirected;
        _outOff = graph.OutOffsets; _outTgt = graph.OutTargets;
        _inOff = graph.InOffsets; _inTgt = graph.InTargets;
        Lab = new int[_n]; Inv = new int[_n]; CellOf = new int[_n]; CellEnd = new int[_n + 1];
        _trail = new int[Math.Max(16, _n)];
        _queue = new int[_n + 1];
        _inQueue = new bool[_n + 1];
        _count = new int[_n];
        _touched = new int[_n];
        _touchedCells = new int[_n];
        _cellTouched = new int[_n + 1];
        _back = new int[_n + 1];
        _sortKeys = new int[16];
        _sortItems = new int[16];

        var colors = graph.Colors;
        for (int v = 0; v < _n; v++) Lab[v] = v;
        if (colors is not null)
        {
            var keys = (int[])colors.Clone();
            Array.Sort(keys, Lab);
        }
        for (int i = 0; i < _n;)
        {
            int j = i + 1;
            while (j < _n && (colors is null || colors[Lab[j]] == colors[Lab[i]])) j++;
            for (int k = i; k < j; k++) { CellOf[Lab[k]] = i; Inv[Lab[k]] = k; }
            CellEnd[i] = j;
            CellCount++;
            Enqueue(i);
            i = j;
        }
    }

    public int VertexCount => _n;
    public int TrailLength => _trailLength;
    public bool IsDiscrete => CellCount == _n;

    /// <summary>Moves <paramref name="v"/> to the end of its cell as a new singleton cell and queues it.</summary>
    public void Individualize(int v)
    {
        int c = CellOf[v];
        int end = CellEnd[c];
        if (end - c == 1) return;
        int last = end - 1;
        Swap(Inv[v], last);
        CellOf[v] = last;
        CellEnd[last] = end;
        CellEnd[c] = last;
        CellCount++;
        PushTrail(last);
        Enqueue(last);
    }

    /// <summary>Undoes every split made after the trail had length <paramref name="mark"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Undo(int mark)
    {
        while (_trailLength > mark)
        {
            int p = _trail[--_trailLength];
            int parent = CellOf[Lab[p - 1]];
            int end = CellEnd[p];
            for (int i = p; i < end; i++) CellOf[Lab[i]] = parent;
            CellEnd[parent] = end;
            CellCount--;
        }
    }

    /// <summary>Refines to the coarsest equitable refinement, recording trace events into <paramref name="record"/>.</summary>
    public void RefineRecording(List<long>? record)
    {
        _record = record;
        _expected = null;
        _mismatch = false;
        Run();
        _record = null;
    }

    /// <summary>
    /// Refines while comparing each trace event against expected[start..end); returns false (with the
    /// partition partly refined, to be undone by the caller) at the first difference.
    /// </summary>
    public bool RefineComparing(long[] expected, int start, int end)
    {
        _record = null;
        _expected = expected;
        _expectedPos = start;
        _expectedEnd = end;
        _mismatch = false;
        Run();
        _expected = null;
        return !_mismatch && _expectedPos == end;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Run()
    {
        while (_queueCount > 0)
        {
            int s = _queue[_queueHead];
            _queueHead = _queueHead == _n ? 0 : _queueHead + 1;
            _queueCount--;
            _inQueue[s] = false;
            // A discrete partition cannot split further; the rest of the queue is moot.
            if (_mismatch || CellCount == _n) continue;
            int e = CellEnd[s];
            SplitBy(s, e, _outOff, _outTgt, 0);
            if (_directed && !_mismatch) SplitBy(s, e, _inOff, _inTgt, 1);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SplitBy(int s, int e, int[] off, int[] tgt, int pass)
    {
        int touchedLength = 0;
        int cellCount = 0;
        var count = _count;
        for (int i = s; i < e; i++)
        {
            int u = Lab[i];
            for (int a = off[u], b = off[u + 1]; a < b; a++)
            {
                int x = tgt[a];
                // Singleton cells cannot split: skip them without touching.
                int cx = CellOf[x];
                if (CellEnd[cx] - cx == 1) continue;
                if (count[x]++ == 0) _touched[touchedLength++] = x;
            }
        }
        for (int t = 0; t < touchedLength; t++)
        {
            int x = _touched[t];
            int c = CellOf[x];
            if (_cellTouched[c]++ == 0)
            {
                _touchedCells[cellCount++] = c;
                _back[c] = CellEnd[c];
            }
            int p = --_back[c];
            Swap(Inv[x], p);
        }
        if (cellCount > 1) Array.Sort(_touchedCells, 0, cellCount);
        for (int ci = 0; ci < cellCount; ci++)
        {
            int c = _touchedCells[ci];
            int k = _cellTouched[c];
            _cellTouched[c] = 0;
            int end = CellEnd[c];
            if (end - c == 1 || _mismatch) continue;
            SplitCell(c, end, k, s, pass);
        }
        for (int t = 0; t < touchedLength; t++) count[_touched[t]] = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SplitCell(int c, int end, int k, int splitter, int pass)
    {
        int size = end - c;
        int back = end - k;
        var count = _count;
        // Sort the touched block [back, end) by count.
        bool allEqual = true;
        int first = count[Lab[back]];
        for (int i = back + 1; i < end; i++) if (count[Lab[i]] != first) { allEqual = false; break; }
        if (allEqual && k == size) return;
        if (!allEqual)
        {
            if (_sortKeys.Length < k) { _sortKeys = new int[Math.Max(k, 2 * _sortKeys.Length)]; _sortItems = new int[_sortKeys.Length]; }
            for (int i = 0; i < k; i++) { int x = Lab[back + i]; _sortItems[i] = x; _sortKeys[i] = count[x]; }
            if (k <= 16) InsertionSort(_sortKeys, _sortItems, k);
            else Array.Sort(_sortKeys, _sortItems, 0, k);
            for (int i = 0; i < k; i++) { int x = _sortItems[i]; Lab[back + i] = x; Inv[x] = back + i; }
        }

        bool wasQueued = _inQueue[c];
        long h = Mix(Mix(Mix(0x5bd1e995L, splitter), c), pass);
        int largestStart = c, largestSize = -1;
        int fragStart = c;
        int fragments = 0;
        // Fragment boundaries: back (if there are untouched vertices), then each change of count.
        for (int i = back == c ? c + 1 : back; i <= end; i++)
        {
            bool boundary = i == end || i == back || count[Lab[i]] != count[Lab[i - 1]];
            if (!boundary) continue;
            int fragSize = i - fragStart;
            int fragCount = fragStart < back ? 0 : count[Lab[fragStart]];
            h = Mix(Mix(h, fragSize), fragCount);
            fragments++;
            if (fragStart != c)
            {
                CellEnd[fragStart] = i;
                for (int q = fragStart; q < i; q++) CellOf[Lab[q]] = fragStart;
                PushTrail(fragStart);
                CellCount++;
                if (wasQueued) Enqueue(fragStart);
            }
            else CellEnd[c] = i;
            if (fragSize > largestSize) { largestSize = fragSize; largestStart = fragStart; }
            fragStart = i;
        }
        if (!wasQueued)
        {
            // Hopcroft: every fragment but the largest is a new splitter.
            for (int f = c; f < end; f = CellEnd[f])
                if (f != largestStart) Enqueue(f);
        }
        h = Mix(h, fragments);
        Emit(h);
    }

    private void Emit(long h)
    {
        if (_record is not null) { _record.Add(h); return; }
        if (_expected is null) return;
        if (_expectedPos >= _expectedEnd || _expected[_expectedPos] != h) { _mismatch = true; return; }
        _expectedPos++;
    }

    private static long Mix(long h, long v)
    {
        unchecked
        {
            ulong x = (ulong)(h ^ (v * (long)0x9E3779B97F4A7C15UL));
            x ^= x >> 31; x *= 0xBF58476D1CE4E5B9UL; x ^= x >> 27;
            return (long)x;
        }
    }

    private static void InsertionSort(int[] keys, int[] items, int k)
    {
        for (int i = 1; i < k; i++)
        {
            int key = keys[i], item = items[i];
            int j = i - 1;
            while (j >= 0 && keys[j] > key) { keys[j + 1] = keys[j]; items[j + 1] = items[j]; j--; }
            keys[j + 1] = key; items[j + 1] = item;
        }
    }

    private void Enqueue(int cell)
    {
        if (_inQueue[cell]) return;
        _inQueue[cell] = true;
        int tail = _queueHead + _queueCount;
        if (tail > _n) tail -= _n + 1;
        _queue[tail] = cell;
        _queueCount++;
    }

    private void PushTrail(int p)
    {
        if (_trailLength == _trail.Length) Array.Resize(ref _trail, 2 * _trail.Length);
        _trail[_trailLength++] = p;
    }

    private void Swap(int i, int j)
    {
        if (i == j) return;
        int a = Lab[i], b = Lab[j];
        Lab[i] = b; Inv[b] = i;
        Lab[j] = a; Inv[a] = j;
    }
}
