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
import type { Cell, ShapeCache, ShapeTable } from "./shape-tables.js";
import { tableResult } from "./table-result.js";

const SELECTOR = REASON_BITS.selector;
const TOO_SMALL = REASON_BITS["too-small"];
const DELAY = REASON_BITS["delay-binding"];
const MALFORMED_VOLUME = REASON_BITS["malformed-volume"];

/** A selector's verdict on a snapshot's label sets: per label id `SELECTOR` or 0, and the ids it accepts. */
export interface LabelVerdicts {
  sel: Int32Array;
  accepted: Int32Array;
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
  const accepted: number[] = [];
  for (let l = 0; l < snap.labels; l++) {
    const from = labelStart[l]!;
    if (from === labelStart[l + 1]!) continue;
    // Any volume of the label set will do: the selector reads the labels alone.
    if (selectorMatches(snap.vols[labelMembers[from]!]!, c)) accepted.push(l);
    else sel[l] = SELECTOR;
  }
  const v = { sel, accepted: Int32Array.from(accepted) };
  if (key !== undefined) {
    if (cache.selectors.size >= MAX_SELECTORS) cache.selectors.clear();
    cache.selectors.set(key, v);
  }
  return v;
}

/**
 * The scan of a claim with a selector, from the table of its shape built without one. For a claim
 * no claimRef names, the evaluator's mask of a well-formed volume is its table mask, plus
 * `too-small` below the request's capacity boundary, plus `selector` when the selector rejects
 * its labels — which depends on the labels alone, so the selector runs once per distinct label
 * set. The volumes it accepts are visited one by one (they hold the candidates, the waiting and the
 * too-small volumes); the ones it rejects count per cell (a table cell, its volumes below and above
 * the boundary, minus the accepted ones), and — `selector` not being permanent — the closest of
 * them are found per cell in name order. Exactly what `scanPool` finds, in O(label sets + cells ·
 * log V + accepted volumes) instead of a check of every volume.
 */
export function selectorScan(
  snap: PoolSnapshot,
  cache: ShapeCache,
  t: ShapeTable,
  c: DecodedClaim,
  listLimit: number | undefined,
): PoolScan {
  const { rank, labelOf } = snap;
  const { posOf, labelStart, labelMembers } = cache;
  const { base, cells, memberBase, memberCell, memberPos } = t;
  const b = boundary(snap, cache.sorted, c);
  const [maskTally, classMaskTally] = snap.tallies;
  // Empty unless an earlier scan of this pool was cut short by an exception.
  maskTally.reset();
  classMaskTally.reset();
  const { sel, accepted } = labelVerdicts(snap, cache, c);
  const acceptedBelow = new Int32Array(cells.length);
  const acceptedAbove = new Int32Array(cells.length);
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

  for (const l of accepted) {
    const from = labelStart[l]!;
    const to = labelStart[l + 1]!;
    for (let j = from; j < to; j++) {
      const bm = memberBase[j]!;
      // A malformed volume gets that bit alone: it counts with its cell below.
      if (bm === MALFORMED_VOLUME) continue;
      const k = memberCell[j]!;
      const small = memberPos[j]! < b;
      if (small) acceptedBelow[k] = acceptedBelow[k]! + 1;
      else acceptedAbove[k] = acceptedAbove[k]! + 1;
      // All volumes of a cell on one side of the boundary have one mask: they count per cell
      // below. A permanent failure keeps the volume out of every list too.
      if ((bm & PERMANENT_BITS) !== 0) continue;
      const cell = cells[k]!;
      const m = small ? bm | TOO_SMALL : bm;
      if (m === 0) {
        candidates.push(labelMembers[j]!);
        continue;
      }
      const i = labelMembers[j]!;
      if (m === DELAY) {
        waitingCount++;
        waiting.offer(i);
      }
      // Delayed binding is not a property of the volume: "only too small" ignores it.
      // Positions are in `larger` order (capacity, then the smaller name): no capacities to compare.
      if (cell.mine && (m & ~DELAY) === TOO_SMALL && (largestTooSmall < 0 || memberPos[j]! > posOf[largestTooSmall]!)) largestTooSmall = i;
      offerClosest(i, m, cell.mine);
    }
  }

  for (let k = 0; k < cells.length; k++) {
    const cell = cells[k]!;
    const n = cell.vols.length;
    if (cell.base === MALFORMED_VOLUME) {
      maskTally.addN(cell.base, n);
      if (cell.mine) classMaskTally.addN(cell.base, n);
      continue;
    }
    const below = lowerBound(cell.pos, b);
    maskTally.addN(cell.base | TOO_SMALL, acceptedBelow[k]!);
    maskTally.addN(cell.base, acceptedAbove[k]!);
    if (cell.mine) {
      classMaskTally.addN(cell.base | TOO_SMALL, acceptedBelow[k]!);
      classMaskTally.addN(cell.base, acceptedAbove[k]!);
    }
    const rejectedBelow = below - acceptedBelow[k]!;
    const rejectedAbove = n - below - acceptedAbove[k]!;
    const maskBelow = cell.base | SELECTOR | TOO_SMALL;
    const maskAbove = cell.base | SELECTOR;
    maskTally.addN(maskBelow, rejectedBelow);
    maskTally.addN(maskAbove, rejectedAbove);
    if (cell.mine) {
      classMaskTally.addN(maskBelow, rejectedBelow);
      classMaskTally.addN(maskAbove, rejectedAbove);
    }
    if (cell.byRank !== undefined) rejectedClosest(cell, rejectedBelow, maskBelow, rejectedAbove, maskAbove);
  }

  /**
   * The closest rejected volumes of a non-permanent cell: within it, equal masks rank by name, so
   * the first three rejected volumes by name on each side of the boundary are all that can place.
   */
  function rejectedClosest(cell: Cell, nBelow: number, maskBelow: number, nAbove: number, maskAbove: number): void {
    const wants = (count: number, mask: number): number => {
      if (count <= 0) return 0;
      probe.rank = -1;
      probe.cost = costOf(mask);
      probe.n = countOf(mask);
      return closestAny.accepts(probe) || (cell.mine && closestSame.accepts(probe)) ? Math.min(3, count) : 0;
    };
    let wantBelow = wants(nBelow, maskBelow);
    let wantAbove = wants(nAbove, maskAbove);
    const order = cell.byRank!;
    for (let j = 0; j < order.length && wantBelow + wantAbove > 0; j++) {
      const i = order[j]!;
      if (sel[labelOf[i]!] === 0) continue;
      if (posOf[i]! < b) {
        if (wantBelow === 0) continue;
        wantBelow--;
        offerClosest(i, maskBelow, cell.mine);
      } else {
        if (wantAbove === 0) continue;
        wantAbove--;
        offerClosest(i, maskAbove, cell.mine);
      }
    }
  }

  // Candidates are the accepted volumes above the boundary of the cells of mask 0 (one per signature).
  for (let k = 0; k < cells.length; k++) {
    const cell = cells[k]!;
    if (cell.base === 0 && acceptedAbove[k]! > 0)
      groupCandidates.set(cell.modesKey, (groupCandidates.get(cell.modesKey) ?? 0) + acceptedAbove[k]!);
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
