/**
 * The scheduler framework's plugin status (kubernetes/kubernetes
 * `pkg/scheduler/framework/interface.go` `Code`) and the volume plugins' reason texts.
 *
 * @module
 */

/**
 * A plugin's verdict. `Unschedulable` may be resolved by preemption; `UnschedulableAndUnresolvable`
 * may not; `Skip` (PreFilter only) makes the plugin inert for the pod; `Error` is an internal
 * error (Kubernetes retries the pod).
 *
 * @example
 * ```ts
 * const code: StatusCode = "UnschedulableAndUnresolvable";
 * ```
 */
export type StatusCode = "Success" | "Skip" | "Unschedulable" | "UnschedulableAndUnresolvable" | "Error";

/**
 * A status with its reasons (Kubernetes' `Status.Reasons()`), in the order the plugin appended them.
 *
 * @example
 * ```ts
 * const s: PluginStatus = { code: "Unschedulable", reasons: ["node(s) exceed max volume count"] };
 * ```
 */
export interface PluginStatus {
  readonly code: StatusCode;
  readonly reasons: readonly string[];
}

/**
 * The reason texts of the four volume plugins, exactly as Kubernetes writes them
 * (`volumebinding/binder.go`, `volumerestrictions/volume_restrictions.go`,
 * `nodevolumelimits/csi.go`, `volumezone/volume_zone.go`).
 *
 * @example
 * ```ts
 * SchedulingReasons.BindConflict; // "node(s) didn't find available persistent volumes to bind"
 * ```
 */
export const SchedulingReasons = Object.freeze({
  /** VolumeBinding: a bound volume's node affinity excludes the node. */
  NodeConflict: "node(s) had volume node affinity conflict",
  /** VolumeBinding: no static volume and no provisioning for an unbound claim on this node. */
  BindConflict: "node(s) didn't find available persistent volumes to bind",
  /** VolumeBinding: no CSIStorageCapacity with room for a claim to provision. */
  NotEnoughSpace: "node(s) did not have enough free storage",
  /** VolumeBinding: a bound claim names a volume that does not exist. */
  PVNotExist: "node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)",
  /** VolumeBinding PreFilter. */
  UnboundImmediate: "pod has unbound immediate PersistentVolumeClaims",
  /** VolumeRestrictions: a legacy inline disk is used by another pod on the node. */
  DiskConflict: "node(s) had no available disk",
  /** VolumeRestrictions: a ReadWriteOncePod claim is in use by a scheduled pod. */
  ReadWriteOncePodConflict: "node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode",
  /** NodeVolumeLimits. */
  MaxVolumeCountExceeded: "node(s) exceed max volume count",
  /** VolumeZone. */
  VolumeZoneConflict: "node(s) had no available volume zone",
});

/** @internal */
export const SUCCESS: PluginStatus = Object.freeze({ code: "Success", reasons: Object.freeze([]) as readonly string[] });
/** @internal */
export const SKIP: PluginStatus = Object.freeze({ code: "Skip", reasons: Object.freeze([]) as readonly string[] });

/**
 * A status with one or more reasons.
 *
 * @example
 * ```ts
 * status("Error", 'no class for claim "default/data"');
 * ```
 */
export function status(code: StatusCode, ...reasons: string[]): PluginStatus {
  if (reasons.length === 0) return BARE[code];
  return { code, reasons };
}

const NO_REASONS: readonly string[] = Object.freeze([]);
/** One frozen reason-less status per code (statuses are never mutated). */
const BARE: Readonly<Record<StatusCode, PluginStatus>> = Object.freeze({
  Success: Object.freeze({ code: "Success", reasons: NO_REASONS }),
  Skip: Object.freeze({ code: "Skip", reasons: NO_REASONS }),
  Unschedulable: Object.freeze({ code: "Unschedulable", reasons: NO_REASONS }),
  UnschedulableAndUnresolvable: Object.freeze({ code: "UnschedulableAndUnresolvable", reasons: NO_REASONS }),
  Error: Object.freeze({ code: "Error", reasons: NO_REASONS }),
});

/**
 * Whether a status lets the node pass a Filter (`Success`, or `Skip` from PreFilter).
 *
 * @example
 * ```ts
 * isPassing({ code: "Skip", reasons: [] }); // true
 * ```
 */
export function isPassing(s: PluginStatus): boolean {
  return s.code === "Success" || s.code === "Skip";
}
