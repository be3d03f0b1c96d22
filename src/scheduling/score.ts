/**
 * The VolumeBinding score (kubernetes/kubernetes
 * `pkg/scheduler/framework/plugins/volumebinding/scorer.go`, `volume_binding.go` `Score`,
 * `pkg/scheduler/framework/plugins/helper/shape_score.go`).
 *
 * @module
 */
import { claimRequest, quantityText, volumeCapacity } from "../api/helpers/index.js";
import { parseQuantity } from "../quantity/index.js";
import { featureEnabled, type SchedulingOptions, type UtilizationShapePoint } from "./options.js";
import type { NodeVolumes } from "./volume-binding.js";

/** Kubernetes' `MaxNodeScore / MaxCustomPriorityScore`. */
const SCORE_SCALE = 10n;

/**
 * The default shapes: `StorageCapacityScoring` prefers free capacity, the older
 * `VolumeCapacityPriority` prefers the tightest volumes.
 *
 * @example
 * ```ts
 * DEFAULT_SHAPES.StorageCapacityScoring; // [{ utilization: 0, score: 10 }, { utilization: 100, score: 0 }]
 * ```
 */
export const DEFAULT_SHAPES = Object.freeze({
  StorageCapacityScoring: Object.freeze([
    { utilization: 0, score: 10 },
    { utilization: 100, score: 0 },
  ]) as readonly UtilizationShapePoint[],
  VolumeCapacityPriority: Object.freeze([
    { utilization: 0, score: 0 },
    { utilization: 100, score: 10 },
  ]) as readonly UtilizationShapePoint[],
});

/**
 * `BuildBrokenLinearFunction` with Go's truncating integer arithmetic: `p ≤ u0` → `s0`;
 * `u(i-1) < p ≤ u(i)` → `s(i-1) + (s(i) − s(i-1)) × (p − u(i-1)) / (u(i) − u(i-1))`; beyond the last
 * point → its score. Points are used in the given order (Kubernetes validates them ascending).
 *
 * @example
 * ```ts
 * brokenLinear([{ utilization: 0, score: 0 }, { utilization: 100, score: 100 }], 33n); // 33n
 * ```
 */
export function brokenLinear(shape: readonly { utilization: number | bigint; score: number | bigint }[], p: bigint): bigint {
  for (let i = 0; i < shape.length; i++) {
    const u = BigInt(shape[i]!.utilization);
    if (p <= u) {
      if (i === 0) return BigInt(shape[0]!.score);
      const u0 = BigInt(shape[i - 1]!.utilization);
      const s0 = BigInt(shape[i - 1]!.score);
      const s1 = BigInt(shape[i]!.score);
      return s0 + ((s1 - s0) * (p - u0)) / (u - u0);
    }
  }
  return shape.length === 0 ? 0n : BigInt(shape[shape.length - 1]!.score);
}

/**
 * The scorer of a class map (`buildScorerFunction`): per class `utilization = requested × 100 /
 * capacity` (100 when capacity is 0 or exceeded), shaped; the node score is the rounded mean over
 * classes (0 without classes). Exact (BigInt) where Go's int64 would overflow.
 *
 * @example
 * ```ts
 * scoreClasses([{ utilization: 0, score: 0 }, { utilization: 100, score: 100 }], [{ requested: 50n, capacity: 100n }]); // 50
 * ```
 */
export function scoreClasses(
  shape: readonly { utilization: number | bigint; score: number | bigint }[],
  classes: readonly { requested: bigint; capacity: bigint }[],
): number {
  if (classes.length === 0) return 0;
  let sum = 0n;
  for (const c of classes) {
    const util = c.capacity === 0n || c.requested > c.capacity ? 100n : (c.requested * 100n) / c.capacity;
    sum += brokenLinear(shape, util);
  }
  // math.Round(float64(sum) / float64(n)): halves away from zero.
  const n = BigInt(classes.length);
  const q = sum / n;
  const rem = sum - q * n;
  if (rem === 0n) return Number(q);
  if (sum > 0n) return Number(2n * rem >= n ? q + 1n : q);
  return Number(-2n * rem >= n ? q - 1n : q);
}

/**
 * Which scorer is configured: `StorageCapacityScoring` (wins), then `VolumeCapacityPriority`, else none.
 *
 * @internal
 */
export function scorerMode(opts: SchedulingOptions | undefined): "capacity" | "priority" | undefined {
  if (featureEnabled(opts, "StorageCapacityScoring")) return "capacity";
  if (featureEnabled(opts, "VolumeCapacityPriority")) return "priority";
  return undefined;
}

function shapeOf(opts: SchedulingOptions | undefined, mode: "capacity" | "priority"): { utilization: bigint; score: bigint }[] {
  const configured = opts?.volumeBindingArgs?.shape;
  const base =
    Array.isArray(configured) && configured.length > 0
      ? configured
      : mode === "capacity"
        ? DEFAULT_SHAPES.StorageCapacityScoring
        : DEFAULT_SHAPES.VolumeCapacityPriority;
  return base.map((p) => ({
    utilization: BigInt(Math.trunc(Number(p?.utilization) || 0)),
    score: BigInt(Math.trunc(Number(p?.score) || 0)) * SCORE_SCALE,
  }));
}

function bytes(q: () => { value(): bigint }): bigint {
  try {
    return q().value();
  } catch {
    return 0n;
  }
}

/**
 * The VolumeBinding Score of a node from its Filter result: 0 without a configured scorer. With
 * static bindings (or without `StorageCapacityScoring`): group them by the volume's
 * `spec.storageClassName`, `requested` = sum of claim requests, `capacity` = sum of volume
 * capacities. Otherwise (`StorageCapacityScoring`): group the provisions that recorded a
 * CSIStorageCapacity by claim class, `requested` summed, `capacity` = the last recorded object's
 * `capacity` (assigned, not summed, as Kubernetes does).
 *
 * @example
 * ```ts
 * scoreFromVolumes(nodeVolumes, { features: { StorageCapacityScoring: true } }); // 0..100
 * ```
 */
export function scoreFromVolumes(v: NodeVolumes, opts: SchedulingOptions | undefined): number {
  const mode = scorerMode(opts);
  if (mode === undefined) return 0;
  const classes = new Map<string, { requested: bigint; capacity: bigint }>();
  const get = (k: string) => {
    let c = classes.get(k);
    if (c === undefined) classes.set(k, (c = { requested: 0n, capacity: 0n }));
    return c;
  };
  if (v.staticBindings.length > 0 || mode !== "capacity") {
    for (const b of v.staticBindings) {
      const sc: unknown = b.volume.spec?.storageClassName;
      const c = get(typeof sc === "string" ? sc : "");
      c.requested += bytes(() => claimRequest(b.claim));
      c.capacity += bytes(() => volumeCapacity(b.volume));
    }
  } else {
    for (const p of v.dynamicProvisions) {
      if (p.capacity === undefined) continue;
      const sc: unknown = p.claim.spec?.storageClassName;
      const c = get(typeof sc === "string" ? sc : "");
      const cap = p.capacity.capacity;
      c.capacity = cap == null ? 0n : bytes(() => parseQuantity(quantityText(cap)));
      c.requested += bytes(() => claimRequest(p.claim));
    }
  }
  return scoreClasses(shapeOf(opts, mode), [...classes.values()]);
}
