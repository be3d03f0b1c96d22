/**
 * The single pass of `explainClaim` over the pool: every volume evaluated to a failure mask (no
 * strings, no per-volume objects), with the counts and the few volumes the explanation reports.
 *
 * @module
 */
import type { PersistentVolume } from "../api/index.js";
import type { CheckContext } from "./checks.js";
import { PRE_BOUND_FLAG, volumeEvaluator } from "./checks.js";
import type { DecodedClaim } from "./decoded-claim.js";
import type { DecodedVolume } from "./decoded-volume.js";
import { decodeVolumeCached } from "./decoded-volume.js";
import type { ReasonCode } from "./reason-code.js";
import { ALL_REASON_BITS, REASON_BITS } from "./reason-code.js";

/** How hard a failed check is to fix; ≥ 50 means "permanent" (not fixable by changing the claim). */
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

interface MaskCost {
  cost: number;
  n: number;
}

const costByMask = new Map<number, MaskCost>();

/**
 * The closeness cost of a failure mask: the sum of per-check costs and the number of failures.
 *
 * @example
 * ```ts
 * maskCost(REASON_BITS["too-small"]); // { cost: 2, n: 1 }
 * ```
 */
export function maskCost(mask: number): MaskCost {
  const failures = mask & ALL_REASON_BITS;
  let c = costByMask.get(failures);
  if (c === undefined) {
    c = { cost: 0, n: 0 };
    for (const code of Object.keys(CLOSEST_COST) as ReasonCode[]) {
      if ((failures & REASON_BITS[code]) !== 0) {
        c.cost += CLOSEST_COST[code];
        c.n++;
      }
    }
    costByMask.set(failures, c);
  }
  return c;
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

/** A ranked closest candidate. */
interface Ranked {
  i: number;
  name: string;
  cost: number;
  n: number;
}

const closer = (a: Ranked, b: Ranked): boolean => a.cost < b.cost || (a.cost === b.cost && (a.n < b.n || (a.n === b.n && a.name < b.name)));

/**
 * Per access-mode group: how many volumes, how many candidates.
 *
 * @example
 * ```ts
 * const g: GroupCount = { volumes: 12, candidates: 3 };
 * ```
 */
export interface GroupCount {
  volumes: number;
  candidates: number;
}

/**
 * What one pass over the pool found (internal to `explainClaim`).
 *
 * @example
 * ```ts
 * const scan = scanPool(c, ctx, true, volumes, 20);
 * scan.candidates.length;
 * ```
 */
export interface PoolScan {
  /** The unique volumes (the last of equal names), in no particular order. */
  vols: DecodedVolume[];
  byName: Map<string, DecodedVolume>;
  /** The evaluator's mask per volume of `vols` (failure bits plus `PRE_BOUND_FLAG`). */
  masks: Int32Array;
  /** Indexes (into `vols`) of the volumes that pass every check. */
  candidates: number[];
  /** Indexes of the volumes pre-bound to the claim. */
  preBound: number[];
  /** How many volumes have each failure mask (flags stripped). */
  maskCounts: Map<number, number>;
  /** The same, for the volumes of the claim's class that are not malformed. */
  classMaskCounts: Map<number, number>;
  /** Volumes of the claim's class that are not malformed. */
  sameClass: number;
  /** Per access-mode key (controller path). */
  groups: Map<string, GroupCount>;
  /** Volumes whose only failure is `delay-binding`: their count and the first five by name (indexes). */
  waitingCount: number;
  waiting: number[];
  /** Malformed volumes: their count and the first ten by name (indexes). */
  malformedCount: number;
  malformed: number[];
  /** The largest volume of the claim's class whose only failure is `too-small`. */
  largestTooSmall: DecodedVolume | undefined;
  /** The largest volume of the claim's class that fails no permanent check. */
  largestFree: DecodedVolume | undefined;
  /** Whether some volume fails no permanent check. */
  possible: boolean;
  /** The three closest volumes (indexes) of the claim's class, and of any class. */
  closestSameClass: number[];
  closestAny: number[];
  /** The first `listLimit` volumes by name (indexes; all when no limit). */
  firstByName: number[];
}

function larger(a: DecodedVolume, b: DecodedVolume | undefined): boolean {
  return b === undefined || a.capacity!.cmp(b.capacity!) > 0 || (a.capacity!.cmp(b.capacity!) === 0 && a.name < b.name);
}

/**
 * Decodes (memoised per PV object), deduplicates by name (the last wins) and evaluates every
 * volume once; gathers counts over the whole pool and only the few volumes the explanation lists.
 *
 * @param listLimit - how many volumes by name to keep in `firstByName`; `undefined`: all (sorted).
 *
 * @example
 * ```ts
 * const scan = scanPool(decodeClaim(pvc), checkContext({}), true, volumes, 20);
 * ```
 */
export function scanPool(
  c: DecodedClaim,
  ctx: CheckContext,
  groupModes: boolean,
  volumes: Iterable<PersistentVolume>,
  listLimit: number | undefined,
): PoolScan {
  const unique = new Map<string, DecodedVolume>();
  for (const pv of volumes) {
    const d = decodeVolumeCached(pv);
    unique.set(d.name, d);
  }
  const vols = [...unique.values()];
  const evaluate = volumeEvaluator(c, ctx, groupModes);
  const masks = new Int32Array(vols.length);
  const candidates: number[] = [];
  const preBound: number[] = [];
  const maskCounts = new Map<number, number>();
  const classMaskCounts = new Map<number, number>();
  const groups = new Map<string, GroupCount>();
  const byName = (a: number, b: number): boolean => vols[a]!.name < vols[b]!.name;
  const waiting = new SmallestK<number>(5, byName);
  const malformed = new SmallestK<number>(10, byName);
  const closestSame = new SmallestK<Ranked>(3, closer);
  const closestAny = new SmallestK<Ranked>(3, closer);
  const listed = listLimit === undefined ? undefined : new SmallestK<number>(listLimit, byName);
  const MALFORMED = REASON_BITS["malformed-volume"] | REASON_BITS["capacity-malformed"];
  const DELAY = REASON_BITS["delay-binding"];
  const TOO_SMALL = REASON_BITS["too-small"];
  let sameClass = 0;
  let waitingCount = 0;
  let malformedCount = 0;
  let largestTooSmall: DecodedVolume | undefined;
  let largestFree: DecodedVolume | undefined;
  let possible = false;
  for (let i = 0; i < vols.length; i++) {
    const v = vols[i]!;
    const mask = evaluate(v);
    masks[i] = mask;
    const failures = mask & ALL_REASON_BITS;
    maskCounts.set(failures, (maskCounts.get(failures) ?? 0) + 1);
    if (failures === 0) candidates.push(i);
    if ((mask & PRE_BOUND_FLAG) !== 0) preBound.push(i);
    if (groupModes) {
      const g = groups.get(v.modesKey);
      if (g === undefined) groups.set(v.modesKey, { volumes: 1, candidates: failures === 0 ? 1 : 0 });
      else {
        g.volumes++;
        if (failures === 0) g.candidates++;
      }
    }
    if ((failures & MALFORMED) !== 0) {
      malformedCount++;
      malformed.offer(i);
    }
    if (failures === DELAY && (mask & PRE_BOUND_FLAG) === 0) {
      waitingCount++;
      waiting.offer(i);
    }
    const mine = v.class === c.class && (failures & REASON_BITS["malformed-volume"]) === 0;
    if (mine) {
      sameClass++;
      classMaskCounts.set(failures, (classMaskCounts.get(failures) ?? 0) + 1);
    }
    if ((failures & PERMANENT_BITS) === 0) {
      possible = true;
      if (mine && larger(v, largestFree)) largestFree = v;
      if (mine && failures === TOO_SMALL && larger(v, largestTooSmall)) largestTooSmall = v;
      if (failures !== 0) {
        const { cost, n } = maskCost(failures);
        const r = { i, name: v.name, cost, n };
        closestAny.offer(r);
        if (mine) closestSame.offer(r);
      }
    }
    listed?.offer(i);
  }
  return {
    vols,
    byName: unique,
    masks,
    candidates,
    preBound,
    maskCounts,
    classMaskCounts,
    sameClass,
    groups,
    waitingCount,
    waiting: waiting.items,
    malformedCount,
    malformed: malformed.items,
    largestTooSmall,
    largestFree,
    possible,
    closestSameClass: closestSame.items.map((r) => r.i),
    closestAny: closestAny.items.map((r) => r.i),
    firstByName: listed === undefined ? vols.map((_, i) => i).sort((a, b) => (vols[a]!.name < vols[b]!.name ? -1 : 1)) : listed.items,
  };
}
