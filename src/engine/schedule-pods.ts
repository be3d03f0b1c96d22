/**
 * The scheduler's side of the engine: for every pod that uses claims and has no `spec.nodeName`,
 * the volume plugins choose a node, the Reserve/PreBind writes reserve its volumes there
 * (`claimRef` on static volumes, `volume.kubernetes.io/selected-node` on claims to provision), and
 * once the PV controller and the provisioners have bound every claim the pod is bound to the node
 * — kube-scheduler's VolumeBinding plugin (kubernetes/kubernetes
 * `pkg/scheduler/framework/plugins/volumebinding/volume_binding.go` PreBind, `binder.go`
 * `BindPodVolumes`) followed by the Bind of `pkg/scheduler/schedule_one.go`.
 *
 * @module
 */
import type { Pod } from "../api/index.js";
import { applyWrite, type Cluster, isPodTerminated, type LifecycleEvent, podClaimNames, type Write } from "../lifecycle/index.js";
import { allClaimsBound, assumePodVolumes, type SchedulingOptions, selectNodeForPod } from "../scheduling/index.js";

/** What one scheduling pass did. */
export interface SchedulingPass {
  readonly cluster: Cluster;
  readonly writes: readonly Write[];
  readonly events: readonly LifecycleEvent[];
}

/** A pod's `namespace/name` (no namespace: `default`), as the snapshot keys pods. */
export function podKeyOf(pod: Pod): string {
  return `${pod.metadata?.namespace || "default"}/${pod.metadata?.name ?? ""}`;
}

/** Pods the scheduler still has to place: not bound to a node, not terminated, using claims. */
export function podsToSchedule(cluster: Cluster): Pod[] {
  const out: Pod[] = [];
  for (const pod of cluster.pods.values()) {
    if (pod.spec?.nodeName) continue;
    if (isPodTerminated(pod) || podClaimNames(pod).length === 0) continue;
    out.push(pod);
  }
  return out.sort((a, b) => (podKeyOf(a) < podKeyOf(b) ? -1 : podKeyOf(a) > podKeyOf(b) ? 1 : 0));
}

/**
 * One pass of the scheduler over the pods to place, in `namespace/name` order (kube-scheduler's
 * queue orders by priority and arrival; kubevol fixes this order). `chosen` remembers each pod's
 * node between passes, as the scheduler's assume cache does while PreBind waits: a pod whose
 * volumes are reserved is not placed again; it is bound to its node once all its claims are
 * Bound. A pod that fits nowhere gets a `FailedScheduling` event with the scheduler's message.
 */
export function schedulingPass(
  cluster: Cluster,
  time: string,
  opts: SchedulingOptions | undefined,
  chosen: Map<string, string>,
): SchedulingPass {
  let current = cluster;
  const writes: Write[] = [];
  const events: LifecycleEvent[] = [];
  for (const pod of podsToSchedule(cluster)) {
    const key = podKeyOf(pod);
    const ref = { kind: "Pod" as const, namespace: pod.metadata?.namespace || "default", name: pod.metadata?.name ?? "" };
    let node = chosen.get(key);
    if (node === undefined) {
      const selection = selectNodeForPod(pod, current, opts);
      if (selection.nodeName === undefined) {
        events.push({ type: "Warning", reason: "FailedScheduling", message: selection.explanation.message, object: ref, time });
        continue;
      }
      node = selection.nodeName;
      const assumed = assumePodVolumes(pod, node, current, opts);
      if (assumed.status.code !== "Success") {
        events.push({ type: "Warning", reason: "FailedScheduling", message: assumed.status.reasons.join(", "), object: ref, time });
        continue;
      }
      chosen.set(key, node);
      for (const w of assumed.writes) writes.push(w);
      current = assumed.cluster;
    }
    if (allClaimsBound(pod, current)) {
      const stored = current.pods.get(key) ?? pod;
      const bound = { ...stored, spec: { ...stored.spec, nodeName: node } } as Pod;
      const r = applyWrite(current, { verb: "update", kind: "Pod", object: bound, actor: "kube-scheduler", time, admission: false });
      current = r.cluster;
      if (r.write !== undefined) writes.push(r.write);
      events.push({ type: "Normal", reason: "Scheduled", message: `Successfully assigned ${key} to ${node}`, object: ref, time });
      chosen.delete(key);
    }
  }
  return { cluster: current, writes, events };
}
