/**
 * `filterNodes`: the four volume plugins of kube-scheduler over every node of a snapshot.
 *
 * @module
 */
import type { Pod } from "../api/index.js";
import type { Cluster } from "../lifecycle/index.js";
import { checkOptions, type SchedulingOptions } from "./options.js";
import { PodVolumePlugins } from "./pod-volume-plugins.js";
import { checkPod, checkSnapshot } from "./snapshot.js";
import type { PluginStatus } from "./status.js";
import type { VolumeBinding } from "./volume-binding.js";

/**
 * The names of the volume plugins in kube-scheduler's default Filter order.
 *
 * @example
 * ```ts
 * VOLUME_PLUGINS[2]; // "VolumeBinding"
 * ```
 */
export const VOLUME_PLUGINS = Object.freeze(["VolumeRestrictions", "NodeVolumeLimits", "VolumeBinding", "VolumeZone"] as const);

/**
 * One of {@link VOLUME_PLUGINS}.
 *
 * @example
 * ```ts
 * const p: VolumePluginName = "VolumeZone";
 * ```
 */
export type VolumePluginName = (typeof VOLUME_PLUGINS)[number];

/**
 * The verdict of the volume plugins on one node.
 *
 * - `statuses`: every plugin's status on the node (all four are evaluated, also after one
 *   fails, so an explanation can name every obstacle); a PreFilter failure is reported as that
 *   plugin's status on every node.
 * - `reasons`: what kube-scheduler records for the node — the reasons of the first plugin that
 *   fails, in Filter order (the scheduler stops there); empty when feasible.
 * - `bindings` / `provisions`: what VolumeBinding would do on the node (see `findPodVolumes`).
 * - `score`: the VolumeBinding score (see `scoreNode`) for a feasible node, else undefined.
 *
 * @example
 * ```ts
 * const r: NodeFilterResult = filterNodes(pod, cluster)[0]!;
 * r.statuses.VolumeBinding.code;
 * ```
 */
export interface NodeFilterResult {
  readonly node: string;
  readonly feasible: boolean;
  readonly statuses: Readonly<Record<VolumePluginName, PluginStatus>>;
  readonly reasons: readonly string[];
  readonly bindings: readonly VolumeBinding[];
  readonly provisions: readonly string[];
  readonly score: number | undefined;
}

/**
 * The four volume plugins (VolumeRestrictions, NodeVolumeLimits, VolumeBinding, VolumeZone) on every
 * node of the snapshot, nodes by name ascending. The pod-level work (PreFilters, claim lists,
 * class lookups, the volumes of each class grouped by node affinity for the static search) is
 * done once per call; the answers equal `findPodVolumes` (and the other filters) called node by
 * node. Nothing is cached between calls.
 *
 * @throws {@link SchedulingError} when `pod` or `cluster` has the wrong type.
 * @example
 * ```ts
 * filterNodes(pod, cluster).filter((n) => n.feasible).map((n) => n.node); // ["node-1", "node-3"]
 * ```
 */
export function filterNodes(pod: Pod, cluster: Cluster, opts?: SchedulingOptions): NodeFilterResult[] {
  checkPod(pod);
  checkSnapshot(cluster);
  checkOptions(opts);
  return new PodVolumePlugins(pod, cluster, opts, "indexed").filterAll();
}
