/**
 * Order keys of volume names: a number that orders names as their strings do, read from a slot's
 * record instead of from the string (a string is a separate heap object: at a million volumes,
 * reading one is a cache miss). Equal capacities are common (`10Gi`, `100Gi`), so the index
 * breaks ties by name all the time.
 *
 * @module
 */

/** Characters keyed: the alphabet of Kubernetes object names (`-`, `.`, digits, lower-case letters). */
const ALPHABET = "-.0123456789abcdefghijklmnopqrstuvwxyz";
/** A character's rank (1…38, in code-unit order; 0: not in the alphabet). */
const RANK = new Uint8Array(128);
for (let i = 0; i < ALPHABET.length; i++) RANK[ALPHABET.charCodeAt(i)] = i + 1;
const BASE = ALPHABET.length + 1;
/** Characters a key covers: 39^10 < 2^53, so the key is an exact integer. */
const KEYED_CHARS = 10;

/**
 * The order key of a name: its first ten characters in base 39 (the end of a shorter name counts
 * below every character), or −1 when one of them is outside the alphabet. For two names whose
 * keys are both ≥ 0 and differ, the keys compare as the strings do (UTF-16 code units); equal
 * keys (same first ten characters) or a −1 decide nothing, and the strings must be compared.
 *
 * @example
 * ```ts
 * nameOrderKey("pv-0000041") < nameOrderKey("pv-0000042"); // true
 * nameOrderKey("PV");                                        // -1 (upper case is not keyed)
 * ```
 */
export function nameOrderKey(name: string): number {
  let key = 0;
  for (let i = 0; i < KEYED_CHARS; i++) {
    let rank = 0;
    if (i < name.length) {
      const c = name.charCodeAt(i);
      rank = c < 128 ? RANK[c]! : 0;
      if (rank === 0) return -1;
    }
    key = key * BASE + rank;
  }
  return key;
}
