/**
 * Ending an asynchronous operation with the caller's outcome.
 *
 * @module
 */
import type { Cluster } from "./cluster.js";
import type { LifecycleContext } from "./context.js";
import { LifecycleError } from "./errors.js";
import type { Operation, OperationOutcome } from "./operation.js";
import { completeProvision } from "./provisioning.js";
import { completeDelete, completeRecycle } from "./reclaim.js";
import type { LifecycleResult } from "./result.js";
import { checkCluster } from "./cluster.js";
import { transact } from "./transaction.js";

function isOutcome(o: unknown): o is OperationOutcome {
  if (o === "success" || o === "failure") return true;
  return typeof o === "object" && o !== null && typeof (o as { ok?: unknown }).ok === "boolean";
}

/**
 * Runs a pending operation (or its id) to its end. The caller decides success or failure; the
 * operation re-reads the cluster first, as Kubernetes' goroutines do, and does nothing when its
 * object is gone or no longer needs it. Failures land where Kubernetes puts them:
 *
 * - provision: Warning `ProvisioningFailed` ("Failed to provision volume with StorageClass …" in
 *   tree, "failed to provision volume with StorageClass …" for external provisioners), and
 *   `selected-node` removed to reschedule (always in tree; external when `reschedule` is set);
 *   success creates the PV (`pvc-<uid>`) and records `ProvisioningSucceeded`.
 * - delete: phase `Failed` + Warning `VolumeFailedDelete` (or Normal `VolumeDelete` when the
 *   plugin says the volume is in use; external provisioners only record the event); success
 *   removes the deletion finalizer and deletes the PV object.
 * - recycle: phase `Failed` + Warning `VolumeFailedRecycle`; success records `VolumeRecycled` and
 *   makes the volume Available again.
 *
 * The operation leaves the running set whatever happens (a failed one is started again by the
 * next sync).
 *
 * @throws {@link LifecycleError} `OperationNotPending` when no such operation is running.
 * @example
 * ```ts
 * const synced = syncClaim(cluster, "default/data", { now });
 * const op = synced.operations[0]!;
 * const failed = completeOperation(synced.cluster, op, { ok: false, message: "quota exceeded" }, { now });
 * failed.events.map((e) => e.reason); // ["Provisioning", "ProvisioningFailed"]
 * ```
 */
export function completeOperation(
  cluster: Cluster,
  op: Operation | string,
  outcome: OperationOutcome,
  ctx: LifecycleContext,
): LifecycleResult {
  if (!isOutcome(outcome)) {
    throw new LifecycleError("InvalidInput", 'outcome: Invalid value: expected "success", "failure", { ok: true } or { ok: false }');
  }
  const id = typeof op === "string" ? op : typeof op === "object" && op !== null ? op.id : undefined;
  checkCluster(cluster);
  const running = typeof id === "string" ? cluster.operations.get(id) : undefined;
  if (running === undefined) {
    throw new LifecycleError("OperationNotPending", `operation ${JSON.stringify(String(id))} is not running`);
  }
  return transact(cluster, ctx, (tx) => {
    tx.finish(running.id);
    if (running.kind === "provision") completeProvision(tx, running, outcome);
    else if (running.kind === "delete") completeDelete(tx, running, outcome);
    else completeRecycle(tx, running, outcome);
  });
}
