/**
 * `findPodVolumes`: the VolumeBinding Filter on one node.
 *
 * @module
 */
import type { Node, Pod } from "../api/index.js";
import type { Cluster } from "../lifecycle/index.js";
import { SchedulingError } from "./errors.js";
import { checkOptions, type SchedulingOptions } from "./options.js";
import { checkPod, checkSnapshot } from "./snapshot.js";
import { type StatusCode, status } from "./status.js";
import { LinearStaticMatcher } from "./static-matcher.js";
import { type NodeVolumes, type VolumeBinding, VolumeBindingPlan } from "./volume-binding.js";

/**
 * What the VolumeBinding plugin decides for a pod on one node.
 *
 * @example
 * ```ts
 * const r: PodVolumesResult = { code: "Success", feasible: true, reasons: [], bindings: [{ claim: "default/data", volume: "pv1" }], provisions: [] };
 * ```
 */
export interface PodVolumesResult {
  /** The status code (`Success`, `Skip`, `UnschedulableAndUnresolvable`, `Error`). */
  readonly code: StatusCode;
  readonly feasible: boolean;
  readonly reasons: readonly string[];
  readonly bindings: readonly VolumeBinding[];
  readonly provisions: readonly string[];
}

/** @internal */
export function toPodVolumesResult(r: NodeVolumes): PodVolumesResult {
  return { code: r.status.code, feasible: r.feasible, reasons: r.reasons, bindings: r.bindings, provisions: r.provisions };
}

/**
 * Checks a node name and returns the node, or undefined when the snapshot has no such node.
 *
 * @internal
 * @example
 * ```ts
 * requireNode(cluster, "node-1");
 * ```
 */
export function requireNode(cluster: Cluster, nodeName: unknown): Node | undefined {
  if (typeof nodeName !== "string" || nodeName === "") throw new SchedulingError("nodeName", "Required value: a node name");
  const n = cluster.nodes.get(nodeName);
  return typeof n === "object" && n !== null ? n : undefined;
}

/**
 * The VolumeBinding Filter on one node, exactly as kube-scheduler runs it after its PreFilter
 * (kubernetes/kubernetes `pkg/scheduler/framework/plugins/volumebinding/binder.go`
 * `FindPodVolumes`):
 *
 * 1. Bound claims: the volume must exist (else `node(s) unavailable due to one or more pvc(s)
 *    bound to non-existent pv(s)`) and its node affinity — in CSI form when the in-tree plugin is
 *    migrated on the node — must admit the node (else `node(s) had volume node affinity conflict`).
 * 2. Unbound WaitForFirstConsumer claims: one with `volume.kubernetes.io/selected-node` naming
 *    another node fails at once (`node(s) didn't find available persistent volumes to bind`); one
 *    naming this node is to be provisioned. The others, smallest request first (ties in
 *    `spec.volumes` order; Kubernetes' sort is unstable), get `findMatchingVolume` over their
 *    class's volumes with the node and the volumes already chosen excluded; a miss is to be
 *    provisioned instead.
 * 3. Claims to provision: class found with a provisioner other than `kubernetes.io/no-provisioner`,
 *    the node inside `allowedTopologies`, and for CSIDrivers with `storageCapacity: true` a
 *    CSIStorageCapacity of the class with `maximumVolumeSize` (else `capacity`) ≥ the request whose
 *    `nodeTopology` selects the node (else `node(s) did not have enough free storage`). This
 *    overrides a static miss.
 *
 * Reasons come in Kubernetes' order; any reason makes the status `UnschedulableAndUnresolvable`.
 * A PreFilter failure (see `preFilterPodVolumes`) is returned as is; a pod without claims is
 * `Skip` (feasible). A node missing from the snapshot is `Error` (`node "x" not found`).
 *
 * @throws {@link SchedulingError} when `pod`, `cluster` or `nodeName` has the wrong type.
 * @example
 * ```ts
 * findPodVolumes(pod, "node-1", cluster);
 * // { code: "Success", feasible: true, reasons: [], bindings: [{ claim: "default/data", volume: "local-pv-1" }], provisions: [] }
 * ```
 */
export function findPodVolumes(pod: Pod, nodeName: string, cluster: Cluster, opts?: SchedulingOptions): PodVolumesResult {
  checkPod(pod);
  checkSnapshot(cluster);
  checkOptions(opts);
  const node = requireNode(cluster, nodeName);
  if (node === undefined) {
    const st = status("Error", `node ${JSON.stringify(nodeName)} not found`);
    return { code: st.code, feasible: false, reasons: st.reasons, bindings: [], provisions: [] };
  }
  return toPodVolumesResult(new VolumeBindingPlan(pod, cluster, new LinearStaticMatcher(cluster), opts).evaluate(node));
}
