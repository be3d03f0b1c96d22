/**
 * The full scan of `explainClaim`: every volume of a pool checked once with `checkVolume` to a
 * failure mask (no strings, no per-volume objects), with the counts and the few volumes the
 * explanation reports.
 *
 * @module
 */
import type { CheckContext, MatchPath } from "../checks.js";
import { checkVolume, PRE_BOUND_FLAG } from "../checks.js";
import type { DecodedClaim } from "../decoded-claim.js";
import type { DecodedVolume } from "../decoded-volume.js";
import { ALL_REASON_BITS, REASON_BITS } from "../reason-code.js";
import type { PoolSnapshot } from "./pool-snapshot.js";
import { closer, costOf, countOf, PERMANENT_BITS, type Ranked, SmallestK } from "./ranking.js";

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
  vols: readonly DecodedVolume[];
  byName: ReadonlyMap<string, DecodedVolume>;
  /** The evaluator's mask of volume `i` of `vols` (failure bits plus `PRE_BOUND_FLAG`). */
  maskOf(i: number): number;
  /** The index of a volume of `vols` (−1: not in the pool). */
  indexOf(v: DecodedVolume): number;
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
  /** The largest volume of the claim's class whose only failure is `too-small` (besides `delay-binding`). */
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

/** Whether volume `a` is larger than `b` (−1: none yet); equal sizes → the smaller name. */
export function larger(snap: PoolSnapshot, a: number, b: number): boolean {
  if (b < 0) return true;
  const ka = snap.capacityKey[a]!;
  const kb = snap.capacityKey[b]!;
  if (ka !== kb) return ka > kb;
  const d = snap.vols[a]!.capacity!.cmp(snap.vols[b]!.capacity!);
  return d > 0 || (d === 0 && snap.rank[a]! < snap.rank[b]!);
}

/** The first `limit` volumes by name (indexes; all when no limit). */
export function firstByNameOf(snap: PoolSnapshot, listLimit: number | undefined): number[] {
  const out: number[] = [];
  const limit = listLimit === undefined ? snap.order.length : Math.min(listLimit, snap.order.length);
  for (let r = 0; r < limit; r++) out.push(snap.order[r]!);
  return out;
}

/**
 * Checks every volume of the snapshot once; gathers counts over the whole pool and only the few
 * volumes the explanation lists.
 *
 * @param listLimit - how many volumes by name to keep in `firstByName`; `undefined`: all (sorted).
 *
 * @example
 * ```ts
 * const scan = scanPool(snapshot, decodeClaim(pvc), checkContext({}), "controller", 20);
 * ```
 */
export function scanPool(snap: PoolSnapshot, c: DecodedClaim, ctx: CheckContext, path: MatchPath, listLimit: number | undefined): PoolScan {
  const { vols, signature, signatureVolume, rank } = snap;
  const signatures = snap.signatures;
  const masks = new Int32Array(vols.length);
  const candidates: number[] = [];
  const preBound: number[] = [];
  // Failure masks have REASON_CODES.length bits: count them in flat arrays (the snapshot's, reused
  // by every scan of this pool), not maps.
  const [maskTally, classMaskTally] = snap.tallies;
  // Empty unless an earlier scan of this pool was cut short by an exception.
  maskTally.reset();
  classMaskTally.reset();
  // Per signature: its volumes and candidates (for the access-mode groups), and whether it is of
  // the claim's class and not malformed (−1: not known yet).
  const sigVolumes = new Int32Array(signatures);
  const sigCandidates = new Int32Array(signatures);
  const sigMine = new Int8Array(signatures).fill(-1);
  const byRank = (a: number, b: number): boolean => rank[a]! < rank[b]!;
  const waiting = new SmallestK<number>(5, byRank);
  const malformed = new SmallestK<number>(10, byRank);
  const closestSame = new SmallestK<Ranked>(3, closer);
  const closestAny = new SmallestK<Ranked>(3, closer);
  const probe: Ranked = { i: 0, rank: 0, cost: 0, n: 0 };
  const MALFORMED = REASON_BITS["malformed-volume"] | REASON_BITS["capacity-malformed"];
  const DELAY = REASON_BITS["delay-binding"];
  const TOO_SMALL = REASON_BITS["too-small"];
  let sameClass = 0;
  let waitingCount = 0;
  let malformedCount = 0;
  let largestTooSmall = -1;
  let largestFree = -1;
  let possible = false;
  for (let i = 0; i < vols.length; i++) {
    const sig = signature[i]!;
    const mask = checkVolume(vols[i]!, c, ctx, path);
    masks[i] = mask;
    const failures = mask & ALL_REASON_BITS;
    maskTally.add(failures);
    sigVolumes[sig] = sigVolumes[sig]! + 1;
    if (failures === 0) {
      candidates.push(i);
      sigCandidates[sig] = sigCandidates[sig]! + 1;
    }
    if ((mask & PRE_BOUND_FLAG) !== 0) preBound.push(i);
    if ((failures & MALFORMED) !== 0) {
      malformedCount++;
      malformed.offer(i);
    }
    if (failures === DELAY && (mask & PRE_BOUND_FLAG) === 0) {
      waitingCount++;
      waiting.offer(i);
    }
    let mine = sigMine[sig]!;
    if (mine < 0) {
      const rep = signatureVolume[sig]!;
      sigMine[sig] = mine = rep.class === c.class && rep.defect?.code !== "malformed-volume" ? 1 : 0;
    }
    if (mine === 1) {
      sameClass++;
      classMaskTally.add(failures);
    }
    if ((failures & PERMANENT_BITS) === 0) {
      possible = true;
      if (mine === 1 && larger(snap, i, largestFree)) largestFree = i;
      // Delayed binding is not a property of the volume: "only too small" ignores it.
      if (mine === 1 && (failures & ~DELAY) === TOO_SMALL && larger(snap, i, largestTooSmall)) largestTooSmall = i;
      if (failures !== 0) {
        probe.i = i;
        probe.rank = rank[i]!;
        probe.cost = costOf(failures);
        probe.n = countOf(failures);
        const any = closestAny.accepts(probe);
        const same = mine === 1 && closestSame.accepts(probe);
        if (any || same) {
          const r = { ...probe };
          if (any) closestAny.offer(r);
          if (same) closestSame.offer(r);
        }
      }
    }
  }
  const groups = new Map<string, GroupCount>();
  if (path === "controller") {
    for (let sig = 0; sig < signatures; sig++) {
      if (sigVolumes[sig] === 0) continue;
      const key = signatureVolume[sig]!.modesKey;
      const g = groups.get(key);
      if (g === undefined) groups.set(key, { volumes: sigVolumes[sig]!, candidates: sigCandidates[sig]! });
      else {
        g.volumes += sigVolumes[sig]!;
        g.candidates += sigCandidates[sig]!;
      }
    }
  }
  return {
    vols,
    byName: snap.byName,
    maskCounts: maskTally.drain(),
    classMaskCounts: classMaskTally.drain(),
    maskOf: (i) => masks[i]!,
    indexOf: (v) => snap.indexOf(v),
    candidates,
    preBound,
    sameClass,
    groups,
    waitingCount,
    waiting: waiting.items,
    malformedCount,
    malformed: malformed.items,
    largestTooSmall: largestTooSmall < 0 ? undefined : vols[largestTooSmall],
    largestFree: largestFree < 0 ? undefined : vols[largestFree],
    possible,
    closestSameClass: closestSame.items.map((r) => r.i),
    closestAny: closestAny.items.map((r) => r.i),
    firstByName: firstByNameOf(snap, listLimit),
  };
}
