using System;
using System.Collections;
using System.Collections.Generic;

namespace Sip.Generator.Model
{
    /// <summary>
    /// An immutable array with structural equality, so that incremental pipeline
    /// steps holding it compare by content (the System.Text.Json generator's pattern).
    /// </summary>
    public sealed class ImmutableEquatableArray<T> : IEquatable<ImmutableEquatableArray<T>>, IReadOnlyList<T>
        where T : IEquatable<T>
    {
        public static readonly ImmutableEquatableArray<T> Empty = new ImmutableEquatableArray<T>(Array.Empty<T>());

        private readonly T[] _values;
        private int _hash;

        public ImmutableEquatableArray(IEnumerable<T> values) => _values = new List<T>(values).ToArray();

        private ImmutableEquatableArray(T[] values) => _values = values;

        public static ImmutableEquatableArray<T> Wrap(T[] values) => new ImmutableEquatableArray<T>(values);

        public T this[int index] => _values[index];

        public int Count => _values.Length;

        public bool Equals(ImmutableEquatableArray<T>? other)
        {
            if (ReferenceEquals(this, other)) return true;
            if (other is null || other._values.Length != _values.Length) return false;
            if (_hash != 0 && other._hash != 0 && _hash != other._hash) return false;
            for (int i = 0; i < _values.Length; i++)
            {
                if (!_values[i].Equals(other._values[i])) return false;
            }
            return true;
        }

        public override bool Equals(object? obj) => obj is ImmutableEquatableArray<T> other && Equals(other);

        public override int GetHashCode()
        {
            if (_hash == 0)
            {
                int hash = 17;
                foreach (T value in _values) hash = unchecked(hash * 31 + (value?.GetHashCode() ?? 0));
                _hash = hash == 0 ? 1 : hash;
            }
            return _hash;
        }

        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_values).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => _values.GetEnumerator();
    }

    public static class ImmutableEquatableArray
    {
        public static ImmutableEquatableArray<T> ToEquatable<T>(this IEnumerable<T> values) where T : IEquatable<T>
            => new ImmutableEquatableArray<T>(values);
    }
}
