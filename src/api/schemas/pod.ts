/**
 * Schemas of `Pod` (storage-relevant fields typed, the rest kept).
 *
 * @module
 */
import * as z from "zod";
import type {
  Affinity,
  Container,
  EmptyDirVolumeSource,
  EphemeralVolumeSource,
  NodeAffinity,
  PersistentVolumeClaimVolumeSource,
  Pod,
  PodCondition,
  PodSpec,
  PodStatus,
  PreferredSchedulingTerm,
  Toleration,
  TopologySpreadConstraint,
  Volume,
  VolumeDevice,
  VolumeMount,
} from "../types/pod.js";
import { QuantitySchema } from "../quantity-schema.js";
import { Int32Schema, Int64Schema, kubeObject, lazyKubeObject, OpaqueObjectSchema, StringMapSchema, TimeSchema } from "./common.js";
import { ObjectMetaSchema, ResourceListSchema } from "./meta.js";
import { PersistentVolumeClaimTemplateSchema } from "./persistent-volume-claim.js";
import { LabelSelectorSchema, NodeSelectorSchema, NodeSelectorTermSchema } from "./selectors.js";
import {
  AWSElasticBlockStoreVolumeSourceSchema,
  AzureDiskVolumeSourceSchema,
  CSIVolumeSourceSchema,
  CinderVolumeSourceSchema,
  FCVolumeSourceSchema,
  GCEPersistentDiskVolumeSourceSchema,
  HostPathVolumeSourceSchema,
  ISCSIVolumeSourceSchema,
  NFSVolumeSourceSchema,
  PortworxVolumeSourceSchema,
  RBDVolumeSourceSchema,
  VsphereVirtualDiskVolumeSourceSchema,
} from "./volume-sources.js";

/** @example `PersistentVolumeClaimVolumeSourceSchema.parse({ claimName: "data" })` */
export const PersistentVolumeClaimVolumeSourceSchema: z.ZodType<PersistentVolumeClaimVolumeSource> = lazyKubeObject(() => ({
  claimName: z.string(),
  readOnly: z.boolean().optional(),
}));

/** @example `EphemeralVolumeSourceSchema.parse({ volumeClaimTemplate: { spec: { accessModes: ["ReadWriteOnce"] } } })` */
export const EphemeralVolumeSourceSchema: z.ZodType<EphemeralVolumeSource> = lazyKubeObject(() => ({
  volumeClaimTemplate: PersistentVolumeClaimTemplateSchema.nullish(),
}));

/** @example `EmptyDirVolumeSourceSchema.parse({ sizeLimit: "1Gi" })` */
export const EmptyDirVolumeSourceSchema: z.ZodType<EmptyDirVolumeSource> = lazyKubeObject(() => ({
  medium: z.string().optional(),
  sizeLimit: QuantitySchema.nullish(),
}));

/** @example `VolumeSchema.parse({ name: "data", persistentVolumeClaim: { claimName: "data" } })` */
export const VolumeSchema: z.ZodType<Volume> = lazyKubeObject(() => ({
  name: z.string(),
  persistentVolumeClaim: PersistentVolumeClaimVolumeSourceSchema.nullish(),
  ephemeral: EphemeralVolumeSourceSchema.nullish(),
  hostPath: HostPathVolumeSourceSchema.nullish(),
  emptyDir: EmptyDirVolumeSourceSchema.nullish(),
  csi: CSIVolumeSourceSchema.nullish(),
  nfs: NFSVolumeSourceSchema.nullish(),
  gcePersistentDisk: GCEPersistentDiskVolumeSourceSchema.nullish(),
  awsElasticBlockStore: AWSElasticBlockStoreVolumeSourceSchema.nullish(),
  azureDisk: AzureDiskVolumeSourceSchema.nullish(),
  azureFile: kubeObject({ secretName: z.string(), shareName: z.string(), readOnly: z.boolean().optional() }).nullish(),
  rbd: RBDVolumeSourceSchema.nullish(),
  iscsi: ISCSIVolumeSourceSchema.nullish(),
  cinder: CinderVolumeSourceSchema.nullish(),
  fc: FCVolumeSourceSchema.nullish(),
  vsphereVolume: VsphereVirtualDiskVolumeSourceSchema.nullish(),
  portworxVolume: PortworxVolumeSourceSchema.nullish(),
  configMap: OpaqueObjectSchema.nullish(),
  secret: OpaqueObjectSchema.nullish(),
  projected: OpaqueObjectSchema.nullish(),
  downwardAPI: OpaqueObjectSchema.nullish(),
  image: OpaqueObjectSchema.nullish(),
}));

/** @example `VolumeMountSchema.parse({ name: "data", mountPath: "/data" })` */
export const VolumeMountSchema: z.ZodType<VolumeMount> = lazyKubeObject(() => ({
  name: z.string(),
  mountPath: z.string(),
  readOnly: z.boolean().optional(),
  recursiveReadOnly: z.string().nullish(),
  subPath: z.string().optional(),
  subPathExpr: z.string().optional(),
  mountPropagation: z.string().nullish(),
}));

/** @example `VolumeDeviceSchema.parse({ name: "raw", devicePath: "/dev/xvda" })` */
export const VolumeDeviceSchema: z.ZodType<VolumeDevice> = lazyKubeObject(() => ({
  name: z.string(),
  devicePath: z.string(),
}));

/** @example `ContainerSchema.parse({ name: "app", image: "nginx" })` */
export const ContainerSchema: z.ZodType<Container> = lazyKubeObject(() => ({
  name: z.string(),
  image: z.string().optional(),
  volumeMounts: z.array(VolumeMountSchema).optional(),
  volumeDevices: z.array(VolumeDeviceSchema).optional(),
  resources: kubeObject({
    limits: ResourceListSchema.optional(),
    requests: ResourceListSchema.optional(),
    claims: z.array(kubeObject({ name: z.string(), request: z.string().optional() })).optional(),
  }).optional(),
}));

/** @example `TolerationSchema.parse({ key: "dedicated", operator: "Equal", value: "db", effect: "NoSchedule" })` */
export const TolerationSchema: z.ZodType<Toleration> = lazyKubeObject(() => ({
  key: z.string().optional(),
  operator: z.string().optional(),
  value: z.string().optional(),
  effect: z.string().optional(),
  tolerationSeconds: Int64Schema.nullish(),
}));

/** @example `PreferredSchedulingTermSchema.parse({ weight: 1, preference: { matchExpressions: [] } })` */
export const PreferredSchedulingTermSchema: z.ZodType<PreferredSchedulingTerm> = lazyKubeObject(() => ({
  weight: Int32Schema,
  preference: NodeSelectorTermSchema,
}));

/** @example `NodeAffinitySchema.parse({ requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } })` */
export const NodeAffinitySchema: z.ZodType<NodeAffinity> = lazyKubeObject(() => ({
  requiredDuringSchedulingIgnoredDuringExecution: NodeSelectorSchema.nullish(),
  preferredDuringSchedulingIgnoredDuringExecution: z.array(PreferredSchedulingTermSchema).optional(),
}));

/** @example `AffinitySchema.parse({ nodeAffinity: {} })` */
export const AffinitySchema: z.ZodType<Affinity> = lazyKubeObject(() => ({
  nodeAffinity: NodeAffinitySchema.nullish(),
  podAffinity: OpaqueObjectSchema.nullish(),
  podAntiAffinity: OpaqueObjectSchema.nullish(),
}));

/** @example `TopologySpreadConstraintSchema.parse({ maxSkew: 1, topologyKey: "zone", whenUnsatisfiable: "DoNotSchedule" })` */
export const TopologySpreadConstraintSchema: z.ZodType<TopologySpreadConstraint> = lazyKubeObject(() => ({
  maxSkew: Int32Schema,
  topologyKey: z.string(),
  whenUnsatisfiable: z.string(),
  labelSelector: LabelSelectorSchema.nullish(),
  minDomains: Int32Schema.nullish(),
}));

/** @example `PodSpecSchema.parse({ nodeName: "n1", containers: [{ name: "app" }] })` */
export const PodSpecSchema: z.ZodType<PodSpec> = lazyKubeObject(() => ({
  volumes: z.array(VolumeSchema).optional(),
  initContainers: z.array(ContainerSchema).optional(),
  containers: z.array(ContainerSchema).optional(),
  nodeName: z.string().optional(),
  nodeSelector: StringMapSchema.optional(),
  affinity: AffinitySchema.nullish(),
  tolerations: z.array(TolerationSchema).optional(),
  schedulerName: z.string().optional(),
  priorityClassName: z.string().optional(),
  priority: Int32Schema.nullish(),
  restartPolicy: z.string().optional(),
  serviceAccountName: z.string().optional(),
  topologySpreadConstraints: z.array(TopologySpreadConstraintSchema).optional(),
}));

/** @example `PodConditionSchema.parse({ type: "PodScheduled", status: "True" })` */
export const PodConditionSchema: z.ZodType<PodCondition> = lazyKubeObject(() => ({
  type: z.string(),
  status: z.string(),
  lastProbeTime: TimeSchema.nullish(),
  lastTransitionTime: TimeSchema.nullish(),
  reason: z.string().optional(),
  message: z.string().optional(),
}));

/** @example `PodStatusSchema.parse({ phase: "Running" })` */
export const PodStatusSchema: z.ZodType<PodStatus> = lazyKubeObject(() => ({
  phase: z.string().optional(),
  conditions: z.array(PodConditionSchema).optional(),
  message: z.string().optional(),
  reason: z.string().optional(),
  nominatedNodeName: z.string().optional(),
  hostIP: z.string().optional(),
  podIP: z.string().optional(),
  startTime: TimeSchema.nullish(),
  qosClass: z.string().optional(),
}));

/**
 * A Pod (`v1`): storage-relevant fields checked, everything else kept verbatim.
 *
 * @example
 * ```ts
 * PodSchema.parse({ apiVersion: "v1", kind: "Pod", metadata: { name: "p", namespace: "default" }, spec: { containers: [{ name: "c" }] } });
 * ```
 */
export const PodSchema: z.ZodType<Pod> = lazyKubeObject(() => ({
  apiVersion: z.literal("v1").optional(),
  kind: z.literal("Pod").optional(),
  metadata: ObjectMetaSchema,
  spec: PodSpecSchema.optional(),
  status: PodStatusSchema.optional(),
}));
