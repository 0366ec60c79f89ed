using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Miljofyrtarn.Core.Internal;

/// <summary>Builds a <see cref="PersistentVector{T}"/> from a collection expression (<c>[a, b, .. rest]</c>).</summary>
internal static class PersistentVector
{
    /// <summary>A list of the given items, in order.</summary>
    public static PersistentVector<T> Create<T>(ReadOnlySpan<T> items) => PersistentVector<T>.From(items);
}

/// <summary>
/// An immutable list indexed by position, stored as an 8-way trie whose nodes are sized to what they hold. Replacing or
/// appending one item copies one path of at most ⌈log₈ n⌉ small nodes (88 bytes each when full) and shares the rest, so
/// a change to one unit of an organisation costs the same at 200 units as at 5,000 instead of a copy of every unit.
/// Reading is a few array hops; walking the whole list visits each leaf once.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
[CollectionBuilder(typeof(PersistentVector), nameof(PersistentVector.Create))]
internal sealed class PersistentVector<T> : IReadOnlyList<T>
{
    private const int Bits = 3;
    private const int Width = 1 << Bits;
    private const int Mask = Width - 1;

    /// <summary>The empty list.</summary>
    public static readonly PersistentVector<T> Empty = new(Array.Empty<T>(), 0, 0);

    // A leaf (T[]) when _shift is 0, else an inner node (object[]) whose children are one level down.
    private readonly object _root;
    private readonly int _shift;

    private PersistentVector(object root, int shift, int count)
    {
        _root = root;
        _shift = shift;
        Count = count;
    }

    /// <summary>The number of items.</summary>
    public int Count { get; }

    /// <summary>The item at a position.</summary>
    /// <param name="index">The position, from 0.</param>
    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            return LeafAt(index)[index & Mask];
        }
    }

    /// <summary>A list of the given items, in order; built bottom-up in O(n).</summary>
    public static PersistentVector<T> From(ReadOnlySpan<T> items)
    {
        if (items.IsEmpty)
        {
            return Empty;
        }

        var level = new object[(items.Length + Mask) >> Bits];
        for (var i = 0; i < level.Length; i++)
        {
            level[i] = items.Slice(i << Bits, Math.Min(Width, items.Length - (i << Bits))).ToArray();
        }

        var shift = 0;
        while (level.Length > 1)
        {
            var up = new object[(level.Length + Mask) >> Bits];
            for (var i = 0; i < up.Length; i++)
            {
                up[i] = level.AsSpan(i << Bits, Math.Min(Width, level.Length - (i << Bits))).ToArray();
            }

            level = up;
            shift += Bits;
        }

        return new PersistentVector<T>(level[0], shift, items.Length);
    }

    /// <summary>A list of the given items, in order.</summary>
    public static PersistentVector<T> From(IEnumerable<T> items) => From(items.ToArray().AsSpan());

    /// <summary>The list with the item at a position replaced: one path copied, the rest shared.</summary>
    public PersistentVector<T> SetItem(int index, T value)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        return new PersistentVector<T>(Set(_root, _shift, index, value), _shift, Count);
    }

    /// <summary>The list with one more item at the end: the right edge copied (O(log₈ n)), the rest shared.</summary>
    public PersistentVector<T> Add(T value)
    {
        if (Count == 0)
        {
            return new PersistentVector<T>(new[] { value }, 0, 1);
        }

        if (Count == Width << _shift)
        {
            // Full at this depth: a new root over the old one and a fresh path to the new item.
            return new PersistentVector<T>(new object[] { _root, NewPath(_shift, value) }, _shift + Bits, Count + 1);
        }

        return new PersistentVector<T>(Append(_root, _shift, Count, value), _shift, Count + 1);
    }

    /// <summary>The list without the item at a position; rebuilt in O(n) (units are rarely removed).</summary>
    public PersistentVector<T> RemoveAt(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        var items = new T[Count];
        CopyTo(items);
        var rest = new T[Count - 1];
        items.AsSpan(0, index).CopyTo(rest);
        items.AsSpan(index + 1).CopyTo(rest.AsSpan(index));
        return From(rest);
    }

    /// <summary>Copies every item, in order, into <paramref name="destination"/>.</summary>
    public void CopyTo(Span<T> destination)
    {
        for (var i = 0; i < Count; i += Width)
        {
            LeafAt(i).CopyTo(destination[i..]);
        }
    }

    /// <summary>The items as an immutable array (one copy).</summary>
    public ImmutableArray<T> ToImmutableArray()
    {
        var items = new T[Count];
        CopyTo(items);
        return ImmutableCollectionsMarshal.AsImmutableArray(items);
    }

    /// <summary>Walks the items in order, one leaf lookup per eight items.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<T> IEnumerable<T>.GetEnumerator()
    {
        foreach (var item in this)
        {
            yield return item;
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => ((IEnumerable<T>)this).GetEnumerator();

    /// <summary>An allocation-free walk over the items in order.</summary>
    public struct Enumerator
    {
        private readonly PersistentVector<T> _vector;
        private T[] _leaf;
        private int _index;

        internal Enumerator(PersistentVector<T> vector)
        {
            _vector = vector;
            _leaf = [];
            _index = -1;
        }

        /// <summary>The current item.</summary>
        public readonly T Current => _leaf[_index & Mask];

        /// <summary>Moves to the next item.</summary>
        public bool MoveNext()
        {
            if (++_index >= _vector.Count)
            {
                return false;
            }

            if ((_index & Mask) == 0)
            {
                _leaf = _vector.LeafAt(_index);
            }

            return true;
        }
    }

    private T[] LeafAt(int index)
    {
        var node = _root;
        for (var shift = _shift; shift > 0; shift -= Bits)
        {
            node = ((object[])node)[(index >> shift) & Mask];
        }

        return (T[])node;
    }

    private static object Set(object node, int shift, int index, T value)
    {
        if (shift == 0)
        {
            var leaf = (T[])node;
            var copy = new T[leaf.Length];
            leaf.CopyTo(copy, 0);
            copy[index & Mask] = value;
            return copy;
        }

        var inner = (object[])node;
        var slot = (index >> shift) & Mask;
        var copied = new object[inner.Length];
        inner.CopyTo(copied, 0);
        copied[slot] = Set(inner[slot], shift - Bits, index, value);
        return copied;
    }

    private static object Append(object node, int shift, int index, T value)
    {
        if (shift == 0)
        {
            var leaf = (T[])node;
            var grown = new T[leaf.Length + 1];
            leaf.CopyTo(grown, 0);
            grown[^1] = value;
            return grown;
        }

        var inner = (object[])node;
        var slot = (index >> shift) & Mask;
        if (slot < inner.Length)
        {
            var copied = new object[inner.Length];
            inner.CopyTo(copied, 0);
            copied[slot] = Append(inner[slot], shift - Bits, index, value);
            return copied;
        }

        var wider = new object[inner.Length + 1];
        inner.CopyTo(wider, 0);
        wider[^1] = NewPath(shift - Bits, value);
        return wider;
    }

    private static object NewPath(int shift, T value) => shift == 0 ? new[] { value } : new object[] { NewPath(shift - Bits, value) };
}
