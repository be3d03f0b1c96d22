/**
 * Small immutable helpers over object metadata (annotations, finalizers, keys). Internal.
 *
 * @module
 */
import type { ObjectMeta } from "../api/index.js";
import { isDeleting } from "../api/helpers/index.js";
import { copyWith } from "../api/copy-with.js";

/**
 * Anything with Kubernetes metadata.
 *
 * @example
 * ```ts
 * const obj: HasMeta = { metadata: { name: "pv1" } };
 * ```
 */
export interface HasMeta {
  readonly metadata?: ObjectMeta;
}

/**
 * Name of an object (`""` when missing).
 *
 * @example
 * ```ts
 * nameOf({ metadata: { name: "pv1" } }); // "pv1"
 * ```
 */
export function nameOf(obj: HasMeta): string {
  return obj?.metadata?.name ?? "";
}

/**
 * Namespace of an object (`""` when missing).
 *
 * @example
 * ```ts
 * namespaceOf({ metadata: { name: "c", namespace: "ns" } }); // "ns"
 * ```
 */
export function namespaceOf(obj: HasMeta): string {
  return obj?.metadata?.namespace ?? "";
}

/**
 * `namespace/name` key of a namespaced object (claims, pods).
 *
 * @example
 * ```ts
 * namespacedKey({ metadata: { name: "data", namespace: "default" } }); // "default/data"
 * ```
 */
export function namespacedKey(obj: HasMeta): string {
  return `${namespaceOf(obj)}/${nameOf(obj)}`;
}

/**
 * UID of an object (`""` when missing, as Go's zero value).
 *
 * @example
 * ```ts
 * uidOf({ metadata: { uid: "1" } }); // "1"
 * ```
 */
export function uidOf(obj: HasMeta): string {
  return obj?.metadata?.uid ?? "";
}

/**
 * Whether the annotation key is present (any value).
 *
 * @example
 * ```ts
 * hasAnnotation(pvc, "pv.kubernetes.io/bind-completed");
 * ```
 */
export function hasAnnotation(obj: HasMeta, key: string): boolean {
  const a = obj?.metadata?.annotations;
  return a !== undefined && a !== null && Object.hasOwn(a, key);
}

/**
 * Value of an annotation, `undefined` when absent.
 *
 * @example
 * ```ts
 * annotation(pvc, "volume.kubernetes.io/selected-node");
 * ```
 */
export function annotation(obj: HasMeta, key: string): string | undefined {
  return hasAnnotation(obj, key) ? obj?.metadata?.annotations?.[key] : undefined;
}

/**
 * A copy with the annotation set.
 *
 * @example
 * ```ts
 * withAnnotation(pvc, "pv.kubernetes.io/bind-completed", "yes");
 * ```
 */
export function withAnnotation<T extends HasMeta>(obj: T, key: string, value: string): T {
  const annotations = copyWith(obj.metadata?.annotations);
  annotations[key] = value;
  return { ...obj, metadata: copyWith(obj.metadata, { annotations }) };
}

/**
 * A copy without the annotation; an emptied map is dropped (Kubernetes serialises an empty map
 * and no map alike).
 *
 * @example
 * ```ts
 * withoutAnnotation(pv, "pv.kubernetes.io/bound-by-controller");
 * ```
 */
export function withoutAnnotation<T extends HasMeta>(obj: T, key: string): T {
  if (!hasAnnotation(obj, key)) return obj;
  const annotations = { ...obj.metadata?.annotations };
  delete annotations[key];
  const { annotations: _dropped, ...rest } = obj.metadata ?? {};
  const metadata: ObjectMeta = Object.keys(annotations).length === 0 ? rest : { ...rest, annotations };
  return { ...obj, metadata };
}

/**
 * Whether the object lists the finalizer.
 *
 * @example
 * ```ts
 * hasFinalizer(pvc, "kubernetes.io/pvc-protection");
 * ```
 */
export function hasFinalizer(obj: HasMeta, finalizer: string): boolean {
  return (obj?.metadata?.finalizers ?? []).includes(finalizer);
}

/**
 * A copy with the finalizer appended (unchanged if present).
 *
 * @example
 * ```ts
 * withFinalizer(pv, "kubernetes.io/pv-protection");
 * ```
 */
export function withFinalizer<T extends HasMeta>(obj: T, finalizer: string): T {
  if (hasFinalizer(obj, finalizer)) return obj;
  return { ...obj, metadata: copyWith(obj.metadata, { finalizers: [...(obj.metadata?.finalizers ?? []), finalizer] }) };
}

/**
 * A copy without the finalizer; an emptied list is dropped.
 *
 * @example
 * ```ts
 * withoutFinalizer(pv, "kubernetes.io/pv-protection");
 * ```
 */
export function withoutFinalizer<T extends HasMeta>(obj: T, finalizer: string): T {
  if (!hasFinalizer(obj, finalizer)) return obj;
  const finalizers = (obj.metadata?.finalizers ?? []).filter((f) => f !== finalizer);
  const { finalizers: _dropped, ...rest } = obj.metadata ?? {};
  const metadata: ObjectMeta = finalizers.length === 0 ? rest : { ...rest, finalizers };
  return { ...obj, metadata };
}

/**
 * Whether `metadata.deletionTimestamp` is set (`isDeleting` of the API helpers: `null` and `""`
 * count as not set; a `Date` or a string as set).
 *
 * @example
 * ```ts
 * isBeingDeleted(pvc);
 * ```
 */
export function isBeingDeleted(obj: HasMeta): boolean {
  return isDeleting(obj);
}

/**
 * `resourceVersion` as an integer (missing or non-numeric: 0), as the controller's
 * `storeObjectUpdate` parses it.
 *
 * @example
 * ```ts
 * resourceVersionOf({ metadata: { resourceVersion: "42" } }); // 42
 * ```
 */
export function resourceVersionOf(obj: HasMeta): number {
  const rv = obj?.metadata?.resourceVersion;
  if (rv === undefined || !/^\d{1,15}$/.test(rv)) return 0;
  return Number(rv);
}
