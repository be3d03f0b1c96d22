/**
 * The VolumeBinding plugin's view of a pod's claims (kubernetes/kubernetes
 * `pkg/scheduler/framework/plugins/volumebinding/volume_binding.go` `podHasPVCs`, `binder.go`
 * `GetPodVolumeClaims`).
 *
 * @module
 */
import { AnnBindCompleted } from "../api/constants/index.js";
import { claimIsForPod, isDeleting } from "../api/helpers/index.js";
import type { PersistentVolumeClaim, Pod } from "../api/index.js";
import { type Cluster, isDelayBindingMode } from "../lifecycle/index.js";
import { lookupClaim, podClaimVolumes, podNamespace } from "./snapshot.js";
import { type PluginStatus, status } from "./status.js";
import { str } from "../labels/strings.js";

/**
 * A pod's claims sorted the way VolumeBinding sorts them, in `spec.volumes` order within each
 * list: fully bound (`volumeName` set and `pv.kubernetes.io/bind-completed`), unbound in a
 * WaitForFirstConsumer class without `volumeName` (the scheduler binds them), and every other
 * unbound claim (the PV controller must bind them first; a claim pre-bound with `volumeName` but
 * not bind-completed is one of them even in a WaitForFirstConsumer class).
 *
 * @example
 * ```ts
 * const { bound, delayed, immediate } = claims;
 * ```
 */
export interface PodVolumeClaims {
  readonly bound: readonly PersistentVolumeClaim[];
  readonly delayed: readonly PersistentVolumeClaim[];
  readonly immediate: readonly PersistentVolumeClaim[];
}

function annotations(c: PersistentVolumeClaim): Record<string, unknown> {
  const a: unknown = c.metadata?.annotations;
  return typeof a === "object" && a !== null ? (a as Record<string, unknown>) : {};
}

/**
 * Whether a claim is fully bound: `spec.volumeName` set and the `bind-completed` annotation
 * (`isPVCFullyBound`).
 *
 * @example
 * ```ts
 * isClaimFullyBound({ metadata: { annotations: { "pv.kubernetes.io/bind-completed": "yes" } }, spec: { volumeName: "pv1" } }); // true
 * ```
 */
export function isClaimFullyBound(c: PersistentVolumeClaim): boolean {
  return str(c.spec?.volumeName) !== "" && Object.hasOwn(annotations(c), AnnBindCompleted);
}

/**
 * `podHasPVCs`: `Skip` when the pod has no claim-backed volume, `UnschedulableAndUnresolvable` with
 * Kubernetes' text for the first volume whose claim is missing, Lost, being deleted, or (generic
 * ephemeral volume) not owned by the pod; `Success` otherwise.
 *
 * @example
 * ```ts
 * podHasClaims(pod, cluster); // { code: "UnschedulableAndUnresolvable", reasons: ['persistentvolumeclaim "data" not found'] }
 * ```
 */
export function podHasClaims(pod: Pod, cluster: Cluster): PluginStatus {
  const ns = podNamespace(pod);
  const vols = podClaimVolumes(pod);
  if (vols.length === 0) return status("Skip");
  for (const v of vols) {
    const pvc = lookupClaim(cluster, ns, v.claimName);
    if (pvc === undefined) {
      return status(
        "UnschedulableAndUnresolvable",
        v.ephemeral
          ? `waiting for ephemeral volume controller to create the persistentvolumeclaim ${JSON.stringify(v.claimName)}`
          : `persistentvolumeclaim ${JSON.stringify(v.claimName)} not found`,
      );
    }
    if (pvc.status?.phase === "Lost") {
      return status(
        "UnschedulableAndUnresolvable",
        `persistentvolumeclaim ${JSON.stringify(v.claimName)} bound to non-existent persistentvolume ${JSON.stringify(str(pvc.spec?.volumeName))}`,
      );
    }
    if (isDeleting(pvc))
      return status("UnschedulableAndUnresolvable", `persistentvolumeclaim ${JSON.stringify(v.claimName)} is being deleted`);
    if (v.ephemeral && !claimIsForPod(pvc, pod)) {
      return status(
        "UnschedulableAndUnresolvable",
        `PVC ${str(pvc.metadata?.namespace)}/${str(pvc.metadata?.name)} was not created for pod ${ns}/${str(pod.metadata?.name)} (pod is not owner)`,
      );
    }
  }
  return status("Success");
}

/**
 * `GetPodVolumeClaims`: the pod's claims sorted into {@link PodVolumeClaims}, or an `Error`
 * status when a class has no binding mode (`VolumeBindingMode not set for StorageClass "x"`).
 * Call after {@link podHasClaims} passed (every claim exists).
 *
 * @example
 * ```ts
 * const r = podVolumeClaims(pod, cluster);
 * if ("code" in r) console.log(r.reasons); else console.log(r.delayed.length);
 * ```
 */
export function podVolumeClaims(pod: Pod, cluster: Cluster): PodVolumeClaims | PluginStatus {
  const ns = podNamespace(pod);
  const bound: PersistentVolumeClaim[] = [];
  const delayed: PersistentVolumeClaim[] = [];
  const immediate: PersistentVolumeClaim[] = [];
  for (const v of podClaimVolumes(pod)) {
    const pvc = lookupClaim(cluster, ns, v.claimName);
    if (pvc === undefined) continue;
    if (isClaimFullyBound(pvc)) {
      bound.push(pvc);
      continue;
    }
    const mode = isDelayBindingMode(pvc, cluster.classes);
    if (mode.error !== undefined) return status("Error", mode.error);
    if (mode.delay && str(pvc.spec?.volumeName) === "") delayed.push(pvc);
    else immediate.push(pvc);
  }
  return { bound, delayed, immediate };
}
