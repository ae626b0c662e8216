namespace GenEft.Statics;

/// <summary>
/// Open-addressing hash map from a down-set bit mask to its linear-extension count. Keys are masks of at most 63
/// bits, so <see cref="ulong.MaxValue"/> marks an empty slot; linear probing with a multiplicative hash.
/// </summary>
internal sealed class DownSetTable
{
    private const ulong Empty = ulong.MaxValue;
    private ulong[] _keys;
    private double[] _values;
    private int _mask;

    public DownSetTable(int capacity = 64)
    {
        int size = 16;
        while (size < capacity * 2) size <<= 1;
        _keys = new ulong[size];
        Array.Fill(_keys, Empty);
        _values = new double[size];
        _mask = size - 1;
    }

    public int Count { get; private set; }

    public double this[ulong key] => _values[Find(key)];

    /// <summary>Adds <paramref name="amount"/> to the value of <paramref name="key"/>; returns true when the key is new.</summary>
    public bool Add(ulong key, double amount)
    {
        int slot = Find(key);
        if (_keys[slot] != Empty)
        {
            _values[slot] += amount;
            return false;
        }
        _keys[slot] = key;
        _values[slot] = amount;
        if (++Count * 2 > _keys.Length) Grow();
        return true;
    }

    private int Find(ulong key)
    {
        int slot = (int)((key * 0x9E3779B97F4A7C15UL) >> 40) & _mask;
        while (_keys[slot] != key && _keys[slot] != Empty) slot = (slot + 1) & _mask;
        return slot;
    }

    private void Grow()
    {
        var keys = _keys;
        var values = _values;
        _keys = new ulong[keys.Length * 2];
        Array.Fill(_keys, Empty);
        _values = new double[keys.Length * 2];
        _mask = _keys.Length - 1;
        for (int i = 0; i < keys.Length; i++)
        {
            if (keys[i] == Empty) continue;
            int slot = Find(keys[i]);
            _keys[slot] = keys[i];
            _values[slot] = values[i];
        }
    }
}
