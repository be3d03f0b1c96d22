/**
 * The context every lifecycle function takes.
 *
 * @module
 */

/**
 * Inputs besides the cluster snapshot.
 *
 * - `now` (required): the only clock. Event times, `lastPhaseTransitionTime`,
 *   `creationTimestamp` and `deletionTimestamp` come from it.
 * - `crashAfterWrites`: stop the call right after this many accepted writes (the controller
 *   "crashes"); the result has `crashed: true`. Events and operations recorded before the next
 *   write attempt are kept. Used to reach every partial state of the four-write `bind()`.
 * - `inTreePlugins`: provisioner names the controller serves in-tree (default none; Kubernetes
 *   today only has `kubernetes.io/host-path`, behind a flag). Other `kubernetes.io/...` names fail
 *   with "no volume plugin matched name: ...", every other name is an external provisioner.
 * - `enableDynamicProvisioning`: the controller flag (default true).
 * - `admission`: run the admission plugins on user creates (default true):
 *   StorageObjectInUseProtection (protection finalizers) and DefaultStorageClass.
 * - `protection`: run the PVC/PV protection controllers in {@link reconcile} (default true).
 *
 * @example
 * ```ts
 * const ctx: LifecycleContext = { now: "2026-01-01T00:00:00Z", crashAfterWrites: 2 };
 * ```
 */
export interface LifecycleContext {
  readonly now: Date | string;
  readonly crashAfterWrites?: number;
  readonly inTreePlugins?: readonly string[];
  readonly enableDynamicProvisioning?: boolean;
  readonly admission?: boolean;
  readonly protection?: boolean;
}
