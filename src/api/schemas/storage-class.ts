/**
 * Schema of `StorageClass`.
 *
 * @module
 */
import * as z from "zod";
import type { PersistentVolumeReclaimPolicy, VolumeBindingMode } from "../types/enums.js";
import type { StorageClass } from "../types/storage-class.js";
import { enumString, lazyKubeObject, StringListSchema, StringMapSchema } from "./common.js";
import { ObjectMetaSchema } from "./meta.js";
import { TopologySelectorTermSchema } from "./selectors.js";

/**
 * A StorageClass (`storage.k8s.io/v1`): shape checks, unknown fields kept.
 *
 * @example
 * ```ts
 * StorageClassSchema.parse({ apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata: { name: "fast" }, provisioner: "ebs.csi.aws.com" });
 * ```
 */
export const StorageClassSchema: z.ZodType<StorageClass> = lazyKubeObject(() => ({
  apiVersion: z.literal("storage.k8s.io/v1").optional(),
  kind: z.literal("StorageClass").optional(),
  metadata: ObjectMetaSchema,
  provisioner: z.string(),
  parameters: StringMapSchema.optional(),
  reclaimPolicy: enumString<PersistentVolumeReclaimPolicy>().nullish(),
  mountOptions: StringListSchema.optional(),
  allowVolumeExpansion: z.boolean().nullish(),
  volumeBindingMode: enumString<VolumeBindingMode>().nullish(),
  allowedTopologies: z.array(TopologySelectorTermSchema).optional(),
}));
