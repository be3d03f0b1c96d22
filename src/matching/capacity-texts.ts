/**
 * Capacity texts parsed once: the interner a caller owns while it decodes many volumes (capacities
 * repeat: a million volumes have a few thousand distinct sizes).
 *
 * @module
 */
import { quantityText } from "../api/helpers/index.js";
import { parseQuantity, Quantity } from "../quantity/index.js";
import { numberIsExact } from "../quantity/quantity.js";

/**
 * A parsed capacity with the key the matching order compares first: its nearest double, and
 * whether that double is exactly the capacity (an integer of magnitude below 2^53 — then two
 * capacities with equal keys are equal, and no exact comparison is needed).
 *
 * @example
 * ```ts
 * const info: CapacityInfo = { quantity: parseQuantity("1Gi"), key: 1073741824, exact: true, id: 3 };
 * ```
 */
export interface CapacityInfo {
  readonly quantity: Quantity;
  readonly key: number;
  readonly exact: boolean;
  /** Its number in the `CapacityTexts` that parsed it (−1 when made by `capacityInfoOf`). */
  readonly id: number;
}

/**
 * The {@link CapacityInfo} of a quantity.
 *
 * @example
 * ```ts
 * capacityInfoOf(parseQuantity("800E")).exact; // false: beyond 2^53
 * ```
 */
export function capacityInfoOf(quantity: Quantity): CapacityInfo {
  const key = quantity.toNumber();
  // A safe integer held as a number is exact as it is; otherwise compare with the key's value.
  const exact = numberIsExact(quantity) || (Number.isSafeInteger(key) && quantity.cmp(Quantity.fromValue(key)) === 0);
  return { quantity, key, exact, id: -1 };
}

/** At most this many distinct texts are remembered (a pool of random texts must not grow without bound). */
const MAX_TEXTS = 1 << 16;

/**
 * Parses capacity values (`spec.capacity.storage`) as `volumeCapacity` does — missing or null is
 * 0, a number is read as its decimal text, anything else must be a quantity — memoising by text.
 * Content-keyed and owned by whoever creates it (an index, an explainer, one call of a scan), so
 * it can never answer for an object that changed.
 *
 * @example
 * ```ts
 * const texts = new CapacityTexts();
 * const a = texts.info("10Gi");
 * a === texts.info("10Gi"); // true: parsed once
 * texts.info("ten");        // an error message (string)
 * ```
 */
export class CapacityTexts {
  private readonly byText = new Map<string, CapacityInfo | string>();
  /** Every capacity parsed, by `id` (0: the zero of a missing capacity). */
  readonly list: CapacityInfo[] = [];
  private readonly zero: CapacityInfo;

  constructor() {
    this.zero = this.add(parseQuantity("0"));
  }

  private add(quantity: Quantity): CapacityInfo {
    const info = Object.freeze({ ...capacityInfoOf(quantity), id: this.list.length });
    this.list.push(info);
    return info;
  }

  /**
   * The parsed capacity of a raw `storage` value, or the parse error's message.
   *
   * @example
   * ```ts
   * new CapacityTexts().info(undefined); // { quantity: 0, key: 0, exact: true, id: 0 }
   * ```
   */
  info(raw: unknown): CapacityInfo | string {
    if (raw === undefined || raw === null) return this.zero;
    const key = typeof raw === "string" ? raw : typeof raw === "number" ? `\0${raw}` : undefined;
    let info = key === undefined ? undefined : this.byText.get(key);
    if (info === undefined) {
      info = this.parse(raw);
      if (key !== undefined && this.byText.size < MAX_TEXTS) this.byText.set(key, info);
    }
    return info;
  }

  private parse(raw: unknown): CapacityInfo | string {
    let quantity: Quantity;
    try {
      quantity = parseQuantity(quantityText(raw));
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
    return this.add(quantity);
  }
}
