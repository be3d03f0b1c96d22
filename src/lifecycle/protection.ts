/**
 * The PVC and PV protection controllers (kubernetes/kubernetes pkg/controller/volume/pvcprotection/pvc_protection_controller.go and pkg/controller/volume/pvprotection/pv_protection_controller.go) as pure functions.
 *
 * @module
 */
import { FinalizerPVCProtection, FinalizerPVProtection } from "../api/constants/index.js";
import type { Cluster } from "./cluster.js";
import type { LifecycleContext } from "./context.js";
import { hasFinalizer, isBeingDeleted, withFinalizer, withoutFinalizer } from "./object-meta.js";
import { isClaimInUse } from "./pods.js";
import type { LifecycleResult } from "./result.js";
import { transact } from "./transaction.js";

/**
 * The PVC protection controller for one claim: a claim being deleted loses
 * `kubernetes.io/pvc-protection` once no pod uses it (a scheduled pod referencing it, whatever
 * the pod's phase — see {@link podUsesClaim}); when that was its last finalizer the claim is
 * gone. A claim not being deleted gets the finalizer if it lacks it.
 *
 * @example
 * ```ts
 * const r = syncClaimProtection(cluster, "default/data", { now });
 * r.cluster.claims.has("default/data"); // false once deleted and unused
 * ```
 */
export function syncClaimProtection(cluster: Cluster, key: string, ctx: LifecycleContext): LifecycleResult {
  return transact(cluster, ctx, (tx) => {
    const claim = tx.cluster.claims.get(key);
    if (claim === undefined) return;
    const protectedNow = hasFinalizer(claim, FinalizerPVCProtection);
    if (isBeingDeleted(claim)) {
      if (protectedNow && !isClaimInUse(tx.cluster, claim)) {
        tx.write("PersistentVolumeClaim", "update", withoutFinalizer(claim, FinalizerPVCProtection), "pvc-protection-controller");
      }
    } else if (!protectedNow) {
      tx.write("PersistentVolumeClaim", "update", withFinalizer(claim, FinalizerPVCProtection), "pvc-protection-controller");
    }
  });
}

/**
 * The PV protection controller for one volume: a volume being deleted loses
 * `kubernetes.io/pv-protection` once its phase is not Bound; a volume not being deleted gets the
 * finalizer if it lacks it.
 *
 * @example
 * ```ts
 * const r = syncVolumeProtection(cluster, "pv1", { now });
 * ```
 */
export function syncVolumeProtection(cluster: Cluster, name: string, ctx: LifecycleContext): LifecycleResult {
  return transact(cluster, ctx, (tx) => {
    const volume = tx.cluster.volumes.get(name);
    if (volume === undefined) return;
    const protectedNow = hasFinalizer(volume, FinalizerPVProtection);
    if (isBeingDeleted(volume)) {
      if (protectedNow && volume.status?.phase !== "Bound") {
        tx.write("PersistentVolume", "update", withoutFinalizer(volume, FinalizerPVProtection), "pv-protection-controller");
      }
    } else if (!protectedNow) {
      tx.write("PersistentVolume", "update", withFinalizer(volume, FinalizerPVProtection), "pv-protection-controller");
    }
  });
}
