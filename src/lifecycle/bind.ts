/**
 * `bind()` as four writes, and `unbindVolume()` (kubernetes/component-helpers storage/volume/pv_helpers.go `GetBindVolumeToClaim`; kubernetes/kubernetes pkg/controller/volume/persistentvolume/pv_controller.go `bind`, `unbindVolume`).
 *
 * @module
 */
import { AnnBindCompleted, AnnBoundByController } from "../api/constants/index.js";
import { isVolumeBoundToClaim } from "../api/helpers/index.js";
import type { ObjectReference, PersistentVolume, PersistentVolumeClaim } from "../api/index.js";
import type { StoredClaim, StoredVolume } from "./stored.js";
import { hasAnnotation, nameOf, namespaceOf, uidOf, withAnnotation, withoutAnnotation } from "./object-meta.js";
import { updateClaimStatus, updateVolumePhase } from "./status-writers.js";
import type { Transaction } from "./transaction.js";
import { copyWith } from "../api/copy-with.js";
import { expectObject } from "./errors.js";

/**
 * A full object reference to the claim, as `claimRef` holds it.
 *
 * @example
 * ```ts
 * claimReference(pvc); // { kind: "PersistentVolumeClaim", namespace: "default", name: "data", uid: "…", apiVersion: "v1", resourceVersion: "7" }
 * ```
 */
export function claimReference(claim: PersistentVolumeClaim): ObjectReference {
  const ref: ObjectReference = {
    kind: "PersistentVolumeClaim",
    namespace: namespaceOf(claim),
    name: nameOf(claim),
    uid: uidOf(claim),
    apiVersion: "v1",
  };
  const rv = claim.metadata?.resourceVersion;
  if (rv !== undefined) ref.resourceVersion = rv;
  return ref;
}

/**
 * `GetBindVolumeToClaim` (component-helpers): the volume pointed at the claim. `claimRef` is
 * replaced when missing or when its name, namespace or UID differ; the
 * `pv.kubernetes.io/bound-by-controller` annotation is added only if the volume did not already
 * point at the claim (so a volume pre-bound by name gets its UID but no annotation). `dirty`
 * tells whether anything changed. The input is not modified.
 *
 * @example
 * ```ts
 * const { volume, dirty } = getBindVolumeToClaim(pv, pvc);
 * volume.spec.claimRef?.uid === pvc.metadata.uid; // true
 * ```
 */
export function getBindVolumeToClaim<V extends PersistentVolume>(volume: V, claim: PersistentVolumeClaim): { volume: V; dirty: boolean } {
  expectObject(volume, "volume", "a PersistentVolume");
  expectObject(claim, "claim", "a PersistentVolumeClaim");
  const markController = !isVolumeBoundToClaim(volume, claim);
  let next = volume;
  let dirty = false;
  const ref = volume.spec?.claimRef;
  if (
    ref === undefined ||
    ref === null ||
    (ref.name ?? "") !== nameOf(claim) ||
    (ref.namespace ?? "") !== namespaceOf(claim) ||
    (ref.uid ?? "") !== uidOf(claim)
  ) {
    next = { ...next, spec: copyWith(next.spec, { claimRef: claimReference(claim) }) };
    dirty = true;
  }
  if (markController && !hasAnnotation(next, AnnBoundByController)) {
    next = withAnnotation(next, AnnBoundByController, "yes");
    dirty = true;
  }
  return { volume: next, dirty };
}

/**
 * `bindClaimToVolume`: `volumeName` (+ bound-by-controller) when it differs, and always
 * `bind-completed`.
 */
function getBindClaimToVolume(claim: StoredClaim, volume: StoredVolume): { claim: StoredClaim; dirty: boolean } {
  let next = claim;
  let dirty = false;
  if ((claim.spec.volumeName ?? "") !== nameOf(volume)) {
    next = { ...next, spec: copyWith(next.spec, { volumeName: nameOf(volume) }) };
    if (!hasAnnotation(next, AnnBoundByController)) next = withAnnotation(next, AnnBoundByController, "yes");
    dirty = true;
  }
  if (!hasAnnotation(next, AnnBindCompleted)) {
    next = withAnnotation(next, AnnBindCompleted, "yes");
    dirty = true;
  }
  return { claim: next, dirty };
}

/**
 * `bind(volume, claim)`: PV spec, PV status (Bound), PVC spec, PVC status (Bound), each written
 * only when something changes, stopping at the first failure (a crash leaves a partial state the
 * next sync completes). Internal.
 *
 * @example
 * ```ts
 * transact(cluster, ctx, (tx) => bind(tx, pv, pvc));
 * ```
 */
export function bind(tx: Transaction, volume: StoredVolume, claim: StoredClaim): void {
  const v = getBindVolumeToClaim(volume, claim);
  let pv = v.dirty ? (tx.write("PersistentVolume", "update", v.volume) ?? v.volume) : volume;
  pv = updateVolumePhase(tx, pv, "Bound", "");
  const c = getBindClaimToVolume(claim, pv);
  const pvc = c.dirty ? (tx.write("PersistentVolumeClaim", "update", c.claim) ?? c.claim) : claim;
  updateClaimStatus(tx, pvc, "Bound", pv);
}

/**
 * `unbindVolume`: a volume bound by the controller loses its `claimRef` and the annotation; a
 * volume pre-bound by the user keeps the reservation by name and loses only the UID. Then the
 * phase becomes Available. Internal.
 *
 * @example
 * ```ts
 * transact(cluster, ctx, (tx) => void unbindVolume(tx, pv));
 * ```
 */
export function unbindVolume(tx: Transaction, volume: StoredVolume): StoredVolume {
  let next: StoredVolume;
  if (hasAnnotation(volume, AnnBoundByController)) {
    next = withoutAnnotation(volume, AnnBoundByController);
    const spec = { ...next.spec };
    delete spec.claimRef;
    next = { ...next, spec };
  } else {
    const ref = { ...(volume.spec.claimRef ?? {}) };
    delete ref.uid;
    next = { ...volume, spec: { ...volume.spec, claimRef: ref } };
  }
  const stored = tx.write("PersistentVolume", "update", next) ?? next;
  return updateVolumePhase(tx, stored, "Available", "");
}
