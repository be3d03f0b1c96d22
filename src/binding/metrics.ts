/**
 * The quality metrics of a plan.
 *
 * @module
 */
import { claimClass, claimKey, claimRequest, volumeCapacity } from "../api/helpers/index.js";
import type { PersistentVolume, PersistentVolumeClaim } from "../api/index.js";
import type { Snapshot } from "./snapshot.js";
import type { Assignment, BindingCounts, BindingMetrics, PendingClaim } from "./types.js";

interface Acc {
  considered: number;
  bound: number;
  pending: number;
  requestedBytes: bigint;
  allocatedBytes: bigint;
}

const fresh = (): Acc => ({ considered: 0, bound: 0, pending: 0, requestedBytes: 0n, allocatedBytes: 0n });
const done = (a: Acc): BindingCounts => ({ ...a, wastedBytes: a.allocatedBytes - a.requestedBytes });

/**
 * A claim's request in bytes (Kubernetes' `Value()`, rounded up; a missing or unreadable request
 * is 0).
 *
 * @internal
 * @example
 * ```ts
 * requestBytes(pvc); // 5368709120n for "5Gi"
 * ```
 */
export function requestBytes(claim: PersistentVolumeClaim): bigint {
  try {
    return claimRequest(claim).value();
  } catch {
    return 0n;
  }
}

/**
 * A volume's capacity in bytes (`Value()`, rounded up; a missing capacity is 0, an unreadable one 0).
 *
 * @internal
 * @example
 * ```ts
 * capacityBytes(pv); // 10737418240n for "10Gi"
 * ```
 */
export function capacityBytes(volume: PersistentVolume): bigint {
  try {
    return volumeCapacity(volume).value();
  } catch {
    return 0n;
  }
}

function safeClass(claim: PersistentVolumeClaim): string {
  try {
    return claimClass(claim);
  } catch {
    return "";
  }
}

/**
 * The {@link BindingMetrics} of a plan over a snapshot: counts overall and per claim class (the
 * class as the claim is written, `""` without one); claims that are not objects count as
 * considered and pending, in class `""`.
 *
 * @internal
 * @example
 * ```ts
 * const m = metricsOf(snap, assignments, pending, 12.5, 3.1);
 * ```
 */
export function metricsOf(
  snap: Snapshot,
  assignments: readonly Assignment[],
  pending: readonly PendingClaim[],
  timeMs: number,
  indexMs: number,
): BindingMetrics {
  const all = fresh();
  const byClass = new Map<string, Acc>();
  const acc = (cls: string): Acc => {
    let a = byClass.get(cls);
    if (a === undefined) byClass.set(cls, (a = fresh()));
    return a;
  };
  const claimOf = new Map<string, PersistentVolumeClaim>();
  for (const c of snap.claims) claimOf.set(claimKey(c), c);
  const volumeOf = new Map<string, PersistentVolume>();
  for (const v of snap.volumes) {
    const n = v?.metadata?.name;
    volumeOf.set(typeof n === "string" ? n : "", v);
  }
  for (const a of assignments) {
    const claim = claimOf.get(a.claim);
    const volume = volumeOf.get(a.volume);
    const req = claim === undefined ? 0n : requestBytes(claim);
    const cap = volume === undefined ? 0n : capacityBytes(volume);
    for (const x of [all, acc(claim === undefined ? "" : safeClass(claim))]) {
      x.considered++;
      x.bound++;
      x.requestedBytes += req;
      x.allocatedBytes += cap;
    }
  }
  for (const p of pending) {
    const claim = claimOf.get(p.claim);
    for (const x of [all, acc(claim === undefined ? "" : safeClass(claim))]) {
      x.considered++;
      x.pending++;
    }
  }
  const classes = new Map<string, BindingCounts>();
  for (const k of [...byClass.keys()].sort()) classes.set(k, done(byClass.get(k)!));
  return { ...done(all), byClass: classes, timeMs, indexMs };
}
