/**
 * How close a rejected volume is to matching: the cost of each failed check, the ranking of the
 * closest volumes, and a bounded "smallest k" collector.
 *
 * @module
 */
import type { ReasonCode } from "../reason-code.js";
import { ALL_REASON_BITS, REASON_BITS } from "../reason-code.js";

/**
 * How hard a failed check is to fix, for ranking the closest volumes; ≥ 50 means "permanent" (not
 * fixable by changing the claim).
 *
 * @example
 * ```ts
 * CLOSEST_COST["too-small"] < CLOSEST_COST.phase; // true: a smaller request is an easier fix
 * ```
 */
export const CLOSEST_COST: Readonly<Record<ReasonCode, number>> = {
  "malformed-volume": 100,
  "capacity-malformed": 100,
  "claimed-by-other": 50,
  deleting: 50,
  excluded: 50,
  phase: 10,
  "node-affinity": 8,
  "volume-mode": 6,
  "volume-attributes-class": 5,
  class: 5,
  "access-modes": 4,
  selector: 3,
  "too-small": 2,
  "delay-binding": 1,
};

/**
 * The failure bits no change to the claim (or to the volume's labels, class or phase) can clear:
 * malformed, bound to another claim, being deleted, excluded.
 *
 * @example
 * ```ts
 * (mask & PERMANENT_BITS) === 0; // the volume could match after some change
 * ```
 */
export const PERMANENT_BITS: number = (Object.keys(CLOSEST_COST) as ReasonCode[])
  .filter((code) => CLOSEST_COST[code] >= 50)
  .reduce((m, code) => m | REASON_BITS[code], 0);

/**
 * The closeness cost of a failure mask: the sum of per-check costs and the number of failures.
 *
 * @example
 * ```ts
 * maskCost(REASON_BITS["too-small"]); // { cost: 2, n: 1 }
 * ```
 */
export function maskCost(mask: number): { cost: number; n: number } {
  const failures = mask & ALL_REASON_BITS;
  return { cost: COST_OF[failures]!, n: COUNT_OF[failures]! };
}

/** Per failure mask: its closeness cost and number of failures (a constant table, 2^14 entries). */
const COST_OF = new Int16Array(ALL_REASON_BITS + 1);
const COUNT_OF = new Int16Array(ALL_REASON_BITS + 1);
for (let m = 0; m <= ALL_REASON_BITS; m++) {
  for (const code of Object.keys(CLOSEST_COST) as ReasonCode[]) {
    if ((m & REASON_BITS[code]) !== 0) {
      COST_OF[m] = COST_OF[m]! + CLOSEST_COST[code];
      COUNT_OF[m] = COUNT_OF[m]! + 1;
    }
  }
}

/**
 * The closeness cost of a failure mask (failures only; flags must be stripped).
 *
 * @example
 * ```ts
 * costOf(REASON_BITS.phase); // 10
 * ```
 */
export function costOf(failures: number): number {
  return COST_OF[failures]!;
}

/**
 * The number of failed checks in a failure mask.
 *
 * @example
 * ```ts
 * countOf(REASON_BITS.phase | REASON_BITS.class); // 2
 * ```
 */
export function countOf(failures: number): number {
  return COUNT_OF[failures]!;
}

/**
 * The `k` smallest items seen under `less`, kept sorted (insertion into a short array: rejecting an
 * item costs one comparison once full).
 *
 * @example
 * ```ts
 * const t = new SmallestK<string>(2, (a, b) => a < b);
 * ["c", "a", "b"].forEach((x) => t.offer(x));
 * t.items; // ["a", "b"]
 * ```
 */
export class SmallestK<T> {
  readonly items: T[] = [];
  constructor(
    private readonly k: number,
    private readonly less: (a: T, b: T) => boolean,
  ) {}

  /** Whether an item would be kept now: callers can skip building items that would not. */
  accepts(x: T): boolean {
    return this.k > 0 && (this.items.length < this.k || this.less(x, this.items[this.items.length - 1]!));
  }

  offer(x: T): void {
    const items = this.items;
    if (this.k <= 0) return;
    if (items.length >= this.k && !this.less(x, items[items.length - 1]!)) return;
    let i = items.length;
    while (i > 0 && this.less(x, items[i - 1]!)) i--;
    items.splice(i, 0, x);
    if (items.length > this.k) items.pop();
  }
}

/**
 * A ranked closest candidate: its index in the pool, the rank of its name, its cost and failures.
 *
 * @example
 * ```ts
 * const r: Ranked = { i: 3, rank: 0, cost: 2, n: 1 };
 * ```
 */
export interface Ranked {
  i: number;
  /** Position of the volume's name in name order (ties between equal costs go to the smaller name). */
  rank: number;
  cost: number;
  n: number;
}

/**
 * Whether ranked volume `a` is closer to matching than `b`: lower cost, then fewer failures,
 * then the smaller name.
 *
 * @example
 * ```ts
 * closer({ i: 0, rank: 1, cost: 2, n: 1 }, { i: 1, rank: 0, cost: 3, n: 1 }); // true
 * ```
 */
export const closer = (a: Ranked, b: Ranked): boolean =>
  a.cost < b.cost || (a.cost === b.cost && (a.n < b.n || (a.n === b.n && a.rank < b.rank)));
