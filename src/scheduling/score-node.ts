/**
 * `scoreNode`: the VolumeBinding Score of one node.
 *
 * @module
 */
import type { Pod } from "../api/index.js";
import type { Cluster } from "../lifecycle/index.js";
import { requireNode } from "./find-pod-volumes.js";
import { checkOptions, type SchedulingOptions } from "./options.js";
import { scoreFromVolumes } from "./score.js";
import { checkPod, checkSnapshot } from "./snapshot.js";
import { LinearStaticMatcher } from "./static-matcher.js";
import { VolumeBindingPlan } from "./volume-binding.js";

/**
 * The VolumeBinding plugin's Score (0–100) of a node for the pod, from what its Filter chose on
 * the node (see `scoreFromVolumes` for the arithmetic): 0 when no scorer is configured (neither
 * `StorageCapacityScoring` nor `VolumeCapacityPriority` is on), when the node fails the Filter, or
 * when there is nothing to score. The shape is `volumeBindingArgs.shape` (scores 0–10, scaled by
 * 10) or the gate's default.
 *
 * @throws {@link SchedulingError} when an argument has the wrong type.
 * @example
 * ```ts
 * scoreNode(pod, "node-1", cluster, { features: { VolumeCapacityPriority: true } }); // 50 for a 50% full volume
 * ```
 */
export function scoreNode(pod: Pod, nodeName: string, cluster: Cluster, opts?: SchedulingOptions): number {
  checkPod(pod);
  checkSnapshot(cluster);
  checkOptions(opts);
  const node = requireNode(cluster, nodeName);
  if (node === undefined) return 0;
  const v = new VolumeBindingPlan(pod, cluster, new LinearStaticMatcher(cluster), opts).evaluate(node);
  return v.feasible ? scoreFromVolumes(v, opts) : 0;
}
