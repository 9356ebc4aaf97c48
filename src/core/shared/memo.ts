/**
 * A function remembered by its argument: officials' workbooks repeat the same few words (yes/no,
 * commune names) and the same figures thousands of times (docs/performance.md). The memory is
 * emptied past `limit` entries, so a province's distinct texts never grow it without bound.
 */
export function memoized<K, V>(limit: number, f: (k: K) => V): (k: K) => V {
  const memo = new Map<K, V>();
  return (k) => {
    let v = memo.get(k);
    if (v === undefined) {
      v = f(k);
      if (memo.size > limit) memo.clear();
      memo.set(k, v);
    }
    return v;
  };
}
