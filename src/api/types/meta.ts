/**
 * `metav1` object metadata and reference types shared by every kind (the Kubernetes JSON shape).
 *
 * @module
 */

/**
 * A `metav1.Time` / `metav1.MicroTime`: an RFC 3339 string as it arrives in JSON or YAML, or a
 * `Date` as `@kubernetes/client-node` hands it out. Both are accepted everywhere.
 *
 * @example
 * ```ts
 * const a: Time = "2024-05-01T10:00:00Z";
 * const b: Time = new Date("2024-05-01T10:00:00Z");
 * ```
 */
export type Time = string | Date;

/**
 * A reference to the object that owns this one (`metav1.OwnerReference`).
 *
 * @example
 * ```ts
 * const owner: OwnerReference = { apiVersion: "apps/v1", kind: "StatefulSet", name: "db", uid: "6f1c…", controller: true };
 * ```
 */
export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean | null;
  blockOwnerDeletion?: boolean | null;
}

/**
 * One entry of `metadata.managedFields` (server-side apply bookkeeping).
 *
 * @example
 * ```ts
 * const entry: ManagedFieldsEntry = { manager: "kubectl", operation: "Apply", apiVersion: "v1", fieldsType: "FieldsV1", fieldsV1: {} };
 * ```
 */
export interface ManagedFieldsEntry {
  manager?: string;
  /** `"Apply"` or `"Update"`. */
  operation?: string;
  apiVersion?: string;
  time?: Time | null;
  fieldsType?: string;
  /** Opaque field set; kept verbatim. */
  fieldsV1?: object | null;
  subresource?: string;
}

/**
 * `metav1.ObjectMeta`, complete. `creationTimestamp` may be `null` (Go prints the zero time that
 * way, e.g. in `kubectl create --dry-run -o yaml`).
 *
 * @example
 * ```ts
 * const meta: ObjectMeta = { name: "data", namespace: "default", labels: { app: "db" } };
 * ```
 */
export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  /** Deprecated and no longer set by the API server, still part of the schema. */
  selfLink?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: Time | null;
  deletionTimestamp?: Time | null;
  deletionGracePeriodSeconds?: number | null;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  managedFields?: ManagedFieldsEntry[];
}

/**
 * `metav1.ListMeta`: the metadata of a list.
 *
 * @example
 * ```ts
 * const meta: ListMeta = { resourceVersion: "12345" };
 * ```
 */
export interface ListMeta {
  selfLink?: string;
  resourceVersion?: string;
  continue?: string;
  remainingItemCount?: number | null;
}

/**
 * `corev1.ObjectReference`, used by `PersistentVolume.spec.claimRef` and
 * `VolumeSnapshotContent.spec.volumeSnapshotRef`.
 *
 * @example
 * ```ts
 * const ref: ObjectReference = { kind: "PersistentVolumeClaim", namespace: "default", name: "data", uid: "1b2c…" };
 * ```
 */
export interface ObjectReference {
  kind?: string;
  namespace?: string;
  name?: string;
  uid?: string;
  apiVersion?: string;
  resourceVersion?: string;
  fieldPath?: string;
}

/**
 * `corev1.LocalObjectReference`: a name in the same namespace.
 *
 * @example
 * ```ts
 * const ref: LocalObjectReference = { name: "ceph-secret" };
 * ```
 */
export interface LocalObjectReference {
  name?: string;
}

/**
 * `corev1.SecretReference`: a secret by name and namespace.
 *
 * @example
 * ```ts
 * const ref: SecretReference = { name: "csi-secret", namespace: "kube-system" };
 * ```
 */
export interface SecretReference {
  name?: string;
  namespace?: string;
}

/**
 * `corev1.TypedLocalObjectReference` (PVC `spec.dataSource`). `apiGroup` `null`/absent means the
 * core group; validation distinguishes nil from `""` when comparing with `dataSourceRef`.
 *
 * @example
 * ```ts
 * const src: TypedLocalObjectReference = { apiGroup: "snapshot.storage.k8s.io", kind: "VolumeSnapshot", name: "snap-1" };
 * ```
 */
export interface TypedLocalObjectReference {
  apiGroup?: string | null;
  kind: string;
  name: string;
}

/**
 * `corev1.TypedObjectReference` (PVC `spec.dataSourceRef`): like
 * {@link TypedLocalObjectReference} plus an optional namespace (cross-namespace data sources).
 *
 * @example
 * ```ts
 * const ref: TypedObjectReference = { apiGroup: "snapshot.storage.k8s.io", kind: "VolumeSnapshot", name: "snap-1", namespace: "backups" };
 * ```
 */
export interface TypedObjectReference {
  apiGroup?: string | null;
  kind: string;
  name: string;
  namespace?: string | null;
}

/**
 * A quantity-valued resource map (`corev1.ResourceList`), e.g. `{ storage: "10Gi" }`. Values are the
 * quantity text; schemas turn JSON numbers into text.
 *
 * @example
 * ```ts
 * const capacity: ResourceList = { storage: "10Gi" };
 * ```
 */
export type ResourceList = Record<string, string>;

/**
 * The fields every top-level object has (`apiVersion`, `kind`, `metadata`).
 *
 * @example
 * ```ts
 * const obj: KubernetesObject = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "x" } };
 * ```
 */
export interface KubernetesObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
}

/**
 * A generic list (`kind: List` or `<Kind>List`), as `kubectl get -o yaml` prints it.
 *
 * @example
 * ```ts
 * const list: KubernetesList<PersistentVolume> = { apiVersion: "v1", kind: "PersistentVolumeList", metadata: {}, items: [] };
 * ```
 */
export interface KubernetesList<T> {
  apiVersion?: string;
  kind?: string;
  metadata?: ListMeta;
  items: T[];
}

/**
 * One cause inside {@link StatusDetails} (one per field error, in order).
 *
 * @example
 * ```ts
 * const cause: StatusCause = { reason: "FieldValueRequired", message: "Required value", field: "spec.accessModes" };
 * ```
 */
export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

/**
 * `metav1.StatusDetails`.
 *
 * @example
 * ```ts
 * const d: StatusDetails = { name: "data", kind: "PersistentVolumeClaim", causes: [] };
 * ```
 */
export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

/**
 * `metav1.Status`: the API server's error (and some success) response body.
 *
 * @example
 * ```ts
 * const s: Status = {
 *   apiVersion: "v1", kind: "Status", metadata: {}, status: "Failure", reason: "Invalid", code: 422,
 *   message: 'PersistentVolumeClaim "c" is invalid: spec.resources[storage]: Required value',
 *   details: { name: "c", kind: "PersistentVolumeClaim", causes: [{ reason: "FieldValueRequired", message: "Required value", field: "spec.resources[storage]" }] },
 * };
 * ```
 */
export interface Status {
  apiVersion?: "v1";
  kind?: "Status";
  metadata?: ListMeta;
  /** `"Success"` or `"Failure"`. */
  status?: string;
  message?: string;
  /** A `metav1.StatusReason` such as `"Invalid"`, `"Forbidden"`, `"NotFound"`. */
  reason?: string;
  details?: StatusDetails | null;
  code?: number;
}
