/**
 * Repeated explanations over one pool: per-shape tables (see {@link ShapeTables}).
 *
 * @module
 */
import type { CheckContext, MatchPath } from "../checks.js";
import { checkVolume } from "../checks.js";
import type { DecodedClaim } from "../decoded-claim.js";
import { ALL_REASON_BITS, REASON_BITS } from "../reason-code.js";
import type { PoolSnapshot } from "./pool-snapshot.js";
import { boundary, lowerBound } from "./bounds.js";
import { closer, costOf, countOf, PERMANENT_BITS, type Ranked, SmallestK } from "./ranking.js";
import type { PoolScan } from "./scan.js";
import { type LabelVerdicts, selectorScan } from "./selector-scan.js";
import { tableResult } from "./table-result.js";
// ---------------------------------------------------------------------------------------------
// Repeated explanations over one pool: per-shape tables.
//
// Claims that differ only in their request size (and name) get the same failure mask from every
// volume except for the `too-small` bit — as long as no volume's claimRef names the claim (those
// claims take the full scan). So per (snapshot, claim shape) we keep each volume's mask without
// `too-small`, the volumes grouped into *cells* of equal mask (and class membership), each cell in
// capacity order. A claim of a known shape then costs one binary search for the capacity boundary
// (volumes before it are too small) plus, per cell, one binary search and a look-up in its
// prefix / suffix "smallest names" tables: O(cells · log V + listed volumes), exact counts.
// ---------------------------------------------------------------------------------------------

/** How many names (smallest ranks) each prefix / suffix of a cell remembers: enough for `waiting` (5) and `closest` (3). */
const TOP = 5;

/** Volumes of one shape table with the same mask-without-too-small and class membership (and, for candidates, group). */
export interface Cell {
  base: number;
  mine: boolean;
  modesKey: string;
  /** Volume indexes in capacity order, and their positions in that order (ascending). */
  vols: Int32Array;
  pos: Int32Array;
  /** Non-permanent cells: for k = 0 … n, the TOP smallest name ranks of `vols[0, k)` / `vols[k, n)` (−1: none). */
  prefixTop?: Int32Array;
  suffixTop?: Int32Array;
  /** Non-permanent cells: `vols` in name order (a selector claim ranks the volumes its selector rejects by it). */
  byRank?: Int32Array;
}

/** Everything a claim of one shape shares, over one snapshot. */
export interface ShapeTable {
  /** Per volume: the evaluator's mask without `too-small` and `selector` (never pre-bound: see `shapeScan`). */
  base: Int32Array;
  cells: Cell[];
  /** Per volume: its cell. */
  cellOf: Int32Array;
  /** Volumes per access-mode key, in the slow path's (signature) order. */
  groupVolumes: Map<string, number>;
  sameClass: number;
  possible: boolean;
  largestFree: number;
  malformedCount: number;
  malformed: number[];
  /** Volume-entries this table holds (for the cache's size bound). */
  size: number;
}

/** Per snapshot: the capacity order, the claims named by claimRefs, the volumes by labels, and the tables by shape. */
export interface ShapeCache {
  /** Volumes with a capacity, ascending by exact capacity, equal capacities by descending name. */
  sorted: Int32Array;
  /** Per volume: its position in `sorted` (volumes without a capacity: `vols.length`, after every boundary). */
  posOf: Int32Array;
  /** `namespace \0 name` of every claimRef in the pool (such claims may be pre-bound: full scan). */
  refs: Set<string>;
  /** The volumes of label id `l` are `labelMembers[labelStart[l] … labelStart[l + 1])`. */
  labelStart: Int32Array;
  labelMembers: Int32Array;
  /** Per selector as written: its verdict on the label sets (see `selectorScan`). */
  selectors: Map<string, LabelVerdicts>;
  /** Entries the verdicts' accepted-volume lists hold (bounded in `selectorScan`). */
  acceptedEntries: number;
  tables: Map<string, ShapeTable>;
  size: number;
}

/**
 * Pools of at least this many volumes build a shape's table on its first claim: the table checks
 * each distinct signature, label set and affinity once, so building it costs less than the full
 * scan that claim would take (at 10,000 volumes, ~4 ms against 6–10 ms), one-off shape or not.
 */
const EAGER_TABLES = 1024;

/** Bound on the 32-bit entries all shape tables of a snapshot hold (64 MB): past it they are dropped. */
const MAX_TABLE_ENTRIES = 16_000_000;

function claimRefKey(ref: object): string {
  const r = ref as { name?: unknown; namespace?: unknown };
  return `${typeof r.namespace === "string" ? r.namespace : ""}\0${typeof r.name === "string" ? r.name : ""}`;
}

/**
 * Everything but the request, the selector and the claim's identity that `checkVolume` reads;
 * `undefined`: not cacheable. The selector is left out: its bit depends on a volume's labels alone,
 * so a selector claim is answered from the selector-free table by one selector evaluation per
 * distinct label set (see `selectorScan`).
 */
function shapeKey(c: DecodedClaim, ctx: CheckContext, path: MatchPath): string | undefined {
  if (ctx.excluded !== undefined && ctx.excluded.size > 0) return undefined;
  try {
    // The node counts by its labels' content (only labels are read).
    const node = ctx.hasNode ? JSON.stringify(ctx.nodeLabels ?? null) : "-";
    if (node === undefined) return undefined;
    return JSON.stringify([path, node, ctx.delayBinding, c.class, c.accessModes, c.volumeMode, c.vac]);
  } catch {
    return undefined;
  }
}

function capacityLess(snap: PoolSnapshot, a: number, b: number): number {
  const ka = snap.capacityKey[a]!;
  const kb = snap.capacityKey[b]!;
  if (ka !== kb) return ka < kb ? -1 : 1;
  const d = snap.vols[a]!.capacity!.cmp(snap.vols[b]!.capacity!);
  if (d !== 0) return d;
  // Equal sizes: the smaller name counts as larger (see `larger`), so it comes later.
  return snap.rank[b]! - snap.rank[a]!;
}

function newShapeCache(snap: PoolSnapshot): ShapeCache {
  const n = snap.vols.length;
  const withCapacity: number[] = [];
  const refs = new Set<string>();
  for (let i = 0; i < n; i++) {
    if (!Number.isNaN(snap.capacityKey[i]!)) withCapacity.push(i);
    const ref = snap.vols[i]!.claimRef;
    if (ref !== undefined) refs.add(claimRefKey(ref));
  }
  const sorted = Int32Array.from(withCapacity.sort((a, b) => capacityLess(snap, a, b)));
  const posOf = new Int32Array(n).fill(n);
  for (let p = 0; p < sorted.length; p++) posOf[sorted[p]!] = p;
  const labelStart = new Int32Array(snap.labels + 1);
  for (let i = 0; i < n; i++) labelStart[snap.labelOf[i]! + 1]!++;
  for (let l = 0; l < snap.labels; l++) labelStart[l + 1]! += labelStart[l]!;
  const labelMembers = new Int32Array(n);
  const next = labelStart.slice(0, snap.labels);
  for (let i = 0; i < n; i++) labelMembers[next[snap.labelOf[i]!]!++] = i;
  return { sorted, posOf, refs, labelStart, labelMembers, selectors: new Map(), acceptedEntries: 0, tables: new Map(), size: 0 };
}

/** For k = 0 … n: the TOP smallest of `ranks[0, k)` (prefix) or `ranks[k, n)` (suffix), ascending, −1-padded. */
function topTable(ranks: Int32Array, suffix: boolean): Int32Array {
  const n = ranks.length;
  const out = new Int32Array((n + 1) * TOP).fill(-1);
  const cur: number[] = [];
  for (let step = 0; step < n; step++) {
    const j = suffix ? n - 1 - step : step;
    const r = ranks[j]!;
    if (cur.length < TOP || r < cur[cur.length - 1]!) {
      let k = cur.length;
      while (k > 0 && r < cur[k - 1]!) k--;
      cur.splice(k, 0, r);
      if (cur.length > TOP) cur.pop();
    }
    const at = (suffix ? j : j + 1) * TOP;
    for (let t = 0; t < cur.length; t++) out[at + t] = cur[t]!;
  }
  return out;
}

/** The bits of a (non-pre-bound, well-formed) volume's mask that depend on more than its signature. */
const SELECTOR_BIT = REASON_BITS.selector;
const NODE_BIT = REASON_BITS["node-affinity"];
const CLAIMED_BIT = REASON_BITS["claimed-by-other"];
const TOO_SMALL_BIT = REASON_BITS["too-small"];
const MALFORMED_VOLUME_BIT = REASON_BITS["malformed-volume"];
const SIGNATURE_BITS = ALL_REASON_BITS & ~(SELECTOR_BIT | NODE_BIT | CLAIMED_BIT | TOO_SMALL_BIT | REASON_BITS.excluded);

/**
 * Each volume's mask for a stand-in claim no claimRef names (without `too-small`). For such a
 * claim the evaluator's mask of a well-formed volume is an OR of independent parts: bits fixed by
 * the volume's signature, the selector bit (its labels), the node-affinity bit (its affinity
 * object), `claimed-by-other` (it has a claimRef); a `malformed-volume` volume gets that bit
 * alone. So the evaluator runs once per signature, labels text and affinity object, not per volume
 * — except for claims requesting unknown access-mode strings, whose check reads the raw modes.
 */
function baseMasks(snap: PoolSnapshot, phantom: DecodedClaim, ctx: CheckContext, path: MatchPath, perVolume: boolean): Int32Array {
  const { vols, signature, hasClaimRef, affinity } = snap;
  const hasNode = ctx.hasNode;
  const n = vols.length;
  const base = new Int32Array(n);
  const evaluate = (i: number): number => checkVolume(vols[i]!, phantom, ctx, path) & ~TOO_SMALL_BIT & ALL_REASON_BITS;
  if (perVolume) {
    for (let i = 0; i < n; i++) base[i] = evaluate(i);
    return base;
  }
  const sigBits = new Int32Array(snap.signatures).fill(-1);
  const labelBits = new Int32Array(snap.labels).fill(-1);
  const affinityBits = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const sig = signature[i]!;
    const l = snap.labelOf[i]!;
    const a = affinity[i]!;
    let sb = sigBits[sig]!;
    if (sb === MALFORMED_VOLUME_BIT) {
      base[i] = sb;
      continue;
    }
    let lb = labelBits[l]!;
    // Without a node, node affinity is never checked (and most local volumes have an affinity object of their own).
    let ab = a === 0 || !hasNode ? 0 : affinityBits.get(a);
    if (sb < 0 || lb < 0 || ab === undefined) {
      const m = evaluate(i);
      if (sb < 0) sigBits[sig] = sb = m === MALFORMED_VOLUME_BIT ? m : m & SIGNATURE_BITS;
      if (sb === MALFORMED_VOLUME_BIT) {
        base[i] = sb;
        continue;
      }
      if (lb < 0) labelBits[l] = lb = m & SELECTOR_BIT;
      if (ab === undefined) affinityBits.set(a, (ab = m & NODE_BIT));
    }
    base[i] = sb | lb | ab | (hasClaimRef[i] === 1 ? CLAIMED_BIT : 0);
  }
  return base;
}

function buildTable(snap: PoolSnapshot, cache: ShapeCache, c: DecodedClaim, ctx: CheckContext, path: MatchPath): ShapeTable {
  const { vols, signature, signatureVolume, rank } = snap;
  const n = vols.length;
  // A stand-in for the claim that no claimRef of the pool names: no volume is pre-bound to it and
  // every volume with a claimRef is claimed by another — true of every claim of the shape that
  // takes this path (see `shapeScan`).
  let ns = "\0kubevol-shape";
  while (cache.refs.has(`${ns}\0`)) ns += "\0";
  // Without a selector: the table serves the shape's claims with any selector (see `shapeKey`).
  const phantom: DecodedClaim = { ...c, selector: undefined, namespace: ns, name: "", uid: "", key: `${ns}/` };
  const base = baseMasks(snap, phantom, ctx, path, c.unknownModes);
  const MALFORMED = REASON_BITS["malformed-volume"] | REASON_BITS["capacity-malformed"];
  const sigs = snap.signatures;
  const sigMine = new Uint8Array(sigs);
  for (let sig = 0; sig < sigs; sig++) {
    const rep = signatureVolume[sig]!;
    sigMine[sig] = rep.class === c.class && rep.defect?.code !== "malformed-volume" ? 1 : 0;
  }
  // Cells: by (mask, class membership); candidates (mask 0) by signature, for their group.
  const cellOfKey = new Map<number, number>();
  const cellOfVolume = new Int32Array(n);
  const cellSize: number[] = [];
  const cellHead: number[] = [];
  const sigVolumes = new Int32Array(sigs);
  for (let i = 0; i < n; i++) {
    const sig = signature[i]!;
    sigVolumes[sig] = sigVolumes[sig]! + 1;
    const m = base[i]!;
    const key = m === 0 ? -1 - sig : m * 2 + sigMine[sig]!;
    let cell = cellOfKey.get(key);
    if (cell === undefined) {
      cellOfKey.set(key, (cell = cellSize.length));
      cellSize.push(0);
      cellHead.push(i);
    }
    cellSize[cell] = cellSize[cell]! + 1;
    cellOfVolume[i] = cell;
  }
  const cells: Cell[] = cellSize.map((size, k) => {
    const i = cellHead[k]!;
    const m = base[i]!;
    return {
      base: m,
      mine: sigMine[signature[i]!] === 1,
      modesKey: m === 0 ? vols[i]!.modesKey : "",
      vols: new Int32Array(size),
      pos: new Int32Array(size),
    };
  });
  // In capacity order, then the volumes without a capacity: each cell comes out sorted by position.
  const fill = new Int32Array(cells.length);
  const place = (i: number): void => {
    const k = cellOfVolume[i]!;
    const cell = cells[k]!;
    const at = fill[k]!;
    cell.vols[at] = i;
    cell.pos[at] = cache.posOf[i]!;
    fill[k] = at + 1;
  };
  for (const i of cache.sorted) place(i);
  for (let i = 0; i < n; i++) if (cache.posOf[i] === n) place(i);

  let size = 4 * n;
  let sameClass = 0;
  let possible = false;
  let largestFree = -1;
  let malformedCount = 0;
  const malformed = new SmallestK<number>(10, (a, b) => rank[a]! < rank[b]!);
  for (const cell of cells) {
    const cv = cell.vols;
    if (cell.mine) sameClass += cv.length;
    if ((cell.base & MALFORMED) !== 0) {
      malformedCount += cv.length;
      for (const i of cv) malformed.offer(i);
    }
    if ((cell.base & PERMANENT_BITS) === 0) {
      possible = true;
      const last = cv[cv.length - 1]!;
      if (cell.mine && (largestFree < 0 || cache.posOf[last]! > cache.posOf[largestFree]!)) largestFree = last;
      const ranks = Int32Array.from(cv, (i) => rank[i]!);
      cell.prefixTop = topTable(ranks, false);
      cell.suffixTop = topTable(ranks, true);
      cell.byRank = Int32Array.from(cv).sort((a, b) => rank[a]! - rank[b]!);
      size += (2 * TOP + 1) * (cv.length + 1);
    }
  }
  const groupVolumes = new Map<string, number>();
  if (path === "controller") {
    for (let sig = 0; sig < sigs; sig++) {
      if (sigVolumes[sig] === 0) continue;
      const key = signatureVolume[sig]!.modesKey;
      groupVolumes.set(key, (groupVolumes.get(key) ?? 0) + sigVolumes[sig]!);
    }
  }
  return {
    base,
    cells,
    cellOf: cellOfVolume,
    groupVolumes,
    sameClass,
    possible,
    largestFree,
    malformedCount,
    malformed: malformed.items,
    size,
  };
}

/**
 * The per-shape tables of one {@link PoolSnapshot}, owned by the explainer that owns the snapshot:
 * repeated explanations of claims of one shape (everything but the request size and the claim's
 * identity) are answered from a table built on the shape's second claim (one evaluation per
 * signature, labels and affinity content — see `baseMasks` — then one pass to sort the volumes
 * into cells) in O(cells · log V + listed volumes).
 *
 * @example
 * ```ts
 * const tables = new ShapeTables(snapshot);
 * tables.scan(decodeClaim(pvc), checkContext({}), "controller", 20); // a PoolScan, or undefined
 * ```
 */
export class ShapeTables {
  private cache: ShapeCache | undefined;
  /**
   * Shapes seen once: in a small pool a table is built on a shape's second claim (a one-off claim
   * costs a scan, not a table); in a large one on its first (see `EAGER_TABLES`).
   */
  private readonly seen = new Set<string>();
  /** Explanations answered from a table, and tables built (see `PoolExplainer.stats`). */
  hits = 0;
  built = 0;

  constructor(private readonly snap: PoolSnapshot) {}

  /**
   * The scan of a claim from its shape's table; `undefined` when the full scan must run: an
   * uncacheable context (exclusions), a claim without a parsed request, or a claim some volume's
   * claimRef names (it may be pre-bound, which the tables do not model).
   *
   * @example
   * ```ts
   * tables.scan(c, ctx, "controller", undefined) ?? scanPool(snapshot, c, ctx, "controller", undefined);
   * ```
   */
  scan(c: DecodedClaim, ctx: CheckContext, path: MatchPath, listLimit: number | undefined): PoolScan | undefined {
    if (c.request === undefined) return undefined;
    const key = shapeKey(c, ctx, path);
    if (key === undefined) return undefined;
    const snap = this.snap;
    const cache = (this.cache ??= newShapeCache(snap));
    if (cache.refs.has(`${c.namespace}\0${c.name}`)) return undefined;
    let table = cache.tables.get(key);
    if (table === undefined) {
      if (snap.vols.length < EAGER_TABLES && !this.seen.has(key)) {
        this.seen.add(key);
        return undefined;
      }
      table = buildTable(snap, cache, c, ctx, path);
      this.built++;
      if (cache.size + table.size > MAX_TABLE_ENTRIES) {
        cache.tables.clear();
        cache.size = 0;
      }
      cache.tables.set(key, table);
      cache.size += table.size;
    }
    this.hits++;
    return c.selector === undefined ? tableScan(snap, cache, table, c, listLimit) : selectorScan(snap, cache, table, c, listLimit);
  }
}

function tableScan(snap: PoolSnapshot, cache: ShapeCache, t: ShapeTable, c: DecodedClaim, listLimit: number | undefined): PoolScan {
  const { rank, order } = snap;
  const { posOf } = cache;
  const b = boundary(snap, cache.sorted, c);
  const TOO_SMALL = REASON_BITS["too-small"];
  const DELAY = REASON_BITS["delay-binding"];
  const maskCounts = new Map<number, number>();
  const classMaskCounts = new Map<number, number>();
  const add = (m: Map<number, number>, mask: number, k: number): void => {
    if (k > 0) m.set(mask, (m.get(mask) ?? 0) + k);
  };
  const candidates: number[] = [];
  const groupCandidates = new Map<string, number>();
  const byRank = (a: number, b2: number): boolean => rank[a]! < rank[b2]!;
  const waiting = new SmallestK<number>(5, byRank);
  const closestSame = new SmallestK<Ranked>(3, closer);
  const closestAny = new SmallestK<Ranked>(3, closer);
  let waitingCount = 0;
  let largestTooSmall = -1;
  const offerTop = (top: Int32Array, at: number, failures: number, mine: boolean): void => {
    const cost = costOf(failures);
    const count = countOf(failures);
    for (let t = 0; t < 3; t++) {
      const r = top[at * TOP + t]!;
      if (r < 0) break;
      const item: Ranked = { i: order[r]!, rank: r, cost, n: count };
      closestAny.offer(item);
      if (mine) closestSame.offer(item);
    }
  };
  for (const cell of t.cells) {
    const n = cell.vols.length;
    const below = lowerBound(cell.pos, b);
    const above = n - below;
    add(maskCounts, cell.base | TOO_SMALL, below);
    add(maskCounts, cell.base, above);
    if (cell.mine) {
      add(classMaskCounts, cell.base | TOO_SMALL, below);
      add(classMaskCounts, cell.base, above);
    }
    if (cell.base === 0 && above > 0) {
      for (let k = below; k < n; k++) candidates.push(cell.vols[k]!);
      groupCandidates.set(cell.modesKey, (groupCandidates.get(cell.modesKey) ?? 0) + above);
    }
    if (cell.prefixTop === undefined || cell.suffixTop === undefined) continue;
    if (cell.base === DELAY && above > 0) {
      waitingCount += above;
      for (let k = 0; k < TOP; k++) {
        const r = cell.suffixTop[below * TOP + k]!;
        if (r < 0) break;
        waiting.offer(order[r]!);
      }
    }
    if (cell.mine && (cell.base & ~DELAY) === 0 && below > 0) {
      const i = cell.vols[below - 1]!;
      if (largestTooSmall < 0 || posOf[i]! > posOf[largestTooSmall]!) largestTooSmall = i;
    }
    if (below > 0) offerTop(cell.prefixTop, below, cell.base | TOO_SMALL, cell.mine);
    if (above > 0 && cell.base !== 0) offerTop(cell.suffixTop, below, cell.base, cell.mine);
  }
  const base = t.base;
  return tableResult(
    snap,
    t,
    {
      maskCounts: sortedCounts(maskCounts),
      classMaskCounts: sortedCounts(classMaskCounts),
      maskOf: (i) => base[i]! | (posOf[i]! < b ? TOO_SMALL : 0),
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

/** A count map in ascending mask order (as the full scan's `MaskTally.drain` returns it). */
function sortedCounts(m: Map<number, number>): Map<number, number> {
  return new Map([...m].sort((a, b) => a[0] - b[0]));
}
