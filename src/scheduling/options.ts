/**
 * Options of the scheduling functions: feature gates by Kubernetes' names and the VolumeBinding
 * plugin's arguments.
 *
 * @module
 */
import { SchedulingError } from "./errors.js";
import { SchedulingCache } from "./scheduling-cache.js";

/**
 * One point of `VolumeBindingArgs.shape`: `utilization` 0–100, `score` 0–10 (multiplied by 10 to
 * reach the node-score range 0–100, as Kubernetes does).
 *
 * @example
 * ```ts
 * const p: UtilizationShapePoint = { utilization: 100, score: 10 };
 * ```
 */
export interface UtilizationShapePoint {
  readonly utilization: number;
  readonly score: number;
}

/**
 * Options every scheduling function accepts.
 *
 * - `features`: upstream gate names → on/off. Read: `StorageCapacityScoring` (default off; scores
 *   nodes by CSIStorageCapacity for provisioned claims, default shape `[(0,10),(100,0)]`),
 *   `VolumeCapacityPriority` (the older gate, default off; scores static bindings only, default
 *   shape `[(0,0),(100,10)]`), `CSIMigrationPortworx` (default on; every other in-tree plugin's
 *   migration is GA and always on). VolumeAttributesClass is GA and always on.
 * - `volumeBindingArgs.shape`: the scoring shape (`VolumeBindingArgs.shape`) replacing the default.
 * - `cache`: a {@link SchedulingCache} the caller owns, to keep per-snapshot work between calls
 *   (`filterNodes`, `selectNodeForPod`, `explainPod`); answers are the same with or without it.
 *
 * @example
 * ```ts
 * const opts: SchedulingOptions = { features: { StorageCapacityScoring: true },
 *   volumeBindingArgs: { shape: [{ utilization: 0, score: 0 }, { utilization: 100, score: 10 }] } };
 * ```
 */
export interface SchedulingOptions {
  readonly features?: Readonly<Record<string, boolean>>;
  readonly volumeBindingArgs?: { readonly shape?: readonly UtilizationShapePoint[] };
  readonly cache?: SchedulingCache;
}

const DEFAULT_GATES: Readonly<Record<string, boolean>> = {
  StorageCapacityScoring: false,
  VolumeCapacityPriority: false,
  CSIMigrationPortworx: true,
};

/**
 * Whether a feature gate is on: the option if given (a boolean), else Kubernetes' default.
 *
 * @example
 * ```ts
 * featureEnabled({ features: { StorageCapacityScoring: true } }, "StorageCapacityScoring"); // true
 * ```
 */
export function featureEnabled(opts: SchedulingOptions | undefined, gate: string): boolean {
  const v = opts?.features?.[gate];
  return typeof v === "boolean" ? v : DEFAULT_GATES[gate] === true;
}

/**
 * Throws a {@link SchedulingError} unless `opts` is undefined or an object.
 *
 * @example
 * ```ts
 * checkOptions({}); // ok
 * ```
 */
export function checkOptions(opts: unknown): asserts opts is SchedulingOptions | undefined {
  if (opts !== undefined && (typeof opts !== "object" || opts === null)) {
    throw new SchedulingError("opts", "Invalid value: expected an object");
  }
  const cache = (opts as { cache?: unknown } | undefined)?.cache;
  if (cache !== undefined && !(cache instanceof SchedulingCache)) {
    throw new SchedulingError("opts.cache", "Invalid value: expected a SchedulingCache from createSchedulingCache()");
  }
}
