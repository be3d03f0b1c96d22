/**
 * Reclaiming released volumes (kubernetes/kubernetes pkg/controller/volume/persistentvolume/pv_controller.go, `reclaimVolume`): Retain, Recycle, Delete, and the ends of the delete and
 * recycle operations. Internal except {@link isVolumeReleased}.
 *
 * @module
 */
import { AnnDynamicallyProvisioned, AnnMigratedTo, FinalizerExternalProvisioner, FinalizerPVController } from "../api/constants/index.js";
import type { PersistentVolume } from "../api/index.js";
import type { StoredVolume } from "./stored.js";
import { type Cluster, checkCluster } from "./cluster.js";
import { unbindVolume } from "./bind.js";
import { EventReasons } from "./event.js";
import { annotation, hasAnnotation, hasFinalizer, nameOf, namespaceOf, uidOf, withoutFinalizer } from "./object-meta.js";
import { type Operation, type OperationOutcome, volumeOperationId } from "./operation.js";
import { isPodTerminated, podsReferencingClaim } from "./pods.js";
import { volumeEventRef } from "./refs.js";
import { updateVolumePhaseWithEvent } from "./status-writers.js";
import type { Transaction } from "./transaction.js";

/**
 * `isVolumeReleased`: the volume has a `claimRef` with a UID, and the claim it names is gone, has
 * another UID, or is bound to a different volume. Only released volumes are ever recycled or
 * deleted.
 *
 * @example
 * ```ts
 * isVolumeReleased(cluster, cluster.volumes.get("pv1")!);
 * ```
 */
export function isVolumeReleased(cluster: Cluster, volume: PersistentVolume): boolean {
  checkCluster(cluster);
  const ref = volume?.spec?.claimRef;
  if (ref === undefined || ref === null) return false;
  if ((ref.uid ?? "") === "") return false;
  const claim = cluster.claims.get(`${ref.namespace ?? ""}/${ref.name ?? ""}`);
  if (claim !== undefined && uidOf(claim) === ref.uid) {
    const bound = claim.spec.volumeName ?? "";
    return bound !== "" && bound !== nameOf(volume);
  }
  return true;
}

type Deleter = { kind: "internal"; name: string } | { kind: "external"; name: string } | { kind: "error"; message: string };

/** `findDeletablePlugin`, with kubevol's plugin set (`ctx.inTreePlugins`). */
function deleterFor(tx: Transaction, volume: StoredVolume): Deleter {
  const inTree = tx.ctx.inTreePlugins ?? [];
  const provisioner = annotation(volume, AnnDynamicallyProvisioned) ?? "";
  if (provisioner !== "") {
    if (inTree.includes(provisioner)) return { kind: "internal", name: provisioner };
    if (!provisioner.startsWith("kubernetes.io/")) return { kind: "external", name: provisioner };
    return { kind: "error", message: `no volume plugin matched name: ${provisioner}` };
  }
  if (hasAnnotation(volume, AnnMigratedTo)) return { kind: "external", name: annotation(volume, AnnMigratedTo) ?? "" };
  if (volume.spec.csi) return { kind: "external", name: volume.spec.csi.driver };
  if (volume.spec.hostPath && inTree.includes("kubernetes.io/host-path")) return { kind: "internal", name: "kubernetes.io/host-path" };
  return {
    kind: "error",
    message: `error getting deleter volume plugin for volume "${nameOf(volume)}": no deletable volume plugin matched`,
  };
}

/**
 * `reclaimVolume`: stand down for migrated volumes; Retain does nothing; Recycle and Delete
 * start their operation; any other policy marks the volume Failed with
 * `VolumeUnknownReclaimPolicy`.
 *
 * @example
 * ```ts
 * transact(cluster, ctx, (tx) => reclaimVolume(tx, pv)); // internal
 * ```
 */
export function reclaimVolume(tx: Transaction, volume: StoredVolume): void {
  if ((annotation(volume, AnnMigratedTo) ?? "") !== "") return;
  const policy = volume.spec.persistentVolumeReclaimPolicy as string | undefined;
  if (policy === "Retain") return;
  if (policy === "Recycle" || policy === "Delete") {
    const deleter = policy === "Delete" ? deleterFor(tx, volume) : undefined;
    tx.start({
      id: volumeOperationId(policy === "Recycle" ? "recycle" : "delete", nameOf(volume), uidOf(volume)),
      kind: policy === "Recycle" ? "recycle" : "delete",
      external: deleter?.kind === "external",
      ...(deleter !== undefined && deleter.kind !== "error" ? { provisioner: deleter.name } : {}),
      volume: nameOf(volume),
      volumeUid: uidOf(volume),
      startedAt: tx.time,
    });
    return;
  }
  updateVolumePhaseWithEvent(
    tx,
    volume,
    "Failed",
    "Warning",
    EventReasons.VolumeUnknownReclaimPolicy,
    "Volume has unrecognized PersistentVolumeReclaimPolicy",
  );
}

function currentVolume(tx: Transaction, op: Operation): StoredVolume | undefined {
  const pv = op.volume === undefined ? undefined : tx.cluster.volumes.get(op.volume);
  if (pv === undefined || uidOf(pv) !== (op.volumeUid ?? "")) return undefined;
  return pv;
}

function normalize(outcome: OperationOutcome): Exclude<OperationOutcome, string> {
  if (outcome === "success") return { ok: true };
  if (outcome === "failure") return { ok: false };
  return outcome;
}

/** Removes a finalizer (if held) and deletes the volume object. */
function deleteVolumeObject(
  tx: Transaction,
  volume: StoredVolume,
  finalizer: string,
  actor: "pv-controller" | "external-provisioner",
): void {
  let pv: StoredVolume | undefined = volume;
  if (hasFinalizer(volume, finalizer)) pv = tx.write("PersistentVolume", "update", withoutFinalizer(volume, finalizer), actor);
  if (pv !== undefined) tx.write("PersistentVolume", "delete", pv, actor);
}

/**
 * End of `deleteVolumeOperation` (or of the external provisioner's deletion): re-read the
 * volume, skip unless still released, then delete or fail as Kubernetes does.
 *
 * @example
 * ```ts
 * transact(cluster, ctx, (tx) => completeDelete(tx, op, { ok: false, message: "busy", inUse: true })); // internal
 * ```
 */
export function completeDelete(tx: Transaction, op: Operation, outcome: OperationOutcome): void {
  const pv = currentVolume(tx, op);
  if (pv === undefined || !isVolumeReleased(tx.cluster, pv)) return;
  const deleter = deleterFor(tx, pv);
  const o = normalize(outcome);
  if (deleter.kind === "error") {
    updateVolumePhaseWithEvent(tx, pv, "Failed", "Warning", EventReasons.VolumeFailedDelete, deleter.message);
    return;
  }
  if (deleter.kind === "external") {
    // The external provisioner deletes only Released volumes with policy Delete.
    if (pv.status?.phase !== "Released" || pv.spec.persistentVolumeReclaimPolicy !== "Delete") return;
    if (!o.ok) {
      tx.event("Warning", EventReasons.VolumeFailedDelete, o.message ?? "operation failed", volumeEventRef(pv));
      return;
    }
    deleteVolumeObject(tx, pv, FinalizerExternalProvisioner, "external-provisioner");
    return;
  }
  if (!o.ok) {
    const message = o.message ?? "operation failed";
    if (o.inUse === true) tx.event("Normal", EventReasons.VolumeDelete, message, volumeEventRef(pv));
    else updateVolumePhaseWithEvent(tx, pv, "Failed", "Warning", EventReasons.VolumeFailedDelete, message);
    return;
  }
  deleteVolumeObject(tx, pv, FinalizerPVController, "pv-controller");
}

/**
 * End of `recycleVolumeOperation`: skip unless still released; refuse while pods use the old
 * claim name (unless a new claim with that name exists); fail without a recycler (only NFS and
 * hostPath volumes have one) or on the caller's failure; on success, `VolumeRecycled` and unbind
 * (→ Available).
 *
 * @example
 * ```ts
 * transact(cluster, ctx, (tx) => completeRecycle(tx, op, "success")); // internal
 * ```
 */
export function completeRecycle(tx: Transaction, op: Operation, outcome: OperationOutcome): void {
  const pv = currentVolume(tx, op);
  if (pv === undefined || !isVolumeReleased(tx.cluster, pv)) return;
  const ref = pv.spec.claimRef!;
  const key = `${ref.namespace ?? ""}/${ref.name ?? ""}`;
  const users = podsReferencingClaim(tx.cluster, key)
    .filter((p) => !isPodTerminated(p))
    .map((p) => `${namespaceOf(p)}/${nameOf(p)}`)
    .sort();
  if (users.length > 0 && !tx.cluster.claims.has(key)) {
    tx.event("Normal", EventReasons.VolumeFailedRecycle, `Volume is used by pods: ${users.join(",")}`, volumeEventRef(pv));
    return;
  }
  if (!pv.spec.nfs && !pv.spec.hostPath) {
    updateVolumePhaseWithEvent(tx, pv, "Failed", "Warning", EventReasons.VolumeFailedRecycle, "No recycler plugin found for the volume!");
    return;
  }
  const o = normalize(outcome);
  if (!o.ok) {
    updateVolumePhaseWithEvent(
      tx,
      pv,
      "Failed",
      "Warning",
      EventReasons.VolumeFailedRecycle,
      `Recycle failed: ${o.message ?? "operation failed"}`,
    );
    return;
  }
  tx.event("Normal", EventReasons.VolumeRecycled, "Volume recycled", volumeEventRef(pv));
  unbindVolume(tx, pv);
}
