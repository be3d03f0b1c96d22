/**
 * The pointer between a volume and a claim (`spec.claimRef`), and the claim's cache key.
 *
 * @module
 */

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

function str(v: unknown): string {
  return typeof v === "string" ? v : "";
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
  const ref = pv.spec?.claimRef;
  if (ref == null) return false;
  const meta = pvc.metadata;
  if (str(ref.name) !== str(meta?.name) || str(ref.namespace) !== str(meta?.namespace)) return false;
  const uid = str(ref.uid);
  return uid === "" || uid === str(meta?.uid);
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
  return `${str(pvc.metadata?.namespace)}/${str(pvc.metadata?.name)}`;
}
