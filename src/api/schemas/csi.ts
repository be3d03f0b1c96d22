/**
 * Schemas of CSIDriver, CSINode, CSIStorageCapacity and VolumeAttributesClass (`storage.k8s.io`).
 *
 * @module
 */
import * as z from "zod";
import type {
  CSIDriver,
  CSIDriverSpec,
  CSINode,
  CSINodeDriver,
  CSINodeSpec,
  CSIStorageCapacity,
  TokenRequest,
  VolumeNodeResources,
} from "../types/csi.js";
import type { VolumeAttributesClass } from "../types/volume-attributes-class.js";
import { QuantitySchema } from "../quantity-schema.js";
import { Int32Schema, Int64Schema, lazyKubeObject, StringListSchema, StringMapSchema } from "./common.js";
import { ObjectMetaSchema } from "./meta.js";
import { LabelSelectorSchema } from "./selectors.js";

/** @example `TokenRequestSchema.parse({ audience: "vault" })` */
export const TokenRequestSchema: z.ZodType<TokenRequest> = lazyKubeObject(() => ({
  audience: z.string(),
  expirationSeconds: Int64Schema.nullish(),
}));

/** @example `CSIDriverSpecSchema.parse({ attachRequired: false })` */
export const CSIDriverSpecSchema: z.ZodType<CSIDriverSpec> = lazyKubeObject(() => ({
  attachRequired: z.boolean().nullish(),
  podInfoOnMount: z.boolean().nullish(),
  volumeLifecycleModes: StringListSchema.optional(),
  storageCapacity: z.boolean().nullish(),
  fsGroupPolicy: z.string().nullish(),
  tokenRequests: z.array(TokenRequestSchema).optional(),
  requiresRepublish: z.boolean().nullish(),
  seLinuxMount: z.boolean().nullish(),
  nodeAllocatableUpdatePeriodSeconds: Int64Schema.nullish(),
  serviceAccountTokenInSecrets: z.boolean().nullish(),
  preventPodSchedulingIfMissing: z.boolean().nullish(),
}));

/**
 * A CSIDriver.
 *
 * @example
 * ```ts
 * CSIDriverSchema.parse({ apiVersion: "storage.k8s.io/v1", kind: "CSIDriver", metadata: { name: "ebs.csi.aws.com" }, spec: {} });
 * ```
 */
export const CSIDriverSchema: z.ZodType<CSIDriver> = lazyKubeObject(() => ({
  apiVersion: z.literal("storage.k8s.io/v1").optional(),
  kind: z.literal("CSIDriver").optional(),
  metadata: ObjectMetaSchema,
  spec: CSIDriverSpecSchema,
}));

/** @example `VolumeNodeResourcesSchema.parse({ count: 25 })` */
export const VolumeNodeResourcesSchema: z.ZodType<VolumeNodeResources> = lazyKubeObject(() => ({
  count: Int32Schema.nullish(),
}));

/** @example `CSINodeDriverSchema.parse({ name: "ebs.csi.aws.com", nodeID: "i-0abc" })` */
export const CSINodeDriverSchema: z.ZodType<CSINodeDriver> = lazyKubeObject(() => ({
  name: z.string(),
  nodeID: z.string(),
  topologyKeys: StringListSchema.nullish(),
  allocatable: VolumeNodeResourcesSchema.nullish(),
}));

/** @example `CSINodeSpecSchema.parse({ drivers: [] })` */
export const CSINodeSpecSchema: z.ZodType<CSINodeSpec> = lazyKubeObject(() => ({
  drivers: z.array(CSINodeDriverSchema),
}));

/**
 * A CSINode.
 *
 * @example
 * ```ts
 * CSINodeSchema.parse({ apiVersion: "storage.k8s.io/v1", kind: "CSINode", metadata: { name: "n1" }, spec: { drivers: [] } });
 * ```
 */
export const CSINodeSchema: z.ZodType<CSINode> = lazyKubeObject(() => ({
  apiVersion: z.literal("storage.k8s.io/v1").optional(),
  kind: z.literal("CSINode").optional(),
  metadata: ObjectMetaSchema,
  spec: CSINodeSpecSchema,
}));

/**
 * A CSIStorageCapacity (`capacity`, `maximumVolumeSize` are quantities).
 *
 * @example
 * ```ts
 * CSIStorageCapacitySchema.parse({ metadata: { name: "c", namespace: "kube-system" }, storageClassName: "local", capacity: "100Gi" });
 * ```
 */
export const CSIStorageCapacitySchema: z.ZodType<CSIStorageCapacity> = lazyKubeObject(() => ({
  apiVersion: z.literal("storage.k8s.io/v1").optional(),
  kind: z.literal("CSIStorageCapacity").optional(),
  metadata: ObjectMetaSchema,
  nodeTopology: LabelSelectorSchema.nullish(),
  storageClassName: z.string(),
  capacity: QuantitySchema.nullish(),
  maximumVolumeSize: QuantitySchema.nullish(),
}));

/**
 * A VolumeAttributesClass (`storage.k8s.io/v1`, `v1beta1` or `v1alpha1`).
 *
 * @example
 * ```ts
 * VolumeAttributesClassSchema.parse({ apiVersion: "storage.k8s.io/v1", kind: "VolumeAttributesClass", metadata: { name: "gold" }, driverName: "ebs.csi.aws.com" });
 * ```
 */
export const VolumeAttributesClassSchema: z.ZodType<VolumeAttributesClass> = lazyKubeObject(() => ({
  apiVersion: z.enum(["storage.k8s.io/v1", "storage.k8s.io/v1beta1", "storage.k8s.io/v1alpha1"]).optional(),
  kind: z.literal("VolumeAttributesClass").optional(),
  metadata: ObjectMetaSchema,
  driverName: z.string(),
  parameters: StringMapSchema.optional(),
}));
