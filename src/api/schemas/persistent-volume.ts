/**
 * Schemas of `PersistentVolume`.
 *
 * @module
 */
import * as z from "zod";
import type { AccessMode, PersistentVolumeMode, PersistentVolumePhase, PersistentVolumeReclaimPolicy } from "../types/enums.js";
import type { PersistentVolume, PersistentVolumeSpec, PersistentVolumeStatus, VolumeNodeAffinity } from "../types/persistent-volume.js";
import { enumString, lazyKubeObject, StringListSchema, TimeSchema } from "./common.js";
import { ObjectMetaSchema, ObjectReferenceSchema, ResourceListSchema } from "./meta.js";
import { NodeSelectorSchema } from "./selectors.js";
import { persistentVolumeSourceShape } from "./volume-sources.js";

/**
 * An access-mode string (any string; validation reports unsupported ones).
 *
 * @example
 * ```ts
 * AccessModeSchema.parse("ReadWriteOnce");
 * ```
 */
export const AccessModeSchema = enumString<AccessMode>();

/**
 * `corev1.VolumeNodeAffinity`.
 *
 * @example
 * ```ts
 * VolumeNodeAffinitySchema.parse({ required: { nodeSelectorTerms: [{ matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: ["n1"] }] }] } });
 * ```
 */
export const VolumeNodeAffinitySchema: z.ZodType<VolumeNodeAffinity> = lazyKubeObject(() => ({
  required: NodeSelectorSchema.nullish(),
}));

/**
 * `corev1.PersistentVolumeSpec` including all 22 volume sources.
 *
 * @example
 * ```ts
 * PersistentVolumeSpecSchema.parse({ capacity: { storage: "1Gi" }, accessModes: ["ReadWriteOnce"], hostPath: { path: "/tmp" } });
 * ```
 */
export const PersistentVolumeSpecSchema: z.ZodType<PersistentVolumeSpec> = lazyKubeObject(() => ({
  capacity: ResourceListSchema.optional(),
  ...persistentVolumeSourceShape,
  accessModes: z.array(AccessModeSchema).optional(),
  claimRef: ObjectReferenceSchema.nullish(),
  persistentVolumeReclaimPolicy: enumString<PersistentVolumeReclaimPolicy>().optional(),
  storageClassName: z.string().optional(),
  mountOptions: StringListSchema.optional(),
  volumeMode: enumString<PersistentVolumeMode>().nullish(),
  nodeAffinity: VolumeNodeAffinitySchema.nullish(),
  volumeAttributesClassName: z.string().nullish(),
}));

/**
 * `corev1.PersistentVolumeStatus`.
 *
 * @example
 * ```ts
 * PersistentVolumeStatusSchema.parse({ phase: "Available" });
 * ```
 */
export const PersistentVolumeStatusSchema: z.ZodType<PersistentVolumeStatus> = lazyKubeObject(() => ({
  phase: enumString<PersistentVolumePhase>().optional(),
  message: z.string().optional(),
  reason: z.string().optional(),
  lastPhaseTransitionTime: TimeSchema.nullish(),
}));

/**
 * A PersistentVolume: checks the JSON shape (types, required fields, quantities, timestamps),
 * keeps unknown fields at every level, converts numeric quantities to text. Values such as access
 * modes are checked by `validatePersistentVolume`, not here.
 *
 * @example
 * ```ts
 * const pv = PersistentVolumeSchema.parse({
 *   apiVersion: "v1", kind: "PersistentVolume", metadata: { name: "pv-1" },
 *   spec: { capacity: { storage: "10Gi" }, accessModes: ["ReadWriteOnce"], nfs: { server: "nfs.local", path: "/x" } },
 * });
 * ```
 */
export const PersistentVolumeSchema: z.ZodType<PersistentVolume> = lazyKubeObject(() => ({
  apiVersion: z.literal("v1").optional(),
  kind: z.literal("PersistentVolume").optional(),
  metadata: ObjectMetaSchema,
  spec: PersistentVolumeSpecSchema,
  status: PersistentVolumeStatusSchema.optional(),
}));
