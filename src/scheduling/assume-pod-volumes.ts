/**
 * `assumePodVolumes`: the VolumeBinding plugin's Reserve and PreBind writes as data.
 *
 * @module
 */
import { AnnSelectedNode } from "../api/constants/index.js";
import type { PersistentVolume, PersistentVolumeClaim, Pod } from "../api/index.js";
import { applyWrite, type Cluster, getBindVolumeToClaim, type Write } from "../lifecycle/index.js";
import { requireNode } from "./find-pod-volumes.js";
import { checkOptions, type SchedulingOptions } from "./options.js";
import { isClaimFullyBound } from "./pod-volume-claims.js";
import { checkPod, checkSnapshot, lookupClaim, podClaimVolumes, podNamespace } from "./snapshot.js";
import { type PluginStatus, status } from "./status.js";
import { LinearStaticMatcher } from "./static-matcher.js";
import { VolumeBindingPlan } from "./volume-binding.js";

/**
 * The outcome of {@link assumePodVolumes}.
 *
 * - `allBound`: every claim of the pod was already fully bound (nothing written).
 * - `writes`: the API writes of PreBind, in Kubernetes' order — first each statically matched
 *   volume whose `claimRef` changes (`update PersistentVolume`: claimRef to the claim and
 *   `pv.kubernetes.io/bound-by-controller`; the PV controller completes the binding), then each
 *   claim to provision (`update PersistentVolumeClaim` adding `volume.kubernetes.io/selected-node`).
 *   Actor `kube-scheduler`.
 * - `cluster`: the snapshot after the writes.
 * - `status`: `Success`, or why the pod cannot be placed on the node (then nothing is written).
 *
 * @example
 * ```ts
 * const r: AssumeResult = { status: { code: "Success", reasons: [] }, allBound: false, writes: [], cluster };
 * ```
 */
export interface AssumeResult {
  readonly status: PluginStatus;
  readonly allBound: boolean;
  readonly writes: readonly Write[];
  readonly cluster: Cluster;
}

/**
 * Whether every claim the pod uses is Bound to a volume — when PreBind's wait ends and the
 * scheduler binds the pod to its node (`binder.go` `checkBindings`).
 *
 * @example
 * ```ts
 * if (allClaimsBound(pod, cluster)) console.log("the pod can be bound to its node");
 * ```
 */
export function allClaimsBound(pod: Pod, cluster: Cluster): boolean {
  checkPod(pod);
  checkSnapshot(cluster);
  const ns = podNamespace(pod);
  for (const v of podClaimVolumes(pod)) {
    const c = lookupClaim(cluster, ns, v.claimName);
    if (c === undefined || !isClaimFullyBound(c)) return false;
  }
  return true;
}

/**
 * Reserve (`AssumePodVolumes`) and PreBind's API writes (`BindPodVolumes`, kubernetes/kubernetes
 * `pkg/scheduler/framework/plugins/volumebinding/binder.go`) for a pod placed on `nodeName`: runs
 * the VolumeBinding Filter on the node and, when it passes, writes the pre-binding of each static
 * volume (`GetBindVolumeToClaim`, only when it changes the volume) and the `selected-node`
 * annotation on each claim to provision. Nothing is written when every claim is fully bound. The
 * PV controller and the external provisioner do the rest (see the lifecycle's `reconcile`).
 * PreBind's wait for the bindings to complete is not modelled; the writes never fail on a
 * snapshot (no concurrent writer).
 *
 * @throws {@link SchedulingError} when `pod`, `cluster` or `nodeName` has the wrong type.
 * @example
 * ```ts
 * const { writes, cluster: next } = assumePodVolumes(pod, "node-1", cluster);
 * writes.map((w) => `${w.verb} ${w.kind} ${w.name}`); // ["update PersistentVolume local-pv-1"]
 * ```
 */
export function assumePodVolumes(pod: Pod, nodeName: string, cluster: Cluster, opts?: SchedulingOptions): AssumeResult {
  checkPod(pod);
  checkSnapshot(cluster);
  checkOptions(opts);
  const node = requireNode(cluster, nodeName);
  if (node === undefined)
    return { status: status("Error", `node ${JSON.stringify(nodeName)} not found`), allBound: false, writes: [], cluster };
  if (podClaimVolumes(pod).length === 0 || allClaimsBound(pod, cluster))
    return { status: status("Success"), allBound: true, writes: [], cluster };
  const r = new VolumeBindingPlan(pod, cluster, new LinearStaticMatcher(cluster), opts).evaluate(node);
  if (!r.feasible) return { status: r.status, allBound: false, writes: [], cluster };
  const writes: Write[] = [];
  let next = cluster;
  // The scheduler's API calls of PreBind, as the lifecycle's API server applies them.
  const update = (kind: "PersistentVolume" | "PersistentVolumeClaim", object: PersistentVolume | PersistentVolumeClaim): void => {
    const w = applyWrite(next, { verb: "update", kind, object, actor: "kube-scheduler", time: "", admission: false });
    next = w.cluster;
    if (w.write !== undefined) writes.push(w.write);
  };
  for (const b of r.staticBindings) {
    const { volume, dirty } = getBindVolumeToClaim(b.volume, b.claim);
    if (dirty) update("PersistentVolume", volume);
  }
  for (const p of r.dynamicProvisions) {
    const claim: PersistentVolumeClaim = p.claim;
    update("PersistentVolumeClaim", {
      ...claim,
      metadata: { ...claim.metadata, annotations: { ...(claim.metadata?.annotations ?? {}), [AnnSelectedNode]: nodeName } },
    });
  }
  return { status: status("Success"), allBound: false, writes, cluster: next };
}
