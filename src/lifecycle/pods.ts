/**
 * Which pods use a claim, as the PV controller's pod index and the PVC protection controller
 * see it.
 *
 * @module
 */
import type { PersistentVolumeClaim, Pod } from "../api/index.js";
import type { Cluster } from "./cluster.js";
import { isBeingDeleted, nameOf, namespaceOf, uidOf } from "./object-meta.js";

/**
 * Names of the claims a pod references: `persistentVolumeClaim.claimName` of its volumes, and
 * `<pod>-<volume>` for generic ephemeral volumes (the name Kubernetes gives their claims).
 *
 * @example
 * ```ts
 * podClaimNames({ metadata: { name: "web" }, spec: { volumes: [
 *   { name: "data", persistentVolumeClaim: { claimName: "data" } },
 *   { name: "scratch", ephemeral: { volumeClaimTemplate: { spec: {} } } },
 * ] } }); // ["data", "web-scratch"]
 * ```
 */
export function podClaimNames(pod: Pod): string[] {
  const out: string[] = [];
  for (const v of pod.spec?.volumes ?? []) {
    if (v.persistentVolumeClaim) out.push(v.persistentVolumeClaim.claimName);
    else if (v.ephemeral) out.push(`${nameOf(pod)}-${v.name}`);
  }
  return out;
}

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
  const phase = pod.status?.phase;
  if (phase === "Succeeded" || phase === "Failed") return true;
  if (!isBeingDeleted(pod)) return false;
  const statuses = (pod.status as { containerStatuses?: { state?: { running?: unknown } }[] } | undefined)?.containerStatuses ?? [];
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
export function podsReferencingClaim(cluster: Cluster, claimKey: string): Pod[] {
  const slash = claimKey.indexOf("/");
  const ns = claimKey.slice(0, slash);
  const name = claimKey.slice(slash + 1);
  const out: Pod[] = [];
  for (const pod of cluster.pods.values()) {
    if (namespaceOf(pod) === ns && podClaimNames(pod).includes(name)) out.push(pod);
  }
  return out.sort((a, b) => (nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0));
}

function ownedBy(claim: PersistentVolumeClaim, pod: Pod): boolean {
  return (claim.metadata.ownerReferences ?? []).some((r) => r.controller === true && r.uid === uidOf(pod));
}

function isShutDown(pod: Pod): boolean {
  return isBeingDeleted(pod) && pod.metadata.deletionGracePeriodSeconds === 0;
}

/**
 * Whether a pod "uses" the claim for the PVC protection controller: the pod is scheduled
 * (`spec.nodeName` set), references the claim by name (or through a generic ephemeral volume
 * whose claim it owns), and is not shut down — whatever its phase (Succeeded and Failed pods
 * still block). Unscheduled pods never block.
 *
 * @example
 * ```ts
 * podUsesClaim(pod, pvc);
 * ```
 */
export function podUsesClaim(pod: Pod, claim: PersistentVolumeClaim): boolean {
  if (namespaceOf(pod) !== namespaceOf(claim)) return false;
  if (!pod.spec?.nodeName) return false;
  if (isShutDown(pod)) return false;
  for (const v of pod.spec.volumes ?? []) {
    if (v.persistentVolumeClaim && v.persistentVolumeClaim.claimName === nameOf(claim)) return true;
    if (v.ephemeral && `${nameOf(pod)}-${v.name}` === nameOf(claim) && ownedBy(claim, pod)) return true;
  }
  return false;
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
  for (const pod of cluster.pods.values()) if (podUsesClaim(pod, claim)) return true;
  return false;
}
