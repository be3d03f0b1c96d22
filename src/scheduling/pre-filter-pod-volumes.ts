/**
 * `preFilterPodVolumes`: the VolumeBinding PreFilter.
 *
 * @module
 */
import type { Pod } from "../api/index.js";
import type { Cluster } from "../lifecycle/index.js";
import { checkOptions, type SchedulingOptions } from "./options.js";
import { checkPod, checkSnapshot } from "./snapshot.js";
import type { PluginStatus } from "./status.js";
import { LinearStaticMatcher } from "./static-matcher.js";
import { VolumeBindingPlan } from "./volume-binding.js";

/**
 * The VolumeBinding plugin's PreFilter (kubernetes/kubernetes
 * `pkg/scheduler/framework/plugins/volumebinding/volume_binding.go` `PreFilter`):
 *
 * - `Skip`: the pod has no `persistentVolumeClaim` or generic `ephemeral` volume.
 * - `UnschedulableAndUnresolvable` with Kubernetes' text for the first volume (in `spec.volumes`
 *   order) whose claim is missing (`persistentvolumeclaim "x" not found`; for an ephemeral volume
 *   `waiting for ephemeral volume controller to create the persistentvolumeclaim "pod-vol"`), Lost
 *   (`… bound to non-existent persistentvolume "pv"`), being deleted (`… is being deleted`), or not
 *   created for the pod (`PVC ns/x was not created for pod ns/p (pod is not owner)`).
 * - `Error` when a claim's class has no binding mode (`VolumeBindingMode not set for StorageClass "x"`).
 * - `UnschedulableAndUnresolvable` `pod has unbound immediate PersistentVolumeClaims` when a claim
 *   is neither fully bound nor an unbound WaitForFirstConsumer claim without `volumeName`.
 * - `Success` otherwise. (Current Kubernetes returns no PreFilterResult node set.)
 *
 * @throws {@link SchedulingError} when `pod` or `cluster` is not an object of the right shape.
 * @example
 * ```ts
 * preFilterPodVolumes(pod, cluster); // { code: "UnschedulableAndUnresolvable", reasons: ["pod has unbound immediate PersistentVolumeClaims"] }
 * ```
 */
export function preFilterPodVolumes(pod: Pod, cluster: Cluster, opts?: SchedulingOptions): PluginStatus {
  checkPod(pod);
  checkSnapshot(cluster);
  checkOptions(opts);
  return new VolumeBindingPlan(pod, cluster, new LinearStaticMatcher(cluster), opts).preFilter;
}
