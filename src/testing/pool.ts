/**
 * `pool(n, seed)`: the seeded PersistentVolume pool of the benchmark workload (docs/benchmarks.md, "Workload").
 *
 * @module
 */
import type { AccessMode, PersistentVolume } from "../api/index.js";
import type { StoredVolume } from "../lifecycle/index.js";
import { Prng, mixSeed } from "./prng.js";
import {
  DEFAULT_NODE_COUNT,
  DISK_TYPES,
  HOSTNAME_LABEL,
  LOCAL_CLASS,
  NAMESPACES,
  NETWORK_CLASS_WEIGHTS,
  RACKS,
  ZONES,
  claimName,
  nodeName,
  sizeText,
  volumeName,
} from "./workload.js";

/**
 * Options of {@link pool} / {@link volumeAt}. Every field has a default matching the benchmark workload.
 *
 * @example
 * ```ts
 * const opts: PoolOptions = { nodeCount: 10, prebindClaimSpace: 100 };
 * ```
 */
export interface PoolOptions {
  /** Nodes the local volumes are spread over (`node-0000` …). Default 1000. */
  nodeCount?: number;
  /**
   * Pre-bound volumes point (by name, without UID) at generated claim `j` (see `claimName`) with
   * `j` uniform in `[0, prebindClaimSpace)`. Default 100,000, so the claims of `claims(m, …)` with
   * `m` ≤ 100,000 meet their pre-bound volumes.
   */
  prebindClaimSpace?: number;
}

/**
 * The access-mode sets of a pool with their weights (percent): RWO 60, RWO+ROX 20, with RWX 15
 * (RWX 5, RWO+RWX 5, RWO+ROX+RWX 5), ROX 5, RWOP rare (0.5, taken from RWO).
 *
 * @example
 * ```ts
 * POOL_ACCESS_MODES[0]; // [["ReadWriteOnce"], 59.5]
 * ```
 */
export const POOL_ACCESS_MODES: readonly (readonly [readonly AccessMode[], number])[] = Object.freeze([
  [Object.freeze(["ReadWriteOnce"] as AccessMode[]), 59.5],
  [Object.freeze(["ReadWriteOnce", "ReadOnlyMany"] as AccessMode[]), 20],
  [Object.freeze(["ReadWriteMany"] as AccessMode[]), 5],
  [Object.freeze(["ReadWriteOnce", "ReadWriteMany"] as AccessMode[]), 5],
  [Object.freeze(["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany"] as AccessMode[]), 5],
  [Object.freeze(["ReadOnlyMany"] as AccessMode[]), 5],
  [Object.freeze(["ReadWriteOncePod"] as AccessMode[]), 0.5],
]);

/** The fixed deletion timestamp of "being deleted" volumes (generators never read the clock). */
const DELETION_TIMESTAMP = "2026-01-01T00:00:00Z";

// Shared, frozen sub-objects keep a million-volume pool lean: volumes with the same capacity,
// labels, phase or node share one object. Callers must copy, never mutate (they are frozen).
/** Capacity maps by `2 × GiB + (decimal ? 1 : 0)`: no string is built for a size seen before. */
const capacityCache: (Readonly<Record<string, string>> | undefined)[] = [];
const labelCache = new Map<number, Readonly<Record<string, string>>>();
/** Node affinities by node index. */
const affinityCache: (NonNullable<NonNullable<PersistentVolume["spec"]>["nodeAffinity"]> | undefined)[] = [];
const PHASE_STATUS = {
  Available: Object.freeze({ phase: "Available" as const }),
  Bound: Object.freeze({ phase: "Bound" as const }),
  Released: Object.freeze({ phase: "Released" as const }),
};
const BOUND_ANNOTATIONS = Object.freeze({ "pv.kubernetes.io/bound-by-controller": "yes" });
const PROTECTION_FINALIZERS = Object.freeze(["kubernetes.io/pv-protection"]) as string[];
const LOCAL_SOURCE = Object.freeze({ path: "/mnt/disks/local" });
const CSI_DRIVER = "csi.example.com";

function capacityOf(gib: number, decimal: boolean): Record<string, string> {
  const key = gib * 2 + (decimal ? 1 : 0);
  let c = capacityCache[key];
  if (!c) {
    c = Object.freeze({ storage: sizeText(gib, decimal) });
    capacityCache[key] = c;
  }
  return c as Record<string, string>;
}

function labelsOf(zone: number, disk: number, rack: number): Record<string, string> {
  const key = (zone * 2 + disk) * 100 + rack;
  let l = labelCache.get(key);
  if (!l) {
    l = Object.freeze({ zone: ZONES[zone]!, disktype: DISK_TYPES[disk]!, rack: RACKS[rack]! });
    labelCache.set(key, l);
  }
  return l as Record<string, string>;
}

function hostAffinity(node: number): NonNullable<NonNullable<PersistentVolume["spec"]>["nodeAffinity"]> {
  let a = affinityCache[node];
  if (!a) {
    const host = nodeName(node);
    a = Object.freeze({
      required: Object.freeze({
        nodeSelectorTerms: Object.freeze([
          Object.freeze({
            matchExpressions: Object.freeze([Object.freeze({ key: HOSTNAME_LABEL, operator: "In", values: Object.freeze([host]) })]),
          }),
        ]),
      }),
    }) as NonNullable<NonNullable<PersistentVolume["spec"]>["nodeAffinity"]>;
    affinityCache[node] = a;
  }
  return a;
}

/**
 * A capacity drawn log-uniformly between 1Gi and 16Ti (whole GiB), 10% of them written in
 * decimal units (`500G`, `2T`).
 */
function drawCapacity(rng: Prng): Record<string, string> {
  const gib = Math.max(1, Math.round(2 ** (14 * rng.float())));
  return capacityOf(gib, rng.chance(0.1));
}

/**
 * Volume `i` of the pool with this seed, generated on its own (random access, no need to build
 * the whole pool): `volumeAt(i, seed)` deep-equals `pool(n, seed)[i]` for any `n > i`.
 *
 * Distribution: 20% local volumes (class `local-storage`, `local` source, node
 * affinity `kubernetes.io/hostname In [node-XXXX]` over `nodeCount` nodes), the rest CSI volumes
 * over 7 classes including `""`; access modes per {@link POOL_ACCESS_MODES}; `volumeMode: Block`
 * 10%; capacity log-uniform 1Gi–16Ti (10% decimal); labels `zone` (3) / `disktype` (2) / `rack`
 * (100) on half of them; 30% `Bound` (claimRef with UID to `data-…` claims), 2% `Released`, 0.1%
 * pre-bound by name (claimRef without UID to a generated claim, phase `Available`), the rest
 * `Available`; independently 1% being deleted (`deletionTimestamp` and the pv-protection finalizer).
 *
 * Shared sub-objects (capacity, labels, access modes, node affinity, status) are frozen and shared
 * between volumes to keep big pools small; copy before changing anything.
 *
 * @param i - the volume index (its name is `volumeName(i)`, `pv-0000042`)
 * @param seed - the pool seed
 * @param opts - see {@link PoolOptions}
 * @returns a PersistentVolume
 *
 * @example
 * ```ts
 * const pv = volumeAt(42, 1);
 * pv.metadata.name; // "pv-0000042"
 * ```
 */
export function volumeAt(i: number, seed: number, opts: PoolOptions = {}): StoredVolume {
  const rng = new Prng(mixSeed(seed, i));
  const name = volumeName(i);
  const local = rng.chance(0.2);
  const storageClassName = local ? LOCAL_CLASS : rng.weighted(NETWORK_CLASS_WEIGHTS);
  const accessModes = rng.weighted(POOL_ACCESS_MODES) as AccessMode[];
  const block = rng.chance(0.1);
  const capacity = drawCapacity(rng);
  const labelled = rng.chance(0.5);
  const labels = labelled ? labelsOf(rng.int(3), rng.int(2), rng.int(100)) : undefined;
  const host = local ? rng.int(opts.nodeCount ?? DEFAULT_NODE_COUNT) : undefined;
  const state = rng.float();
  const deleting = rng.chance(0.01);

  const metadata: PersistentVolume["metadata"] = { name };
  if (labels) metadata.labels = labels;
  const spec: PersistentVolume["spec"] = {
    capacity,
    accessModes,
    persistentVolumeReclaimPolicy: local ? "Retain" : "Delete",
    storageClassName,
  };
  if (block) spec.volumeMode = "Block";
  if (host !== undefined) {
    spec.local = LOCAL_SOURCE as { path: string };
    spec.nodeAffinity = hostAffinity(host);
  } else {
    spec.csi = { driver: CSI_DRIVER, volumeHandle: name };
  }
  let status: PersistentVolume["status"] = PHASE_STATUS.Available;
  if (state < 0.32) {
    // Bound (30%) or Released (2%): the claim pointer carries a UID.
    const ns = NAMESPACES[rng.int(NAMESPACES.length)]!;
    spec.claimRef = { kind: "PersistentVolumeClaim", apiVersion: "v1", namespace: ns, name: `data-${name}`, uid: `uid-${name}` };
    metadata.annotations = BOUND_ANNOTATIONS as Record<string, string>;
    status = state < 0.3 ? PHASE_STATUS.Bound : PHASE_STATUS.Released;
  } else if (state < 0.321) {
    // Pre-bound by name: an administrator reserved this volume for a claim that may not exist yet.
    const ref = claimName(rng.int(opts.prebindClaimSpace ?? 100_000));
    spec.claimRef = { namespace: ref.namespace, name: ref.name };
  }
  if (deleting) {
    metadata.deletionTimestamp = DELETION_TIMESTAMP;
    metadata.finalizers = PROTECTION_FINALIZERS;
  }
  return { apiVersion: "v1", kind: "PersistentVolume", metadata, spec, status };
}

/**
 * `n` PersistentVolumes of the benchmark workload, deterministic for a seed and
 * prefix-stable (`pool(10, s)` equals the first 10 of `pool(1000, s)`). See {@link volumeAt} for
 * the distribution. A million volumes take about a second and a few hundred MB.
 *
 * @param n - number of volumes
 * @param seed - any integer
 * @param opts - see {@link PoolOptions}
 * @returns the volumes, named `pv-0000000` … in index order
 *
 * @example
 * ```ts
 * import { pool } from "kubevol/testing";
 * const volumes = pool(10_000, 42);
 * volumes.filter((v) => v.status?.phase === "Available").length; // about 6,800
 * ```
 */
export function pool(n: number, seed: number, opts: PoolOptions = {}): StoredVolume[] {
  const out = new Array<StoredVolume>(n);
  for (let i = 0; i < n; i++) out[i] = volumeAt(i, seed, opts);
  return out;
}
