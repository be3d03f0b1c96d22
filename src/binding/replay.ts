/**
 * `replayWorkload`: a discrete-event run of claims and volumes coming and going.
 *
 * @module
 */
import { AnnBoundByController } from "../api/constants/index.js";
import { claimHasClass, claimKey, compareClaimOrder, defaultStorageClass, timestampMillis, volumeClass } from "../api/helpers/index.js";
import type { PersistentVolume, PersistentVolumeClaim, PersistentVolumeClaimSpec, StorageClass } from "../api/index.js";
import { defaultClaim, defaultVolume, deterministicUid, formatTime } from "../lifecycle/index.js";
import { VolumeIndex } from "../matching/index.js";
import { boundCopy } from "./bind-copy.js";
import { BindingError } from "./errors.js";
import { claimKindKey, compatible } from "./free-pool.js";
import { decideClaim, type NamedVolumes } from "./kubernetes.js";
import { capacityBytes, requestBytes } from "./metrics.js";
import { planSnapshot, type Strategy, strategyName } from "./plan.js";
import { type DecodedClaim, decodeClaim } from "../matching/decoded-claim.js";
import { type DecodedVolume, decodeVolume } from "../matching/decoded-volume.js";
import type { Assignment } from "./types.js";

/**
 * One event of a workload, at `at` milliseconds since the epoch (events are taken in the order
 * given; `at` must not decrease):
 * - `claim-created`: the claim is created (API defaulting and the DefaultStorageClass admission
 *   plugin apply; `creationTimestamp` is `at` unless set).
 * - `claim-deleted`: the claim `namespace/name` is deleted; its volume is reclaimed by its policy.
 * - `volume-created`: the volume is created (and becomes `Available`).
 *
 * @example
 * ```ts
 * const e: WorkloadEvent = { at: Date.parse("2026-01-01T00:00:00Z"), kind: "claim-deleted", claim: "default/data" };
 * ```
 */
export type WorkloadEvent =
  | { readonly at: number; readonly kind: "claim-created"; readonly claim: PersistentVolumeClaim }
  | { readonly at: number; readonly kind: "claim-deleted"; readonly claim: string }
  | { readonly at: number; readonly kind: "volume-created"; readonly volume: PersistentVolume };

/**
 * Options of {@link replayWorkload}.
 *
 * - `strategy` (default `"kubernetes"`).
 * - `volumes`, `classes`: the pool and classes at the start (taken as they are).
 * - `sampleEvery`: record a point every this many events (default: at most 10,000 points; the
 *   last event is always recorded).
 * - `clock`: milliseconds, for `totals.timeMs` (default `performance.now`).
 *
 * @example
 * ```ts
 * const opts: ReplayOptions = { strategy: "kubernetes", volumes: pool(1000, 1), sampleEvery: 10 };
 * ```
 */
export interface ReplayOptions {
  readonly strategy?: Strategy;
  readonly volumes?: Iterable<PersistentVolume>;
  readonly classes?: Iterable<StorageClass>;
  readonly sampleEvery?: number;
  readonly clock?: () => number;
  readonly maxQueries?: number;
}

/**
 * The state after one event: claims pending and bound, the bytes wasted by the bound claims, and
 * for each class with free volumes the largest free capacity (the largest request the class could
 * still serve, access modes aside).
 *
 * @example
 * ```ts
 * const p: ReplayPoint = { event: 0, at: 0, pending: 0, bound: 1, wastedBytes: 0n, largestFree: { fast: 10n << 30n } };
 * ```
 */
export interface ReplayPoint {
  readonly event: number;
  readonly at: number;
  readonly pending: number;
  readonly bound: number;
  readonly wastedBytes: bigint;
  readonly largestFree: Readonly<Record<string, bigint>>;
}

/**
 * Totals of a replay.
 *
 * @example
 * ```ts
 * const { bindings, maxPending, wastedBytes } = replayWorkload(events).totals;
 * ```
 */
export interface ReplayTotals {
  readonly events: number;
  readonly claimsCreated: number;
  readonly claimsDeleted: number;
  readonly volumesCreated: number;
  /** Events that named an object that does not exist (delete) or already exists (create). */
  readonly ignored: number;
  /** Binds made during the run. */
  readonly bindings: number;
  /** Volumes left `Released` (policy Retain). */
  readonly released: number;
  /** Volumes deleted (policy Delete). */
  readonly volumesDeleted: number;
  /** Volumes made `Available` again (policy Recycle). */
  readonly recycled: number;
  /** Volumes whose policy is none of the three (left `Failed`, as the PV controller does). */
  readonly failed: number;
  readonly maxPending: number;
  /** At the end: bound and pending claims and the waste of the bound ones. */
  readonly bound: number;
  readonly pending: number;
  readonly wastedBytes: bigint;
  readonly timeMs: number;
}

/**
 * The result of {@link replayWorkload}: the strategy, the time series, the totals, and the bound
 * pairs and pending claims at the end (in the controller's claim order).
 *
 * @example
 * ```ts
 * const { series, totals, assignments } = replayWorkload(events, { volumes });
 * ```
 */
export interface ReplayResult {
  readonly strategy: string;
  readonly series: readonly ReplayPoint[];
  readonly totals: ReplayTotals;
  readonly assignments: readonly Assignment[];
  readonly pending: readonly string[];
}

interface Held {
  readonly key: string;
  readonly claim: PersistentVolumeClaim;
  /** `creationTimestamp` in ms (`Infinity` without one): with `key`, the claim's place in `compareClaimOrder`. */
  readonly t: number;
  /** What the claim's search depends on, or `undefined` when it never takes an unclaimed volume. */
  readonly shape: string | undefined;
  /** The volume the claim names, if any. */
  readonly named: string;
  /** The decoded claim, for claims with a `shape`. */
  readonly decoded: DecodedClaim | undefined;
}

/** A max-heap of free capacities of one class (stale entries dropped when seen). */
class CapacityHeap {
  private items: { bytes: bigint; name: string; pv: PersistentVolume }[] = [];

  push(bytes: bigint, name: string, pv: PersistentVolume): void {
    const a = this.items;
    a.push({ bytes, name, pv });
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p]!.bytes >= a[i]!.bytes) break;
      [a[p], a[i]] = [a[i]!, a[p]!];
      i = p;
    }
  }

  /** The largest capacity whose entry `alive` accepts. */
  top(alive: (name: string, pv: PersistentVolume) => boolean): bigint | undefined {
    const a = this.items;
    while (a.length > 0 && !alive(a[0]!.name, a[0]!.pv)) {
      const last = a.pop()!;
      if (a.length === 0) break;
      a[0] = last;
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= a.length) break;
        if (c + 1 < a.length && a[c + 1]!.bytes > a[c]!.bytes) c++;
        if (a[i]!.bytes >= a[c]!.bytes) break;
        [a[i], a[c]] = [a[c]!, a[i]!];
        i = c;
      }
    }
    return a[0]?.bytes;
  }
}

/** `compareClaimOrder` on held claims, from their timestamps read once. */
function compareHeld(a: Held, b: Held): number {
  if (a.t !== b.t) return a.t < b.t ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Sorted insert position of `h` in a list kept in the controller's claim order (keys are unique). */
function position(list: readonly Held[], h: Held): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareHeld(list[mid]!, h) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The pending claims of a replay, filed so that a volume becoming available finds its candidates
 * fast: claims that search the pool by shape (one queue per shape, in claim order: only a queue's
 * first claim can decide for the whole queue), claims naming a volume by that name, and every
 * claim by key (for a volume pre-bound to it).
 */
class PendingClaims {
  private readonly byKey = new Map<string, Held>();
  private readonly queues = new Map<string, Held[]>();
  private readonly shapes = new Set<Held[]>();

  get size(): number {
    return this.byKey.size;
  }

  private queueOf(h: Held): string | undefined {
    return h.named !== "" ? `n\u0000${h.named}` : h.shape !== undefined ? `s\u0000${h.shape}` : undefined;
  }

  add(h: Held): void {
    this.byKey.set(h.key, h);
    const q = this.queueOf(h);
    if (q === undefined) return;
    let list = this.queues.get(q);
    if (list === undefined) {
      this.queues.set(q, (list = []));
      if (h.named === "") this.shapes.add(list);
    }
    const at = position(list, h);
    if (at === list.length) list.push(h);
    else list.splice(at, 0, h);
  }

  remove(key: string): void {
    const h = this.byKey.get(key);
    if (h === undefined) return;
    this.byKey.delete(key);
    const q = this.queueOf(h);
    if (q === undefined) return;
    const list = this.queues.get(q)!;
    const at = position(list, h);
    if (list[at] === h) list.splice(at, 1);
    if (list.length === 0) {
      this.queues.delete(q);
      this.shapes.delete(list);
    }
  }

  /** The claims that may take `pv`, in the controller's claim order. */
  candidates(pv: PersistentVolume, keep: (h: Held) => boolean): Held[] {
    const out: Held[] = [...(this.queues.get(`n\u0000${nameOf(pv)}`) ?? [])];
    const ref = pv.spec?.claimRef;
    if (ref != null) {
      const h = this.byKey.get(`${ref.namespace ?? ""}/${ref.name ?? ""}`);
      if (h !== undefined && h.named === "") out.push(h);
    } else for (const list of this.shapes) if (keep(list[0]!)) out.push(list[0]!);
    return out.length > 1 ? out.sort(compareHeld) : out;
  }

  /** Every pending claim in the controller's claim order. */
  all(): Held[] {
    return [...this.byKey.values()].sort(compareHeld);
  }
}

function nameOf(o: { metadata?: { name?: unknown } | null } | null | undefined): string {
  const n = o?.metadata?.name;
  return typeof n === "string" ? n : "";
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/**
 * The volume as the PV controller's recycler leaves it (kubernetes/kubernetes
 * `pkg/controller/volume/persistentvolume/pv_controller.go`, `unbindVolume` after a successful
 * recycle): a controller-made binding loses its `claimRef`, a user's pre-binding keeps it without
 * the uid; phase `Available`.
 */
function recycled(pv: PersistentVolume): PersistentVolume {
  const ann = pv.metadata?.annotations;
  let next: PersistentVolume;
  if (ann != null && Object.hasOwn(ann, AnnBoundByController)) {
    const annotations = { ...ann };
    delete annotations[AnnBoundByController];
    const spec = { ...pv.spec };
    delete spec.claimRef;
    next = { ...pv, metadata: { ...pv.metadata, annotations }, spec };
  } else {
    const ref = { ...(pv.spec?.claimRef ?? {}) };
    delete ref.uid;
    next = { ...pv, spec: { ...pv.spec, claimRef: ref } };
  }
  return { ...next, status: { ...next.status, phase: "Available" } };
}

/**
 * Replays a workload: starting from `volumes` and `classes`, applies each event and lets the
 * strategy bind what it can after it; records a {@link ReplayPoint} (every `sampleEvery` events)
 * and totals.
 *
 * Reclaim (when a bound claim is deleted), by the volume's `persistentVolumeReclaimPolicy`:
 * `Delete` — the volume goes away (its deleter succeeds); `Retain` — it stays `Released`, bound to
 * the deleted claim, unusable until an operator acts; `Recycle` — it is scrubbed and `Available`
 * again (its recycler succeeds); any other policy — `Failed`.
 *
 * With `kubernetes` the run is the PV controller's: the new claim is decided as `syncClaim`
 * decides it (`findBestMatchForClaim` through a `VolumeIndex`), and when a volume becomes
 * available the pending claims are retried in the controller's claim order — the first that can
 * take it does (no other pending claim can: they all failed on the pool without it). The result
 * equals creating and deleting the same objects with the lifecycle's actions and running
 * `reconcile` (operations succeeding) after each event, as long as the volumes' deleters and
 * recyclers exist (CSI volumes for Delete, NFS or hostPath ones for Recycle) and no pod uses a
 * claim. Cost: O(log n) per claim event and O(p) checks per freed volume for p pending claims of
 * distinct shapes.
 *
 * Any other strategy re-plans after each event that adds a pending claim or frees a volume: the
 * pending claims over the `Available` volumes (bindings made are never undone). O(events ×
 * plan).
 *
 * @throws {@link BindingError} `InvalidInput` (field `events[i]`) for an event that is not one of
 *   the three kinds, or whose `at` is not a number or goes back in time; as `planBindings` for
 *   strategies.
 * @example
 * ```ts
 * import { replayWorkload } from "kubevol/binding";
 * import { churnWorkload } from "kubevol/testing";
 *
 * const w = churnWorkload({ claims: 500, volumes: 400 }, 1);
 * const r = replayWorkload(w.events, { volumes: w.volumes, classes: w.classes });
 * console.log(r.totals.maxPending, r.series.at(-1)?.wastedBytes);
 * ```
 */
export function replayWorkload(events: readonly WorkloadEvent[], options: ReplayOptions = {}): ReplayResult {
  if (!Array.isArray(events))
    throw new BindingError("InvalidInput", "events: Invalid value: expected a list of events", { field: "events" });
  options = options ?? {};
  const strategy = options.strategy ?? "kubernetes";
  const clock = options.clock ?? (() => performance.now());
  const t0 = clock();
  const kubernetes = strategy === "kubernetes";
  const classes = new Map<string, StorageClass>();
  for (const sc of options.classes ?? []) if (isObject(sc)) classes.set(nameOf(sc), sc);
  const defaultClass = defaultStorageClass(classes.values());
  const index = new VolumeIndex(options.volumes ?? []);
  // Volumes bound during the run (and Released ones) live outside the index: their claimRef carries
  // the uid of a claim that is bound or gone (every replayed claim has a uid of its own), so no
  // search can return them, and moving them out of the index's buckets is cheaper as a delete.
  const boundVolumes = new Map<string, PersistentVolume>();
  const store: NamedVolumes = {
    get: (name) => index.get(name) ?? boundVolumes.get(name),
    upsert: (pv) => {
      const name = nameOf(pv);
      index.delete(name);
      boundVolumes.set(name, pv);
    },
  };
  const claims = new Map<string, PersistentVolumeClaim>();
  const boundTo = new Map<string, { volume: string; waste: bigint }>();
  const held = new PendingClaims();
  const heaps = new Map<string, CapacityHeap>();
  let wasted = 0n;
  const totals = {
    events: events.length,
    claimsCreated: 0,
    claimsDeleted: 0,
    volumesCreated: 0,
    ignored: 0,
    bindings: 0,
    released: 0,
    volumesDeleted: 0,
    recycled: 0,
    failed: 0,
    maxPending: 0,
  };

  // Byte counts by quantity text, for this run only (a pool repeats a few sizes many times).
  const bytesByText = new Map<string, bigint>();
  const memoBytes = (text: unknown, compute: () => bigint): bigint => {
    if (typeof text !== "string") return compute();
    let b = bytesByText.get(text);
    if (b === undefined) bytesByText.set(text, (b = compute()));
    return b;
  };
  const capacityOf = (pv: PersistentVolume): bigint => memoBytes(pv.spec?.capacity?.storage, () => capacityBytes(pv));
  const requestOf = (claim: PersistentVolumeClaim): bigint =>
    memoBytes(claim.spec?.resources?.requests?.storage, () => requestBytes(claim));
  const isFree = (pv: PersistentVolume | undefined): boolean =>
    pv !== undefined && pv.spec?.claimRef == null && pv.status?.phase === "Available" && pv.metadata?.deletionTimestamp == null;
  const offer = (pv: PersistentVolume): void => {
    if (!isFree(pv)) return;
    const cls = volumeClass(pv);
    let h = heaps.get(cls);
    if (h === undefined) heaps.set(cls, (h = new CapacityHeap()));
    h.push(capacityOf(pv), nameOf(pv), pv);
  };
  for (const pv of index) offer(pv);

  const recordBind = (key: string, claim: PersistentVolumeClaim, pv: PersistentVolume): void => {
    const waste = capacityOf(pv) - requestOf(claim);
    boundTo.set(key, { volume: nameOf(pv), waste });
    wasted += waste;
    totals.bindings++;
  };
  const hold = (key: string, claim: PersistentVolumeClaim, reason: string): void => {
    const spec: PersistentVolumeClaimSpec = claim.spec ?? {};
    const named = typeof spec.volumeName === "string" ? spec.volumeName : "";
    let shape: string | undefined;
    let decoded: DecodedClaim | undefined;
    if (named === "" && (reason === "NoMatch" || reason === "Provisioning")) {
      decoded = decodeClaim(claim);
      shape = `${claimKindKey(decoded)}\u0000${decoded.request?.canonical() ?? ""}`;
    }
    held.add({ key, claim, shape, named, decoded, t: timestampMillis(claim.metadata?.creationTimestamp) ?? Number.POSITIVE_INFINITY });
  };

  /** kubernetes: the pending claims retried in claim order for a volume that became available. */
  const volumeFreed = (pv: PersistentVolume): void => {
    let dv: DecodedVolume | undefined;
    // Nothing else in the pool matched a pending claim before: it can only take `pv`, so the
    // matcher's check of the pair decides whether the first claim of a shape would bind now.
    const fits = (h: Held): boolean => h.decoded === undefined || compatible(h.decoded, (dv ??= decodeVolume(pv)));
    for (const h of held.candidates(pv, fits)) {
      const d = decideClaim(h.claim, index, classes, false, store);
      if (d.kind === "bound") {
        held.remove(h.key);
        recordBind(h.key, h.claim, d.volume);
        return;
      }
    }
  };

  /** Any other strategy: re-plan the pending claims over the available volumes. */
  const replan = (): void => {
    if (held.size === 0) return;
    const volumes: PersistentVolume[] = [];
    for (const pv of index) if (pv.status?.phase === "Available") volumes.push(pv);
    const all = held.all();
    const r = planSnapshot({ volumes, claims: all.map((h) => h.claim), badClaims: [], classes }, strategy, clock, options.maxQueries);
    const byKey = new Map(all.map((h) => [h.key, h]));
    for (const a of r.assignments) {
      const h = byKey.get(a.claim)!;
      const pv = store.get(a.volume)!;
      store.upsert(boundCopy(pv, h.claim));
      held.remove(h.key);
      recordBind(h.key, h.claim, pv);
    }
  };

  const n = events.length;
  const every = Math.max(1, Math.floor(options.sampleEvery ?? Math.ceil(n / 10_000)));
  const series: ReplayPoint[] = [];
  let lastAt = Number.NEGATIVE_INFINITY;
  let stampAt = Number.NaN;
  let stamp = "";
  for (let i = 0; i < n; i++) {
    const e = events[i] as WorkloadEvent | null;
    const field = `events[${i}]`;
    if (!isObject(e) || typeof e.at !== "number" || !Number.isFinite(e.at))
      throw new BindingError("InvalidInput", `${field}.at: Invalid value: expected a time in milliseconds`, { field: `${field}.at` });
    if (e.at < lastAt)
      throw new BindingError("InvalidInput", `${field}.at: Invalid value: events must not go back in time`, { field: `${field}.at` });
    lastAt = e.at;
    if (e.kind === "claim-created") {
      if (!isObject(e.claim) || !isObject(e.claim.metadata))
        throw new BindingError("InvalidInput", `${field}.claim: Invalid value: expected a PersistentVolumeClaim`, {
          field: `${field}.claim`,
        });
      let claim = defaultClaim(isObject(e.claim.spec) ? e.claim : { ...e.claim, spec: {} as PersistentVolumeClaim["spec"] });
      const key = claimKey(claim);
      if (claims.has(key)) {
        totals.ignored++;
      } else {
        totals.claimsCreated++;
        // Every claim has a uid of its own (the API server gives one to a claim created without).
        if (!claim.metadata.uid)
          claim = { ...claim, metadata: { ...claim.metadata, uid: deterministicUid(`PersistentVolumeClaim/${key}@${i}`) } };
        if (!claimHasClass(claim) && defaultClass !== undefined)
          claim = { ...claim, spec: { ...claim.spec, storageClassName: nameOf(defaultClass) } };
        if (!claim.metadata.creationTimestamp) {
          if (e.at !== stampAt) stamp = formatTime(new Date((stampAt = e.at)));
          claim = { ...claim, metadata: { ...claim.metadata, creationTimestamp: stamp } };
        }
        claims.set(key, claim);
        if (kubernetes) {
          const d = decideClaim(claim, index, classes, false, store);
          if (d.kind === "bound") recordBind(key, claim, d.volume);
          else hold(key, claim, d.kind === "pending" ? d.pending.reason : "NoMatch");
        } else {
          hold(key, claim, "NoMatch");
          replan();
        }
      }
    } else if (e.kind === "claim-deleted") {
      const key = e.claim;
      const claim = typeof key === "string" ? claims.get(key) : undefined;
      if (claim === undefined) {
        totals.ignored++;
      } else {
        totals.claimsDeleted++;
        claims.delete(key);
        const b = boundTo.get(key);
        if (b === undefined) held.remove(key);
        else {
          boundTo.delete(key);
          wasted -= b.waste;
          const pv = store.get(b.volume);
          if (pv !== undefined) {
            const policy = pv.spec?.persistentVolumeReclaimPolicy as string | undefined;
            if (policy === "Delete") {
              index.delete(b.volume);
              boundVolumes.delete(b.volume);
              totals.volumesDeleted++;
            } else if (policy === "Recycle") {
              const next = recycled(pv);
              boundVolumes.delete(b.volume);
              index.upsert(next);
              totals.recycled++;
              offer(next);
              if (kubernetes) volumeFreed(next);
              else replan();
            } else {
              const next = { ...pv, status: { ...pv.status, phase: policy === "Retain" ? ("Released" as const) : ("Failed" as const) } };
              if (boundVolumes.has(b.volume)) boundVolumes.set(b.volume, next);
              else index.upsert(next);
              if (policy === "Retain") totals.released++;
              else totals.failed++;
            }
          }
        }
      }
    } else if (e.kind === "volume-created") {
      if (!isObject(e.volume) || !isObject(e.volume.metadata) || !isObject(e.volume.spec))
        throw new BindingError("InvalidInput", `${field}.volume: Invalid value: expected a PersistentVolume`, { field: `${field}.volume` });
      const name = nameOf(e.volume);
      if (index.has(name) || boundVolumes.has(name)) totals.ignored++;
      else {
        totals.volumesCreated++;
        const pv = defaultVolume({ ...e.volume, status: { phase: "Available" } });
        index.upsert(pv);
        offer(pv);
        if (kubernetes) volumeFreed(pv);
        else replan();
      }
    } else {
      throw new BindingError(
        "InvalidInput",
        `${field}.kind: Unsupported value: ${JSON.stringify((e as { kind?: unknown }).kind)}: supported values: "claim-created", "claim-deleted", "volume-created"`,
        {
          field: `${field}.kind`,
        },
      );
    }
    if (held.size > totals.maxPending) totals.maxPending = held.size;
    if ((i + 1) % every === 0 || i === n - 1) {
      const largestFree: Record<string, bigint> = {};
      for (const cls of [...heaps.keys()].sort()) {
        const top = heaps.get(cls)!.top((nm, pv) => index.get(nm) === pv);
        if (top !== undefined) largestFree[cls] = top;
      }
      series.push({ event: i, at: e.at, pending: held.size, bound: boundTo.size, wastedBytes: wasted, largestFree });
    }
  }
  const order = [...claims.values()].sort(compareClaimOrder);
  const assignments: Assignment[] = [];
  for (const c of order) {
    const k = claimKey(c);
    const b = boundTo.get(k);
    if (b !== undefined) assignments.push({ claim: k, volume: b.volume, source: "planned" });
  }
  return {
    strategy: strategyName(strategy),
    series,
    totals: { ...totals, bound: boundTo.size, pending: held.size, wastedBytes: wasted, timeMs: clock() - t0 },
    assignments,
    pending: held.all().map((h) => h.key),
  };
}
