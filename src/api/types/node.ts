/**
 * `corev1.Node`: labels, taints, allocatable resources and attached volumes typed; the rest kept.
 *
 * @module
 */
import type { ObjectMeta, ResourceList, Time } from "./meta.js";

/**
 * `corev1.Taint`.
 *
 * @example
 * ```ts
 * const t: Taint = { key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" };
 * ```
 */
export interface Taint {
  key: string;
  value?: string;
  /** `NoSchedule`, `PreferNoSchedule` or `NoExecute`. */
  effect: string;
  timeAdded?: Time | null;
}

/**
 * `corev1.NodeSpec`.
 *
 * @example
 * ```ts
 * const spec: NodeSpec = { unschedulable: true, taints: [{ key: "dedicated", value: "db", effect: "NoSchedule" }] };
 * ```
 */
export interface NodeSpec {
  podCIDR?: string;
  podCIDRs?: string[];
  providerID?: string;
  unschedulable?: boolean;
  taints?: Taint[];
}

/**
 * `corev1.NodeCondition`.
 *
 * @example
 * ```ts
 * const c: NodeCondition = { type: "Ready", status: "True" };
 * ```
 */
export interface NodeCondition {
  type: string;
  status: string;
  lastHeartbeatTime?: Time | null;
  lastTransitionTime?: Time | null;
  reason?: string;
  message?: string;
}

/**
 * `corev1.NodeAddress`.
 *
 * @example
 * ```ts
 * const a: NodeAddress = { type: "InternalIP", address: "10.0.0.5" };
 * ```
 */
export interface NodeAddress {
  type: string;
  address: string;
}

/**
 * `corev1.AttachedVolume`: a volume the node reports as attached.
 *
 * @example
 * ```ts
 * const v: AttachedVolume = { name: "kubernetes.io/csi/ebs.csi.aws.com^vol-0abc", devicePath: "" };
 * ```
 */
export interface AttachedVolume {
  name: string;
  devicePath: string;
}

/**
 * `corev1.NodeStatus`, storage-relevant fields typed. `capacity`/`allocatable` include
 * `attachable-volumes-*` limits on older clusters.
 *
 * @example
 * ```ts
 * const s: NodeStatus = { allocatable: { cpu: "4", memory: "16Gi", "ephemeral-storage": "100Gi" } };
 * ```
 */
export interface NodeStatus {
  capacity?: ResourceList;
  allocatable?: ResourceList;
  /** Deprecated, kept for completeness. */
  phase?: string;
  conditions?: NodeCondition[];
  addresses?: NodeAddress[];
  nodeInfo?: object | null;
  volumesInUse?: string[];
  volumesAttached?: AttachedVolume[];
}

/**
 * A Node (cluster-scoped). Its `metadata.labels` are what PV node affinity and topology terms see.
 *
 * @example
 * ```ts
 * const node: Node = { apiVersion: "v1", kind: "Node", metadata: { name: "node-1", labels: { "kubernetes.io/hostname": "node-1", "topology.kubernetes.io/zone": "a" } } };
 * ```
 */
export interface Node {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: NodeSpec;
  status?: NodeStatus;
}
