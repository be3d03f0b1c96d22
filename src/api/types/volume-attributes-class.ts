/**
 * `storage.k8s.io` VolumeAttributesClass (v1 since Kubernetes 1.34; v1beta1 and v1alpha1 earlier).
 *
 * @module
 */
import type { ObjectMeta } from "./meta.js";

/**
 * A VolumeAttributesClass (cluster-scoped): mutable attributes (IOPS, throughput) a CSI driver
 * applies to a volume. `driverName` and `parameters` are immutable.
 *
 * @example
 * ```ts
 * const vac: VolumeAttributesClass = {
 *   apiVersion: "storage.k8s.io/v1", kind: "VolumeAttributesClass", metadata: { name: "gold" },
 *   driverName: "ebs.csi.aws.com", parameters: { iops: "16000" },
 * };
 * ```
 */
export interface VolumeAttributesClass {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  driverName: string;
  parameters?: Record<string, string>;
}
