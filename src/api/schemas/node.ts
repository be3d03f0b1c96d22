/**
 * Schemas of `Node`.
 *
 * @module
 */
import * as z from "zod";
import type { AttachedVolume, Node, NodeAddress, NodeCondition, NodeSpec, NodeStatus, Taint } from "../types/node.js";
import { lazyKubeObject, OpaqueObjectSchema, StringListSchema, TimeSchema } from "./common.js";
import { ObjectMetaSchema, ResourceListSchema } from "./meta.js";

/** @example `TaintSchema.parse({ key: "dedicated", value: "db", effect: "NoSchedule" })` */
export const TaintSchema: z.ZodType<Taint> = lazyKubeObject(() => ({
  key: z.string(),
  value: z.string().optional(),
  effect: z.string(),
  timeAdded: TimeSchema.nullish(),
}));

/** @example `NodeSpecSchema.parse({ unschedulable: true })` */
export const NodeSpecSchema: z.ZodType<NodeSpec> = lazyKubeObject(() => ({
  podCIDR: z.string().optional(),
  podCIDRs: StringListSchema.optional(),
  providerID: z.string().optional(),
  unschedulable: z.boolean().optional(),
  taints: z.array(TaintSchema).optional(),
}));

/** @example `NodeConditionSchema.parse({ type: "Ready", status: "True" })` */
export const NodeConditionSchema: z.ZodType<NodeCondition> = lazyKubeObject(() => ({
  type: z.string(),
  status: z.string(),
  lastHeartbeatTime: TimeSchema.nullish(),
  lastTransitionTime: TimeSchema.nullish(),
  reason: z.string().optional(),
  message: z.string().optional(),
}));

/** @example `NodeAddressSchema.parse({ type: "InternalIP", address: "10.0.0.5" })` */
export const NodeAddressSchema: z.ZodType<NodeAddress> = lazyKubeObject(() => ({
  type: z.string(),
  address: z.string(),
}));

/** @example `AttachedVolumeSchema.parse({ name: "kubernetes.io/csi/d^v", devicePath: "" })` */
export const AttachedVolumeSchema: z.ZodType<AttachedVolume> = lazyKubeObject(() => ({
  name: z.string(),
  devicePath: z.string(),
}));

/** @example `NodeStatusSchema.parse({ allocatable: { cpu: "4", memory: "16Gi" } })` */
export const NodeStatusSchema: z.ZodType<NodeStatus> = lazyKubeObject(() => ({
  capacity: ResourceListSchema.optional(),
  allocatable: ResourceListSchema.optional(),
  phase: z.string().optional(),
  conditions: z.array(NodeConditionSchema).optional(),
  addresses: z.array(NodeAddressSchema).optional(),
  nodeInfo: OpaqueObjectSchema.nullish(),
  volumesInUse: StringListSchema.optional(),
  volumesAttached: z.array(AttachedVolumeSchema).optional(),
}));

/**
 * A Node (`v1`).
 *
 * @example
 * ```ts
 * NodeSchema.parse({ apiVersion: "v1", kind: "Node", metadata: { name: "n1", labels: { "kubernetes.io/hostname": "n1" } } });
 * ```
 */
export const NodeSchema: z.ZodType<Node> = lazyKubeObject(() => ({
  apiVersion: z.literal("v1").optional(),
  kind: z.literal("Node").optional(),
  metadata: ObjectMetaSchema,
  spec: NodeSpecSchema.optional(),
  status: NodeStatusSchema.optional(),
}));
