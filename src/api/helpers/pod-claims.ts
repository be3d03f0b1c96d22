/**
 * Which claims a pod references and when a pod "uses" a claim (kubernetes/kubernetes
 * `pkg/controller/volume/pvcprotection/pvc_protection_controller.go` `podUsesPVC`,
 * `k8s.io/component-helpers/storage/ephemeral`): the one definition the PVC protection
 * controller, the admission previews and the scheduler share.
 *
 * @module
 */
import { str } from "../../labels/strings.js";

/**
 * The least a pod needs for the claim helpers (a full `Pod` fits).
 *
 * @example
 * ```ts
 * const p: PodClaimSource = { metadata: { name: "web", namespace: "default" }, spec: { nodeName: "n1", volumes: [] } };
 * ```
 */
export interface PodClaimSource {
  metadata?: {
    name?: string;
    namespace?: string;
    uid?: string;
    deletionTimestamp?: unknown;
    deletionGracePeriodSeconds?: number | null;
  } | null;
  spec?: {
    nodeName?: string | null;
    volumes?: readonly ({ name?: string; persistentVolumeClaim?: { claimName?: string } | null; ephemeral?: unknown } | null)[] | null;
  } | null;
}

/**
 * The least a claim needs for {@link podUsesClaim}.
 *
 * @example
 * ```ts
 * const c: ClaimOwnerSource = { metadata: { name: "web-scratch", namespace: "default", ownerReferences: [{ uid: "p1", controller: true }] } };
 * ```
 */
export interface ClaimOwnerSource {
  metadata?: {
    name?: string;
    namespace?: string;
    ownerReferences?: readonly ({ uid?: string; controller?: boolean | null } | null)[] | null;
  } | null;
}

function volumesOf(pod: PodClaimSource) {
  const v: unknown = pod?.spec?.volumes;
  return Array.isArray(v) ? (v as NonNullable<NonNullable<PodClaimSource["spec"]>["volumes"]>) : [];
}

/**
 * The name of the claim a generic ephemeral volume gets: `<pod name>-<volume name>`
 * (`ephemeral.VolumeClaimName`).
 *
 * @example
 * ```ts
 * ephemeralClaimName({ metadata: { name: "web" } }, { name: "scratch" }); // "web-scratch"
 * ```
 */
export function ephemeralClaimName(pod: PodClaimSource, volume: { name?: string }): string {
  return `${str(pod?.metadata?.name)}-${str(volume?.name)}`;
}

/**
 * Names of the claims a pod references: `persistentVolumeClaim.claimName` of its volumes, and
 * {@link ephemeralClaimName} for generic ephemeral volumes, in volume order.
 *
 * @example
 * ```ts
 * podClaimNames({ metadata: { name: "web" }, spec: { volumes: [
 *   { name: "data", persistentVolumeClaim: { claimName: "data" } },
 *   { name: "scratch", ephemeral: { volumeClaimTemplate: { spec: {} } } },
 * ] } }); // ["data", "web-scratch"]
 * ```
 */
export function podClaimNames(pod: PodClaimSource): string[] {
  const out: string[] = [];
  for (const v of volumesOf(pod)) {
    if (v == null) continue;
    if (v.persistentVolumeClaim != null) out.push(str(v.persistentVolumeClaim.claimName));
    else if (v.ephemeral != null) out.push(ephemeralClaimName(pod, v));
  }
  return out;
}

/**
 * Whether the claim was created for the pod's ephemeral volume: it is controlled by the pod (an
 * owner reference with `controller: true` and the pod's uid) — `ephemeral.VolumeIsForPod`.
 *
 * @example
 * ```ts
 * claimIsForPod({ metadata: { ownerReferences: [{ uid: "p1", controller: true }] } }, { metadata: { uid: "p1" } }); // true
 * ```
 */
export function claimIsForPod(claim: ClaimOwnerSource, pod: PodClaimSource): boolean {
  const refs: unknown = claim?.metadata?.ownerReferences;
  if (!Array.isArray(refs)) return false;
  const uid = str(pod?.metadata?.uid);
  return refs.some((r: { uid?: unknown; controller?: unknown } | null) => r != null && r.controller === true && str(r.uid) === uid);
}

/**
 * `podIsShutDown`: the kubelet is done with the pod or it was force-deleted — a
 * `deletionTimestamp` with `deletionGracePeriodSeconds: 0`.
 *
 * @example
 * ```ts
 * podIsShutDown({ metadata: { deletionTimestamp: "2026-01-01T00:00:00Z", deletionGracePeriodSeconds: 0 } }); // true
 * ```
 */
export function podIsShutDown(pod: PodClaimSource): boolean {
  const m = pod?.metadata;
  return m?.deletionTimestamp != null && m.deletionGracePeriodSeconds === 0;
}

/**
 * Whether a pod "uses" the claim for the PVC protection controller (`podUsesPVC`): the pod is in
 * the claim's namespace and scheduled (`spec.nodeName` set — unscheduled pods never block), and
 * a volume references the claim by name — whatever the pod's phase, even a shut-down pod — or a
 * generic ephemeral volume's claim is this claim, created for the pod ({@link claimIsForPod}),
 * and the pod is not shut down ({@link podIsShutDown}).
 *
 * @example
 * ```ts
 * podUsesClaim(
 *   { metadata: { name: "web", namespace: "default" }, spec: { nodeName: "n1", volumes: [{ name: "d", persistentVolumeClaim: { claimName: "data" } }] } },
 *   { metadata: { name: "data", namespace: "default" } },
 * ); // true
 * ```
 */
export function podUsesClaim(pod: PodClaimSource, claim: ClaimOwnerSource): boolean {
  if (typeof pod !== "object" || pod === null || typeof claim !== "object" || claim === null) return false;
  if (str(pod.metadata?.namespace) !== str(claim.metadata?.namespace)) return false;
  if (!pod.spec?.nodeName) return false;
  const name = str(claim.metadata?.name);
  for (const v of volumesOf(pod)) {
    if (v == null) continue;
    if (v.persistentVolumeClaim != null && str(v.persistentVolumeClaim.claimName) === name) return true;
    if (!podIsShutDown(pod) && v.ephemeral != null && ephemeralClaimName(pod, v) === name && claimIsForPod(claim, pod)) return true;
  }
  return false;
}
