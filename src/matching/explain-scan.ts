/**
 * The single pass of `explainClaim` over the pool: every volume evaluated to a failure mask (no
 * strings, no per-volume objects), with the counts and the few volumes the explanation reports.
 * Repeated explanations over one pool are answered from per-shape tables (see "per-shape tables"
 * below): claims differing only in request size cost O(cells · log V + listed volumes).
 *
 * @module
 */
import type { PersistentVolume } from "../api/index.js";
import { parseAccessModesKey } from "../api/helpers/index.js";
import type { CheckContext } from "./checks.js";
import type { EvaluationHints } from "./checks.js";
import { CompiledChecks, nodeAffinityId, volumeSignature } from "./checks.js";
import type { DecodedClaim } from "./decoded-claim.js";
import type { DecodedVolume } from "./decoded-volume.js";
import { decodeVolumeCached } from "./decoded-volume.js";
import type { ReasonCode } from "./reason-code.js";
import { ALL_REASON_BITS as ALL_BITS, REASON_BITS } from "./reason-code.js";
import { PRE_BOUND_FLAG as PRE_BOUND } from "./checks.js";

// Module-level copies of imported constants read in the per-volume loop (a transpiled import can be
// an accessor; a local const is a plain read).
const ALL_REASON_BITS = ALL_BITS;
const PRE_BOUND_FLAG = PRE_BOUND;

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

/** A ranked closest candidate. */
interface Ranked {
  i: number;
  /** Position of the volume's name in name order (ties between equal costs go to the smaller name). */
  rank: number;
  cost: number;
  n: number;
}

/**
 * The last pool `scanPool` decoded: its PV objects in input order and the unique decoded volumes.
 * Explaining many claims against one pool (the CLI's loop) passes the same PV objects each time,
 * often in a new array; comparing the input with the snapshot by identity (a pointer comparison
 * per volume) then skips the per-volume cache lookups and the deduplication. Held through a
 * `WeakRef`, so the snapshot never keeps a pool alive: when it has been collected the next call
 * simply rebuilds it. Results never depend on it (inputs are not mutated).
 */
interface PoolSnapshot {
  pvs: unknown[];
  vols: DecodedVolume[];
  byName: Map<string, DecodedVolume>;
  /** Per volume: its signature id (see `volumeSignature`). */
  signature: Int32Array;
  /** Per signature: one volume that has it (for the signature's class and access-mode key). */
  signatureVolume: DecodedVolume[];
  /** Per volume: `capacity.toNumber()` (NaN without a capacity), and whether `claimRef` is set. */
  capacityKey: Float64Array;
  hasClaimRef: Uint8Array;
  /** Per volume: its `nodeAffinityId` (0: none). */
  affinity: Int32Array;
  /** Volume indexes sorted by name, and each volume's position in that order. */
  order: Int32Array;
  rank: Int32Array;
  /** Signature ids by signature. */
  ids: Map<string, number>;
  /** Volume index by name. */
  indexByName: Map<string, number>;
  /** The per-shape tables of repeated explanations (built on demand; dropped when the snapshot is patched). */
  shapes?: ShapeCache;
}

/** At most this many changed PV objects are patched into the snapshot; more rebuild it. */
const MAX_PATCH = 256;

/**
 * Patches the snapshot when `volumes` is an array of the same length in which only a few PV
 * objects were replaced by objects of the same name (the CLI reserving a volume for a claim).
 * Only for snapshots without duplicate names, where position `i` is volume `i`. Returns whether
 * it did.
 */
function patchSnapshot(snap: PoolSnapshot, volumes: readonly PersistentVolume[]): boolean {
  const { pvs, vols } = snap;
  if (vols.length !== pvs.length || volumes.length !== pvs.length) return false;
  const changed: number[] = [];
  for (let i = 0; i < pvs.length; i++) {
    if (volumes[i] === pvs[i]) continue;
    if (changed.length >= MAX_PATCH) return false;
    changed.push(i);
  }
  const decoded = changed.map((i) => decodeVolumeCached(volumes[i]!));
  if (decoded.some((d, k) => d.name !== vols[changed[k]!]!.name)) return false;
  // Any changed volume may change every per-shape table.
  if (changed.length > 0) snap.shapes = undefined;
  changed.forEach((i, k) => {
    const d = decoded[k]!;
    pvs[i] = volumes[i];
    vols[i] = d;
    snap.byName.set(d.name, d);
    snap.signature[i] = signatureId(snap, d);
    snap.capacityKey[i] = d.capacity === undefined ? NaN : d.capacity.toNumber();
    snap.hasClaimRef[i] = d.claimRef !== undefined ? 1 : 0;
    snap.affinity[i] = nodeAffinityId(d);
  });
  return true;
}

function signatureId(snap: Pick<PoolSnapshot, "ids" | "signatureVolume">, v: DecodedVolume): number {
  const key = volumeSignature(v);
  let id = snap.ids.get(key);
  if (id === undefined) {
    snap.ids.set(key, (id = snap.ids.size));
    snap.signatureVolume[id] = v;
  }
  return id;
}

let lastPool: WeakRef<PoolSnapshot> | undefined;

function sameInput(snap: PoolSnapshot, volumes: readonly PersistentVolume[]): boolean {
  const pvs = snap.pvs;
  if (volumes.length !== pvs.length) return false;
  for (let i = 0; i < pvs.length; i++) if (volumes[i] !== pvs[i]) return false;
  return true;
}

/** The unique decoded volumes of `volumes` (the last of equal names), from the snapshot when the input is the same. */
function uniqueDecoded(input: Iterable<PersistentVolume>): PoolSnapshot {
  // A one-shot iterable (a generator) can be read only once: read it into an array first.
  const volumes = Array.isArray(input) ? (input as PersistentVolume[]) : [...input];
  const snap = lastPool?.deref();
  if (snap !== undefined && sameInput(snap, volumes)) return snap;
  if (snap !== undefined && patchSnapshot(snap, volumes)) return snap;
  const pvs: unknown[] = [];
  const byName = new Map<string, DecodedVolume>();
  for (const pv of volumes) {
    pvs.push(pv);
    const d = decodeVolumeCached(pv);
    byName.set(d.name, d);
  }
  const vols = [...byName.values()];
  const ids = new Map<string, number>();
  const signatureVolume: DecodedVolume[] = [];
  const signature = new Int32Array(vols.length);
  const capacityKey = new Float64Array(vols.length);
  const hasClaimRef = new Uint8Array(vols.length);
  const affinity = new Int32Array(vols.length);
  for (let i = 0; i < vols.length; i++) {
    const v = vols[i]!;
    signature[i] = signatureId({ ids, signatureVolume }, v);
    capacityKey[i] = v.capacity === undefined ? NaN : v.capacity.toNumber();
    hasClaimRef[i] = v.claimRef !== undefined ? 1 : 0;
    affinity[i] = nodeAffinityId(v);
  }
  const order = Int32Array.from(vols.keys()).sort((a, b) => (vols[a]!.name < vols[b]!.name ? -1 : 1));
  const rank = new Int32Array(vols.length);
  for (let r = 0; r < order.length; r++) rank[order[r]!] = r;
  const indexByName = new Map<string, number>();
  for (let i = 0; i < vols.length; i++) indexByName.set(vols[i]!.name, i);
  const fresh: PoolSnapshot = {
    pvs,
    vols,
    byName,
    signature,
    signatureVolume,
    capacityKey,
    hasClaimRef,
    affinity,
    order,
    rank,
    ids,
    indexByName,
  };
  lastPool = new WeakRef(fresh);
  return fresh;
}

const closer = (a: Ranked, b: Ranked): boolean => a.cost < b.cost || (a.cost === b.cost && (a.n < b.n || (a.n === b.n && a.rank < b.rank)));

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

function tallyMap(tally: Int32Array): Map<number, number> {
  const out = new Map<number, number>();
  for (let m = 0; m < tally.length; m++) if (tally[m]! > 0) out.set(m, tally[m]!);
  return out;
}

/** Whether volume `a` is larger than `b` (−1: none yet); equal sizes → the smaller name. */
function larger(snap: PoolSnapshot, a: number, b: number): boolean {
  if (b < 0) return true;
  const ka = snap.capacityKey[a]!;
  const kb = snap.capacityKey[b]!;
  if (ka !== kb) return ka > kb;
  const d = snap.vols[a]!.capacity!.cmp(snap.vols[b]!.capacity!);
  return d > 0 || (d === 0 && snap.rank[a]! < snap.rank[b]!);
}

/** Closeness cost and failure count per failure mask, filled on first use (−1: not yet). */
const COST_OF = new Int16Array(ALL_REASON_BITS + 1).fill(-1);
const COUNT_OF = new Int16Array(ALL_REASON_BITS + 1);

function costOf(failures: number): number {
  let c = COST_OF[failures]!;
  if (c < 0) {
    const mc = maskCost(failures);
    c = mc.cost;
    COST_OF[failures] = c;
    COUNT_OF[failures] = mc.n;
  }
  return c;
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
  const snap = uniqueDecoded(volumes);
  const fast = shapeScan(snap, c, ctx, groupModes, listLimit);
  if (fast !== undefined) return fast;
  shapeStats.scans++;
  const { vols, signature, signatureVolume, capacityKey, hasClaimRef, affinity, order, rank } = snap;
  const signatures = snap.ids.size;
  const checks = new CompiledChecks(c, ctx, groupModes, signatures);
  const masks = new Int32Array(vols.length);
  const candidates: number[] = [];
  const preBound: number[] = [];
  // Failure masks have REASON_CODES.length bits: count them in flat arrays, not maps.
  const maskTally = new Int32Array(ALL_REASON_BITS + 1);
  const classMaskTally = new Int32Array(ALL_REASON_BITS + 1);
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
  const hints: EvaluationHints = { signature: 0, capacityKey: 0, hasClaimRef: false, affinity: 0 };
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
    hints.signature = sig;
    hints.capacityKey = capacityKey[i]!;
    hints.hasClaimRef = hasClaimRef[i] === 1;
    hints.affinity = affinity[i]!;
    const mask = checks.evaluate(vols[i]!, hints);
    masks[i] = mask;
    const failures = mask & ALL_REASON_BITS;
    maskTally[failures] = maskTally[failures]! + 1;
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
      classMaskTally[failures] = classMaskTally[failures]! + 1;
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
        probe.n = COUNT_OF[failures]!;
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
  if (groupModes) {
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
  const firstByName: number[] = [];
  const limit = listLimit === undefined ? order.length : Math.min(listLimit, order.length);
  for (let r = 0; r < limit; r++) firstByName.push(order[r]!);
  return {
    vols,
    byName: snap.byName,
    maskCounts: tallyMap(maskTally),
    classMaskCounts: tallyMap(classMaskTally),
    maskOf: (i) => masks[i]!,
    indexOf: (v) => indexIn(snap, v),
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
    firstByName,
  };
}

function indexIn(snap: PoolSnapshot, v: DecodedVolume): number {
  const i = snap.indexByName.get(v.name);
  return i !== undefined && snap.vols[i] === v ? i : -1;
}

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
interface Cell {
  base: number;
  mine: boolean;
  modesKey: string;
  /** Volume indexes in capacity order, and their positions in that order (ascending). */
  vols: Int32Array;
  pos: Int32Array;
  /** Non-permanent cells: for k = 0 … n, the TOP smallest name ranks of `vols[0, k)` / `vols[k, n)` (−1: none). */
  prefixTop?: Int32Array;
  suffixTop?: Int32Array;
}

/** Everything a claim of one shape shares, over one snapshot. */
interface ShapeTable {
  /** Per volume: the evaluator's mask without `too-small` (never pre-bound: see `shapeScan`). */
  base: Int32Array;
  cells: Cell[];
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

/** Per snapshot: the capacity order, the claims named by claimRefs, and the tables by shape. */
interface ShapeCache {
  /** Volumes with a capacity, ascending by exact capacity, equal capacities by descending name. */
  sorted: Int32Array;
  /** Per volume: its position in `sorted` (volumes without a capacity: `vols.length`, after every boundary). */
  posOf: Int32Array;
  /** `namespace \0 name` of every claimRef in the pool (such claims may be pre-bound: full scan). */
  refs: Set<string>;
  /** Per volume: an id of its labels' content (the selector's verdict depends on nothing else), and how many ids. */
  labelOf: Int32Array;
  labels: number;
  tables: Map<string, ShapeTable>;
  size: number;
}

/** Bound on the 32-bit entries all shape tables of a snapshot hold (64 MB): past it they are dropped. */
const MAX_TABLE_ENTRIES = 16_000_000;

const shapeStats = { scans: 0, tableHits: 0, tablesBuilt: 0 };

/**
 * Counters of the per-shape tables of `explainClaim` (for tests and benchmarks): full scans,
 * explanations answered from a table, tables built.
 *
 * @internal
 * @example
 * ```ts
 * const before = explainShapeStats().tableHits;
 * explainClaim(claim, pool); explainClaim(claim, pool); explainClaim(claim, pool);
 * explainShapeStats().tableHits > before; // true
 * ```
 */
export function explainShapeStats(): { scans: number; tableHits: number; tablesBuilt: number } {
  return { ...shapeStats };
}

let tablesEnabled = true;

/**
 * Turns the per-shape tables of `explainClaim` off (every explanation then takes the full scan)
 * or back on; returns the previous setting. For tests that compare both paths.
 *
 * @internal
 * @example
 * ```ts
 * const prev = useShapeTables(false);
 * const reference = explainClaim(claim, pool);
 * useShapeTables(prev);
 * ```
 */
export function useShapeTables(enabled: boolean): boolean {
  const prev = tablesEnabled;
  tablesEnabled = enabled;
  return prev;
}

const labelIds = new WeakMap<object, number>();
let nextLabelId = 1;

function claimRefKey(ref: object): string {
  const r = ref as { name?: unknown; namespace?: unknown };
  return `${typeof r.namespace === "string" ? r.namespace : ""}\0${typeof r.name === "string" ? r.name : ""}`;
}

/** Everything but the request and the claim's identity that the evaluator reads; `undefined`: not cacheable. */
function shapeKey(c: DecodedClaim, ctx: CheckContext, groupModes: boolean): string | undefined {
  if (ctx.excluded !== undefined && ctx.excluded.size > 0) return undefined;
  let node = "-";
  if (ctx.hasNode) {
    const labels = ctx.nodeLabels;
    if (labels === undefined) node = "none";
    else {
      let id = labelIds.get(labels);
      if (id === undefined) labelIds.set(labels, (id = nextLabelId++));
      node = String(id);
    }
  }
  try {
    // The raw selector determines the parsed one; equivalent selectors written differently only
    // get separate tables.
    const selector = c.selector === undefined ? "" : JSON.stringify((c.pvc.spec as { selector?: unknown }).selector);
    if (selector === undefined) return undefined;
    return JSON.stringify([
      groupModes,
      node,
      ctx.delayBinding,
      c.class,
      c.accessModes,
      c.volumeMode,
      c.vac,
      c.selector === undefined ? 0 : 1,
      selector,
    ]);
  } catch {
    return undefined;
  }
}

/** Labels by content (objects are immutable inputs, so the text is memoised per object). */
const labelTexts = new WeakMap<object, string>();

function labelsText(labels: unknown): string {
  if (labels === undefined) return "u";
  if (labels === null || typeof labels !== "object") return `v${String(labels)}`;
  let t = labelTexts.get(labels);
  if (t === undefined) {
    try {
      t = `o${JSON.stringify(labels)}`;
    } catch {
      t = `x${nextOpaque++}`;
    }
    labelTexts.set(labels, t);
  }
  return t;
}
let nextOpaque = 0;

function capacityLess(snap: PoolSnapshot, a: number, b: number): number {
  const ka = snap.capacityKey[a]!;
  const kb = snap.capacityKey[b]!;
  if (ka !== kb) return ka < kb ? -1 : 1;
  const d = snap.vols[a]!.capacity!.cmp(snap.vols[b]!.capacity!);
  if (d !== 0) return d;
  // Equal sizes: the smaller name counts as larger (see `larger`), so it comes later.
  return snap.rank[b]! - snap.rank[a]!;
}

function shapeCache(snap: PoolSnapshot): ShapeCache {
  if (snap.shapes !== undefined) return snap.shapes;
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
  const labelIdsByText = new Map<string, number>();
  const labelOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const text = labelsText(snap.vols[i]!.labels);
    let l = labelIdsByText.get(text);
    if (l === undefined) labelIdsByText.set(text, (l = labelIdsByText.size));
    labelOf[i] = l;
  }
  snap.shapes = { sorted, posOf, refs, labelOf, labels: labelIdsByText.size, tables: new Map(), size: 0 };
  return snap.shapes;
}

/** The first position in capacity order whose volume is at least `request` (exact comparison). */
function boundary(snap: PoolSnapshot, sorted: Int32Array, c: DecodedClaim): number {
  const req = c.request!;
  const key = req.toNumber();
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const i = sorted[mid]!;
    const k = snap.capacityKey[i]!;
    const below = k < key || (k === key && snap.vols[i]!.capacity!.cmp(req) < 0);
    if (below) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lowerBound(a: Int32Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
function baseMasks(snap: PoolSnapshot, cache: ShapeCache, checks: CompiledChecks, perVolume: boolean, hasNode: boolean): Int32Array {
  const { vols, signature, capacityKey, hasClaimRef, affinity } = snap;
  const n = vols.length;
  const base = new Int32Array(n);
  const hints: EvaluationHints = { signature: 0, capacityKey: 0, hasClaimRef: false, affinity: 0 };
  const evaluate = (i: number): number => {
    hints.signature = signature[i]!;
    hints.capacityKey = capacityKey[i]!;
    hints.hasClaimRef = hasClaimRef[i] === 1;
    hints.affinity = affinity[i]!;
    return checks.evaluate(vols[i]!, hints) & ~TOO_SMALL_BIT & ALL_REASON_BITS;
  };
  if (perVolume) {
    for (let i = 0; i < n; i++) base[i] = evaluate(i);
    return base;
  }
  const sigBits = new Int32Array(snap.ids.size).fill(-1);
  const labelBits = new Int32Array(cache.labels).fill(-1);
  const affinityBits = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const sig = signature[i]!;
    const l = cache.labelOf[i]!;
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

function buildTable(snap: PoolSnapshot, cache: ShapeCache, c: DecodedClaim, ctx: CheckContext, groupModes: boolean): ShapeTable {
  const { vols, signature, signatureVolume, rank } = snap;
  const n = vols.length;
  // A stand-in for the claim that no claimRef of the pool names: no volume is pre-bound to it and
  // every volume with a claimRef is claimed by another — true of every claim of the shape that
  // takes this path (see `shapeScan`).
  let ns = "\0kubevol-shape";
  while (cache.refs.has(`${ns}\0`)) ns += "\0";
  const phantom: DecodedClaim = { ...c, namespace: ns, name: "", uid: "", key: `${ns}/` };
  const checks = new CompiledChecks(phantom, ctx, groupModes, snap.ids.size);
  const knownModes = parseAccessModesKey(c.modesKey).length === new Set(c.accessModes).size;
  const base = baseMasks(snap, cache, checks, !knownModes, ctx.hasNode);
  const MALFORMED = REASON_BITS["malformed-volume"] | REASON_BITS["capacity-malformed"];
  const sigs = snap.ids.size;
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

  let size = 3 * n;
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
      size += 2 * TOP * (cv.length + 1);
    }
  }
  const groupVolumes = new Map<string, number>();
  if (groupModes) {
    for (let sig = 0; sig < sigs; sig++) {
      if (sigVolumes[sig] === 0) continue;
      const key = signatureVolume[sig]!.modesKey;
      groupVolumes.set(key, (groupVolumes.get(key) ?? 0) + sigVolumes[sig]!);
    }
  }
  shapeStats.tablesBuilt++;
  return { base, cells, groupVolumes, sameClass, possible, largestFree, malformedCount, malformed: malformed.items, size };
}

/**
 * The scan of a claim from its shape's table (built on the shape's first claim: one evaluation per
 * signature, labels and affinity object (see `baseMasks`), then one pass to sort volumes into cells); `undefined` when the full scan must run: an
 * uncacheable context (exclusions), or a claim some volume's claimRef names (it may be pre-bound,
 * which the tables do not model).
 */
function shapeScan(
  snap: PoolSnapshot,
  c: DecodedClaim,
  ctx: CheckContext,
  groupModes: boolean,
  listLimit: number | undefined,
): PoolScan | undefined {
  if (!tablesEnabled || c.request === undefined) return undefined;
  const key = shapeKey(c, ctx, groupModes);
  if (key === undefined) return undefined;
  const cache = shapeCache(snap);
  if (cache.refs.has(`${c.namespace}\0${c.name}`)) return undefined;
  let table = cache.tables.get(key);
  if (table === undefined) {
    table = buildTable(snap, cache, c, ctx, groupModes);
    if (cache.size + table.size > MAX_TABLE_ENTRIES) {
      cache.tables.clear();
      cache.size = 0;
    }
    cache.tables.set(key, table);
    cache.size += table.size;
  }
  shapeStats.tableHits++;
  return tableScan(snap, cache, table, c, listLimit);
}

function tableScan(snap: PoolSnapshot, cache: ShapeCache, t: ShapeTable, c: DecodedClaim, listLimit: number | undefined): PoolScan {
  const { vols, rank, order } = snap;
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
    const count = COUNT_OF[failures]!;
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
  const groups = new Map<string, GroupCount>();
  for (const [key, volumes] of t.groupVolumes) groups.set(key, { volumes, candidates: groupCandidates.get(key) ?? 0 });
  const firstByName: number[] = [];
  const limit = listLimit === undefined ? order.length : Math.min(listLimit, order.length);
  for (let r = 0; r < limit; r++) firstByName.push(order[r]!);
  const base = t.base;
  return {
    vols,
    byName: snap.byName,
    maskCounts: sortedCounts(maskCounts),
    classMaskCounts: sortedCounts(classMaskCounts),
    maskOf: (i) => base[i]! | (posOf[i]! < b ? TOO_SMALL : 0),
    indexOf: (v) => indexIn(snap, v),
    candidates,
    preBound: [],
    sameClass: t.sameClass,
    groups,
    waitingCount,
    waiting: waiting.items,
    malformedCount: t.malformedCount,
    malformed: t.malformed,
    largestTooSmall: largestTooSmall < 0 ? undefined : vols[largestTooSmall],
    largestFree: t.largestFree < 0 ? undefined : vols[t.largestFree],
    possible: t.possible,
    closestSameClass: closestSame.items.map((r) => r.i),
    closestAny: closestAny.items.map((r) => r.i),
    firstByName,
  };
}

/** A count map in ascending mask order (as the full scan's `tallyMap` returns it). */
function sortedCounts(m: Map<number, number>): Map<number, number> {
  return new Map([...m].sort((a, b) => a[0] - b[0]));
}
