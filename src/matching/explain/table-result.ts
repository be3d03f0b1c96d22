/**
 * The {@link PoolScan} a shape table answers with: what every table answer shares (the table's
 * pool facts, the listed volumes, the group counts), given the per-claim parts — the tallies,
 * the mask of a volume, the candidates and the rankings — of a plain or a selector claim.
 *
 * @module
 */
import type { Ranked, SmallestK } from "./ranking.js";
import type { PoolSnapshot } from "./pool-snapshot.js";
import { firstByNameOf, type GroupCount, type PoolScan } from "./scan.js";
import type { ShapeTable } from "./shape-tables.js";

/**
 * The per-claim parts of a table answer.
 *
 * @example
 * ```ts
 * const parts: TableAnswer = { maskCounts, classMaskCounts, maskOf, candidates, groupCandidates, waitingCount, waiting, largestTooSmall, closestSame, closestAny };
 * ```
 */
export interface TableAnswer {
  readonly maskCounts: Map<number, number>;
  readonly classMaskCounts: Map<number, number>;
  readonly maskOf: (i: number) => number;
  readonly candidates: number[];
  /** Candidates per access-mode group key. */
  readonly groupCandidates: ReadonlyMap<string, number>;
  readonly waitingCount: number;
  readonly waiting: SmallestK<number>;
  /** The largest volume that is too small (its index), or −1. */
  readonly largestTooSmall: number;
  readonly closestSame: SmallestK<Ranked>;
  readonly closestAny: SmallestK<Ranked>;
}

/**
 * The scan result of a table answer.
 *
 * @example
 * ```ts
 * return tableResult(snap, table, parts, listLimit);
 * ```
 */
export function tableResult(snap: PoolSnapshot, t: ShapeTable, a: TableAnswer, listLimit: number | undefined): PoolScan {
  const vols = snap.vols;
  const groups = new Map<string, GroupCount>();
  for (const [key, volumes] of t.groupVolumes) groups.set(key, { volumes, candidates: a.groupCandidates.get(key) ?? 0 });
  return {
    vols,
    byName: snap.byName,
    maskCounts: a.maskCounts,
    classMaskCounts: a.classMaskCounts,
    maskOf: a.maskOf,
    indexOf: (v) => snap.indexOf(v),
    candidates: a.candidates,
    preBound: [],
    sameClass: t.sameClass,
    groups,
    waitingCount: a.waitingCount,
    waiting: a.waiting.items,
    malformedCount: t.malformedCount,
    malformed: t.malformed,
    largestTooSmall: a.largestTooSmall < 0 ? undefined : vols[a.largestTooSmall],
    largestFree: t.largestFree < 0 ? undefined : vols[t.largestFree],
    possible: t.possible,
    closestSameClass: a.closestSame.items.map((r) => r.i),
    closestAny: a.closestAny.items.map((r) => r.i),
    firstByName: firstByNameOf(snap, listLimit),
  };
}
