/**
 * A selector claim answered from its shape's selector-free table.
 *
 * @module
 */
import { selectorMatches } from "../checks.js";
import type { DecodedClaim } from "../decoded-claim.js";
import { REASON_BITS } from "../reason-code.js";
import { boundary, lowerBound } from "./bounds.js";
import type { PoolSnapshot } from "./pool-snapshot.js";
import { closer, costOf, countOf, PERMANENT_BITS, type Ranked, SmallestK } from "./ranking.js";
import type { PoolScan } from "./scan.js";
import type { ShapeCache, ShapeTable } from "./shape-tables.js";
import { tableResult } from "./table-result.js";

const SELECTOR = REASON_BITS.selector;
const TOO_SMALL = REASON_BITS["too-small"];
const DELAY = REASON_BITS["delay-binding"];
const MALFORMED_VOLUME = REASON_BITS["malformed-volume"];

/** A selector's verdict on a snapshot's label sets: per label id `SELECTOR` or 0. */
export interface LabelVerdicts {
  sel: Int32Array;
  /** Per table the verdict was used with: the volumes it accepts (see `acceptedVolumes`). */
  byTable: WeakMap<ShapeTable, AcceptedVolumes>;
}

/** Verdicts kept per snapshot before they are dropped (each costs two arrays of the label sets). */
const MAX_SELECTORS = 4096;

/**
 * The selector's verdict on every label set of the snapshot, kept in the snapshot's cache by the
 * selector as written (the raw selector determines the parsed one): claims repeat selectors.
 */
function labelVerdicts(snap: PoolSnapshot, cache: ShapeCache, c: DecodedClaim): LabelVerdicts {
  let key: string | undefined;
  try {
    key = JSON.stringify((c.pvc.spec as { selector?: unknown }).selector);
  } catch {
    key = undefined;
  }
  const known = key === undefined ? undefined : cache.selectors.get(key);
  if (known !== undefined) return known;
  const { labelStart, labelMembers } = cache;
  const sel = new Int32Array(snap.labels);
  for (let l = 0; l < snap.labels; l++) {
    const from = labelStart[l]!;
    if (from === labelStart[l + 1]!) continue;
    // Any volume of the label set will do: the selector reads the labels alone.
    if (!selectorMatches(snap.vols[labelMembers[from]!]!, c)) sel[l] = SELECTOR;
  }
  const v = { sel, byTable: new WeakMap<ShapeTable, AcceptedVolumes>() };
  if (key !== undefined) {
    if (cache.selectors.size >= MAX_SELECTORS) {
      cache.selectors.clear();
      cache.acceptedEntries = 0;
    }
    cache.selectors.set(key, v);
  }
  return v;
}

/**
 * The volumes a selector accepts in each cell of a table, in capacity order: cell `k`'s are
 * `vols[start[k] … start[k + 1])` with their capacity positions in `pos` (malformed cells have
 * none: they count as a whole).
 */
interface AcceptedVolumes {
  start: Int32Array;
  vols: Int32Array;
  pos: Int32Array;
}

/** Entries (two per accepted volume) the accepted-volume lists of one snapshot may hold before its selector verdicts are dropped. */
const MAX_ACCEPTED_ENTRIES = 4_000_000;

/**
 * The selector's accepted volumes per cell of `t`, kept on the verdict (so a claim repeating a
 * selector on a shape reads them instead of visiting every accepted volume again).
 */
function acceptedVolumes(snap: PoolSnapshot, cache: ShapeCache, t: ShapeTable, v: LabelVerdicts): AcceptedVolumes {
  const known = v.byTable.get(t);
  if (known !== undefined) return known;
  const { labelOf } = snap;
  const { sel } = v;
  const cells = t.cells;
  const start = new Int32Array(cells.length + 1);
  const vols: number[] = [];
  const pos: number[] = [];
  for (let k = 0; k < cells.length; k++) {
    const cell = cells[k]!;
    if (cell.base !== MALFORMED_VOLUME) {
      const cv = cell.vols;
      for (let j = 0; j < cv.length; j++) {
        const i = cv[j]!;
        if (sel[labelOf[i]!] === 0) {
          vols.push(i);
          pos.push(cell.pos[j]!);
        }
      }
    }
    start[k + 1] = vols.length;
  }
  const a = { start, vols: Int32Array.from(vols), pos: Int32Array.from(pos) };
  if (cache.acceptedEntries + 2 * vols.length > MAX_ACCEPTED_ENTRIES) {
    // Dropping the verdicts drops the lists they hold.
    cache.selectors.clear();
    cache.acceptedEntries = 0;
  }
  cache.acceptedEntries += 2 * vols.length;
  v.byTable.set(t, a);
  return a;
}

/** Accepted volumes on one side of the boundary this few are offered one by one; more are found in name order. */
const DIRECT = 8;

/**
 * The scan of a claim with a selector, from the table of its shape built without one. For a claim
 * no claimRef names, the evaluator's mask of a well-formed volume is its table mask, plus
 * `too-small` below the request's capacity boundary, plus `selector` when the selector rejects
 * its labels — which depends on the labels alone, so the selector runs once per distinct label
 * set. Per cell, the volumes it accepts (kept per selector and table, in capacity order) and those
 * it rejects each have one mask on each side of the boundary: they count by binary search, and
 * — equal masks ranking by name — only the first few of each by name can enter the rankings,
 * found in the cell's name order. Exactly what `scanPool` finds, in O(label sets + cells · log V +
 * listed volumes) for a selector already seen on the shape instead of a check of every volume.
 */
export function selectorScan(
  snap: PoolSnapshot,
  cache: ShapeCache,
  t: ShapeTable,
  c: DecodedClaim,
  listLimit: number | undefined,
): PoolScan {
  const { rank, labelOf } = snap;
  const { posOf } = cache;
  const { base, cells } = t;
  const b = boundary(snap, cache.sorted, c);
  const [maskTally, classMaskTally] = snap.tallies;
  // Empty unless an earlier scan of this pool was cut short by an exception.
  maskTally.reset();
  classMaskTally.reset();
  const verdicts = labelVerdicts(snap, cache, c);
  const { sel } = verdicts;
  const acc = acceptedVolumes(snap, cache, t, verdicts);
  const candidates: number[] = [];
  const groupCandidates = new Map<string, number>();
  const byRank = (a: number, b2: number): boolean => rank[a]! < rank[b2]!;
  const waiting = new SmallestK<number>(5, byRank);
  const closestSame = new SmallestK<Ranked>(3, closer);
  const closestAny = new SmallestK<Ranked>(3, closer);
  const probe: Ranked = { i: 0, rank: 0, cost: 0, n: 0 };
  let waitingCount = 0;
  let largestTooSmall = -1;
  /** Offers volume `i` with `failures` to the closest rankings (one object only when kept). */
  const offerClosest = (i: number, failures: number, mine: boolean): void => {
    probe.i = i;
    probe.rank = rank[i]!;
    probe.cost = costOf(failures);
    probe.n = countOf(failures);
    const any = closestAny.accepts(probe);
    const same = mine && closestSame.accepts(probe);
    if (any || same) {
      const r = { ...probe };
      if (any) closestAny.offer(r);
      if (same) closestSame.offer(r);
    }
  };
  /** An accepted volume with mask `m` (not 0, not permanent): to the waiting list when it only waits, and to the rankings. */
  const offerAccepted = (i: number, m: number, mine: boolean): void => {
    if (m === DELAY) waiting.offer(i);
    offerClosest(i, m, mine);
  };
  /** How many of `count` volumes with mask `mask` may still enter the rankings, by name (at most `most`). */
  const wants = (count: number, mask: number, mine: boolean, most: number): number => {
    if (count <= 0) return 0;
    probe.rank = -1;
    probe.cost = costOf(mask);
    probe.n = countOf(mask);
    return closestAny.accepts(probe) || (mine && closestSame.accepts(probe)) ? Math.min(most, count) : 0;
  };

  for (let k = 0; k < cells.length; k++) {
    const cell = cells[k]!;
    const n = cell.vols.length;
    if (cell.base === MALFORMED_VOLUME) {
      maskTally.addN(cell.base, n);
      if (cell.mine) classMaskTally.addN(cell.base, n);
      continue;
    }
    const from = acc.start[k]!;
    const to = acc.start[k + 1]!;
    const split = lowerBound(acc.pos, b, from, to);
    const acceptedBelow = split - from;
    const acceptedAbove = to - split;
    const below = lowerBound(cell.pos, b);
    const maskBelow = cell.base | TOO_SMALL;
    const maskAbove = cell.base;
    const rejectedBelow = below - acceptedBelow;
    const rejectedAbove = n - below - acceptedAbove;
    maskTally.addN(maskBelow, acceptedBelow);
    maskTally.addN(maskAbove, acceptedAbove);
    maskTally.addN(maskBelow | SELECTOR, rejectedBelow);
    maskTally.addN(maskAbove | SELECTOR, rejectedAbove);
    if (cell.mine) {
      classMaskTally.addN(maskBelow, acceptedBelow);
      classMaskTally.addN(maskAbove, acceptedAbove);
      classMaskTally.addN(maskBelow | SELECTOR, rejectedBelow);
      classMaskTally.addN(maskAbove | SELECTOR, rejectedAbove);
    }
    // A permanent failure keeps a volume out of every list (such cells have no name order).
    if ((cell.base & PERMANENT_BITS) !== 0 || cell.byRank === undefined) continue;
    if (maskAbove === 0 && acceptedAbove > 0) {
      for (let j = split; j < to; j++) candidates.push(acc.vols[j]!);
      groupCandidates.set(cell.modesKey, (groupCandidates.get(cell.modesKey) ?? 0) + acceptedAbove);
    }
    if (maskAbove === DELAY) waitingCount += acceptedAbove;
    // Delayed binding is not a property of the volume: "only too small" ignores it.
    if (cell.mine && (cell.base & ~DELAY) === 0 && acceptedBelow > 0) {
      const i = acc.vols[split - 1]!;
      if (largestTooSmall < 0 || acc.pos[split - 1]! > posOf[largestTooSmall]!) largestTooSmall = i;
    }
    // The accepted volumes: few on a side are offered directly, more are found by name below.
    let wantAcceptedBelow = 0;
    let wantAcceptedAbove = 0;
    if (acceptedBelow <= DIRECT) for (let j = from; j < split; j++) offerAccepted(acc.vols[j]!, maskBelow, cell.mine);
    else wantAcceptedBelow = 3;
    if (maskAbove !== 0) {
      if (acceptedAbove <= DIRECT) for (let j = split; j < to; j++) offerAccepted(acc.vols[j]!, maskAbove, cell.mine);
      else wantAcceptedAbove = maskAbove === DELAY ? 5 : 3;
    }
    let wantRejectedBelow = wants(rejectedBelow, maskBelow | SELECTOR, cell.mine, 3);
    let wantRejectedAbove = wants(rejectedAbove, maskAbove | SELECTOR, cell.mine, 3);
    const order = cell.byRank;
    for (let j = 0; j < order.length && wantAcceptedBelow + wantAcceptedAbove + wantRejectedBelow + wantRejectedAbove > 0; j++) {
      const i = order[j]!;
      const small = posOf[i]! < b;
      if (sel[labelOf[i]!] === 0) {
        if (small && wantAcceptedBelow > 0) {
          wantAcceptedBelow--;
          offerAccepted(i, maskBelow, cell.mine);
        } else if (!small && wantAcceptedAbove > 0) {
          wantAcceptedAbove--;
          offerAccepted(i, maskAbove, cell.mine);
        }
      } else if (small && wantRejectedBelow > 0) {
        wantRejectedBelow--;
        offerClosest(i, maskBelow | SELECTOR, cell.mine);
      } else if (!small && wantRejectedAbove > 0) {
        wantRejectedAbove--;
        offerClosest(i, maskAbove | SELECTOR, cell.mine);
      }
    }
  }

  return tableResult(
    snap,
    t,
    {
      maskCounts: maskTally.drain(),
      classMaskCounts: classMaskTally.drain(),
      maskOf: (i) => {
        const bm = base[i]!;
        return bm === MALFORMED_VOLUME ? bm : bm | sel[labelOf[i]!]! | (posOf[i]! < b ? TOO_SMALL : 0);
      },
      candidates,
      groupCandidates,
      waitingCount,
      waiting,
      largestTooSmall,
      closestSame,
      closestAny,
    },
    listLimit,
  );
}
