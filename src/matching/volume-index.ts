/**
 * `VolumeIndex`: the matching functions over an indexed, updatable pool — the same answers as
 * `findMatchingVolume` / `findBestMatchForClaim` over the indexed volumes, in microseconds at a
 * million volumes.
 *
 * @module
 */
import type { PersistentVolume, PersistentVolumeClaim } from "../api/index.js";
import { CapacityTexts } from "./capacity-texts.js";
import { checkContext, type MatchOptions } from "./checks.js";
import { VolumeFacts } from "./decoded-volume.js";
import { decodeSearchableClaim } from "./find-matching-volume.js";
import { searchController, searchScheduler } from "./search.js";
import { Bucket, type BucketGroup, GroupTable } from "./volume-index/bucket.js";
import { listArenas } from "./volume-index/block-arena.js";
import { IndexSource } from "./volume-index/index-source.js";
import { nameOrderKey } from "./volume-index/name-key.js";
import { checkIndexInvariants } from "./volume-index/invariants.js";
import { NameGroups, NameTable } from "./volume-index/name-table.js";
import { sortByFloat64 } from "./volume-index/radix-sort.js";
import { compareSlots } from "./volume-index/slot-list.js";
import {
  F_CAPACITY_MISSING,
  F_CLAIMED,
  F_EXACT,
  F_LIVE,
  F_MATCHABLE,
  F_PREBOUND_BY_NAME,
  VolumeStore,
} from "./volume-index/volume-store.js";
import { str } from "../labels/strings.js";

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
  /** Volumes with a `claimRef` (bound, released or pre-bound), found by claim name. */
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
  /** Buckets (class × volume mode × VolumeAttributesClass × access modes) in use. */
  buckets: number;
  /** Proposed volumes the final `checkVolume` rejected (0 unless there is a bug in the filing). */
  verificationFallbacks: number;
}

const C_MATCHABLE = 0;
const C_CLAIMED = 1;
const C_PREBOUND = 2;
const C_DELETING = 3;
const C_MALFORMED = 4;
const C_CAP_MALFORMED = 5;
const C_CAP_MISSING = 6;
const C_UNKNOWN_MODES = 7;
const C_PINNED = 8;
const C_OTHER_AFFINITY = 9;
const COUNTERS = 10;

/**
 * An index of PersistentVolumes answering Kubernetes' matching questions fast, with **exactly the
 * answers of the search functions** `findMatchingVolume` and `findBestMatchForClaim` over the
 * indexed volumes, after any sequence of updates.
 *
 * **Contract** (an informer's store): the index sees each volume **as of its last `upsert`** (or
 * the constructor). It keeps a snapshot of everything the checks read — strings, copies of the
 * labels and the node affinity — so editing a volume object in place afterwards changes no answer
 * until it is upserted again. Queries return the objects last upserted. Claims are arguments, not
 * state: every query decodes its claim afresh, so an edited claim gets a fresh answer.
 * Volumes are keyed by `metadata.name` (a missing name is `""`); `upsert` of a known name
 * replaces the old volume. Malformed volumes never make a query throw: they are indexed, counted
 * in {@link stats} and never match (a missing capacity is 0, as in Kubernetes).
 *
 * How it is fast (see docs/matching.md): the volumes live in a struct of arrays (slot → typed
 * arrays) with their shared facts interned (signatures, capacities, label sets, node
 * affinities). Matchable volumes (`Available`, no `claimRef`, not being deleted) sit in buckets by
 * signature (class, volume mode, VolumeAttributesClass, access modes), each a capacity-ordered
 * list of typed-array blocks plus per-node-label pin lists; a query walks from the request's
 * capacity upwards and stops at the first volume that passes. Volumes with a `claimRef` are found
 * by claim name. Every volume a walk proposes is decided by `checkVolume` — the one definition
 * of the rules — and the search routine is the one the linear functions use.
 *
 * Determinism is the search functions': among equal capacities the smaller name wins;
 * access-mode groups with as many modes are tried in ascending key order; among volumes pre-bound
 * to the claim the smallest name decides. Iteration yields volumes in insertion order (a replaced
 * volume keeps its place).
 *
 * `V` is the type of the volumes it holds (inferred from the constructor's argument, e.g.
 * `V1PersistentVolume` of `@kubernetes/client-node`): `get`, iteration and the search methods
 * return the caller's own objects as that type, and `upsert` takes that type. Write
 * `new VolumeIndex<PersistentVolume>(…)` to mix volumes of several shapes.
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
export class VolumeIndex<V extends PersistentVolume = PersistentVolume> implements Iterable<V> {
  private readonly store: VolumeStore;
  private readonly names: NameTable;
  private readonly claimed: NameGroups;
  private readonly groups = new GroupTable();
  /** Bucket per matchable signature id. */
  private readonly bucketBySig = new Map<number, Bucket>();
  private readonly texts = new CapacityTexts();
  private readonly scratch = new VolumeFacts();
  private readonly counts = new Array<number>(COUNTERS).fill(0);
  private readonly source: IndexSource;
  private readonly staged = new Staged();
  /** The blocks of every bucket's slot lists. */
  private readonly arena = listArenas();

  /**
   * Builds an index over `volumes` (later volumes with a known name replace earlier ones; a value
   * that is not iterable is an empty pool), with one sort per bucket.
   *
   * @example
   * ```ts
   * const index = new VolumeIndex(volumes);
   * index.size; // number of distinct names
   * ```
   */
  constructor(volumes?: Iterable<V>) {
    // Anything that is not iterable (null, a plain object) is an empty pool, as for `PoolExplainer`.
    const iterable = volumes != null && typeof (volumes as Partial<Iterable<V>>)[Symbol.iterator] === "function";
    const list = !iterable ? [] : Array.isArray(volumes) ? (volumes as PersistentVolume[]) : [...volumes!];
    const store = new VolumeStore(list.length, this.texts);
    this.store = store;
    this.names = new NameTable((s) => store.names[s]!, list.length);
    this.claimed = new NameGroups((s) => store.refName[s]!, list.length);
    this.source = new IndexSource(store, this.groups, this.claimed);
    this.build(list);
  }

  // ---- building -------------------------------------------------------------------------------

  private build(list: readonly PersistentVolume[]): void {
    const store = this.store;
    // Label and affinity objects shared by several volumes of one input are interned once.
    const labelOf = new Map<object, number>();
    const affinityOf = new Map<object, number>();
    let ascending = true;
    let prevName: string | undefined;
    const slots = new Int32Array(list.length);
    // Name order keys by slot, computed while each name is at hand (the lists file them beside
    // their entries; reading the names again in capacity order would be a miss per name).
    const nameKeys = new Float64Array(list.length);
    for (let i = 0; i < list.length; i++) {
      const slot = store.allocate();
      slots[i] = slot;
      const v = this.scratch.read(list[i]!, this.texts);
      this.file(slot, v, labelOf, affinityOf);
      nameKeys[slot] = nameOrderKey(v.name);
      if (prevName !== undefined && !(prevName < v.name)) ascending = false;
      prevName = v.name;
    }
    // A later volume with a known name replaces the earlier one, in its place.
    const replaced = this.names.bulkSet(slots);
    for (const [first, later] of replaced) {
      this.copySlot(later, first);
      nameKeys[first] = nameKeys[later]!;
      store.release(later);
    }
    // Link: counters and claim groups; the matchable slots are sorted once for every bucket.
    const live = replaced.length > 0 ? Int32Array.from(store.slots()) : slots;
    let matchableCount = 0;
    for (const slot of live) {
      this.linkCounts(slot);
      const f = store.flagsOf(slot);
      if ((f & F_CLAIMED) !== 0) this.claimed.add(slot);
      if ((f & F_MATCHABLE) !== 0) matchableCount++;
    }
    const matchable = new Int32Array(matchableCount);
    const perSigCount = new Int32Array(store.signatures.length);
    let m = 0;
    for (const slot of live) {
      if ((store.flagsOf(slot) & F_MATCHABLE) === 0) continue;
      matchable[m++] = slot;
      perSigCount[store.sigOf(slot)]!++;
    }
    const sorted = sortByCapacity(store, matchable, ascending);
    // Each bucket's slots, in index order: a counting sort by signature into one array.
    const start = new Int32Array(perSigCount.length + 1);
    for (let sig = 0; sig < perSigCount.length; sig++) start[sig + 1] = start[sig]! + perSigCount[sig]!;
    const bySig = new Int32Array(sorted.length);
    const filled = start.slice(0, perSigCount.length);
    for (let i = 0; i < sorted.length; i++) {
      const slot = sorted[i]!;
      bySig[filled[store.sigOf(slot)]!++] = slot;
    }
    for (let sig = 0; sig < perSigCount.length; sig++) {
      if (perSigCount[sig] === 0) continue;
      const group = bySig.subarray(start[sig]!, start[sig + 1]!);
      this.bucketFor(group[0]!).addSorted(group, nameKeys);
    }
  }

  /** What the index files of a decoded volume, computed into the reusable `staged` record. */
  private stage(v: VolumeFacts, labelOf?: Map<object, number>, affinityOf?: Map<object, number>, previous = -1): Staged {
    const store = this.store;
    const st = this.staged;
    st.pv = v.pv;
    st.name = v.name;
    st.sig = store.signatureId(v);
    const info = v.capacityInfo;
    st.capId = info === undefined ? -1 : info.id;
    st.capKey = v.capKey;
    // An update usually keeps the labels and node affinity: compare with the previous version's
    // interned copies (no key to build) before interning.
    st.labelId =
      previous >= 0 && store.labelSetIs(store.labelIdOf(previous), v.labels)
        ? store.labelIdOf(previous)
        : this.labelSetId(v.labels, labelOf);
    st.affinityId =
      previous >= 0 && store.affinityIs(store.affinityIdOf(previous), v.affinity)
        ? store.affinityIdOf(previous)
        : this.affinityId(v.affinity, affinityOf);
    let flags = v.capExact ? F_LIVE | F_EXACT : F_LIVE;
    const ref = v.claimRef;
    if (ref !== undefined && v.defect?.code !== "malformed-volume") {
      const r = ref as { namespace?: unknown; name?: unknown; uid?: unknown };
      st.refNamespace = str(r.namespace);
      st.refName = str(r.name);
      st.refUid = str(r.uid);
      flags |= F_CLAIMED;
      if (st.refUid === "") flags |= F_PREBOUND_BY_NAME;
    } else {
      st.refNamespace = "";
      st.refName = "";
      st.refUid = "";
    }
    if (v.defect === undefined && ref === undefined && v.phase === "Available" && !v.deleting) flags |= F_MATCHABLE;
    if (v.defect === undefined && v.capacityMissing) flags |= F_CAPACITY_MISSING;
    st.flags = flags;
    return st;
  }

  /** Writes a staged filing into `slot` (not linked anywhere yet). */
  private write(slot: number, st: Staged): void {
    const store = this.store;
    store.pvs[slot] = st.pv;
    store.setName(slot, st.name);
    store.setSig(slot, st.sig);
    store.setCapId(slot, st.capId);
    store.setCapKey(slot, st.capKey);
    store.setLabelId(slot, st.labelId);
    store.setAffinityId(slot, st.affinityId);
    store.refNamespace[slot] = st.refNamespace;
    store.refName[slot] = st.refName;
    store.refUid[slot] = st.refUid;
    store.setFlags(slot, st.flags);
  }

  /** Whether `slot` is filed exactly as `st` (the object aside). */
  private filedAs(slot: number, st: Staged): boolean {
    const s = this.store;
    return (
      s.sigOf(slot) === st.sig &&
      s.capIdOf(slot) === st.capId &&
      Object.is(s.capKeyOf(slot), st.capKey) &&
      s.labelIdOf(slot) === st.labelId &&
      s.affinityIdOf(slot) === st.affinityId &&
      s.flagsOf(slot) === st.flags &&
      s.refNamespace[slot] === st.refNamespace &&
      s.refName[slot] === st.refName &&
      s.refUid[slot] === st.refUid
    );
  }

  /** Files a decoded volume into `slot` (not linked anywhere yet). */
  private file(slot: number, v: VolumeFacts, labelOf?: Map<object, number>, affinityOf?: Map<object, number>): void {
    this.write(slot, this.stage(v, labelOf, affinityOf));
  }

  /** The label-set id of `labels`, through the build's identity cache when there is one. */
  private labelSetId(labels: VolumeFacts["labels"], cache: Map<object, number> | undefined): number {
    if (cache === undefined || labels === undefined) return this.store.labelSetId(labels);
    let id = cache.get(labels);
    if (id === undefined) cache.set(labels, (id = this.store.labelSetId(labels)));
    return id;
  }

  /** The affinity id of `required`, through the build's identity cache when there is one. */
  private affinityId(required: VolumeFacts["affinity"], cache: Map<object, number> | undefined): number {
    if (cache === undefined || required === undefined || typeof required !== "object" || required === null)
      return this.store.internAffinity(required);
    let id = cache.get(required);
    if (id === undefined) cache.set(required, (id = this.store.internAffinity(required)));
    return id;
  }

  private copySlot(from: number, to: number): void {
    const s = this.store;
    s.pvs[to] = s.pvs[from]!;
    s.setName(to, s.names[from]!);
    s.setSig(to, s.sigOf(from));
    s.setCapId(to, s.capIdOf(from));
    s.setCapKey(to, s.capKeyOf(from));
    s.setLabelId(to, s.labelIdOf(from));
    s.setAffinityId(to, s.affinityIdOf(from));
    s.refNamespace[to] = s.refNamespace[from]!;
    s.refName[to] = s.refName[from]!;
    s.refUid[to] = s.refUid[from]!;
    s.setFlags(to, s.flagsOf(from));
  }

  private bucketFor(slot: number): Bucket {
    const sigId = this.store.sigOf(slot);
    let b = this.bucketBySig.get(sigId);
    if (b === undefined) {
      const sig = this.store.signatures[sigId]!;
      b = new Bucket(this.store, sig, this.arena);
      this.bucketBySig.set(sigId, b);
      const g = this.groups.getOrCreate(sig.cls, sig.volumeMode, sig.vac);
      g.buckets.set(sigId, b);
      g.changed();
    }
    return b;
  }

  private dropBucketIfEmpty(b: Bucket): void {
    if (b.all.size > 0) return;
    const sig = b.signature;
    this.bucketBySig.delete(sig.id);
    const g = this.groups.get(sig.cls, sig.volumeMode, sig.vac) as BucketGroup;
    g.buckets.delete(sig.id);
    g.changed();
    if (g.buckets.size === 0) this.groups.delete(g);
  }

  private countsDelta(slot: number, delta: number): void {
    const s = this.store;
    const flags = s.flagsOf(slot);
    const sig = s.signatures[s.sigOf(slot)]!;
    const c = this.counts;
    if (flags & F_MATCHABLE) {
      c[C_MATCHABLE]! += delta;
      const a = s.affinities[s.affinityIdOf(slot)];
      if (a !== undefined) c[a.pin !== undefined ? C_PINNED : C_OTHER_AFFINITY]! += delta;
    }
    if (flags & F_CLAIMED) c[C_CLAIMED]! += delta;
    if (flags & F_PREBOUND_BY_NAME) c[C_PREBOUND]! += delta;
    if (flags & F_CAPACITY_MISSING) c[C_CAP_MISSING]! += delta;
    if (sig.deleting) c[C_DELETING]! += delta;
    if (sig.defect?.code === "malformed-volume") c[C_MALFORMED]! += delta;
    if (sig.defect?.code === "capacity-malformed") c[C_CAP_MALFORMED]! += delta;
    if (sig.unknownModes) c[C_UNKNOWN_MODES]! += delta;
  }

  private linkCounts(slot: number): void {
    this.countsDelta(slot, 1);
  }

  private unlinkCounts(slot: number): void {
    this.countsDelta(slot, -1);
  }

  private link(slot: number): void {
    this.linkCounts(slot);
    const flags = this.store.flagsOf(slot);
    if (flags & F_CLAIMED) this.claimed.add(slot);
    if (flags & F_MATCHABLE) this.bucketFor(slot).add(slot);
  }

  private unlink(slot: number): void {
    this.unlinkCounts(slot);
    const flags = this.store.flagsOf(slot);
    if (flags & F_CLAIMED) this.claimed.remove(slot);
    if (flags & F_MATCHABLE) {
      const b = this.bucketBySig.get(this.store.sigOf(slot))!;
      b.remove(slot);
      this.dropBucketIfEmpty(b);
    }
  }

  // ---- the store API --------------------------------------------------------------------------

  /**
   * Number of indexed volumes.
   *
   * @example
   * ```ts
   * new VolumeIndex([pv]).size; // 1
   * ```
   */
  get size(): number {
    return this.names.size;
  }

  /**
   * The indexed volume with this name (the object last upserted).
   *
   * @example
   * ```ts
   * index.get("pv-0000042")?.spec?.capacity?.storage;
   * ```
   */
  get(name: string): V | undefined {
    const slot = this.names.get(name);
    return slot < 0 ? undefined : (this.store.pvs[slot] as V | undefined);
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
    return this.names.get(name) >= 0;
  }

  /**
   * Adds a volume, or replaces the indexed volume with the same name (which keeps its place in
   * iteration order). O(log n); an update that changes nothing the index files (status message,
   * annotations, resourceVersion) only swaps the object.
   *
   * @example
   * ```ts
   * index.upsert({ ...pv, status: { phase: "Released" } }); // pv no longer matches unbound claims
   * ```
   */
  upsert(pv: V): void {
    const v = this.scratch.read(pv, this.texts);
    const old = this.names.get(v.name);
    if (old < 0) {
      const slot = this.store.allocate();
      this.file(slot, v);
      this.names.set(slot);
      this.link(slot);
      return;
    }
    const st = this.stage(v, undefined, undefined, old);
    if (this.filedAs(old, st)) {
      this.store.pvs[old] = v.pv;
      return;
    }
    this.unlink(old);
    this.write(old, st);
    this.link(old);
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
    const slot = this.names.get(name);
    if (slot < 0) return false;
    this.unlink(slot);
    this.names.delete(name);
    this.store.release(slot);
    return true;
  }

  /**
   * The indexed volumes (the objects last upserted), in insertion order.
   *
   * @example
   * ```ts
   * const all = [...index];
   * ```
   */
  *[Symbol.iterator](): IterableIterator<V> {
    for (const slot of this.store.slots()) yield this.store.pvs[slot] as V;
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
      volumes: this.size,
      matchable: c[C_MATCHABLE]!,
      claimed: c[C_CLAIMED]!,
      preBoundByName: c[C_PREBOUND]!,
      deleting: c[C_DELETING]!,
      malformed: c[C_MALFORMED]!,
      capacityMalformed: c[C_CAP_MALFORMED]!,
      capacityMissing: c[C_CAP_MISSING]!,
      unknownAccessModes: c[C_UNKNOWN_MODES]!,
      nodePinned: c[C_PINNED]!,
      otherNodeAffinity: c[C_OTHER_AFFINITY]!,
      buckets: this.bucketBySig.size,
      verificationFallbacks: this.source.rejections,
    };
  }

  // ---- querying -------------------------------------------------------------------------------

  /**
   * The PV controller's `findBestMatchForClaim` over the indexed volumes: the same answer as
   * `findBestMatchForClaim(claim, [...index], opts)` — access-mode groups fewest modes first
   * (ties: ascending key), the first group with a match wins, a volume pre-bound to the claim
   * wins inside its group, otherwise the smallest sufficient capacity (ties: smaller name).
   *
   * @param claim - the PersistentVolumeClaim (decoded afresh on every call).
   * @param opts - `delayBinding`: the claim's class is WaitForFirstConsumer (only a volume
   *   pre-bound to the claim is returned). Default `false`.
   * @returns the indexed volume to bind, or `undefined`.
   * @throws MatchingError when the claim itself is unusable (as the search function).
   *
   * @example
   * ```ts
   * const pv = index.findBestMatchForClaim(claim);
   * ```
   */
  findBestMatchForClaim(claim: PersistentVolumeClaim, opts?: { readonly delayBinding?: boolean }): V | undefined {
    const c = decodeSearchableClaim(claim);
    return searchController(c, checkContext({ delayBinding: opts?.delayBinding === true }), this.source)?.pv as V | undefined;
  }

  /**
   * component-helpers' `FindMatchingVolume` over the indexed volumes: the same answer as
   * `findMatchingVolume(claim, [...index], opts)`. With a `node` (scheduler path) only the
   * volumes of the node's own pin lists and the unpinned volumes are walked; node affinity and
   * access modes are checked. A volume pre-bound to the claim decides the search.
   *
   * @param claim - the PersistentVolumeClaim (decoded afresh on every call).
   * @param opts - `node`, `excluded` (names not to choose), `delayBinding` (default `false`).
   * @returns the indexed matching volume, or `undefined`.
   * @throws MatchingError when the claim itself is unusable (as the search function).
   *
   * @example
   * ```ts
   * const pv = index.findMatchingVolume(claim, { node, excluded: new Set(["pv-0000001"]), delayBinding: true });
   * ```
   */
  findMatchingVolume(claim: PersistentVolumeClaim, opts?: MatchOptions): V | undefined {
    const c = decodeSearchableClaim(claim);
    return searchScheduler(c, checkContext(opts), this.source)?.pv as V | undefined;
  }

  /**
   * Checks every structure against the volumes (sorted, complete, nothing stale, filed as a fresh
   * decode of each volume object files it); returns the problems found. O(n): for tests.
   *
   * @example
   * ```ts
   * expect(index.checkInvariants()).toEqual([]);
   * ```
   */
  checkInvariants(): string[] {
    return checkIndexInvariants({
      store: this.store,
      names: this.names,
      claimed: this.claimed,
      groups: this.groups,
      buckets: this.bucketBySig,
      counts: this.counts,
      refile: (pv) => {
        const tmp = this.store.allocate();
        this.file(tmp, this.scratch.read(pv, this.texts));
        return tmp;
      },
    });
  }
}

/**
 * The slots in index order (`compareSlots`), given in position order: a stable radix sort by
 * capacity key, then each run of equal keys is sorted by `compareSlots` unless it is already in
 * order — it is when every key of the run is exact and positions follow names (`byPosition`).
 */
function sortByCapacity(store: VolumeStore, slots: Int32Array, byPosition: boolean): Int32Array {
  const keys = new Float64Array(slots.length);
  for (let i = 0; i < slots.length; i++) keys[i] = store.capKeyOf(slots[i]!);
  const out = sortByFloat64(slots, keys);
  for (let a = 0; a < out.length; ) {
    let b = a + 1;
    let ordered = byPosition && (store.flagsOf(out[a]!) & F_EXACT) !== 0;
    while (b < out.length && store.capKeyOf(out[b]!) === store.capKeyOf(out[a]!)) {
      if ((store.flagsOf(out[b]!) & F_EXACT) === 0) ordered = false;
      b++;
    }
    if (b - a > 1 && !ordered) out.subarray(a, b).sort((x, y) => compareSlots(store, x, y));
    a = b;
  }
  return out;
}

/** One volume's filing, staged before it is compared with or written into a slot. */
class Staged {
  pv: PersistentVolume = undefined as unknown as PersistentVolume;
  name = "";
  sig = 0;
  capId = -1;
  capKey = 0;
  labelId = 0;
  affinityId = 0;
  refNamespace = "";
  refName = "";
  refUid = "";
  flags = 0;
}
