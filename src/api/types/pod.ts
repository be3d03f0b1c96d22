/**
 * `corev1.Pod`: the parts storage scheduling reads (volumes, node, scheduler, phase), typed; every
 * other field is kept as it is by the schemas.
 *
 * @module
 */
import type { LabelSelector, NodeSelector, NodeSelectorTerm } from "../../labels/index.js";
import type { ObjectMeta, ResourceList, Time } from "./meta.js";
import type { PersistentVolumeClaimTemplate } from "./persistent-volume-claim.js";
import type {
  AWSElasticBlockStoreVolumeSource,
  AzureDiskVolumeSource,
  AzureFilePersistentVolumeSource,
  CSIVolumeSource,
  CinderVolumeSource,
  FCVolumeSource,
  GCEPersistentDiskVolumeSource,
  HostPathVolumeSource,
  ISCSIVolumeSource,
  NFSVolumeSource,
  PortworxVolumeSource,
  RBDVolumeSource,
  VsphereVirtualDiskVolumeSource,
} from "./volume-sources.js";

/**
 * A pod volume that uses an existing claim.
 *
 * @example
 * ```ts
 * const src: PersistentVolumeClaimVolumeSource = { claimName: "data" };
 * ```
 */
export interface PersistentVolumeClaimVolumeSource {
  claimName: string;
  readOnly?: boolean;
}

/**
 * A generic ephemeral volume: the pod owns a claim named `<pod>-<volume>` created from the template.
 *
 * @example
 * ```ts
 * const src: EphemeralVolumeSource = { volumeClaimTemplate: { spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } } };
 * ```
 */
export interface EphemeralVolumeSource {
  volumeClaimTemplate?: PersistentVolumeClaimTemplate | null;
}

/**
 * `emptyDir`. `sizeLimit` is a quantity.
 *
 * @example
 * ```ts
 * const src: EmptyDirVolumeSource = { medium: "Memory", sizeLimit: "64Mi" };
 * ```
 */
export interface EmptyDirVolumeSource {
  medium?: string;
  sizeLimit?: string | null;
}

/**
 * `corev1.Volume`: a name plus one source. Sources that storage scheduling looks at are typed;
 * the rest (configMap, secret, projected, downwardAPI, …) are opaque objects kept verbatim.
 *
 * @example
 * ```ts
 * const v: Volume = { name: "data", persistentVolumeClaim: { claimName: "data" } };
 * ```
 */
export interface Volume {
  name: string;
  persistentVolumeClaim?: PersistentVolumeClaimVolumeSource | null;
  ephemeral?: EphemeralVolumeSource | null;
  hostPath?: HostPathVolumeSource | null;
  emptyDir?: EmptyDirVolumeSource | null;
  csi?: CSIVolumeSource | null;
  nfs?: NFSVolumeSource | null;
  gcePersistentDisk?: GCEPersistentDiskVolumeSource | null;
  awsElasticBlockStore?: AWSElasticBlockStoreVolumeSource | null;
  azureDisk?: AzureDiskVolumeSource | null;
  /** The pod form has `secretName`, `shareName`, `readOnly` (secret in the pod's namespace). */
  azureFile?: Omit<AzureFilePersistentVolumeSource, "secretNamespace"> | null;
  rbd?: RBDVolumeSource | null;
  iscsi?: ISCSIVolumeSource | null;
  cinder?: CinderVolumeSource | null;
  fc?: FCVolumeSource | null;
  vsphereVolume?: VsphereVirtualDiskVolumeSource | null;
  portworxVolume?: PortworxVolumeSource | null;
  configMap?: object | null;
  secret?: object | null;
  projected?: object | null;
  downwardAPI?: object | null;
  image?: object | null;
}

/**
 * A container's `volumeMounts[]` entry.
 *
 * @example
 * ```ts
 * const m: VolumeMount = { name: "data", mountPath: "/var/lib/data" };
 * ```
 */
export interface VolumeMount {
  name: string;
  mountPath: string;
  readOnly?: boolean;
  recursiveReadOnly?: string | null;
  subPath?: string;
  subPathExpr?: string;
  mountPropagation?: string | null;
}

/**
 * A container's `volumeDevices[]` entry (raw block volumes).
 *
 * @example
 * ```ts
 * const d: VolumeDevice = { name: "raw", devicePath: "/dev/xvda" };
 * ```
 */
export interface VolumeDevice {
  name: string;
  devicePath: string;
}

/**
 * `corev1.Container`, storage-relevant fields typed (name, image, mounts, devices, resources).
 *
 * @example
 * ```ts
 * const c: Container = { name: "app", image: "nginx", volumeMounts: [{ name: "data", mountPath: "/data" }] };
 * ```
 */
export interface Container {
  name: string;
  image?: string;
  volumeMounts?: VolumeMount[];
  volumeDevices?: VolumeDevice[];
  resources?: { limits?: ResourceList; requests?: ResourceList; claims?: { name: string; request?: string }[] };
}

/**
 * `corev1.Toleration`.
 *
 * @example
 * ```ts
 * const t: Toleration = { key: "dedicated", operator: "Equal", value: "storage", effect: "NoSchedule" };
 * ```
 */
export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number | null;
}

/**
 * A weighted node selector term (`preferredDuringSchedulingIgnoredDuringExecution`).
 *
 * @example
 * ```ts
 * const p: PreferredSchedulingTerm = { weight: 10, preference: { matchExpressions: [{ key: "disktype", operator: "In", values: ["ssd"] }] } };
 * ```
 */
export interface PreferredSchedulingTerm {
  weight: number;
  preference: NodeSelectorTerm;
}

/**
 * `corev1.NodeAffinity`.
 *
 * @example
 * ```ts
 * const a: NodeAffinity = { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: "zone", operator: "In", values: ["a"] }] }] } };
 * ```
 */
export interface NodeAffinity {
  requiredDuringSchedulingIgnoredDuringExecution?: NodeSelector | null;
  preferredDuringSchedulingIgnoredDuringExecution?: PreferredSchedulingTerm[];
}

/**
 * `corev1.Affinity`. Pod (anti-)affinity terms are kept opaque.
 *
 * @example
 * ```ts
 * const a: Affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } };
 * ```
 */
export interface Affinity {
  nodeAffinity?: NodeAffinity | null;
  podAffinity?: object | null;
  podAntiAffinity?: object | null;
}

/**
 * `corev1.TopologySpreadConstraint` (typed for completeness; not evaluated by kubevol).
 *
 * @example
 * ```ts
 * const t: TopologySpreadConstraint = { maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "DoNotSchedule" };
 * ```
 */
export interface TopologySpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  whenUnsatisfiable: string;
  labelSelector?: LabelSelector | null;
  minDomains?: number | null;
}

/**
 * `corev1.PodSpec`, storage-relevant fields typed.
 *
 * @example
 * ```ts
 * const spec: PodSpec = { nodeName: "node-1", containers: [{ name: "app" }], volumes: [{ name: "data", persistentVolumeClaim: { claimName: "data" } }] };
 * ```
 */
export interface PodSpec {
  volumes?: Volume[];
  initContainers?: Container[];
  containers?: Container[];
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  affinity?: Affinity | null;
  tolerations?: Toleration[];
  schedulerName?: string;
  priorityClassName?: string;
  priority?: number | null;
  restartPolicy?: string;
  serviceAccountName?: string;
  topologySpreadConstraints?: TopologySpreadConstraint[];
}

/**
 * `corev1.PodCondition`.
 *
 * @example
 * ```ts
 * const c: PodCondition = { type: "PodScheduled", status: "False", reason: "Unschedulable" };
 * ```
 */
export interface PodCondition {
  type: string;
  status: string;
  lastProbeTime?: Time | null;
  lastTransitionTime?: Time | null;
  reason?: string;
  message?: string;
}

/**
 * `corev1.PodStatus`, storage-relevant fields typed.
 *
 * @example
 * ```ts
 * const s: PodStatus = { phase: "Running" };
 * ```
 */
export interface PodStatus {
  /** `Pending`, `Running`, `Succeeded`, `Failed` or `Unknown`. */
  phase?: string;
  conditions?: PodCondition[];
  message?: string;
  reason?: string;
  nominatedNodeName?: string;
  hostIP?: string;
  podIP?: string;
  startTime?: Time | null;
  qosClass?: string;
}

/**
 * A Pod (namespaced).
 *
 * @example
 * ```ts
 * const pod: Pod = {
 *   apiVersion: "v1", kind: "Pod", metadata: { name: "web-0", namespace: "default" },
 *   spec: { containers: [{ name: "web", image: "nginx" }], volumes: [{ name: "data", persistentVolumeClaim: { claimName: "data-web-0" } }] },
 * };
 * ```
 */
export interface Pod {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: PodSpec;
  status?: PodStatus;
}
