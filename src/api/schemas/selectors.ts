/**
 * Schemas of the selector shapes defined by `src/labels` (which has no runtime dependencies).
 *
 * @module
 */
import * as z from "zod";
import type {
  LabelSelector,
  LabelSelectorRequirement,
  NodeSelector,
  NodeSelectorRequirement,
  NodeSelectorTerm,
  TopologySelectorLabelRequirement,
  TopologySelectorTerm,
} from "../../labels/index.js";
import { lazyKubeObject, StringListSchema, StringMapSchema } from "./common.js";

/**
 * `metav1.LabelSelectorRequirement`.
 *
 * @example
 * ```ts
 * LabelSelectorRequirementSchema.parse({ key: "tier", operator: "In", values: ["gold"] });
 * ```
 */
export const LabelSelectorRequirementSchema: z.ZodType<LabelSelectorRequirement> = lazyKubeObject(() => ({
  key: z.string(),
  operator: z.string(),
  values: StringListSchema.nullish(),
}));

/**
 * `metav1.LabelSelector`.
 *
 * @example
 * ```ts
 * LabelSelectorSchema.parse({ matchLabels: { tier: "gold" } });
 * ```
 */
export const LabelSelectorSchema: z.ZodType<LabelSelector> = lazyKubeObject(() => ({
  matchLabels: StringMapSchema.nullish(),
  matchExpressions: z.array(LabelSelectorRequirementSchema).nullish(),
}));

/**
 * `corev1.NodeSelectorRequirement`.
 *
 * @example
 * ```ts
 * NodeSelectorRequirementSchema.parse({ key: "kubernetes.io/hostname", operator: "In", values: ["node-1"] });
 * ```
 */
export const NodeSelectorRequirementSchema: z.ZodType<NodeSelectorRequirement> = lazyKubeObject(() => ({
  key: z.string(),
  operator: z.string(),
  values: StringListSchema.nullish(),
}));

/**
 * `corev1.NodeSelectorTerm`.
 *
 * @example
 * ```ts
 * NodeSelectorTermSchema.parse({ matchExpressions: [{ key: "zone", operator: "In", values: ["a"] }] });
 * ```
 */
export const NodeSelectorTermSchema: z.ZodType<NodeSelectorTerm> = lazyKubeObject(() => ({
  matchExpressions: z.array(NodeSelectorRequirementSchema).nullish(),
  matchFields: z.array(NodeSelectorRequirementSchema).nullish(),
}));

/**
 * `corev1.NodeSelector`.
 *
 * @example
 * ```ts
 * NodeSelectorSchema.parse({ nodeSelectorTerms: [{ matchExpressions: [{ key: "zone", operator: "In", values: ["a"] }] }] });
 * ```
 */
export const NodeSelectorSchema: z.ZodType<NodeSelector> = lazyKubeObject(() => ({
  nodeSelectorTerms: z.array(NodeSelectorTermSchema),
}));

/**
 * `corev1.TopologySelectorLabelRequirement`.
 *
 * @example
 * ```ts
 * TopologySelectorLabelRequirementSchema.parse({ key: "topology.kubernetes.io/zone", values: ["a"] });
 * ```
 */
export const TopologySelectorLabelRequirementSchema: z.ZodType<TopologySelectorLabelRequirement> = lazyKubeObject(() => ({
  key: z.string(),
  values: StringListSchema,
}));

/**
 * `corev1.TopologySelectorTerm` (StorageClass `allowedTopologies[]`).
 *
 * @example
 * ```ts
 * TopologySelectorTermSchema.parse({ matchLabelExpressions: [{ key: "topology.kubernetes.io/zone", values: ["a"] }] });
 * ```
 */
export const TopologySelectorTermSchema: z.ZodType<TopologySelectorTerm> = lazyKubeObject(() => ({
  matchLabelExpressions: z.array(TopologySelectorLabelRequirementSchema).nullish(),
}));
