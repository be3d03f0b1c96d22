/**
 * The pointer between a volume and a claim (`spec.claimRef`), and the claim's cache key.
 *
 * @module
 */
import { str } from "../../labels/strings.js";

/**
 * The least a claim needs for binding checks (a full `PersistentVolumeClaim` fits).
 *
 * @example
 * ```ts
 * const c: ClaimIdentity = { metadata: { name: "data", namespace: "default", uid: "u1" } };
 * ```
 */
export interface ClaimIdentity {
  metadata?: { name?: string; namespace?: string; uid?: string } | null;
}

/**
 * The least a volume needs for {@link isVolumeBoundToClaim}.
 *
 * @example
 * ```ts
 * const v: VolumeClaimRefSource = { spec: { claimRef: { name: "data", namespace: "default" } } };
 * ```
 */
export interface VolumeClaimRefSource {
  spec?: { claimRef?: { name?: string; namespace?: string; uid?: string } | null } | null;
}

/**
 * Whether a volume points at a claim: `spec.claimRef` is set, its name and namespace equal the
 * claim's, and its uid is empty (pre-bound by name: any incarnation of that claim) or equals the
 * claim's uid (component-helpers `IsVolumeBoundToClaim`).
 *
 * @param pv - the volume
 * @param pvc - the claim
 * @returns whether the volume is bound (or pre-bound) to this claim
 * @example
 * ```ts
 * const pvc = { metadata: { name: "data", namespace: "default", uid: "u1" } };
 * isVolumeBoundToClaim({ spec: { claimRef: { name: "data", namespace: "default" } } }, pvc);            // true
 * isVolumeBoundToClaim({ spec: { claimRef: { name: "data", namespace: "default", uid: "u2" } } }, pvc); // false
 * ```
 */
export function isVolumeBoundToClaim(pv: VolumeClaimRefSource, pvc: ClaimIdentity): boolean {
  const ref = pv?.spec?.claimRef;
  if (ref == null) return false;
  const meta = pvc?.metadata;
  return claimRefPointsAt(ref, str(meta?.namespace), str(meta?.name), str(meta?.uid));
}

/**
 * The rule behind {@link isVolumeBoundToClaim}, on a `claimRef` and a claim's identity as strings:
 * the name and namespace are equal, and the reference's uid is empty or equal. Missing or
 * non-string fields of the reference read as `""`.
 *
 * @param ref - the volume's `spec.claimRef`
 * @returns whether the reference points at the claim `namespace/name` with this uid
 * @example
 * ```ts
 * claimRefPointsAt({ namespace: "default", name: "data" }, "default", "data", "u1"); // true
 * claimRefPointsAt({ namespace: "default", name: "data", uid: "u2" }, "default", "data", "u1"); // false
 * ```
 */
export function claimRefPointsAt(ref: unknown, namespace: string, name: string, uid: string): boolean {
  if (typeof ref !== "object" || ref === null) return false;
  const r = ref as { name?: unknown; namespace?: unknown; uid?: unknown };
  if (str(r.name) !== name || str(r.namespace) !== namespace) return false;
  const refUid = str(r.uid);
  return refUid === "" || refUid === uid;
}

/**
 * The key the PV controller uses for a claim: `"<namespace>/<name>"` (always with the slash, even
 * for an empty namespace, as Go's `claimToClaimKey` formats it).
 *
 * @param pvc - the claim
 * @returns `namespace/name`
 * @example
 * ```ts
 * claimKey({ metadata: { name: "data", namespace: "default" } }); // "default/data"
 * ```
 */
export function claimKey(pvc: ClaimIdentity): string {
  return `${str(pvc?.metadata?.namespace)}/${str(pvc?.metadata?.name)}`;
}
