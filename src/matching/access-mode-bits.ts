/**
 * Access modes as bits: the canonical key of a mode list and the containment checks of the
 * matching rules without building a string or an array per volume.
 *
 * @module
 */

/** The canonical key (`accessModesKey`) of every combination of the four bits. */
const KEY_OF_BITS: readonly string[] = Object.freeze(
  Array.from({ length: 16 }, (_, bits) => ["RWO", "ROX", "RWX", "RWOP"].filter((_, i) => (bits & (1 << i)) !== 0).join(",")),
);

/**
 * What a list of access modes says, as bits: `bits` has one bit per known mode present;
 * `unknown` is true when some entry is not one of the four modes Kubernetes knows (such entries
 * never appear in an access-mode key).
 *
 * @example
 * ```ts
 * const m: ModeBits = { bits: 3, unknown: false }; // ReadWriteOnce + ReadOnlyMany
 * ```
 */
export interface ModeBits {
  readonly bits: number;
  readonly unknown: boolean;
}

/**
 * The bits of an access-mode list (see {@link ModeBits}). Allocates nothing for well-formed lists.
 *
 * @example
 * ```ts
 * modeBitsOf(["ReadOnlyMany", "ReadWriteOnce", "ReadWriteOnce"]).bits; // 3
 * modeBitsOf(["Sometimes"]).unknown;                                   // true
 * ```
 */
export function modeBitsOf(modes: readonly unknown[]): ModeBits {
  let bits = 0;
  let unknown = false;
  for (let i = 0; i < modes.length; i++) {
    const b = modeBit(modes[i]);
    if (b === 0) unknown = true;
    bits |= b;
  }
  return unknown ? { bits, unknown } : (KNOWN[bits] as ModeBits);
}

/** The bit of one mode (0: not one of the four): string comparisons, cheaper than a table look-up. */
function modeBit(m: unknown): number {
  switch (m) {
    case "ReadWriteOnce":
      return 1;
    case "ReadOnlyMany":
      return 2;
    case "ReadWriteMany":
      return 4;
    case "ReadWriteOncePod":
      return 8;
    default:
      return 0;
  }
}

/** The known-modes-only results, shared (they are immutable). */
const KNOWN: readonly ModeBits[] = Object.freeze(Array.from({ length: 16 }, (_, bits) => Object.freeze({ bits, unknown: false })));

/**
 * The canonical access-mode key of a set of mode bits (`"RWO,ROX"`), the PV controller's index key.
 *
 * @example
 * ```ts
 * modesKeyOfBits(3); // "RWO,ROX"
 * modesKeyOfBits(0); // ""
 * ```
 */
export function modesKeyOfBits(bits: number): string {
  return KEY_OF_BITS[bits & 15]!;
}

/**
 * The number of modes in a set of mode bits (the PV controller searches groups with fewer modes first).
 *
 * @example
 * ```ts
 * modeCount(7); // 3
 * ```
 */
export function modeCount(bits: number): number {
  let n = 0;
  for (let b = bits & 15; b !== 0; b &= b - 1) n++;
  return n;
}

/** The bits of the 16 canonical keys (the only keys volumes have). */
const BITS_OF_KEY: ReadonlyMap<string, number> = new Map(KEY_OF_BITS.map((k, bits) => [k, bits]));

const BITS_OF_ABBREVIATION: Readonly<Record<string, number>> = Object.freeze({ RWO: 1, ROX: 2, RWX: 4, RWOP: 8 });

/**
 * The mode bits of a canonical access-mode key (`parseAccessModesKey` as bits; unknown parts are
 * ignored, as there).
 *
 * @example
 * ```ts
 * modeBitsOfKey("RWO,ROX"); // 3
 * ```
 */
export function modeBitsOfKey(key: string): number {
  const canonical = BITS_OF_KEY.get(key);
  if (canonical !== undefined) return canonical;
  if (key === "") return 0;
  let bits = 0;
  for (const part of key.split(",")) {
    const p = part.trim();
    if (Object.hasOwn(BITS_OF_ABBREVIATION, p)) bits |= BITS_OF_ABBREVIATION[p]!;
  }
  return bits;
}
