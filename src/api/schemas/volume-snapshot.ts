/**
 * Schemas of the `snapshot.storage.k8s.io/v1` kinds.
 *
 * @module
 */
import * as z from "zod";
import type { DeletionPolicy, PersistentVolumeMode } from "../types/enums.js";
import type {
  VolumeSnapshot,
  VolumeSnapshotClass,
  VolumeSnapshotContent,
  VolumeSnapshotContentSource,
  VolumeSnapshotContentSpec,
  VolumeSnapshotContentStatus,
  VolumeSnapshotError,
  VolumeSnapshotSource,
  VolumeSnapshotSpec,
  VolumeSnapshotStatus,
} from "../types/volume-snapshot.js";
import { QuantitySchema } from "../quantity-schema.js";
import { enumString, Int64Schema, lazyKubeObject, StringMapSchema, TimeSchema } from "./common.js";
import { ObjectMetaSchema, ObjectReferenceSchema } from "./meta.js";

const API_VERSION = "snapshot.storage.k8s.io/v1";

/** @example `VolumeSnapshotErrorSchema.parse({ message: "timeout" })` */
export const VolumeSnapshotErrorSchema: z.ZodType<VolumeSnapshotError> = lazyKubeObject(() => ({
  time: TimeSchema.nullish(),
  message: z.string().nullish(),
}));

/** @example `VolumeSnapshotSourceSchema.parse({ persistentVolumeClaimName: "data" })` */
export const VolumeSnapshotSourceSchema: z.ZodType<VolumeSnapshotSource> = lazyKubeObject(() => ({
  persistentVolumeClaimName: z.string().nullish(),
  volumeSnapshotContentName: z.string().nullish(),
}));

/** @example `VolumeSnapshotSpecSchema.parse({ source: { persistentVolumeClaimName: "data" } })` */
export const VolumeSnapshotSpecSchema: z.ZodType<VolumeSnapshotSpec> = lazyKubeObject(() => ({
  source: VolumeSnapshotSourceSchema,
  volumeSnapshotClassName: z.string().nullish(),
}));

/** @example `VolumeSnapshotStatusSchema.parse({ readyToUse: true, restoreSize: "10Gi" })` */
export const VolumeSnapshotStatusSchema: z.ZodType<VolumeSnapshotStatus> = lazyKubeObject(() => ({
  boundVolumeSnapshotContentName: z.string().nullish(),
  creationTime: TimeSchema.nullish(),
  readyToUse: z.boolean().nullish(),
  restoreSize: QuantitySchema.nullish(),
  error: VolumeSnapshotErrorSchema.nullish(),
  volumeGroupSnapshotName: z.string().nullish(),
}));

/**
 * A VolumeSnapshot.
 *
 * @example
 * ```ts
 * VolumeSnapshotSchema.parse({ apiVersion: "snapshot.storage.k8s.io/v1", kind: "VolumeSnapshot", metadata: { name: "s", namespace: "default" }, spec: { source: { persistentVolumeClaimName: "data" } } });
 * ```
 */
export const VolumeSnapshotSchema: z.ZodType<VolumeSnapshot> = lazyKubeObject(() => ({
  apiVersion: z.literal(API_VERSION).optional(),
  kind: z.literal("VolumeSnapshot").optional(),
  metadata: ObjectMetaSchema,
  spec: VolumeSnapshotSpecSchema,
  status: VolumeSnapshotStatusSchema.optional(),
}));

/** @example `VolumeSnapshotContentSourceSchema.parse({ snapshotHandle: "snap-0abc" })` */
export const VolumeSnapshotContentSourceSchema: z.ZodType<VolumeSnapshotContentSource> = lazyKubeObject(() => ({
  volumeHandle: z.string().nullish(),
  snapshotHandle: z.string().nullish(),
}));

/** @example `VolumeSnapshotContentSpecSchema.parse({ volumeSnapshotRef: { name: "s" }, deletionPolicy: "Delete", driver: "d", source: { snapshotHandle: "h" } })` */
export const VolumeSnapshotContentSpecSchema: z.ZodType<VolumeSnapshotContentSpec> = lazyKubeObject(() => ({
  volumeSnapshotRef: ObjectReferenceSchema,
  deletionPolicy: enumString<DeletionPolicy>(),
  driver: z.string(),
  volumeSnapshotClassName: z.string().nullish(),
  source: VolumeSnapshotContentSourceSchema,
  sourceVolumeMode: enumString<PersistentVolumeMode>().nullish(),
}));

/** @example `VolumeSnapshotContentStatusSchema.parse({ readyToUse: true, restoreSize: 10737418240 })` */
export const VolumeSnapshotContentStatusSchema: z.ZodType<VolumeSnapshotContentStatus> = lazyKubeObject(() => ({
  snapshotHandle: z.string().nullish(),
  creationTime: Int64Schema.nullish(),
  restoreSize: Int64Schema.nullish(),
  readyToUse: z.boolean().nullish(),
  error: VolumeSnapshotErrorSchema.nullish(),
  volumeGroupSnapshotHandle: z.string().nullish(),
}));

/**
 * A VolumeSnapshotContent.
 *
 * @example
 * ```ts
 * VolumeSnapshotContentSchema.parse({ metadata: { name: "c" }, spec: { volumeSnapshotRef: { name: "s", namespace: "default" }, deletionPolicy: "Delete", driver: "d", source: { snapshotHandle: "h" } } });
 * ```
 */
export const VolumeSnapshotContentSchema: z.ZodType<VolumeSnapshotContent> = lazyKubeObject(() => ({
  apiVersion: z.literal(API_VERSION).optional(),
  kind: z.literal("VolumeSnapshotContent").optional(),
  metadata: ObjectMetaSchema,
  spec: VolumeSnapshotContentSpecSchema,
  status: VolumeSnapshotContentStatusSchema.optional(),
}));

/**
 * A VolumeSnapshotClass.
 *
 * @example
 * ```ts
 * VolumeSnapshotClassSchema.parse({ metadata: { name: "csi-snap" }, driver: "ebs.csi.aws.com", deletionPolicy: "Delete" });
 * ```
 */
export const VolumeSnapshotClassSchema: z.ZodType<VolumeSnapshotClass> = lazyKubeObject(() => ({
  apiVersion: z.literal(API_VERSION).optional(),
  kind: z.literal("VolumeSnapshotClass").optional(),
  metadata: ObjectMetaSchema,
  driver: z.string(),
  parameters: StringMapSchema.optional(),
  deletionPolicy: enumString<DeletionPolicy>(),
}));
