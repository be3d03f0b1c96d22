/**
 * `selectNodeForPod`: where kube-scheduler's volume plugins would put a pod.
 *
 * @module
 */
import type { Pod } from "../api/index.js";
import type { Cluster } from "../lifecycle/index.js";
import type { NodeFilterResult } from "./filter-nodes.js";
import { checkOptions, type SchedulingOptions } from "./options.js";
import { PodVolumePlugins } from "./pod-volume-plugins.js";
import { checkPod, checkSnapshot } from "./snapshot.js";

/**
 * The outcome of {@link selectNodeForPod}: the chosen node and its filter result, or no node and
 * the FailedScheduling message with every node's result.
 *
 * @example
 * ```ts
 * const s: NodeSelection = { nodeName: undefined, explanation: { message: "0/0 nodes are available:", nodes: [] } };
 * ```
 */
export type NodeSelection =
  | { readonly nodeName: string; readonly result: NodeFilterResult }
  | { readonly nodeName: undefined; readonly explanation: { readonly message: string; readonly nodes: readonly NodeFilterResult[] } };

/**
 * The node the volume plugins choose for a pod without `spec.nodeName`: among the nodes that pass
 * all four volume plugins, the highest VolumeBinding score; ties go to the smallest node name
 * (Kubernetes picks randomly among equal scores, and its other plugins — resources, affinity,
 * taints — are not modelled: only volumes decide). A pod that fits nowhere gets the
 * FailedScheduling text (see `explainPod` for the full explanation).
 *
 * Determinism: nodes are evaluated by name ascending; static bindings, provisions and the
 * CSIStorageCapacity object recorded for scoring follow the documented orders of
 * `findPodVolumes`; the same snapshot and options always give the same node.
 *
 * @throws {@link SchedulingError} when an argument has the wrong type.
 * @example
 * ```ts
 * const s = selectNodeForPod(pod, cluster);
 * if (s.nodeName !== undefined) assumePodVolumes(pod, s.nodeName, cluster);
 * ```
 */
export function selectNodeForPod(pod: Pod, cluster: Cluster, opts?: SchedulingOptions): NodeSelection {
  checkPod(pod);
  checkSnapshot(cluster);
  checkOptions(opts);
  const plugins = new PodVolumePlugins(pod, cluster, opts, "indexed");
  const nodes = plugins.filterAll();
  let best: NodeFilterResult | undefined;
  for (const n of nodes) {
    if (!n.feasible) continue;
    if (best === undefined || (n.score ?? 0) > (best.score ?? 0)) best = n;
  }
  if (best !== undefined) return { nodeName: best.node, result: best };
  return {
    nodeName: undefined,
    explanation: {
      message: plugins.failureMessage(nodes),
      nodes,
    },
  };
}
