/** Counting words right: `1 claim`, `2 claims`. */

/**
 * `n` followed by the noun, plural unless `n` is 1 (`plural(1, "claim")` → `"1 claim"`).
 *
 * @example
 * ```ts
 * plural(2, "volume"); // "2 volumes"
 * plural(1, "round");  // "1 round"
 * ```
 */
export function plural(n: number, noun: string, many = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : many}`;
}
