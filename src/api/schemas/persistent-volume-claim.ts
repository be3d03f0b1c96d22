/**
 * Schemas of `PersistentVolumeClaim`.
 *
 * @module
 */
import * as z from "zod";
import type {
  ClaimResourceStatus,
  PersistentVolumeClaimConditionType,
  PersistentVolumeClaimModifyVolumeStatus,
  PersistentVolumeClaimPhase,
  PersistentVolumeMode,
} from "../types/enums.js";
import type {
  ModifyVolumeStatus,
  PersistentVolumeClaim,
  PersistentVolumeClaimCondition,
  PersistentVolumeClaimSpec,
  PersistentVolumeClaimStatus,
  PersistentVolumeClaimTemplate,
  VolumeResourceRequirements,
} from "../types/persistent-volume-claim.js";
import { enumString, lazyKubeObject, stringKeyedRecord, TimeSchema } from "./common.js";
import { ObjectMetaSchema, ResourceListSchema, TypedLocalObjectReferenceSchema, TypedObjectReferenceSchema } from "./meta.js";
import { AccessModeSchema } from "./persistent-volume.js";
import { LabelSelectorSchema } from "./selectors.js";

/**
 * `corev1.VolumeResourceRequirements`.
 *
 * @example
 * ```ts
 * VolumeResourceRequirementsSchema.parse({ requests: { storage: "5Gi" } });
 * ```
 */
export const VolumeResourceRequirementsSchema: z.ZodType<VolumeResourceRequirements> = lazyKubeObject(() => ({
  limits: ResourceListSchema.optional(),
  requests: ResourceListSchema.optional(),
}));

/**
 * `corev1.PersistentVolumeClaimSpec`.
 *
 * @example
 * ```ts
 * PersistentVolumeClaimSpecSchema.parse({ accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "5Gi" } } });
 * ```
 */
export const PersistentVolumeClaimSpecSchema: z.ZodType<PersistentVolumeClaimSpec> = lazyKubeObject(() => ({
  accessModes: z.array(AccessModeSchema).optional(),
  selector: LabelSelectorSchema.nullish(),
  resources: VolumeResourceRequirementsSchema.optional(),
  volumeName: z.string().optional(),
  storageClassName: z.string().nullish(),
  volumeMode: enumString<PersistentVolumeMode>().nullish(),
  dataSource: TypedLocalObjectReferenceSchema.nullish(),
  dataSourceRef: TypedObjectReferenceSchema.nullish(),
  volumeAttributesClassName: z.string().nullish(),
}));

/**
 * `corev1.PersistentVolumeClaimCondition`.
 *
 * @example
 * ```ts
 * PersistentVolumeClaimConditionSchema.parse({ type: "Resizing", status: "True" });
 * ```
 */
export const PersistentVolumeClaimConditionSchema: z.ZodType<PersistentVolumeClaimCondition> = lazyKubeObject(() => ({
  type: enumString<PersistentVolumeClaimConditionType>(),
  status: z.string(),
  lastProbeTime: TimeSchema.nullish(),
  lastTransitionTime: TimeSchema.nullish(),
  reason: z.string().optional(),
  message: z.string().optional(),
}));

/**
 * `corev1.ModifyVolumeStatus`.
 *
 * @example
 * ```ts
 * ModifyVolumeStatusSchema.parse({ targetVolumeAttributesClassName: "gold", status: "Pending" });
 * ```
 */
export const ModifyVolumeStatusSchema: z.ZodType<ModifyVolumeStatus> = lazyKubeObject(() => ({
  targetVolumeAttributesClassName: z.string().optional(),
  status: enumString<PersistentVolumeClaimModifyVolumeStatus>(),
}));

/**
 * `corev1.PersistentVolumeClaimStatus`.
 *
 * @example
 * ```ts
 * PersistentVolumeClaimStatusSchema.parse({ phase: "Bound", capacity: { storage: "10Gi" } });
 * ```
 */
export const PersistentVolumeClaimStatusSchema: z.ZodType<PersistentVolumeClaimStatus> = lazyKubeObject(() => ({
  phase: enumString<PersistentVolumeClaimPhase>().optional(),
  accessModes: z.array(AccessModeSchema).optional(),
  capacity: ResourceListSchema.optional(),
  conditions: z.array(PersistentVolumeClaimConditionSchema).optional(),
  allocatedResources: ResourceListSchema.optional(),
  allocatedResourceStatuses: stringKeyedRecord(enumString<ClaimResourceStatus>()).optional(),
  currentVolumeAttributesClassName: z.string().nullish(),
  modifyVolumeStatus: ModifyVolumeStatusSchema.nullish(),
}));

/**
 * A PersistentVolumeClaim: shape checks, unknown fields kept, numeric quantities turned into text.
 *
 * @example
 * ```ts
 * const pvc = PersistentVolumeClaimSchema.parse({
 *   apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "data", namespace: "default" },
 *   spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "5Gi" } } },
 * });
 * ```
 */
export const PersistentVolumeClaimSchema: z.ZodType<PersistentVolumeClaim> = lazyKubeObject(() => ({
  apiVersion: z.literal("v1").optional(),
  kind: z.literal("PersistentVolumeClaim").optional(),
  metadata: ObjectMetaSchema,
  spec: PersistentVolumeClaimSpecSchema,
  status: PersistentVolumeClaimStatusSchema.optional(),
}));

/**
 * `corev1.PersistentVolumeClaimTemplate` (ephemeral pod volumes).
 *
 * @example
 * ```ts
 * PersistentVolumeClaimTemplateSchema.parse({ spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } });
 * ```
 */
export const PersistentVolumeClaimTemplateSchema: z.ZodType<PersistentVolumeClaimTemplate> = lazyKubeObject(() => ({
  metadata: ObjectMetaSchema.optional(),
  spec: PersistentVolumeClaimSpecSchema,
}));
