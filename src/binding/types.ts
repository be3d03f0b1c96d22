/**
 * The data types of a binding plan.
 *
 * @module
 */
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from "../api/index.js";

/**
 * What `planBindings` plans over: a lifecycle `Cluster` (its `volumes`, `claims` and `classes`
 * maps) or plain lists. Objects are read as they are (no API defaulting: a volume without
 * `status.phase` is not `Available`). Later objects with the same key replace earlier ones.
 *
 * @example
 * ```ts
 * const input: BindingInput = { volumes: pool(1000, 1), claims: claims(100, 2), classes: [] };
 * ```
 */
export interface BindingInput {
  readonly volumes: Iterable<PersistentVolume> | ReadonlyMap<string, PersistentVolume>;
  readonly claims: Iterable<PersistentVolumeClaim> | ReadonlyMap<string, PersistentVolumeClaim>;
  readonly classes?: Iterable<StorageClass> | ReadonlyMap<string, StorageClass>;
}

/**
 * How an assignment came about:
 * - `bound`: the pair was already bound in the snapshot (it stays).
 * - `pre-bound`: fixed by the objects — the claim names the volume (`spec.volumeName`) or the
 *   volume's `claimRef` names the claim — and Kubernetes' checks for such pairs pass.
 * - `planned`: chosen by the strategy.
 *
 * @example
 * ```ts
 * const s: AssignmentSource = "planned";
 * ```
 */
export type AssignmentSource = "bound" | "pre-bound" | "planned";

/**
 * One claim bound to one volume.
 *
 * @example
 * ```ts
 * const a: Assignment = { claim: "default/data", volume: "pv-0000042", source: "planned" };
 * ```
 */
export interface Assignment {
  /** The claim, `namespace/name`. */
  readonly claim: string;
  /** The volume's name. */
  readonly volume: string;
  readonly source: AssignmentSource;
}

/**
 * Why a claim stays unbound (the PV controller's own outcome where it has one):
 * - `WaitForFirstConsumer`: its class delays binding; the scheduler binds it with a pod.
 * - `Provisioning`: no volume matches and its class names a provisioner: dynamic provisioning
 *   would create one (not modelled: the plan is over the static pool).
 * - `NoMatch`: no volume matches (and nothing would be provisioned).
 * - `VolumeNotFound`: the claim names (`spec.volumeName`) a volume that does not exist.
 * - `VolumeMismatch`: the named volume does not satisfy the claim (`checkVolumeSatisfyClaim`).
 * - `VolumeBoundToOther`: the named volume is bound or pre-bound to another claim.
 * - `ClaimLost`: a bound claim whose volume is gone or bound elsewhere (`Lost`).
 * - `InvalidClaim`: the claim cannot be matched at all (malformed, invalid selector or request).
 * - `ClassError`: the claim's class cannot be read (no `volumeBindingMode`).
 *
 * @example
 * ```ts
 * const r: PendingReason = "WaitForFirstConsumer";
 * ```
 */
export type PendingReason =
  | "WaitForFirstConsumer"
  | "Provisioning"
  | "NoMatch"
  | "VolumeNotFound"
  | "VolumeMismatch"
  | "VolumeBoundToOther"
  | "ClaimLost"
  | "InvalidClaim"
  | "ClassError";

/**
 * A claim left unbound, with the reason and a sentence saying it.
 *
 * @example
 * ```ts
 * const p: PendingClaim = { claim: "default/data", reason: "NoMatch", message: "no volume satisfies the claim" };
 * ```
 */
export interface PendingClaim {
  readonly claim: string;
  readonly reason: PendingReason;
  readonly message: string;
}

/**
 * Quality counts of a plan over some claims (one class, or all). Bytes are integer byte counts,
 * quantities rounded up as Kubernetes' `Value()` does; `wastedBytes` = `allocatedBytes` −
 * `requestedBytes` over the bound claims.
 *
 * @example
 * ```ts
 * const m: BindingCounts = { considered: 2, bound: 1, pending: 1, requestedBytes: 1n << 30n, allocatedBytes: 2n << 30n, wastedBytes: 1n << 30n };
 * ```
 */
export interface BindingCounts {
  /** Claims in the snapshot. */
  readonly considered: number;
  /** Of those, bound by the plan (every source). */
  readonly bound: number;
  /** Of those, pending. */
  readonly pending: number;
  /** Sum of the bound claims' requests. */
  readonly requestedBytes: bigint;
  /** Sum of the bound volumes' capacities. */
  readonly allocatedBytes: bigint;
  /** `allocatedBytes - requestedBytes`. */
  readonly wastedBytes: bigint;
}

/**
 * The metrics of a plan: overall counts, counts per claim class (`""` for class-less claims), and
 * the time taken in milliseconds (from the plan's clock), of which `indexMs` building the index.
 *
 * @example
 * ```ts
 * const { bound, wastedBytes } = plan.metrics;
 * plan.metrics.byClass.get("fast")?.pending;
 * ```
 */
export interface BindingMetrics extends BindingCounts {
  readonly byClass: ReadonlyMap<string, BindingCounts>;
  /** Milliseconds the whole plan took. */
  readonly timeMs: number;
  /** Milliseconds spent building the strategy's index (part of `timeMs`). */
  readonly indexMs: number;
}

/**
 * The result of `planBindings`: the strategy's name, every assignment (claims in the controller's
 * order), every pending claim (same order) and the metrics.
 *
 * @example
 * ```ts
 * const { assignments, pending, metrics } = planBindings(input, { strategy: "kubernetes" });
 * ```
 */
export interface BindingPlan {
  readonly strategy: string;
  readonly assignments: readonly Assignment[];
  readonly pending: readonly PendingClaim[];
  readonly metrics: BindingMetrics;
}
