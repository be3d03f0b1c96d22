/**
 * `storage.k8s.io/v1` CSIDriver, CSINode and CSIStorageCapacity.
 *
 * @module
 */
import type { LabelSelector } from "../../labels/index.js";
import type { ObjectMeta } from "./meta.js";

/**
 * A service-account token the kubelet passes to the driver at `NodePublishVolume`.
 *
 * @example
 * ```ts
 * const t: TokenRequest = { audience: "vault", expirationSeconds: 3600 };
 * ```
 */
export interface TokenRequest {
  audience: string;
  expirationSeconds?: number | null;
}

/**
 * `CSIDriverSpec`.
 *
 * @example
 * ```ts
 * const spec: CSIDriverSpec = { attachRequired: true, storageCapacity: true, volumeLifecycleModes: ["Persistent"], fsGroupPolicy: "File" };
 * ```
 */
export interface CSIDriverSpec {
  attachRequired?: boolean | null;
  podInfoOnMount?: boolean | null;
  /** `Persistent` and/or `Ephemeral`. */
  volumeLifecycleModes?: string[];
  storageCapacity?: boolean | null;
  /** `ReadWriteOnceWithFSType`, `File` or `None`. */
  fsGroupPolicy?: string | null;
  tokenRequests?: TokenRequest[];
  requiresRepublish?: boolean | null;
  seLinuxMount?: boolean | null;
  nodeAllocatableUpdatePeriodSeconds?: number | null;
  serviceAccountTokenInSecrets?: boolean | null;
  /** Newer API (alpha): keep pods off nodes where the driver is not installed. */
  preventPodSchedulingIfMissing?: boolean | null;
}

/**
 * A CSIDriver (cluster-scoped; the name is the driver name).
 *
 * @example
 * ```ts
 * const d: CSIDriver = { apiVersion: "storage.k8s.io/v1", kind: "CSIDriver", metadata: { name: "ebs.csi.aws.com" }, spec: { attachRequired: true } };
 * ```
 */
export interface CSIDriver {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: CSIDriverSpec;
}

/**
 * `VolumeNodeResources`: how many volumes of a driver the node can take.
 *
 * @example
 * ```ts
 * const r: VolumeNodeResources = { count: 25 };
 * ```
 */
export interface VolumeNodeResources {
  count?: number | null;
}

/**
 * One driver registered on a node (`CSINodeDriver`).
 *
 * @example
 * ```ts
 * const d: CSINodeDriver = { name: "ebs.csi.aws.com", nodeID: "i-0abc", topologyKeys: ["topology.ebs.csi.aws.com/zone"], allocatable: { count: 25 } };
 * ```
 */
export interface CSINodeDriver {
  name: string;
  nodeID: string;
  topologyKeys?: string[] | null;
  allocatable?: VolumeNodeResources | null;
}

/**
 * `CSINodeSpec`.
 *
 * @example
 * ```ts
 * const spec: CSINodeSpec = { drivers: [{ name: "ebs.csi.aws.com", nodeID: "i-0abc" }] };
 * ```
 */
export interface CSINodeSpec {
  drivers: CSINodeDriver[];
}

/**
 * A CSINode (cluster-scoped; same name as its Node).
 *
 * @example
 * ```ts
 * const n: CSINode = { apiVersion: "storage.k8s.io/v1", kind: "CSINode", metadata: { name: "node-1" }, spec: { drivers: [] } };
 * ```
 */
export interface CSINode {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: CSINodeSpec;
}

/**
 * A CSIStorageCapacity (namespaced): free capacity of a class in a topology segment. `capacity` and
 * `maximumVolumeSize` are quantity strings.
 *
 * @example
 * ```ts
 * const c: CSIStorageCapacity = {
 *   apiVersion: "storage.k8s.io/v1", kind: "CSIStorageCapacity", metadata: { name: "csisc-1", namespace: "kube-system" },
 *   storageClassName: "local-lvm", nodeTopology: { matchLabels: { "kubernetes.io/hostname": "node-1" } }, capacity: "500Gi",
 * };
 * ```
 */
export interface CSIStorageCapacity {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  nodeTopology?: LabelSelector | null;
  storageClassName: string;
  capacity?: string | null;
  maximumVolumeSize?: string | null;
}
