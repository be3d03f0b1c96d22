/**
 * Events as data: what the PV controller and its neighbours would record.
 *
 * @module
 */

/**
 * The object an event is about.
 *
 * @example
 * ```ts
 * const ref: EventObjectRef = { kind: "PersistentVolumeClaim", namespace: "default", name: "data" };
 * ```
 */
export interface EventObjectRef {
  readonly kind: "PersistentVolume" | "PersistentVolumeClaim" | "Pod";
  readonly namespace?: string;
  readonly name: string;
}

/**
 * One Kubernetes event, with the reason, type and message Kubernetes uses (e.g. `Warning`
 * `ClaimLost` "Bound claim has lost its PersistentVolume. Data on the volume is lost!"). `time` is
 * `ctx.now` rendered as RFC 3339.
 *
 * @example
 * ```ts
 * const e: LifecycleEvent = {
 *   type: "Normal",
 *   reason: "WaitForFirstConsumer",
 *   message: "waiting for first consumer to be created before binding",
 *   object: { kind: "PersistentVolumeClaim", namespace: "default", name: "data" },
 *   time: "2026-01-01T00:00:00Z",
 * };
 * ```
 */
export interface LifecycleEvent {
  readonly type: "Normal" | "Warning";
  readonly reason: string;
  readonly message: string;
  readonly object: EventObjectRef;
  readonly time: string;
}

/**
 * Every event reason the lifecycle emits, spelled as Kubernetes spells them.
 *
 * @example
 * ```ts
 * events.filter((e) => e.reason === EventReasons.ClaimLost);
 * ```
 */
export const EventReasons = Object.freeze({
  FailedBinding: "FailedBinding",
  WaitForFirstConsumer: "WaitForFirstConsumer",
  WaitForPodScheduled: "WaitForPodScheduled",
  VolumeMismatch: "VolumeMismatch",
  ProvisioningFailed: "ProvisioningFailed",
  Provisioning: "Provisioning",
  ExternalProvisioning: "ExternalProvisioning",
  ProvisioningSucceeded: "ProvisioningSucceeded",
  ClaimLost: "ClaimLost",
  ClaimMisbound: "ClaimMisbound",
  VolumeFailedRecycle: "VolumeFailedRecycle",
  VolumeRecycled: "VolumeRecycled",
  VolumeFailedDelete: "VolumeFailedDelete",
  VolumeDelete: "VolumeDelete",
  VolumeUnknownReclaimPolicy: "VolumeUnknownReclaimPolicy",
} as const);

/**
 * A stable identity for an event (everything but the time), used to aggregate repeats the way
 * the event recorder counts them.
 *
 * @example
 * ```ts
 * eventKey(e1) === eventKey(e2); // same object, type, reason and message
 * ```
 */
export function eventKey(e: LifecycleEvent): string {
  return JSON.stringify([e.object.kind, e.object.namespace ?? "", e.object.name, e.type, e.reason, e.message]);
}

/** Whether two events have the same {@link eventKey} (without building either key). */
function sameEvent(a: LifecycleEvent, b: LifecycleEvent): boolean {
  return (
    a.message === b.message &&
    a.reason === b.reason &&
    a.type === b.type &&
    a.object.name === b.object.name &&
    (a.object.namespace ?? "") === (b.object.namespace ?? "") &&
    a.object.kind === b.object.kind
  );
}

/**
 * A set of events up to repeats: two events are one when their {@link eventKey}s are equal. It
 * files the events seen per object, so a repeat costs a few string comparisons instead of
 * building and hashing its whole key (a reconcile run meets one per Pending claim and round).
 *
 * @example
 * ```ts
 * const seen = new DistinctEvents();
 * seen.add(e); // true
 * seen.add({ ...e, time: later }); // false: a repeat
 * ```
 */
export class DistinctEvents {
  private readonly byObject = new Map<string, LifecycleEvent[]>();

  /** Adds `e` unless an equal event is in the set; returns whether it was added. */
  add(e: LifecycleEvent): boolean {
    const o = e.object;
    // Only a filing key: events under one key are still compared field by field.
    const key = `${o.kind}/${o.namespace ?? ""}/${o.name}`;
    const seen = this.byObject.get(key);
    if (seen === undefined) {
      this.byObject.set(key, [e]);
      return true;
    }
    for (const s of seen) if (sameEvent(s, e)) return false;
    seen.push(e);
    return true;
  }
}
