/**
 * `claims(m, seed)`: the seeded PersistentVolumeClaims of the benchmark workload (docs/benchmarks.md, "Workload").
 *
 * @module
 */
import type { AccessMode, PersistentVolumeClaim } from "../api/index.js";
import type { StoredClaim } from "../lifecycle/index.js";
import type { LabelSelector } from "../labels/index.js";
import { Prng, mixSeed } from "./prng.js";
import { DISK_TYPES, LOCAL_CLASS, NETWORK_CLASS_WEIGHTS, RACKS, ZONES, claimName, sizeText } from "./workload.js";

/**
 * Options of {@link claims} / {@link claimAt}.
 *
 * @example
 * ```ts
 * const opts: ClaimOptions = { selectorRate: 1 }; // every claim has a selector
 * ```
 */
export interface ClaimOptions {
  /** Fraction of claims with a label selector. Default 0.3. */
  selectorRate?: number;
}

/**
 * Requested access modes and their weights (percent): RWO 80, RWX 10, ROX 8, RWOP 2.
 *
 * @example
 * ```ts
 * CLAIM_ACCESS_MODES[0]; // [["ReadWriteOnce"], 80]
 * ```
 */
export const CLAIM_ACCESS_MODES: readonly (readonly [readonly AccessMode[], number])[] = Object.freeze([
  [Object.freeze(["ReadWriteOnce"] as AccessMode[]), 80],
  [Object.freeze(["ReadWriteMany"] as AccessMode[]), 10],
  [Object.freeze(["ReadOnlyMany"] as AccessMode[]), 8],
  [Object.freeze(["ReadWriteOncePod"] as AccessMode[]), 2],
]);

/** Draws one of the workload's selectors: `matchLabels` or `In` / `NotIn` expressions. */
function drawSelector(rng: Prng): LabelSelector {
  const kind = rng.float();
  if (kind < 0.25) return { matchLabels: { zone: rng.pick(ZONES) } };
  if (kind < 0.4) return { matchLabels: { disktype: rng.pick(DISK_TYPES) } };
  if (kind < 0.6) return { matchLabels: { zone: rng.pick(ZONES), disktype: rng.pick(DISK_TYPES) } };
  if (kind < 0.7) return { matchLabels: { rack: rng.pick(RACKS) } };
  if (kind < 0.85) {
    const skip = rng.int(3);
    return { matchExpressions: [{ key: "zone", operator: "In", values: ZONES.filter((_, i) => i !== skip) }] };
  }
  if (kind < 0.95) return { matchExpressions: [{ key: "disktype", operator: "NotIn", values: [rng.pick(DISK_TYPES)] }] };
  return {
    matchExpressions: [
      { key: "rack", operator: "In", values: [rng.pick(RACKS), rng.pick(RACKS), rng.pick(RACKS)] },
      { key: "zone", operator: "NotIn", values: [rng.pick(ZONES)] },
    ],
  };
}

/**
 * Claim `j` of the claim list with this seed, on its own: `claimAt(j, seed)` deep-equals
 * `claims(m, seed)[j]` for any `m > j`.
 *
 * Distribution: named by `claimName(j)` (`ns-05/claim-0000005`, so a pool's pre-bound
 * volumes meet them), with a seeded UID; class `local-storage` 20%, otherwise the network classes
 * with the pool's weights; access modes per {@link CLAIM_ACCESS_MODES}; `volumeMode: Block` 10%;
 * request log-uniform 1Gi–4Ti (10% in decimal units); 30% with a selector (`matchLabels` on
 * `zone` / `disktype` / `zone`+`disktype` / `rack`, or `In` / `NotIn` expressions); phase `Pending`.
 *
 * @param j - claim index
 * @param seed - the claim-list seed (independent from a pool with the same seed)
 * @param opts - see {@link ClaimOptions}
 * @returns a PersistentVolumeClaim
 *
 * @example
 * ```ts
 * claimAt(5, 1).metadata.name; // "claim-0000005"
 * ```
 */
export function claimAt(j: number, seed: number, opts: ClaimOptions = {}): StoredClaim {
  const rng = new Prng(mixSeed(seed ^ 0x5bd1e995, j));
  const { namespace, name } = claimName(j);
  const uid = `${rng.nextUint32().toString(16).padStart(8, "0")}-${rng.nextUint32().toString(16).padStart(8, "0")}`;
  const storageClassName = rng.chance(0.2) ? LOCAL_CLASS : rng.weighted(NETWORK_CLASS_WEIGHTS);
  const accessModes = rng.weighted(CLAIM_ACCESS_MODES) as AccessMode[];
  const block = rng.chance(0.1);
  const gib = Math.max(1, Math.round(2 ** (12 * rng.float())));
  const storage = sizeText(gib, rng.chance(0.1));
  const selector = rng.chance(opts.selectorRate ?? 0.3) ? drawSelector(rng) : undefined;
  const spec: PersistentVolumeClaim["spec"] = { accessModes, resources: { requests: { storage } }, storageClassName };
  if (block) spec.volumeMode = "Block";
  if (selector) spec.selector = selector;
  return { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name, namespace, uid }, spec, status: { phase: "Pending" } };
}

/**
 * `m` PersistentVolumeClaims of the benchmark workload, deterministic for a seed and
 * prefix-stable. See {@link claimAt} for the distribution.
 *
 * @param m - number of claims
 * @param seed - any integer
 * @param opts - see {@link ClaimOptions}
 * @returns the claims, `claim-0000000` … in index order
 *
 * @example
 * ```ts
 * import { claims, pool } from "kubevol/testing";
 * import { VolumeIndex } from "kubevol/matching";
 * const index = new VolumeIndex(pool(100_000, 1));
 * for (const claim of claims(1_000, 2)) index.findBestMatchForClaim(claim);
 * ```
 */
export function claims(m: number, seed: number, opts: ClaimOptions = {}): StoredClaim[] {
  const out = new Array<StoredClaim>(m);
  for (let j = 0; j < m; j++) out[j] = claimAt(j, seed, opts);
  return out;
}
