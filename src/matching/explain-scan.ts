/**
 * The single pass of `explainClaim` over the pool: every volume evaluated to a failure mask (no
 * strings, no per-volume objects), with the counts and the few volumes the explanation reports.
 *
 * @module
 */
import type { PersistentVolume } from "../api/index.js";
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
  const fresh = { pvs, vols, byName, signature, signatureVolume, capacityKey, hasClaimRef, affinity, order, rank, ids };
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
    masks,
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
