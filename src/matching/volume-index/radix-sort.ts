/**
 * Stable least-significant-digit radix sorts over typed arrays, for the `VolumeIndex`'s bulk
 * build: a million items in a few linear passes, where a comparison sort with a callback costs
 * ten times more.
 *
 * @module
 */

/**
 * Sorts `items` stably by `keys` (unsigned 32-bit; `keys[k]` is the key of `items[k]`), in
 * `passes` passes of `32 / passes` bits (keys must be below `2^(bits · passes)`). Consumes both
 * arrays (they are reused as buffers); returns the sorted items (one of the buffers, or a new one).
 *
 * @example
 * ```ts
 * sortByUint32(Int32Array.of(10, 11, 12), Uint32Array.of(5, 1, 5), 2); // Int32Array [11, 10, 12]
 * ```
 */
export function sortByUint32(items: Int32Array, keys: Uint32Array, passes: 2 | 4): Int32Array {
  const n = items.length;
  const bits = 32 / passes;
  const radix = 2 ** bits;
  const mask = radix - 1;
  let src = items;
  let srcKeys = keys;
  let dst: Int32Array = new Int32Array(n);
  let dstKeys: Uint32Array = new Uint32Array(n);
  const count = new Int32Array(radix + 1);
  for (let p = 0; p < passes; p++) {
    const shift = p * bits;
    count.fill(0);
    for (let i = 0; i < n; i++) count[((srcKeys[i]! >>> shift) & mask) + 1]!++;
    for (let d = 0; d < radix; d++) count[d + 1]! += count[d]!;
    for (let i = 0; i < n; i++) {
      const at = count[(srcKeys[i]! >>> shift) & mask]!++;
      dst[at] = src[i]!;
      dstKeys[at] = srcKeys[i]!;
    }
    const t = src;
    src = dst;
    dst = t;
    const tk = srcKeys;
    srcKeys = dstKeys;
    dstKeys = tk;
  }
  return src;
}

/**
 * Sorts `items` stably by the doubles `keys` (`keys[k]` belongs to `items[k]`), in numeric order
 * (−0 before +0; no NaN allowed): four 16-bit passes over the IEEE 754 bit patterns, flipped so
 * that unsigned order is numeric order. `items` is not changed.
 *
 * @example
 * ```ts
 * sortByFloat64(Int32Array.of(0, 1, 2), Float64Array.of(2.5, -1, 2.5)); // Int32Array [1, 0, 2]
 * ```
 */
export function sortByFloat64(items: Int32Array, keys: Float64Array): Int32Array {
  const n = items.length;
  const words = new Uint32Array(keys.buffer, keys.byteOffset, n * 2);
  const lo = new Uint32Array(n);
  const hi = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    // Little-endian: word 2i is the low half. Negative numbers: flip all bits; others: the sign.
    const h = words[2 * i + 1]!;
    const l = words[2 * i]!;
    if (h & 0x80000000) {
      hi[i] = ~h >>> 0;
      lo[i] = ~l >>> 0;
    } else {
      hi[i] = (h | 0x80000000) >>> 0;
      lo[i] = l;
    }
  }
  // Positions sorted by the low word, then stably by the high word.
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const byLow = sortByUint32(order, lo, 2);
  // `lo` is free again: reuse it for the high words in that order.
  for (let i = 0; i < n; i++) lo[i] = hi[byLow[i]!]!;
  const sorted = sortByUint32(byLow, lo, 2);
  for (let i = 0; i < n; i++) sorted[i] = items[sorted[i]!]!;
  return sorted;
}
