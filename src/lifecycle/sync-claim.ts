/**
 * `syncClaim` (kubernetes/kubernetes pkg/controller/volume/persistentvolume/pv_controller.go: `syncClaim`, `syncUnboundClaim`, `syncBoundClaim`): the PV controller's claim worker as a pure function.
 *
 * @module
 */
import { AnnBindCompleted, AnnBoundByController, AnnSelectedNode } from "../api/constants/index.js";
import { claimClass, claimHasClass, isVolumeBoundToClaim } from "../api/helpers/index.js";
import type { StoredClaim, StoredVolume } from "./stored.js";
import { checkVolumeSatisfyClaim } from "../matching/index.js";
import { bind } from "./bind.js";
import type { Cluster } from "./cluster.js";
import type { LifecycleContext } from "./context.js";
import { defaultStorageClass } from "./default-class.js";
import { isDelayBindingMode } from "./delay-binding.js";
import { EventReasons } from "./event.js";
import { hasAnnotation, nameOf, uidOf } from "./object-meta.js";
import { isPodTerminated, podsReferencingClaim } from "./pods.js";
import { provisionClaim } from "./provisioning.js";
import { claimEventRef } from "./refs.js";
import type { LifecycleResult } from "./result.js";
import { updateClaimStatus, updateClaimStatusWithEvent } from "./status-writers.js";
import { SyncError, transact, type Transaction } from "./transaction.js";
import { type ClusterVolumeMatcher, findBestMatch } from "./volume-matcher.js";

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** WaitForFirstConsumer / WaitForPodScheduled event of a delayed claim. */
function emitDelayBindingEvent(tx: Transaction, claim: StoredClaim): void {
  const key = `${claim.metadata.namespace ?? ""}/${nameOf(claim)}`;
  const waiting = podsReferencingClaim(tx.cluster, key)
    .filter((p) => !isPodTerminated(p) && !p.spec?.nodeName)
    .map((p) => nameOf(p));
  if (waiting.length === 0) {
    tx.event("Normal", EventReasons.WaitForFirstConsumer, "waiting for first consumer to be created before binding", claimEventRef(claim));
  } else if (waiting.length === 1) {
    tx.event("Normal", EventReasons.WaitForPodScheduled, `waiting for pod ${waiting[0]} to be scheduled`, claimEventRef(claim));
  } else {
    tx.event("Normal", EventReasons.WaitForPodScheduled, `waiting for pods ${waiting.join(",")} to be scheduled`, claimEventRef(claim));
  }
}

/** `syncUnboundClaim`, no `volumeName`: the user does not care which volume. */
function syncUnboundClaimAnyVolume(tx: Transaction, claim: StoredClaim, matcher: ClusterVolumeMatcher | undefined): void {
  const { delay, error } = isDelayBindingMode(claim, tx.cluster.classes);
  if (error !== undefined) throw new SyncError(error);
  let pv: StoredVolume | undefined;
  try {
    pv = findBestMatch(tx.cluster.volumes, claim, delay, matcher);
  } catch (e) {
    throw new SyncError(errorText(e));
  }
  if (pv !== undefined) {
    bind(tx, pv, claim);
    return;
  }
  if (!claimHasClass(claim)) {
    const def = defaultStorageClass(tx.cluster.classes.values());
    if (def !== undefined) {
      tx.write("PersistentVolumeClaim", "update", { ...claim, spec: { ...claim.spec, storageClassName: nameOf(def) } });
      return;
    }
  }
  if (delay && !hasAnnotation(claim, AnnSelectedNode)) {
    emitDelayBindingEvent(tx, claim);
  } else if (claimClass(claim) !== "") {
    provisionClaim(tx, claim);
    return;
  } else {
    tx.event(
      "Normal",
      EventReasons.FailedBinding,
      "no persistent volumes available for this claim and no storage class is set",
      claimEventRef(claim),
    );
  }
  updateClaimStatus(tx, claim, "Pending", undefined);
}

/** `syncUnboundClaim`, `volumeName` set: the claim names a volume. */
function syncUnboundClaimNamedVolume(tx: Transaction, claim: StoredClaim, volumeName: string): void {
  const pv = tx.cluster.volumes.get(volumeName);
  if (pv === undefined) {
    updateClaimStatus(tx, claim, "Pending", undefined);
    return;
  }
  if (pv.spec.claimRef === undefined || pv.spec.claimRef === null) {
    let reason: string | undefined;
    try {
      reason = checkVolumeSatisfyClaim(pv, claim);
    } catch (e) {
      reason = errorText(e);
    }
    if (reason !== undefined) {
      tx.event("Warning", EventReasons.VolumeMismatch, `Cannot bind to requested volume "${volumeName}": ${reason}`, claimEventRef(claim));
      updateClaimStatus(tx, claim, "Pending", undefined);
      return;
    }
    bind(tx, pv, claim);
    return;
  }
  if (isVolumeBoundToClaim(pv, claim)) {
    bind(tx, pv, claim);
    return;
  }
  const message = `volume "${volumeName}" already bound to a different claim.`;
  tx.event("Warning", EventReasons.FailedBinding, message, claimEventRef(claim));
  if (hasAnnotation(claim, AnnBoundByController)) {
    throw new SyncError(
      `invalid binding of claim "${claim.metadata.namespace ?? ""}/${nameOf(claim)}" to volume "${volumeName}": volume already claimed by "${pv.spec.claimRef.namespace ?? ""}/${pv.spec.claimRef.name ?? ""}"`,
    );
  }
  updateClaimStatus(tx, claim, "Pending", undefined);
}

/** `syncBoundClaim`: the claim has completed binding once. */
function syncBoundClaim(tx: Transaction, claim: StoredClaim): void {
  const volumeName = claim.spec.volumeName ?? "";
  if (volumeName === "") {
    updateClaimStatusWithEvent(
      tx,
      claim,
      "Lost",
      undefined,
      "Warning",
      EventReasons.ClaimLost,
      "Bound claim has lost reference to PersistentVolume. Data on the volume is lost!",
    );
    return;
  }
  const pv = tx.cluster.volumes.get(volumeName);
  if (pv === undefined) {
    updateClaimStatusWithEvent(
      tx,
      claim,
      "Lost",
      undefined,
      "Warning",
      EventReasons.ClaimLost,
      "Bound claim has lost its PersistentVolume. Data on the volume is lost!",
    );
    return;
  }
  const ref = pv.spec.claimRef;
  if (ref === undefined || ref === null || (ref.uid ?? "") === uidOf(claim)) {
    bind(tx, pv, claim);
    return;
  }
  updateClaimStatusWithEvent(
    tx,
    claim,
    "Lost",
    undefined,
    "Warning",
    EventReasons.ClaimMisbound,
    "Two claims are bound to the same volume, this one is bound incorrectly",
  );
}

/**
 * The PV controller's `syncClaim` for the claim `namespace/name`, following the decision tables
 * of `syncUnboundClaim` (unbound claims: matching through the matcher, retroactive default class,
 * WaitForFirstConsumer / WaitForPodScheduled, provisioning, FailedBinding; claims naming a
 * volume: VolumeMismatch, FailedBinding) and `syncBoundClaim` (bound claims: re-binding, ClaimLost,
 * ClaimMisbound). Returns the cluster with the writes applied, the writes in Kubernetes' order
 * (`bind()` is PV spec, PV status, PVC spec, PVC status), the events, and the operations
 * started. A key that names no claim does nothing.
 *
 * Deterministic where Kubernetes iterates maps: the matcher's order (equal capacities: smaller
 * name wins; access-mode groups of equal size in canonical key order); pods in name order.
 * CSI-migration annotations (the start of upstream's `syncClaim`) are not modelled.
 *
 * @throws {@link LifecycleError} `InvalidInput` when `ctx.now` is not a valid time.
 * @example
 * ```ts
 * const cluster = createCluster({
 *   volumes: [{ metadata: { name: "pv1" }, spec: { capacity: { storage: "10Gi" }, accessModes: ["ReadWriteOnce"] },
 *     status: { phase: "Available" } }],
 *   claims: [{ metadata: { name: "data", namespace: "default", uid: "c1" }, spec: { accessModes: ["ReadWriteOnce"],
 *     resources: { requests: { storage: "5Gi" } }, storageClassName: "" } }],
 * });
 * const r = syncClaim(cluster, "default/data", { now: "2026-01-01T00:00:00Z" });
 * r.writes.length; // 4
 * r.cluster.claims.get("default/data")?.status?.phase; // "Bound"
 * ```
 */
export function syncClaim(cluster: Cluster, key: string, ctx: LifecycleContext): LifecycleResult {
  return syncClaimWithMatcher(cluster, key, ctx, undefined);
}

/**
 * {@link syncClaim} with the volume search going through `matcher` when it mirrors the
 * cluster's volumes (drivers such as {@link reconcile} keep one in step); the result is the same
 * as `syncClaim`'s. Internal.
 *
 * @example
 * ```ts
 * const matcher = new ClusterVolumeMatcher(cluster);
 * const r = syncClaimWithMatcher(cluster, "default/data", { now }, matcher);
 * ```
 */
export function syncClaimWithMatcher(
  cluster: Cluster,
  key: string,
  ctx: LifecycleContext,
  matcher: ClusterVolumeMatcher | undefined,
): LifecycleResult {
  return transact(cluster, ctx, (tx) => {
    const claim = tx.cluster.claims.get(key);
    if (claim === undefined) return;
    if (!hasAnnotation(claim, AnnBindCompleted)) {
      const volumeName = claim.spec.volumeName ?? "";
      if (volumeName === "") syncUnboundClaimAnyVolume(tx, claim, matcher);
      else syncUnboundClaimNamedVolume(tx, claim, volumeName);
    } else {
      syncBoundClaim(tx, claim);
    }
  });
}
