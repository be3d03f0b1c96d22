/**
 * The controller's status writers (kubernetes/kubernetes pkg/controller/volume/persistentvolume/pv_controller.go: `updateClaimStatus`, `updateVolumePhase`). Internal.
 *
 * @module
 */
import { AnnPreResizeCapacity } from "../api/constants/index.js";
import type { PersistentVolumeClaimPhase, PersistentVolumePhase } from "../api/index.js";
import type { StoredClaim, StoredVolume } from "./stored.js";
import { parseQuantity } from "../quantity/index.js";
import { annotation, hasAnnotation, nameOf } from "./object-meta.js";
import { claimEventRef, volumeEventRef } from "./refs.js";
import { SyncError, type Transaction } from "./transaction.js";
import { copyWith } from "../api/copy-with.js";

function sameModes(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const x = a ?? [];
  const y = b ?? [];
  return x.length === y.length && x.every((m, i) => m === y[i]);
}

function sameQuantity(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  try {
    return parseQuantity(String(a)).cmp(parseQuantity(String(b))) === 0;
  } catch {
    return String(a) === String(b);
  }
}

function isQuantity(text: string): boolean {
  try {
    parseQuantity(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * `updateClaimStatus`: sets the phase; without a volume clears access modes and capacity; with a
 * volume copies its access modes and, only when the claim is becoming that phase now, its
 * capacity (or the pre-resize capacity annotation). No change, no write.
 *
 * @example
 * ```ts
 * transact(cluster, ctx, (tx) => void updateClaimStatus(tx, pvc, "Pending", undefined)); // internal
 * ```
 */
export function updateClaimStatus(
  tx: Transaction,
  claim: StoredClaim,
  phase: PersistentVolumeClaimPhase,
  volume: StoredVolume | undefined,
): StoredClaim {
  const old = claim.status ?? {};
  const status = copyWith(old);
  let dirty = false;
  if (old.phase !== phase) {
    status.phase = phase;
    dirty = true;
  }
  if (volume === undefined) {
    for (const field of ["accessModes", "capacity", "currentVolumeAttributesClassName"] as const) {
      if (status[field] !== undefined && status[field] !== null) {
        delete status[field];
        dirty = true;
      }
    }
  } else {
    if (!sameModes(old.accessModes, volume.spec.accessModes)) {
      if (volume.spec.accessModes === undefined) delete status.accessModes;
      else status.accessModes = [...volume.spec.accessModes];
      dirty = true;
    }
    // Capacity only when the claim is becoming Bound now: a later difference may be intentional.
    if (old.phase !== phase) {
      const volumeCap = volume.spec.capacity?.storage;
      if (volumeCap === undefined) {
        throw new SyncError(`PersistentVolume "${nameOf(volume)}" is without a storage capacity`);
      }
      const claimCap = old.capacity?.storage;
      if (hasAnnotation(volume, AnnPreResizeCapacity)) {
        const pre = annotation(volume, AnnPreResizeCapacity) ?? "";
        status.capacity = { ...(old.capacity ?? {}), storage: isQuantity(pre) ? pre : String(volumeCap) };
        dirty = true;
      } else if (!sameQuantity(claimCap, volumeCap)) {
        status.capacity = { ...volume.spec.capacity };
        dirty = true;
      }
      const vac = volume.spec.volumeAttributesClassName;
      if (vac !== undefined && vac !== null && vac !== "" && old.currentVolumeAttributesClassName !== vac) {
        status.currentVolumeAttributesClassName = vac;
        dirty = true;
      }
    }
  }
  if (!dirty) return claim;
  return tx.write("PersistentVolumeClaim", "updateStatus", { ...claim, status }) ?? claim;
}

/**
 * `updateClaimStatusWithEvent`: nothing at all (no write, no event) when the phase is already
 * the target; otherwise the status write and then the event.
 *
 * @example
 * ```ts
 * transact(cluster, ctx, (tx) => void updateClaimStatusWithEvent(tx, pvc, "Lost", undefined, "Warning", "ClaimLost", "...")); // internal
 * ```
 */
export function updateClaimStatusWithEvent(
  tx: Transaction,
  claim: StoredClaim,
  phase: PersistentVolumeClaimPhase,
  volume: StoredVolume | undefined,
  type: "Normal" | "Warning",
  reason: string,
  message: string,
): StoredClaim {
  if (claim.status?.phase === phase) return claim;
  const next = updateClaimStatus(tx, claim, phase, volume);
  tx.event(type, reason, message, claimEventRef(next));
  return next;
}

/**
 * `updateVolumePhase`: no-op when the phase is already set, else writes phase and message.
 *
 * @example
 * ```ts
 * transact(cluster, ctx, (tx) => void updateVolumePhase(tx, pv, "Available")); // internal
 * ```
 */
export function updateVolumePhase(tx: Transaction, volume: StoredVolume, phase: PersistentVolumePhase, message = ""): StoredVolume {
  if (volume.status?.phase === phase) return volume;
  const status = copyWith(volume.status, { phase });
  if (message === "") delete status.message;
  else status.message = message;
  return tx.write("PersistentVolume", "updateStatus", { ...volume, status }) ?? volume;
}

/**
 * `updateVolumePhaseWithEvent`: the phase write and an event, only on an actual phase change.
 *
 * @example
 * ```ts
 * transact(cluster, ctx, (tx) => void updateVolumePhaseWithEvent(tx, pv, "Failed", "Warning", "VolumeFailedDelete", "boom")); // internal
 * ```
 */
export function updateVolumePhaseWithEvent(
  tx: Transaction,
  volume: StoredVolume,
  phase: PersistentVolumePhase,
  type: "Normal" | "Warning",
  reason: string,
  message: string,
): StoredVolume {
  if (volume.status?.phase === phase) return volume;
  const next = updateVolumePhase(tx, volume, phase, message);
  tx.event(type, reason, message, volumeEventRef(next));
  return next;
}
