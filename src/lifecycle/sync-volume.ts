/**
 * `syncVolume` (kubernetes/kubernetes pkg/controller/volume/persistentvolume/pv_controller.go): the PV controller's volume worker as a pure function.
 *
 * @module
 */
import { AnnDynamicallyProvisioned, AnnMigratedTo, FinalizerExternalProvisioner, FinalizerPVController } from "../api/constants/index.js";
import { volumeModeOf } from "../api/helpers/index.js";
import type { PersistentVolume } from "../api/index.js";
import type { StoredVolume } from "./stored.js";
import { unbindVolume } from "./bind.js";
import type { Cluster } from "./cluster.js";
import type { LifecycleContext } from "./context.js";
import { EventReasons } from "./event.js";
import { annotation, hasAnnotation, isBeingDeleted, nameOf, uidOf, withFinalizer, withoutFinalizer } from "./object-meta.js";
import { reclaimVolume } from "./reclaim.js";
import { claimEventRef, volumeEventRef } from "./refs.js";
import type { LifecycleResult } from "./result.js";
import { updateVolumePhase } from "./status-writers.js";
import { transact, type Transaction } from "./transaction.js";

/**
 * The deletion-protection finalizers a volume should carry (HonorPVReclaimPolicy: kubernetes/kubernetes pkg/controller/volume/persistentvolume/pv_controller_base.go, `modifyDeletionFinalizers`):
 * only dynamically provisioned volumes are touched; migrated ones lose
 * `kubernetes.io/pv-controller`; in-tree ones (`kubernetes.io/...` provisioner) get it with
 * policy Delete and lose it with Retain/Recycle, and never keep the external provisioner's
 * finalizer. Returns the new list, or `undefined` when nothing changes.
 *
 * @example
 * ```ts
 * desiredDeletionFinalizers(pv); // e.g. ["kubernetes.io/pv-protection", "kubernetes.io/pv-controller"]
 * ```
 */
export function desiredDeletionFinalizers(volume: PersistentVolume): string[] | undefined {
  if (!hasAnnotation(volume, AnnDynamicallyProvisioned)) return undefined;
  let next = volume;
  if ((annotation(volume, AnnMigratedTo) ?? "") !== "") {
    next = withoutFinalizer(next, FinalizerPVController);
  } else {
    const provisioner = annotation(volume, AnnDynamicallyProvisioned) ?? "";
    if (!provisioner.startsWith("kubernetes.io/")) return undefined;
    const policy = volume.spec?.persistentVolumeReclaimPolicy;
    if (policy === "Delete" && !isBeingDeleted(volume)) next = withFinalizer(next, FinalizerPVController);
    else if (policy === "Retain" || policy === "Recycle") next = withoutFinalizer(next, FinalizerPVController);
    next = withoutFinalizer(next, FinalizerExternalProvisioner);
  }
  if (next === volume) return undefined;
  return [...(next.metadata?.finalizers ?? [])];
}

function reconcileFinalizers(tx: Transaction, volume: StoredVolume): StoredVolume | undefined {
  const finalizers = desiredDeletionFinalizers(volume);
  if (finalizers === undefined) return volume;
  const { finalizers: _dropped, ...rest } = volume.metadata;
  const metadata = finalizers.length === 0 ? rest : { ...rest, finalizers };
  return tx.write("PersistentVolume", "update", { ...volume, metadata });
}

function syncVolumeBody(tx: Transaction, name: string): void {
  const initial = tx.cluster.volumes.get(name);
  if (initial === undefined) return;
  const volume = reconcileFinalizers(tx, initial);
  if (volume === undefined) return; // the finalizer change let a deleted volume go
  const ref = volume.spec.claimRef;
  if (ref === undefined || ref === null || (ref.uid ?? "") === "") {
    updateVolumePhase(tx, volume, "Available", "");
    return;
  }
  let claim = tx.cluster.claims.get(`${ref.namespace ?? ""}/${ref.name ?? ""}`);
  if (claim !== undefined && uidOf(claim) !== ref.uid) claim = undefined;
  const phase = volume.status?.phase;
  if (claim === undefined) {
    const released = phase !== "Released" && phase !== "Failed" ? updateVolumePhase(tx, volume, "Released", "") : volume;
    reclaimVolume(tx, released);
    return;
  }
  const volumeName = claim.spec.volumeName ?? "";
  if (volumeName === "") {
    if (volumeModeOf(claim) !== volumeModeOf(volume)) {
      tx.event(
        "Warning",
        EventReasons.VolumeMismatch,
        `Cannot bind PersistentVolume to requested PersistentVolumeClaim "${nameOf(claim)}" due to incompatible volumeMode.`,
        volumeEventRef(volume),
      );
      tx.event(
        "Warning",
        EventReasons.VolumeMismatch,
        `Cannot bind PersistentVolume "${nameOf(volume)}" to requested PersistentVolumeClaim due to incompatible volumeMode.`,
        claimEventRef(claim),
      );
    }
    // Otherwise Kubernetes enqueues the claim; syncClaim finishes the binding.
    return;
  }
  if (volumeName === nameOf(volume)) {
    updateVolumePhase(tx, volume, "Bound", "");
    return;
  }
  if (hasAnnotation(volume, AnnDynamicallyProvisioned) && volume.spec.persistentVolumeReclaimPolicy === "Delete") {
    const released = phase !== "Released" && phase !== "Failed" ? updateVolumePhase(tx, volume, "Released", "") : volume;
    reclaimVolume(tx, released);
    return;
  }
  // Bound by the controller: undo; pre-bound by the user: keep the reservation by name.
  unbindVolume(tx, volume);
}

/**
 * The PV controller's `syncVolume` for the named volume, following upstream's `syncVolume`: reconcile the
 * deletion-protection finalizers; no `claimRef` or a `claimRef` without UID → Available; claim
 * gone (or re-created with another UID) → Released (never over Failed) and reclaim per policy
 * (Retain: nothing; Recycle/Delete: an operation; other: Failed + `VolumeUnknownReclaimPolicy`);
 * claim binding in progress → nothing (or `VolumeMismatch` on both objects for a volume-mode
 * mismatch); claim bound here → Bound; claim bound elsewhere → provisioned+Delete volumes are
 * released and deleted, others unbound (controller-bound: `claimRef` removed; user-bound: only
 * the UID cleared). A name that matches no volume does nothing.
 *
 * @throws {@link LifecycleError} `InvalidInput` when `ctx.now` is not a valid time.
 * @example
 * ```ts
 * const r = syncVolume(cluster, "pv1", { now: "2026-01-01T00:00:00Z" });
 * r.cluster.volumes.get("pv1")?.status?.phase; // e.g. "Released"
 * r.operations; // e.g. [{ id: "delete-pv1[…]", kind: "delete", … }]
 * ```
 */
export function syncVolume(cluster: Cluster, name: string, ctx: LifecycleContext): LifecycleResult {
  return transact(cluster, ctx, (tx) => syncVolumeBody(tx, name));
}
