/**
 * Asynchronous operations as data. The PV controller runs provisioning, deletion and recycling
 * in goroutines keyed by an operation name; kubevol reports them and lets the caller decide how
 * they end ({@link completeOperation}).
 *
 * @module
 */
import { safeString } from "../labels/strings.js";

/**
 * What an operation does.
 *
 * @example
 * ```ts
 * const kind: OperationKind = "provision";
 * ```
 */
export type OperationKind = "provision" | "delete" | "recycle";

/**
 * A running asynchronous operation. `id` is Kubernetes' operation name:
 * `provision-<namespace>/<name>[<claim uid>]`, `delete-<pv>[<pv uid>]`, `recycle-<pv>[<pv uid>]`.
 * `external` is true when an external (CSI or out-of-tree) provisioner does the work rather than
 * the PV controller itself.
 *
 * @example
 * ```ts
 * const op: Operation = {
 *   id: "provision-default/data[1111]", kind: "provision", external: true,
 *   provisioner: "ebs.csi.aws.com", claim: "default/data", claimUid: "1111",
 *   startedAt: "2026-01-01T00:00:00Z",
 * };
 * ```
 */
export interface Operation {
  readonly id: string;
  readonly kind: OperationKind;
  readonly external: boolean;
  /** Provisioner / deleter name (class provisioner, or the volume's `provisioned-by`). */
  readonly provisioner?: string;
  /** `namespace/name` of the claim a provision operation works for. */
  readonly claim?: string;
  readonly claimUid?: string;
  /** Name of the volume a delete or recycle operation works on. */
  readonly volume?: string;
  readonly volumeUid?: string;
  readonly startedAt: string;
}

/**
 * How an operation ended, decided by the caller. Strings are shorthands for `{ ok: true }` and
 * `{ ok: false }`.
 *
 * - `capacity` (success of a provision): the size actually created (default: the request).
 * - `message` (failure): the plugin's error text (default `"operation failed"`).
 * - `reschedule` (failure of a provision): remove `selected-node` so the scheduler picks again.
 *   In-tree provisioning always does; external provisioners only when they say so (default false).
 * - `inUse` (failure of a delete): the plugin reported "deleted volume in use": Normal
 *   `VolumeDelete` event only, the volume is not marked Failed.
 *
 * @example
 * ```ts
 * const outcome: OperationOutcome = { ok: false, message: "quota exceeded", reschedule: true };
 * ```
 */
export type OperationOutcome =
  | "success"
  | "failure"
  | { readonly ok: true; readonly capacity?: string }
  | { readonly ok: false; readonly message?: string; readonly reschedule?: boolean; readonly inUse?: boolean };

/**
 * Operation name of a provision operation, as the PV controller builds it.
 *
 * @example
 * ```ts
 * provisionOperationId("default", "data", "1111"); // "provision-default/data[1111]"
 * ```
 */
export function provisionOperationId(namespace: string, name: string, uid: string): string {
  return `provision-${safeString(namespace)}/${safeString(name)}[${safeString(uid)}]`;
}

/**
 * Operation name of a delete or recycle operation.
 *
 * @example
 * ```ts
 * volumeOperationId("delete", "pv1", "2222"); // "delete-pv1[2222]"
 * ```
 */
export function volumeOperationId(kind: "delete" | "recycle", volume: string, uid: string): string {
  return `${safeString(kind)}-${safeString(volume)}[${safeString(uid)}]`;
}
