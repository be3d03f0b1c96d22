/**
 * API writes as data.
 *
 * @module
 */
import type { StoredObjects } from "./stored.js";

/**
 * The kinds of object the lifecycle reads and writes.
 *
 * @example
 * ```ts
 * const kind: ObjectKind = "PersistentVolume";
 * ```
 */
export type ObjectKind = "PersistentVolume" | "PersistentVolumeClaim" | "StorageClass" | "Pod" | "Node";

/**
 * The API verb of a write. `update` writes spec and metadata (status is kept), `updateStatus`
 * writes the status subresource only (spec and metadata are kept), `delete` either marks the
 * object (`deletionTimestamp`, when finalizers remain) or removes it.
 *
 * @example
 * ```ts
 * const verb: WriteVerb = "updateStatus";
 * ```
 */
export type WriteVerb = "create" | "update" | "updateStatus" | "delete";

/**
 * Who made a write.
 *
 * @example
 * ```ts
 * writes.filter((w) => w.actor === "pv-controller");
 * ```
 */
export type WriteActor =
  | "pv-controller"
  | "kube-scheduler"
  | "pvc-protection-controller"
  | "pv-protection-controller"
  | "external-provisioner"
  | "user";

/**
 * One accepted API write, in the order it happened. `object` is the object as stored after the
 * write (with its new `resourceVersion`); `removed` is true when the write made the object go
 * away (a delete without finalizers, or the removal of the last finalizer of an object being
 * deleted), and then `object` is the last stored state.
 *
 * `Write` is a union discriminated by `kind`: testing `write.kind` narrows `write.object` to the
 * stored type of that kind ({@link StoredObjects}), so no cast is needed. `Write<"PersistentVolume">`
 * is the write of one kind.
 *
 * @example
 * ```ts
 * const { writes } = syncClaim(cluster, "default/data", { now });
 * writes.map((w) => `${w.verb} ${w.kind} ${w.name}`);
 * // ["update PersistentVolume pv1", "updateStatus PersistentVolume pv1",
 * //  "update PersistentVolumeClaim data", "updateStatus PersistentVolumeClaim data"]
 * for (const w of writes) {
 *   if (w.kind === "PersistentVolume") console.log(w.object.spec.claimRef?.name); // w.object: StoredVolume
 * }
 * ```
 */
export type Write<K extends ObjectKind = ObjectKind> = {
  [P in K]: {
    readonly verb: WriteVerb;
    readonly kind: P;
    readonly namespace?: string;
    readonly name: string;
    readonly actor: WriteActor;
    readonly object: StoredObjects[P];
    readonly removed: boolean;
  };
}[K];
