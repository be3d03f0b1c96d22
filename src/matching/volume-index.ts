/**
 * `VolumeIndex`: the matching functions over an indexed, updatable pool — the same answers as
 * {@link findMatchingVolume} / {@link findBestMatchForClaim} over the indexed volumes, in
 * microseconds at a million volumes.
 *
 * @module
 */
import type { PersistentVolume, PersistentVolumeClaim } from "../api/index.js";
import { ACCESS_MODES } from "../api/constants/index.js";
import { containsAccessModes, isDeleting, volumeClass, volumeModeOf } from "../api/helpers/index.js";
import type { Labels, NodeSelector, Selector } from "../labels/index.js";
import { matchingGroupKeys } from "./access-mode-groups.js";
import { type BucketGroup, GroupTable } from "./volume-index/bucket-group.js";
import {
  type CheckContext,
  type MatchOptions,
  checkContext,
  isPreBound,
  nodeAffinityFits,
  passesCommonChecks,
  passesUnboundChecks,
  volumeNodeAffinityError,
} from "./checks.js";
import { type DecodedClaim, decodeClaim } from "./decoded-claim.js";
import { MatchingError } from "./matching-error.js";
import { type DecodedVolume, decodeVolume } from "./decoded-volume.js";
import { findBestMatchDecoded } from "./find-best-match-for-claim.js";
import { decodeSearchableClaim, findMatchingDecoded } from "./find-matching-volume.js";
import { groupByAccessModes } from "./access-mode-groups.js";
import { Bucket } from "./volume-index/bucket.js";
import { nodePinOf } from "./volume-index/node-pin.js";
import type { EntryFilter } from "./volume-index/ordered-entries.js";
import { planSelector } from "./volume-index/selector-plan.js";
import { VolumeDecoder } from "./volume-index/volume-decoder.js";
import { VolumeEntry, compareEntries, compareToRequest } from "./volume-index/volume-entry.js";
import { Quantity } from "../quantity/index.js";
import { NameFilter, nameHash } from "./volume-index/name-filter.js";

/**
 * Counts of what a {@link VolumeIndex} holds, for monitoring and for spotting bad data: volumes
 * Kubernetes' API server would have rejected are indexed (and never match) rather than thrown on.
 *
 * @example
 * ```ts
 * const s = index.stats();
 * if (s.capacityMalformed > 0) console.warn(`${s.capacityMalformed} volumes have an unparsable capacity`);
 * ```
 */
export interface VolumeIndexStats {
  /** Indexed volumes (= `size`). */
  volumes: number;
  /** Volumes an unbound claim can match: `Available`, no `claimRef`, not being deleted, well-formed. */
  matchable: number;
  /** Volumes with a `claimRef` (bound, released or pre-bound), found by claim in O(1). */
  claimed: number;
  /** Of those, pre-bound by name only (`claimRef` without a uid). */
  preBoundByName: number;
  /** Volumes with a `deletionTimestamp`. */
  deleting: number;
  /** Volumes that cannot be read at all (not an object, no `spec`, ...): never match. */
  malformed: number;
  /** Volumes whose `spec.capacity.storage` is not a quantity: never match. */
  capacityMalformed: number;
  /** Volumes without `spec.capacity.storage`: capacity 0, as Kubernetes treats them. */
  capacityMissing: number;
  /** Volumes listing an access mode other than the four Kubernetes knows (ignored by groups). */
  unknownAccessModes: number;
  /** Matchable volumes whose node affinity pins them to a node label value (local volumes). */
  nodePinned: number;
  /** Matchable volumes with another kind of node affinity (checked in full on node queries). */
  otherNodeAffinity: number;
  /** Matchable volumes with non-string access modes, checked one by one on every query. */
  unindexable: number;
  /** Buckets (class × volume mode × VolumeAttributesClass × access modes) in use. */
  buckets: number;
  /** Queries whose indexed answer failed the final verification and were answered by a linear scan (0 unless there is a bug). */
  verificationFallbacks: number;
}

const F_MATCHABLE = 1;
const F_CLAIMED = 2;
const F_DELETING = 4;
const F_MALFORMED = 8;
const F_CAP_MALFORMED = 16;
const F_CAP_MISSING = 32;
const F_UNKNOWN_MODES = 64;
const F_PINNED = 128;
const F_OTHER_AFFINITY = 256;
const F_UNINDEXABLE = 512;
const F_PREBOUND_BY_NAME = 1024;
const FLAG_BITS = 11;

const NO_DECODED: readonly DecodedVolume[] = Object.freeze([]);

/**
 * Decoded claims, memoised per claim object: objects are never mutated (kubevol's contract), the
 * scheduler asks about one claim on many nodes, and the PV controller re-syncs unchanged claims.
 * Weak keys: an entry lives only as long as its claim.
 */
const decodedClaims = new WeakMap<object, ClaimMemo>();

/**
 * What a query derives from a claim alone, kept with the decoded claim: the request's capacity
 * key and exactness, and (per index, valid while that index's bucket set is unchanged) the
 * claim's buckets in the PV controller's access-mode group order.
 */
class ClaimMemo {
  /** The request's nearest double (the capacity key searches start from). */
  readonly cap: number;
  /** Whether `cap` is exactly the request. */
  readonly exact: boolean;
  /** `nameHash` of the claim's name (the claim-name filter's key). */
  readonly nameHash: number;
  /** The index (its `id`: no reference, so a long-lived claim keeps no index alive) and bucket epoch `plan` was computed for. */
  owner = 0;
  epoch = -1;
  /** Per access-mode group key in search order: the group's buckets. */
  plan: readonly PlannedGroup[] = [];

  constructor(readonly c: DecodedClaim) {
    const request = c.request;
    this.cap = request === undefined ? NaN : request.toNumber();
    this.exact = request !== undefined && Number.isSafeInteger(this.cap) && request.cmp(Quantity.fromValue(this.cap)) === 0;
    this.nameHash = nameHash(c.name);
  }
}

let indexCount = 0;

/** One access-mode group of a claim's search order: its key and its buckets. */
interface PlannedGroup {
  readonly key: string;
  readonly buckets: readonly Bucket[];
}

/** `decodeSearchableClaim`, memoised: the same decoded claim, or the same MatchingError. */
function searchableClaim(claim: PersistentVolumeClaim): ClaimMemo {
  if (typeof claim !== "object" || claim === null) return new ClaimMemo(decodeSearchableClaim(claim));
  let m = decodedClaims.get(claim);
  if (m === undefined) {
    const c = decodeClaim(claim);
    m = new ClaimMemo(c);
    decodedClaims.set(claim, m);
  }
  if (m.c.problems.length > 0) throw new MatchingError(m.c.problems);
  return m;
}

/** The check contexts of the PV controller's path (no node, nothing excluded): shared, never mutated. */
const PLAIN_CTX = checkContext({ delayBinding: false });
const DELAY_CTX = checkContext({ delayBinding: true });

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function str(x: unknown): string {
  return typeof x === "string" ? x : "";
}

/**
 * The bucket key of a volume's access modes: its canonical key when every mode is one of the four
 * Kubernetes knows (then the key determines the set), else the distinct modes as written.
 */
function modeSignature(modesKey: string, modes: readonly string[], known: boolean): string {
  if (known) return modesKey;
  return `~${[...new Set(modes)]
    .sort()
    .map((m) => `${m.length}:${m}`)
    .join("")}`;
}

/**
 * The entries in index order (`compareEntries`). Sorts indexes over flat arrays of the entries'
 * capacity keys, exactness and names, so a comparison reads contiguous memory rather than two
 * objects; the exact `Quantity.cmp` runs only for equal keys that are not both exact.
 */
function sortedByCapacity(entries: readonly VolumeEntry[]): VolumeEntry[] {
  const n = entries.length;
  const keys = new Float64Array(n);
  const exact = new Uint8Array(n);
  const names = new Array<string>(n);
  const order = new Uint32Array(n);
  // Inputs usually come in name order (informer lists, generated pools): then, on a capacity tie,
  // the position decides as the name would, and the sort compares numbers only.
  let byPosition = true;
  for (let i = 0; i < n; i++) {
    const e = entries[i]!;
    keys[i] = e.cap;
    exact[i] = (e.flags & VolumeEntry.EXACT) !== 0 ? 1 : 0;
    names[i] = e.name;
    order[i] = i;
    if (byPosition && i > 0 && !(names[i - 1]! < e.name)) byPosition = false;
  }
  order.sort((a, b) => {
    const ka = keys[a]!;
    const kb = keys[b]!;
    if (ka !== kb) return ka < kb ? -1 : 1;
    if ((exact[a]! & exact[b]!) === 0) {
      const c = entries[a]!.capacity!.cmp(entries[b]!.capacity!);
      if (c !== 0) return c;
    }
    if (byPosition) return a - b;
    const na = names[a]!;
    const nb = names[b]!;
    return na < nb ? -1 : na > nb ? 1 : 0;
  });
  const out = new Array<VolumeEntry>(n);
  for (let i = 0; i < n; i++) out[i] = entries[order[i]!]!;
  return out;
}

/** Label maps with the same keys and values (string values are what selectors and postings see). */
function sameLabels(a: Labels | undefined, b: Labels | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) if (!Object.hasOwn(b, k) || a[k] !== b[k]) return false;
  return true;
}

/** The name a volume's claimRef points at (the claim map's key). */
function claimRefName(pv: PersistentVolume): string {
  return str((pv.spec.claimRef as { name?: unknown } | null | undefined)?.name);
}

function byName(a: DecodedVolume, b: DecodedVolume): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * An index of PersistentVolumes answering Kubernetes' matching questions fast, with **exactly the
 * answers of the reference functions** {@link findMatchingVolume} and {@link findBestMatchForClaim}
 * over the indexed volumes, after any sequence of updates.
 *
 * Store semantics: volumes are keyed by `metadata.name` (a missing name is `""`); `upsert` of a
 * known name replaces the old volume. Volumes are not copied and must not be mutated while
 * indexed — upsert a new object instead (kubevol never mutates inputs; informers neither).
 * Malformed volumes never make a query throw: they are indexed, counted in {@link stats} and never
 * match (a missing capacity is 0, as in Kubernetes).
 *
 * How it is fast (see docs/benchmarking.md): matchable volumes (`Available`, no `claimRef`, not
 * being deleted) live in buckets per (class, volume mode, VolumeAttributesClass, access modes),
 * each a capacity-ordered list of sorted blocks with per-label posting lists and per-node-label
 * pin lists, so a query walks from the request's capacity upwards and stops at the first volume
 * that passes; volumes with a `claimRef` are found by claim (`namespace/name`) in O(1). The
 * winning volume is verified: against what it is filed under (bucket, flags) plus its exact
 * capacity and the selector on the PV controller's path, with the same named checks the
 * reference functions use otherwise.
 *
 * Determinism is the reference functions': among equal capacities the smaller name wins;
 * access-mode groups with as many modes are tried in ascending key order; among volumes pre-bound
 * to the claim the smallest name decides. Iteration yields volumes in insertion order (a replaced
 * volume keeps its place).
 *
 * @example
 * ```ts
 * import { VolumeIndex } from "kubevol/matching";
 * import { pool, claims, nodes } from "kubevol/testing";
 *
 * const index = new VolumeIndex(pool(100_000, 1));
 * const [claim] = claims(1, 2);
 * const pv = index.findBestMatchForClaim(claim!);               // PV-controller path
 * const onNode = index.findMatchingVolume(claim!, {             // scheduler path
 *   node: nodes(1, 3)[0], excluded: new Set(), delayBinding: true,
 * });
 * if (pv) index.upsert({ ...pv, spec: { ...pv.spec, claimRef: { namespace: "ns-00", name: "claim-0000000" } } });
 * ```
 */
export class VolumeIndex implements Iterable<PersistentVolume> {
  private readonly byName = new Map<string, VolumeEntry>();
  /** group key (class, mode, vac) → mode signature → bucket. */
  private readonly groups = new GroupTable();
  /** claimRef name → the volumes pointing at a claim of that name (namespace and uid are checked on lookup). */
  private readonly claimed = new Map<string, VolumeEntry | VolumeEntry[]>();
  /** Which claim names may be keys of `claimed` (a query's usual answer, "none", without a map probe). */
  private readonly claimedNames = new NameFilter();
  /** Matchable volumes the buckets cannot hold (non-string access modes). */
  private readonly unindexable = new Set<VolumeEntry>();
  private readonly decoder = new VolumeDecoder();
  private readonly counts = new Array<number>(FLAG_BITS).fill(0);
  private bucketCount = 0;
  /** Distinguishes indexes in the claims' memoised plans. */
  private readonly id = ++indexCount;
  /** Bumped whenever a bucket is created or dropped (invalidates the claims' memoised plans). */
  private epoch = 0;
  private fallbacks = 0;

  /**
   * Builds an index over `volumes` (later volumes with a known name replace earlier ones).
   * Bulk-builds the capacity order with one sort.
   *
   * @example
   * ```ts
   * const index = new VolumeIndex(volumes);
   * index.size; // number of distinct names
   * ```
   */
  constructor(volumes?: Iterable<PersistentVolume>) {
    if (volumes === undefined) return;
    let matchable: VolumeEntry[] = [];
    let claimHashes: number[] = [];
    // Entries are linked (counters, claim map, matchable list) while still hot in cache; a name
    // seen twice (the later volume replaces the earlier) voids that and they are re-linked below.
    let replaced = false;
    for (const pv of volumes) {
      let e: VolumeEntry | undefined;
      try {
        e = this.bulkEntry(pv);
      } catch {
        // A getter threw or a field has an odd type: the general path reports it.
      }
      if (e === undefined) {
        const d = this.decoder.decode(pv);
        e = this.makeEntry(d);
        this.place(e, d);
      }
      const size = this.byName.size;
      this.byName.set(e.name, e);
      if (this.byName.size === size) replaced = true;
      if (!replaced) this.bulkLink(e, matchable, claimHashes);
    }
    if (replaced) {
      this.counts.fill(0);
      this.claimed.clear();
      this.unindexable.clear();
      matchable = [];
      claimHashes = [];
      for (const e of this.byName.values()) this.bulkLink(e, matchable, claimHashes);
    }
    this.claimedNames.addAll(claimHashes);
    for (const e of sortedByCapacity(matchable)) (e.bucket as Bucket).add(e, true);
    // Buckets made for volumes that a later same-named volume replaced stay empty: drop them.
    for (const group of [...this.groups.groups()]) {
      for (const [sig, b] of group.buckets) {
        if (b.all.size === 0) {
          group.buckets.delete(sig);
          group.changed();
          this.bucketCount--;
          this.epoch++;
        }
      }
      if (group.buckets.size === 0) this.groups.delete(group);
    }
  }

  /**
   * Number of indexed volumes.
   *
   * @example
   * ```ts
   * new VolumeIndex([pv]).size; // 1
   * ```
   */
  get size(): number {
    return this.byName.size;
  }

  /**
   * The indexed volume with this name.
   *
   * @example
   * ```ts
   * index.get("pv-0000042")?.spec.capacity?.storage;
   * ```
   */
  get(name: string): PersistentVolume | undefined {
    return this.byName.get(name)?.pv;
  }

  /**
   * Whether a volume with this name is indexed.
   *
   * @example
   * ```ts
   * index.has("pv-0000042"); // true
   * ```
   */
  has(name: string): boolean {
    return this.byName.has(name);
  }

  /**
   * Adds a volume, or replaces the indexed volume with the same name. O(log n).
   *
   * @example
   * ```ts
   * index.upsert({ ...pv, status: { phase: "Released" } }); // pv no longer matches unbound claims
   * ```
   */
  upsert(pv: PersistentVolume): void {
    const d = this.decoder.decode(pv);
    const e = this.makeEntry(d);
    const old = this.byName.get(d.name);
    if (old !== undefined) {
      // Most updates (status writes, annotations, resourceVersion) change nothing the index
      // keys on: keep the old entry's place and point it at the new object.
      if (this.filesAlike(old, e, d)) {
        old.rebind(e.pv, e.labels);
        return;
      }
      this.unlink(old);
    }
    this.place(e, d);
    this.linkClaimAndCounts(e);
    if (e.bucket !== undefined) (e.bucket as Bucket).add(e, false);
    this.byName.set(d.name, e);
  }

  /**
   * Removes the volume with this name; returns whether there was one. O(log n).
   *
   * @example
   * ```ts
   * index.delete("pv-0000042"); // true
   * ```
   */
  delete(name: string): boolean {
    const e = this.byName.get(name);
    if (e === undefined) return false;
    this.unlink(e);
    this.byName.delete(name);
    return true;
  }

  /**
   * The indexed volumes, in insertion order.
   *
   * @example
   * ```ts
   * const all = [...index];
   * ```
   */
  *[Symbol.iterator](): IterableIterator<PersistentVolume> {
    for (const e of this.byName.values()) yield e.pv;
  }

  /**
   * Counts of what the index holds (see {@link VolumeIndexStats}).
   *
   * @example
   * ```ts
   * new VolumeIndex([{ metadata: { name: "x" }, spec: { capacity: { storage: "ten" } } }]).stats().capacityMalformed; // 1
   * ```
   */
  stats(): VolumeIndexStats {
    const c = this.counts;
    return {
      volumes: this.byName.size,
      matchable: c[0]!,
      claimed: c[1]!,
      deleting: c[2]!,
      malformed: c[3]!,
      capacityMalformed: c[4]!,
      capacityMissing: c[5]!,
      unknownAccessModes: c[6]!,
      nodePinned: c[7]!,
      otherNodeAffinity: c[8]!,
      unindexable: c[9]!,
      preBoundByName: c[10]!,
      buckets: this.bucketCount,
      verificationFallbacks: this.fallbacks,
    };
  }

  /**
   * The PV controller's `findBestMatchForClaim` over the indexed volumes: the same answer as
   * {@link findBestMatchForClaim}`(claim, [...index], opts)` — access-mode groups fewest modes
   * first (ties: ascending key), the first group with a match wins, a volume pre-bound to the
   * claim wins inside its group, otherwise the smallest sufficient capacity (ties: smaller name).
   *
   * @param claim - the PersistentVolumeClaim.
   * @param opts - `delayBinding`: the claim's class is WaitForFirstConsumer (only a volume
   *   pre-bound to the claim is returned). Default `false`.
   * @returns the indexed volume to bind, or `undefined`.
   * @throws MatchingError when the claim itself is unusable (as the reference function).
   *
   * @example
   * ```ts
   * const pv = index.findBestMatchForClaim(claim);
   * ```
   */
  findBestMatchForClaim(claim: PersistentVolumeClaim, opts?: { delayBinding?: boolean }): PersistentVolume | undefined {
    const m = searchableClaim(claim);
    const c = m.c;
    const delay = opts?.delayBinding === true;
    const ctx = delay ? DELAY_CTX : PLAIN_CTX;
    const pre = this.preBoundTo(m, ctx);
    if (delay && pre.length === 0) return undefined;
    const odd = this.unindexable.size > 0 && !delay ? this.decodedUnindexable() : NO_DECODED;
    if (pre.length === 0 && odd.length === 0) {
      // The common case: the claim's buckets in search order, memoised on the claim.
      for (const g of this.planOf(m)) {
        let best: VolumeEntry | undefined;
        for (const b of g.buckets) best = this.bestInBucket(b, m, ctx, best);
        if (best !== undefined) {
          if (this.verifyFiled(best, m, g.key)) return best.pv;
          this.fallbacks++;
          return findBestMatchDecoded(c, groupByAccessModes(this.decodedAll()), delay)?.pv;
        }
      }
      return undefined;
    }
    const group = this.groups.get(c.class, c.volumeMode, c.vac);
    const keys = new Set<string>();
    if (group !== undefined) for (const b of group.buckets.values()) keys.add(b.modesKey);
    for (const p of pre) keys.add(p.modesKey);
    for (const d of odd) keys.add(d.modesKey);
    const order = matchingGroupKeys(keys, c.accessModes);
    for (const key of order) {
      for (const p of pre) if (p.modesKey === key) return p.pv;
      if (delay) continue;
      let best: VolumeEntry | undefined;
      if (group !== undefined) {
        for (const b of group.buckets.values()) if (b.modesKey === key) best = this.bestInBucket(b, m, ctx, best);
      }
      best = this.bestUnindexable(odd, c, ctx, best, key);
      if (best !== undefined) return this.verified(best, m, ctx, key, delay);
    }
    return undefined;
  }

  /** The winner of `findBestMatchForClaim` after the final verification (or the linear fallback). */
  private verified(best: VolumeEntry, m: ClaimMemo, ctx: CheckContext, key: string, delay: boolean): PersistentVolume | undefined {
    if (this.verify(best, m.c, ctx, key)) return best.pv;
    this.fallbacks++;
    return findBestMatchDecoded(m.c, groupByAccessModes(this.decodedAll()), delay)?.pv;
  }

  /** The claim's access-mode groups in search order with their buckets, memoised per bucket epoch. */
  private planOf(m: ClaimMemo): readonly PlannedGroup[] {
    if (m.owner === this.id && m.epoch === this.epoch) return m.plan;
    const c = m.c;
    const group = this.groups.get(c.class, c.volumeMode, c.vac);
    const plan: PlannedGroup[] = [];
    if (group !== undefined) {
      for (const key of group.searchOrder(c.accessModes, c.modesKey)) {
        const buckets: Bucket[] = [];
        for (const b of group.buckets.values()) if (b.modesKey === key) buckets.push(b);
        plan.push({ key, buckets });
      }
    }
    m.owner = this.id;
    m.epoch = this.epoch;
    m.plan = plan;
    return plan;
  }

  /**
   * component-helpers' `FindMatchingVolume` over the indexed volumes: the same answer as
   * {@link findMatchingVolume}`(claim, [...index], opts)`. With a `node` (scheduler path) only
   * the volumes of the node's own pin lists and the unpinned volumes are walked; node affinity
   * and access modes are checked. A volume pre-bound to the claim decides the search.
   *
   * @param claim - the PersistentVolumeClaim.
   * @param opts - `node`, `excluded` (names not to choose), `delayBinding` (default `false`).
   * @returns the indexed matching volume, or `undefined`.
   * @throws MatchingError when the claim itself is unusable (as the reference function).
   *
   * @example
   * ```ts
   * const pv = index.findMatchingVolume(claim, { node, excluded: new Set(["pv-0000001"]), delayBinding: true });
   * ```
   */
  findMatchingVolume(claim: PersistentVolumeClaim, opts?: MatchOptions): PersistentVolume | undefined {
    const m = searchableClaim(claim);
    const c = m.c;
    const ctx = checkContext(opts);
    const pre = this.preBoundTo(m, ctx);
    const first = pre[0];
    if (first !== undefined) return nodeAffinityFits(first, ctx) ? first.pv : undefined;
    if (!ctx.hasNode && ctx.delayBinding) return undefined;
    let best: VolumeEntry | undefined;
    const group = this.groups.get(c.class, c.volumeMode, c.vac);
    if (group !== undefined) {
      for (const b of group.buckets.values()) {
        if (!ctx.hasNode || containsAccessModes(b.modes, c.accessModes)) best = this.bestInBucket(b, m, ctx, best);
      }
    }
    if (this.unindexable.size > 0) best = this.bestUnindexable(this.decodedUnindexable(), c, ctx, best, undefined);
    if (best === undefined) return undefined;
    if (this.verify(best, c, ctx)) return best.pv;
    this.fallbacks++;
    return findMatchingDecoded(c, this.decodedAll(), ctx)?.pv;
  }

  /**
   * Checks every structure against the volumes (sorted, complete, nothing stale); returns the
   * problems found. O(n): for tests.
   *
   * @example
   * ```ts
   * expect(index.checkInvariants()).toEqual([]);
   * ```
   */
  checkInvariants(): string[] {
    const problems: string[] = [];
    let inBuckets = 0;
    for (const group of this.groups.groups()) {
      for (const b of group.buckets.values()) {
        problems.push(...b.all.checkInvariants(), ...b.unpinnedEntries().checkInvariants());
        let unpinned = 0;
        for (const e of b.all) if (e.pin === undefined) unpinned++;
        if (b.unpinnedEntries().size !== unpinned) problems.push(`unpinned list holds ${b.unpinnedEntries().size}, expected ${unpinned}`);
        if (b.all.size === 0) problems.push(`empty bucket ${b.group.cls} ${b.modesKey}`);
        inBuckets += b.all.size;
        for (const e of b.all) {
          if (e.bucket !== b || this.byName.get(e.name) !== e) problems.push(`stale entry ${e.name}`);
        }
        let pinned = 0;
        for (const byValue of b.pins.values()) for (const s of byValue.values()) pinned += s.size;
        let expected = 0;
        for (const e of b.all) if (e.pin !== undefined) expected += e.pin.values.length;
        if (pinned !== expected) problems.push(`pins hold ${pinned}, expected ${expected}`);
        for (const byValue of b.postings.values()) {
          for (const [v, s] of byValue) {
            problems.push(...s.checkInvariants());
            if (s.size === 0) problems.push(`empty posting ${v}`);
          }
        }
      }
    }
    let bucketed = 0;
    let claimed = 0;
    const counts = new Array<number>(FLAG_BITS).fill(0);
    for (const e of this.byName.values()) {
      if (e.bucket !== undefined) bucketed++;
      for (let i = 0; i < FLAG_BITS; i++) if (e.flags & (1 << i)) counts[i]!++;
      const fresh = this.makeEntry(decodeVolume(e.pv));
      if (fresh.flags !== e.flags || !Object.is(fresh.cap, e.cap) || !sameLabels(fresh.labels, e.labels))
        problems.push(`${e.name} is filed as an older version`);
      if ((e.flags & F_CLAIMED) === 0) continue;
      claimed++;
      const had = this.claimed.get(claimRefName(e.pv));
      if (had !== e && !(Array.isArray(had) && had.includes(e))) problems.push(`${e.name} missing from the claim map`);
    }
    if (bucketed !== inBuckets) problems.push(`${bucketed} entries have a bucket, buckets hold ${inBuckets}`);
    let mapped = 0;
    for (const had of this.claimed.values()) mapped += Array.isArray(had) ? had.length : 1;
    if (mapped !== claimed) problems.push(`claim map holds ${mapped}, ${claimed} volumes are claimed`);
    for (const name of this.claimed.keys())
      if (!this.claimedNames.mayContain(nameHash(name))) problems.push(`claim name ${name} missing from the filter`);
    if (counts.some((n, i) => n !== this.counts[i]))
      problems.push(`stats counters drifted: ${this.counts.join(",")} vs ${counts.join(",")}`);
    return problems;
  }

  // ---- building -------------------------------------------------------------------------------

  /** A lean entry for a decoded volume, with its flags and (if matchable) its bucket assigned. */
  private makeEntry(d: DecodedVolume): VolumeEntry {
    const capacity = d.capacity;
    const affinity = d.hasNodeAffinity ? (d.pv.spec.nodeAffinity as { required: NodeSelector }).required : undefined;
    const pin = affinity !== undefined ? nodePinOf(affinity) : undefined;
    const e = new VolumeEntry(d.pv, d.name, capacity === undefined ? NaN : capacity.toNumber(), capacity, d.labels, pin);
    let f = affinity !== undefined ? VolumeEntry.HAS_AFFINITY : 0;
    if (capacity !== undefined && this.decoder.isExact(capacity)) f |= VolumeEntry.EXACT;
    if (d.defect?.code === "malformed-volume") f |= F_MALFORMED;
    if (d.defect?.code === "capacity-malformed") f |= F_CAP_MALFORMED;
    if (d.defect === undefined) {
      const capacities: unknown = d.pv.spec.capacity;
      if (!isObject(capacities) || capacities.storage == null) f |= F_CAP_MISSING;
    }
    const known = d.accessModes.every((m) => (ACCESS_MODES as readonly unknown[]).includes(m));
    if (!known) f |= F_UNKNOWN_MODES;
    if (d.deleting) f |= F_DELETING;
    if (d.claimRef !== undefined && d.defect === undefined) {
      f |= F_CLAIMED;
      if (str((d.claimRef as { uid?: unknown }).uid) === "") f |= F_PREBOUND_BY_NAME;
    }
    if (d.defect === undefined && d.claimRef === undefined && d.phase === "Available" && !d.deleting) {
      f |= F_MATCHABLE;
      if (affinity !== undefined) f |= pin !== undefined ? F_PINNED : F_OTHER_AFFINITY;
      if (!known && !d.accessModes.every((m) => typeof m === "string")) f |= F_UNINDEXABLE;
    }
    e.flags = f;
    return e;
  }

  /** Assigns a matchable, indexable entry its bucket (created when missing). */
  private place(e: VolumeEntry, d: DecodedVolume): void {
    if ((e.flags & F_MATCHABLE) !== 0 && (e.flags & F_UNINDEXABLE) === 0) {
      e.bucket = this.bucketFor(d.class, d.volumeMode, d.vac, d.modesKey, d.accessModes, (e.flags & F_UNKNOWN_MODES) === 0);
    }
  }

  /**
   * The bulk build's entry for a plainly well-formed volume whose capacity text was parsed before
   * — exactly `makeEntry` + `place` of `VolumeDecoder.decode`'s fast path, without the decoded
   * volume in between (no per-volume temporary object) and with the capacity's key and
   * exactness and the access-mode facts looked up once per distinct text / list. `undefined`:
   * take the general path.
   */
  private bulkEntry(pv: PersistentVolume): VolumeEntry | undefined {
    if (!isObject(pv)) return undefined;
    const meta: unknown = pv.metadata;
    const spec: unknown = pv.spec;
    if (!isObject(meta) || !isObject(spec)) return undefined;
    const name: unknown = meta.name;
    const modes: unknown = spec.accessModes;
    const list: unknown = spec.capacity;
    if (typeof name !== "string" || !Array.isArray(modes) || !isObject(list) || !Object.hasOwn(list, "storage")) return undefined;
    const text: unknown = list.storage;
    if (typeof text !== "string") return undefined;
    const info = this.decoder.capacityInfo(text);
    if (info === undefined) return undefined;
    const m = this.decoder.modesInfo(modes);
    const aff: unknown = spec.nodeAffinity;
    const required: unknown = isObject(aff) ? aff.required : undefined;
    const affinity = required != null ? required : undefined;
    const pin = affinity !== undefined ? nodePinOf(affinity) : undefined;
    const labels: unknown = meta.labels;
    const e = new VolumeEntry(pv, name, info.cap, info.quantity, isObject(labels) ? (labels as Labels) : undefined, pin);
    let f = affinity !== undefined ? VolumeEntry.HAS_AFFINITY : 0;
    if (info.exact) f |= VolumeEntry.EXACT;
    if (!m.known) f |= F_UNKNOWN_MODES;
    const deleting = isDeleting(pv);
    if (deleting) f |= F_DELETING;
    const claimRef: unknown = spec.claimRef ?? undefined;
    if (claimRef !== undefined) {
      f |= F_CLAIMED;
      if (str((claimRef as { uid?: unknown }).uid) === "") f |= F_PREBOUND_BY_NAME;
    } else if (!deleting) {
      const status: unknown = pv.status;
      if (isObject(status) && status.phase === "Available") {
        f |= F_MATCHABLE;
        if (affinity !== undefined) f |= pin !== undefined ? F_PINNED : F_OTHER_AFFINITY;
        if (!m.known && !m.strings) f |= F_UNINDEXABLE;
        else {
          const vac: unknown = spec.volumeAttributesClassName;
          e.bucket = this.bucketFor(
            volumeClass(pv),
            volumeModeOf(pv),
            typeof vac === "string" ? vac : "",
            m.key,
            modes as string[],
            m.known,
          );
        }
      }
    }
    e.flags = f;
    return e;
  }

  /**
   * Whether a new version of a volume would sit exactly where the old one sits: same flags
   * (matchable, claimed, pinned, ...), exact capacity, node pin, labels, bucket and claim name.
   */
  private filesAlike(old: VolumeEntry, e: VolumeEntry, d: DecodedVolume): boolean {
    if (old.flags !== e.flags) return false;
    if (old.capacity !== e.capacity) {
      if (old.capacity === undefined || e.capacity === undefined || old.cap !== e.cap || old.capacity.cmp(e.capacity) !== 0) return false;
    }
    if (old.pin !== e.pin) {
      if (old.pin === undefined || e.pin === undefined || old.pin.key !== e.pin.key) return false;
      if (old.pin.values.length !== e.pin.values.length || old.pin.values.some((v, i) => e.pin!.values[i] !== v)) return false;
    }
    if (!sameLabels(old.labels, e.labels)) return false;
    if ((e.flags & F_CLAIMED) !== 0 && claimRefName(old.pv) !== claimRefName(e.pv)) return false;
    if (old.bucket === undefined) return (e.flags & F_MATCHABLE) === 0 || (e.flags & F_UNINDEXABLE) !== 0;
    const group = this.groups.get(d.class, d.volumeMode, d.vac);
    return (
      group !== undefined && group.buckets.get(modeSignature(d.modesKey, d.accessModes, (e.flags & F_UNKNOWN_MODES) === 0)) === old.bucket
    );
  }

  private bucketFor(cls: string, volumeMode: string, vac: string, modesKey: string, modes: readonly string[], known: boolean): Bucket {
    const group = this.groups.getOrCreate(cls, volumeMode, vac);
    const sig = modeSignature(modesKey, modes, known);
    let b = group.buckets.get(sig);
    if (b === undefined) {
      b = new Bucket(group, modesKey, [...new Set(modes)]);
      group.buckets.set(sig, b);
      group.changed();
      this.bucketCount++;
      this.epoch++;
    }
    return b;
  }

  /**
   * `linkClaimAndCounts` for the bulk build: the claim-name filter's keys are collected (the filter
   * is filled once, never rehashed) and matchable entries are listed for the one sort.
   */
  private bulkLink(e: VolumeEntry, matchable: VolumeEntry[], claimHashes: number[]): void {
    const counts = this.counts;
    for (let f = e.flags & ((1 << FLAG_BITS) - 1); f !== 0; f &= f - 1) counts[31 - Math.clz32(f & -f)]!++;
    if (e.flags & F_CLAIMED) {
      const name = claimRefName(e.pv);
      const had = this.claimed.get(name);
      if (had === undefined) this.claimed.set(name, e);
      else if (Array.isArray(had)) had.push(e);
      else this.claimed.set(name, [had, e]);
      claimHashes.push(nameHash(name));
    }
    if (e.flags & F_UNINDEXABLE) this.unindexable.add(e);
    if (e.bucket !== undefined) matchable.push(e);
  }

  /** Links everything but the bucket structures: counters, the claim map, the unindexable set. */
  private linkClaimAndCounts(e: VolumeEntry): void {
    this.count(e.flags, 1);
    if (e.flags & F_CLAIMED) {
      const name = claimRefName(e.pv);
      const had = this.claimed.get(name);
      if (had === undefined) this.claimed.set(name, e);
      else if (Array.isArray(had)) had.push(e);
      else this.claimed.set(name, [had, e]);
      this.claimedNames.add(nameHash(name), () => this.claimedHashes());
    }
    if (e.flags & F_UNINDEXABLE) this.unindexable.add(e);
  }

  private unlink(e: VolumeEntry): void {
    this.count(e.flags, -1);
    if (e.flags & F_CLAIMED) {
      const name = claimRefName(e.pv);
      this.claimedNames.remove(nameHash(name));
      const had = this.claimed.get(name);
      if (had === e) this.claimed.delete(name);
      else if (Array.isArray(had)) {
        const rest = had.filter((x) => x !== e);
        this.claimed.set(name, rest.length === 1 ? rest[0]! : rest);
      }
    }
    if (e.flags & F_UNINDEXABLE) this.unindexable.delete(e);
    const b = e.bucket as Bucket | undefined;
    if (b !== undefined) {
      b.remove(e);
      e.bucket = undefined;
      if (b.all.size === 0) this.dropBucket(b);
    }
  }

  private dropBucket(b: Bucket): void {
    const group = b.group as BucketGroup;
    for (const [sig, x] of group.buckets) {
      if (x === b) {
        group.buckets.delete(sig);
        group.changed();
        this.bucketCount--;
        this.epoch++;
        break;
      }
    }
    if (group.buckets.size === 0) this.groups.delete(group);
  }

  /** The filter key of every claimed volume (one per volume, as counted). */
  private *claimedHashes(): IterableIterator<number> {
    for (const [name, had] of this.claimed) {
      const h = nameHash(name);
      if (Array.isArray(had)) for (let i = 0; i < had.length; i++) yield h;
      else yield h;
    }
  }

  private count(flags: number, delta: number): void {
    for (let i = 0; i < FLAG_BITS; i++) if (flags & (1 << i)) this.counts[i]! += delta;
  }

  // ---- querying -------------------------------------------------------------------------------

  /** The volumes pre-bound to the claim that pass the common checks, smallest name first. */
  private preBoundTo(m: ClaimMemo, ctx: CheckContext): readonly DecodedVolume[] {
    if (!this.claimedNames.mayContain(m.nameHash)) return NO_DECODED;
    const c = m.c;
    const had = this.claimed.get(c.name);
    if (had === undefined) return NO_DECODED;
    const out: DecodedVolume[] = [];
    for (const e of Array.isArray(had) ? had : [had]) {
      const d = this.decoded(e);
      if (isPreBound(d, c) && passesCommonChecks(d, c, ctx)) out.push(d);
    }
    return out.length > 1 ? out.sort(byName) : out;
  }

  /**
   * The best unbound candidate of one bucket (or `best` if nothing in the bucket beats it): walk
   * from the request's capacity upwards over the cheapest source and stop at the first volume
   * that passes the excluded / selector / node-affinity checks.
   */
  private bestInBucket(b: Bucket, m: ClaimMemo, ctx: CheckContext, best: VolumeEntry | undefined): VolumeEntry | undefined {
    const c = m.c;
    const request = c.request!;
    const cap = m.cap;
    const exact = m.exact;
    const sel = c.selector;
    if (sel?.matchesNothing()) return best;
    const plan = sel !== undefined && !sel.isEmpty() ? planSelector(b, sel) : undefined;
    if (plan !== undefined && plan.size === 0) return best;
    const hasNode = ctx.hasNode;
    const accept = sel === undefined && ctx.excluded === undefined && !hasNode ? undefined : new CandidateFilter(sel, ctx);
    // Without a node every volume is a candidate; with one, the postings are still the cheaper
    // source unless many of their volumes are pinned to (mostly other) nodes.
    if (plan !== undefined && (!hasNode || b.pinned * 4 <= b.all.size)) {
      for (const s of plan.lists) best = s.firstFrom(cap, request, exact, accept, best) ?? best;
      return best;
    }
    if (!hasNode) return b.all.firstFrom(cap, request, exact, accept, best) ?? best;
    best = b.unpinnedEntries().firstFrom(cap, request, exact, accept, best) ?? best;
    const labels = ctx.nodeLabels;
    if (labels != null) {
      for (const [key, byValue] of b.pins) {
        const v = (labels as Record<string, unknown>)[key];
        if (typeof v !== "string") continue;
        const s = byValue.get(v);
        if (s !== undefined) best = s.firstFrom(cap, request, exact, accept, best) ?? best;
      }
    }
    return best;
  }

  /** Decoded unindexable volumes (rare: non-string access modes). */
  private decodedUnindexable(): DecodedVolume[] {
    return [...this.unindexable].map((e) => this.decoded(e));
  }

  /** Folds the unindexable volumes (checked in full) into the best candidate. */
  private bestUnindexable(
    odd: readonly DecodedVolume[],
    c: DecodedClaim,
    ctx: CheckContext,
    best: VolumeEntry | undefined,
    groupKey: string | undefined,
  ): VolumeEntry | undefined {
    for (const d of odd) {
      if (groupKey !== undefined && d.modesKey !== groupKey) continue;
      if (!passesCommonChecks(d, c, ctx) || d.claimRef !== undefined || !passesUnboundChecks(d, c, ctx)) continue;
      const e = this.byName.get(d.name)!;
      if (best === undefined || compareEntries(e, best) < 0) best = e;
    }
    return best;
  }

  /**
   * The decoded volume of an entry (`decodeVolume`'s result, through the memoising decoder), kept
   * on the entry once a query needed it: winners and pre-bound candidates only.
   */
  private decoded(e: VolumeEntry): DecodedVolume {
    return (e.decoded ??= this.decoder.decode(e.pv));
  }

  /**
   * The final verification of a bucket walk's answer, from what the index filed the volume under
   * rather than from its object: every check the reference applies on the PV controller's path is
   * either encoded by the bucket the entry sits in — matchable (no defect, `Available`, no
   * `claimRef`, not being deleted: `F_MATCHABLE`, set from the decoded volume when it was filed),
   * class, volume mode, VolumeAttributesClass and access-mode group (the bucket's group and key)
   * — or re-checked here: capacity against the request (exact) and the selector. Reads the entry
   * and its (hot) bucket only; the full re-derivation from the object (`verify`) cost a decode
   * and several cache misses per query at a million volumes. `checkInvariants` (and the
   * model-based tests) hold the filing equal to a fresh decode of every volume.
   */
  private verifyFiled(e: VolumeEntry, m: ClaimMemo, key: string): boolean {
    const c = m.c;
    const b = e.bucket as Bucket | undefined;
    // An entry leaves its bucket (`bucket` unset) when it is replaced or deleted.
    if (b === undefined || (e.flags & F_MATCHABLE) === 0) return false;
    const g = b.group;
    if (b.modesKey !== key || g.cls !== c.class || g.volumeMode !== c.volumeMode || g.vac !== c.vac) return false;
    if (c.request === undefined || compareToRequest(e, m.cap, c.request) < 0) return false;
    return c.selector === undefined || c.selector.matches(e.labels);
  }

  /** The final verification of an indexed answer with the reference's own named checks. */
  private verify(e: VolumeEntry, c: DecodedClaim, ctx: CheckContext, groupKey?: string): boolean {
    const d = this.decoded(e);
    return (
      (groupKey === undefined || d.modesKey === groupKey) &&
      passesCommonChecks(d, c, ctx) &&
      d.claimRef === undefined &&
      passesUnboundChecks(d, c, ctx)
    );
  }

  private decodedAll(): DecodedVolume[] {
    return [...this.byName.values()].map((e) => decodeVolume(e.pv));
  }
}

/**
 * The per-volume checks a walk applies that the structures do not encode: excluded names, the
 * claim's selector and (with a node) node affinity — the last through the reference's own
 * `volumeNodeAffinityError`, so the affinity rules live in one place.
 */
class CandidateFilter implements EntryFilter {
  constructor(
    private readonly selector: Selector | undefined,
    private readonly ctx: CheckContext,
  ) {}

  accept(e: VolumeEntry): boolean {
    const ctx = this.ctx;
    if (ctx.excluded?.has(e.name)) return false;
    if (this.selector !== undefined && !this.selector.matches(e.labels)) return false;
    if (!ctx.hasNode || (e.flags & VolumeEntry.HAS_AFFINITY) === 0) return true;
    return volumeNodeAffinityError({ hasNodeAffinity: true, pv: e.pv } as DecodedVolume, ctx) === undefined;
  }
}
