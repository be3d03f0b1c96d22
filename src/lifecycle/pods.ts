/**
 * Which pods use a claim, as the PV controller's pod index and the PVC protection controller
 * see it.
 *
 * @module
 */
import { podClaimNames, podUsesClaim } from "../api/helpers/index.js";
import type { PersistentVolumeClaim, Pod } from "../api/index.js";
import type { StoredPod } from "./stored.js";
import { type Cluster, checkCluster } from "./cluster.js";
import { LifecycleError } from "./errors.js";
import { isBeingDeleted, nameOf, namespaceOf } from "./object-meta.js";

export { podClaimNames, podUsesClaim };

/**
 * `IsPodTerminated`: phase Succeeded or Failed, or being deleted with no container running.
 * Container states are not modelled beyond `status.containerStatuses[].state.running`.
 *
 * @example
 * ```ts
 * isPodTerminated({ metadata: { name: "job" }, status: { phase: "Succeeded" } }); // true
 * ```
 */
export function isPodTerminated(pod: Pod): boolean {
  const phase = pod?.status?.phase;
  if (phase === "Succeeded" || phase === "Failed") return true;
  if (!isBeingDeleted(pod)) return false;
  const statuses = (pod?.status as { containerStatuses?: { state?: { running?: unknown } }[] } | undefined)?.containerStatuses ?? [];
  return statuses.every((s) => s.state?.running === undefined || s.state.running === null);
}

/**
 * Pods (sorted by name) that reference the claim `namespace/name` — the PV controller's
 * `findPodsByPVCKey`.
 *
 * @example
 * ```ts
 * podsReferencingClaim(cluster, "default/data").map((p) => p.metadata.name);
 * ```
 */
export function podsReferencingClaim(cluster: Cluster, claimKey: string): StoredPod[] {
  checkCluster(cluster);
  if (typeof claimKey !== "string") throw new LifecycleError("InvalidInput", "claimKey: Invalid value: expected namespace/name");
  const slash = claimKey.indexOf("/");
  const ns = claimKey.slice(0, slash);
  const name = claimKey.slice(slash + 1);
  const out: StoredPod[] = [];
  for (const pod of cluster.pods.values()) {
    if (namespaceOf(pod) === ns && podClaimNames(pod).includes(name)) out.push(pod);
  }
  return out.sort((a, b) => (nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0));
}

/**
 * Whether any pod of the cluster uses the claim (see {@link podUsesClaim}).
 *
 * @example
 * ```ts
 * isClaimInUse(cluster, pvc);
 * ```
 */
export function isClaimInUse(cluster: Cluster, claim: PersistentVolumeClaim): boolean {
  checkCluster(cluster);
  for (const pod of cluster.pods.values()) if (podUsesClaim(pod, claim)) return true;
  return false;
}
