/**
 * `churnWorkload`: seeded timelines of claims coming and going over a static pool, for
 * `replayWorkload` (kubevol/binding).
 *
 * @module
 */
import type { AccessMode, PersistentVolume, PersistentVolumeClaim, StorageClass } from "../api/index.js";
import type { WorkloadEvent } from "../binding/replay.js";
import { mixSeed, Prng } from "./prng.js";

/**
 * A weighted mix: `[value, weight]` pairs (weights need not sum to 1).
 *
 * @example
 * ```ts
 * const sizes: Mix<string> = [["1Gi", 3], ["10Gi", 1]];
 * ```
 */
export type Mix<T> = readonly (readonly [T, number])[];

/**
 * Options of {@link churnWorkload}; every field has a default.
 *
 * - `claims` (1,000): claim arrivals. `volumes` (= `claims`): the pool at the start.
 *   `volumeArrivals` (0): volumes created during the run, at uniform times.
 * - `arrival` (`"poisson"`): claim inter-arrival times — `"poisson"` (exponential gaps),
 *   `"uniform"` (equal gaps) or `"bursty"` (bursts of 1–20 claims at the same second, exponential
 *   gaps between bursts); mean gap `meanInterarrivalMs` (60,000).
 * - `lifetime` (`"exponential"`): how long a claim lives before it is deleted — `"exponential"`,
 *   `"lognormal"` (σ = 1) or `"forever"` (never deleted); mean `meanLifetimeMs` (3,600,000).
 * - `requests`: the claims' request mix; `capacities`: the volumes' capacity mix;
 *   `accessModes` / `volumeAccessModes`: the claims' and volumes' access-mode mixes; `reclaim`: the
 *   volumes' reclaim-policy mix (Delete 50, Retain 30, Recycle 20); `classes`: the class names
 *   (every class Immediate, `kubernetes.io/no-provisioner`: a static pool).
 * - `start`: the first instant, ms since the epoch (2026-01-01T00:00:00Z).
 *
 * @example
 * ```ts
 * const opts: ChurnOptions = { claims: 10_000, volumes: 8_000, lifetime: "lognormal", reclaim: [["Retain", 1]] };
 * ```
 */
export interface ChurnOptions {
  readonly claims?: number;
  readonly volumes?: number;
  readonly volumeArrivals?: number;
  readonly arrival?: "poisson" | "uniform" | "bursty";
  readonly meanInterarrivalMs?: number;
  readonly lifetime?: "exponential" | "lognormal" | "forever";
  readonly meanLifetimeMs?: number;
  readonly requests?: Mix<string>;
  readonly capacities?: Mix<string>;
  readonly accessModes?: Mix<readonly AccessMode[]>;
  readonly volumeAccessModes?: Mix<readonly AccessMode[]>;
  readonly reclaim?: Mix<"Delete" | "Retain" | "Recycle">;
  readonly classes?: readonly string[];
  readonly start?: number;
}

/**
 * A generated workload: the pool and classes at the start, and the timeline.
 *
 * @example
 * ```ts
 * const { volumes, classes, events }: ChurnWorkload = churnWorkload({}, 1);
 * ```
 */
export interface ChurnWorkload {
  readonly volumes: PersistentVolume[];
  readonly classes: StorageClass[];
  readonly events: WorkloadEvent[];
}

/**
 * The default request mix of {@link churnWorkload}.
 *
 * @example
 * ```ts
 * CHURN_REQUESTS[0]; // ["1Gi", 25]
 * ```
 */
export const CHURN_REQUESTS: Mix<string> = Object.freeze([
  ["1Gi", 25],
  ["5Gi", 25],
  ["10Gi", 20],
  ["20Gi", 15],
  ["50Gi", 10],
  ["100Gi", 5],
] as const);

/**
 * The default capacity mix of {@link churnWorkload}'s volumes.
 *
 * @example
 * ```ts
 * CHURN_CAPACITIES[0]; // ["5Gi", 25]
 * ```
 */
export const CHURN_CAPACITIES: Mix<string> = Object.freeze([
  ["5Gi", 25],
  ["10Gi", 25],
  ["20Gi", 20],
  ["50Gi", 15],
  ["100Gi", 10],
  ["200Gi", 5],
] as const);

const RWO: readonly AccessMode[] = Object.freeze(["ReadWriteOnce"]);
const RWX: readonly AccessMode[] = Object.freeze(["ReadWriteMany"]);
const ROX: readonly AccessMode[] = Object.freeze(["ReadOnlyMany"]);
const RWO_ROX: readonly AccessMode[] = Object.freeze(["ReadWriteOnce", "ReadOnlyMany"]);
const RWO_RWX: readonly AccessMode[] = Object.freeze(["ReadWriteOnce", "ReadWriteMany"]);

const CLAIM_MODES: Mix<readonly AccessMode[]> = Object.freeze([
  [RWO, 80],
  [RWX, 10],
  [ROX, 10],
] as const);
const VOLUME_MODES: Mix<readonly AccessMode[]> = Object.freeze([
  [RWO, 55],
  [RWO_ROX, 20],
  [RWX, 10],
  [RWO_RWX, 10],
  [ROX, 5],
] as const);
const RECLAIM: Mix<"Delete" | "Retain" | "Recycle"> = Object.freeze([
  ["Delete", 50],
  ["Retain", 30],
  ["Recycle", 20],
] as const);

function exponential(rng: Prng, mean: number): number {
  return -Math.log(1 - rng.float()) * mean;
}

function lognormal(rng: Prng, mean: number): number {
  // σ = 1: the median is mean / e^{1/2}.
  const u = 1 - rng.float();
  const v = rng.float();
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return mean * Math.exp(z - 0.5);
}

/**
 * Volume `i` of a churn pool: a CSI volume (an NFS one for policy Recycle, which only NFS and
 * hostPath volumes support), `Available`.
 */
function churnVolume(
  i: number,
  rng: Prng,
  o: Required<Pick<ChurnOptions, "capacities" | "volumeAccessModes" | "reclaim" | "classes">>,
): PersistentVolume {
  const name = `churn-pv-${String(i).padStart(7, "0")}`;
  const policy = rng.weighted(o.reclaim);
  return {
    apiVersion: "v1",
    kind: "PersistentVolume",
    metadata: { name },
    spec: {
      capacity: { storage: rng.weighted(o.capacities) },
      accessModes: [...rng.weighted(o.volumeAccessModes)],
      storageClassName: rng.pick(o.classes),
      persistentVolumeReclaimPolicy: policy,
      ...(policy === "Recycle"
        ? { nfs: { server: "nfs.example.com", path: `/exports/${name}` } }
        : { csi: { driver: "csi.example.com", volumeHandle: name } }),
    },
    status: { phase: "Available" },
  };
}

/**
 * A seeded churn workload: a pool of `volumes` volumes, `claims` claims arriving by `arrival`
 * and each deleted after a `lifetime` draw, and `volumeArrivals` volumes created during the run.
 * Deterministic for the options and the seed; events sorted by time (ties: creation order).
 * Names: `churn/claim-0000042` (uid `churn-42`), `churn-pv-0000042`.
 *
 * @example
 * ```ts
 * import { churnWorkload } from "kubevol/testing";
 * import { replayWorkload } from "kubevol/binding";
 *
 * const w = churnWorkload({ claims: 2000, volumes: 1500, lifetime: "lognormal" }, 7);
 * const r = replayWorkload(w.events, { volumes: w.volumes, classes: w.classes });
 * r.totals.maxPending;
 * ```
 */
export function churnWorkload(options: ChurnOptions = {}, seed = 1): ChurnWorkload {
  const nClaims = Math.max(0, Math.floor(options.claims ?? 1000));
  const nVolumes = Math.max(0, Math.floor(options.volumes ?? nClaims));
  const nArrivals = Math.max(0, Math.floor(options.volumeArrivals ?? 0));
  const gap = options.meanInterarrivalMs ?? 60_000;
  const life = options.meanLifetimeMs ?? 3_600_000;
  const start = options.start ?? Date.UTC(2026, 0, 1);
  const o = {
    capacities: options.capacities ?? CHURN_CAPACITIES,
    volumeAccessModes: options.volumeAccessModes ?? VOLUME_MODES,
    reclaim: options.reclaim ?? RECLAIM,
    classes: options.classes ?? ["standard", "fast"],
  };
  const classes: StorageClass[] = o.classes.map((name) => ({
    apiVersion: "storage.k8s.io/v1",
    kind: "StorageClass",
    metadata: { name },
    provisioner: "kubernetes.io/no-provisioner",
    volumeBindingMode: "Immediate",
    reclaimPolicy: "Retain",
  }));
  const volumes: PersistentVolume[] = [];
  for (let i = 0; i < nVolumes; i++) volumes.push(churnVolume(i, new Prng(mixSeed(seed, i)), o));
  const timed: { at: number; seq: number; e: WorkloadEvent }[] = [];
  const rng = new Prng(mixSeed(seed ^ 0x2545f491, 0));
  let t = start;
  let burst = 0;
  for (let j = 0; j < nClaims; j++) {
    if (options.arrival === "uniform") t += gap;
    else if (options.arrival === "bursty") {
      if (burst === 0) {
        burst = 1 + rng.int(20);
        t += exponential(rng, gap * 10.5);
      }
      burst--;
    } else t += exponential(rng, gap);
    const at = Math.floor(t / 1000) * 1000;
    const name = `claim-${String(j).padStart(7, "0")}`;
    const claim: PersistentVolumeClaim = {
      apiVersion: "v1",
      kind: "PersistentVolumeClaim",
      metadata: { name, namespace: "churn", uid: `churn-${j}` },
      spec: {
        accessModes: [...rng.weighted(options.accessModes ?? CLAIM_MODES)],
        resources: { requests: { storage: rng.weighted(options.requests ?? CHURN_REQUESTS) } },
        storageClassName: rng.pick(o.classes),
      },
    };
    timed.push({ at, seq: timed.length, e: { at, kind: "claim-created", claim } });
    if (options.lifetime !== "forever") {
      const d = options.lifetime === "lognormal" ? lognormal(rng, life) : exponential(rng, life);
      const end = Math.floor((t + Math.max(1000, d)) / 1000) * 1000;
      timed.push({ at: end, seq: timed.length, e: { at: end, kind: "claim-deleted", claim: `churn/${name}` } });
    }
  }
  const horizon = Math.max(t, start + 1000);
  for (let i = 0; i < nArrivals; i++) {
    const at = Math.floor((start + rng.float() * (horizon - start)) / 1000) * 1000;
    timed.push({
      at,
      seq: timed.length,
      e: { at, kind: "volume-created", volume: churnVolume(nVolumes + i, new Prng(mixSeed(seed, nVolumes + i)), o) },
    });
  }
  timed.sort((a, b) => a.at - b.at || a.seq - b.seq);
  return { volumes, classes, events: timed.map((x) => x.e) };
}
