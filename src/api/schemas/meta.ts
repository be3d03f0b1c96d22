/**
 * Schemas of `metav1` metadata, references, `Status` and lists.
 *
 * @module
 */
import * as z from "zod";
import { QuantityOrNullSchema } from "../quantity-schema.js";
import type {
  KubernetesList,
  ListMeta,
  LocalObjectReference,
  ManagedFieldsEntry,
  ObjectMeta,
  ObjectReference,
  OwnerReference,
  ResourceList,
  SecretReference,
  Status,
  StatusCause,
  StatusDetails,
  TypedLocalObjectReference,
  TypedObjectReference,
} from "../types/meta.js";
import {
  Int32Schema,
  Int64Schema,
  kubeObject,
  lazyKubeObject,
  lazySchema,
  OpaqueObjectSchema,
  stringKeyedRecord,
  StringListSchema,
  StringMapSchema,
  TimeSchema,
} from "./common.js";

/**
 * `metav1.OwnerReference`.
 *
 * @example
 * ```ts
 * OwnerReferenceSchema.parse({ apiVersion: "apps/v1", kind: "StatefulSet", name: "db", uid: "u1" });
 * ```
 */
export const OwnerReferenceSchema: z.ZodType<OwnerReference> = lazyKubeObject(() => ({
  apiVersion: z.string(),
  kind: z.string(),
  name: z.string(),
  uid: z.string(),
  controller: z.boolean().nullish(),
  blockOwnerDeletion: z.boolean().nullish(),
}));

/**
 * `metav1.ManagedFieldsEntry`.
 *
 * @example
 * ```ts
 * ManagedFieldsEntrySchema.parse({ manager: "kubectl", operation: "Apply", fieldsType: "FieldsV1", fieldsV1: {} });
 * ```
 */
export const ManagedFieldsEntrySchema: z.ZodType<ManagedFieldsEntry> = lazyKubeObject(() => ({
  manager: z.string().optional(),
  operation: z.string().optional(),
  apiVersion: z.string().optional(),
  time: TimeSchema.nullish(),
  fieldsType: z.string().optional(),
  fieldsV1: OpaqueObjectSchema.nullish(),
  subresource: z.string().optional(),
}));

/**
 * `metav1.ObjectMeta`.
 *
 * @example
 * ```ts
 * ObjectMetaSchema.parse({ name: "data", namespace: "default", creationTimestamp: null });
 * ```
 */
export const ObjectMetaSchema: z.ZodType<ObjectMeta> = lazyKubeObject(() => ({
  name: z.string().optional(),
  generateName: z.string().optional(),
  namespace: z.string().optional(),
  selfLink: z.string().optional(),
  uid: z.string().optional(),
  resourceVersion: z.string().optional(),
  generation: Int64Schema.optional(),
  creationTimestamp: TimeSchema.nullish(),
  deletionTimestamp: TimeSchema.nullish(),
  deletionGracePeriodSeconds: Int64Schema.nullish(),
  labels: StringMapSchema.optional(),
  annotations: StringMapSchema.optional(),
  ownerReferences: z.array(OwnerReferenceSchema).optional(),
  finalizers: StringListSchema.optional(),
  managedFields: z.array(ManagedFieldsEntrySchema).optional(),
}));

/**
 * `metav1.ListMeta`.
 *
 * @example
 * ```ts
 * ListMetaSchema.parse({ resourceVersion: "1" });
 * ```
 */
export const ListMetaSchema: z.ZodType<ListMeta> = lazyKubeObject(() => ({
  selfLink: z.string().optional(),
  resourceVersion: z.string().optional(),
  continue: z.string().optional(),
  remainingItemCount: Int64Schema.nullish(),
}));

/**
 * `corev1.ObjectReference`.
 *
 * @example
 * ```ts
 * ObjectReferenceSchema.parse({ kind: "PersistentVolumeClaim", namespace: "default", name: "data" });
 * ```
 */
export const ObjectReferenceSchema: z.ZodType<ObjectReference> = lazyKubeObject(() => ({
  kind: z.string().optional(),
  namespace: z.string().optional(),
  name: z.string().optional(),
  uid: z.string().optional(),
  apiVersion: z.string().optional(),
  resourceVersion: z.string().optional(),
  fieldPath: z.string().optional(),
}));

/**
 * `corev1.LocalObjectReference`.
 *
 * @example
 * ```ts
 * LocalObjectReferenceSchema.parse({ name: "secret" });
 * ```
 */
export const LocalObjectReferenceSchema: z.ZodType<LocalObjectReference> = lazyKubeObject(() => ({
  name: z.string().optional(),
}));

/**
 * `corev1.SecretReference`.
 *
 * @example
 * ```ts
 * SecretReferenceSchema.parse({ name: "secret", namespace: "kube-system" });
 * ```
 */
export const SecretReferenceSchema: z.ZodType<SecretReference> = lazyKubeObject(() => ({
  name: z.string().optional(),
  namespace: z.string().optional(),
}));

/**
 * `corev1.TypedLocalObjectReference`.
 *
 * @example
 * ```ts
 * TypedLocalObjectReferenceSchema.parse({ kind: "PersistentVolumeClaim", name: "src" });
 * ```
 */
export const TypedLocalObjectReferenceSchema: z.ZodType<TypedLocalObjectReference> = lazyKubeObject(() => ({
  apiGroup: z.string().nullish(),
  kind: z.string(),
  name: z.string(),
}));

/**
 * `corev1.TypedObjectReference`.
 *
 * @example
 * ```ts
 * TypedObjectReferenceSchema.parse({ apiGroup: "snapshot.storage.k8s.io", kind: "VolumeSnapshot", name: "s", namespace: "backups" });
 * ```
 */
export const TypedObjectReferenceSchema: z.ZodType<TypedObjectReference> = lazyKubeObject(() => ({
  apiGroup: z.string().nullish(),
  kind: z.string(),
  name: z.string(),
  namespace: z.string().nullish(),
}));

/**
 * A `corev1.ResourceList`: quantity values (strings or numbers in, text out; `null` reads as
 * `"0"`, as Go decodes a null quantity).
 *
 * @example
 * ```ts
 * ResourceListSchema.parse({ storage: 1073741824 }); // { storage: "1073741824" }
 * ```
 */
export const ResourceListSchema: z.ZodType<ResourceList> = lazySchema(() => stringKeyedRecord(QuantityOrNullSchema));

/**
 * `metav1.StatusCause`.
 *
 * @example
 * ```ts
 * StatusCauseSchema.parse({ reason: "FieldValueRequired", message: "Required value", field: "spec.accessModes" });
 * ```
 */
export const StatusCauseSchema: z.ZodType<StatusCause> = lazyKubeObject(() => ({
  reason: z.string().optional(),
  message: z.string().optional(),
  field: z.string().optional(),
}));

/**
 * `metav1.StatusDetails`.
 *
 * @example
 * ```ts
 * StatusDetailsSchema.parse({ name: "c", kind: "PersistentVolumeClaim", causes: [] });
 * ```
 */
export const StatusDetailsSchema: z.ZodType<StatusDetails> = lazyKubeObject(() => ({
  name: z.string().optional(),
  group: z.string().optional(),
  kind: z.string().optional(),
  uid: z.string().optional(),
  causes: z.array(StatusCauseSchema).optional(),
  retryAfterSeconds: Int32Schema.optional(),
}));

/**
 * `metav1.Status`.
 *
 * @example
 * ```ts
 * StatusSchema.parse({ apiVersion: "v1", kind: "Status", status: "Failure", reason: "Invalid", code: 422 });
 * ```
 */
export const StatusSchema: z.ZodType<Status> = lazyKubeObject(() => ({
  apiVersion: z.literal("v1").optional(),
  kind: z.literal("Status").optional(),
  metadata: ListMetaSchema.optional(),
  status: z.string().optional(),
  message: z.string().optional(),
  reason: z.string().optional(),
  details: StatusDetailsSchema.nullish(),
  code: Int32Schema.optional(),
}));

/**
 * A schema for a list of objects of one kind (`kind: List` or `<Kind>List`) from the item schema.
 *
 * @param item - the schema of one item
 * @returns the list schema
 * @example
 * ```ts
 * const PVList = kubernetesListSchema(PersistentVolumeSchema);
 * PVList.parse({ apiVersion: "v1", kind: "PersistentVolumeList", items: [] });
 * ```
 */
export function kubernetesListSchema<T>(item: z.ZodType<T>): z.ZodType<KubernetesList<T>> {
  return kubeObject({
    apiVersion: z.string().optional(),
    kind: z.string().optional(),
    metadata: ListMetaSchema.optional(),
    items: z.array(item),
  }) as unknown as z.ZodType<KubernetesList<T>>;
}
