/**
 * `storagev1.StorageClass`.
 *
 * @module
 */
import type { TopologySelectorTerm } from "../../labels/index.js";
import type { EnumValue, PersistentVolumeReclaimPolicy, VolumeBindingMode } from "./enums.js";
import type { ObjectMeta } from "./meta.js";

/**
 * A StorageClass (cluster-scoped, no `spec`). `reclaimPolicy` defaults to `Delete`,
 * `volumeBindingMode` to `Immediate`.
 *
 * @example
 * ```ts
 * const sc: StorageClass = {
 *   apiVersion: "storage.k8s.io/v1", kind: "StorageClass",
 *   metadata: { name: "fast", annotations: { "storageclass.kubernetes.io/is-default-class": "true" } },
 *   provisioner: "ebs.csi.aws.com", parameters: { type: "gp3" }, reclaimPolicy: "Delete",
 *   volumeBindingMode: "WaitForFirstConsumer", allowVolumeExpansion: true,
 * };
 * ```
 */
export interface StorageClass {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  provisioner: string;
  parameters?: Record<string, string>;
  reclaimPolicy?: EnumValue<PersistentVolumeReclaimPolicy> | null;
  mountOptions?: string[];
  allowVolumeExpansion?: boolean | null;
  volumeBindingMode?: EnumValue<VolumeBindingMode> | null;
  allowedTopologies?: TopologySelectorTerm[];
}
