/**
 * The PV controller's `checkVolumeSatisfyClaim`, for claims pre-bound with `spec.volumeName`.
 *
 * @module
 */
import type { PersistentVolume, PersistentVolumeClaim } from "../api/index.js";
import { containsAccessModes } from "../api/helpers/index.js";
import { goQuote } from "../field/index.js";
import { type DecodedClaim, decodeClaim } from "./decoded-claim.js";
import { type DecodedVolume, decodeVolume } from "./decoded-volume.js";

/**
 * Kubernetes' `checkVolumeSatisfyClaim`: whether the volume a claim names in `spec.volumeName`
 * satisfies it. Returns the first mismatch as Kubernetes words it (the text of the `VolumeMismatch`
 * event, `Cannot bind to requested volume "<pv>": <message>`), or `undefined` when it satisfies it.
 *
 * Checks, in order: being deleted (`the volume is marked for deletion "<pv>"`); size
 * (`requested PV is too small`) — compared as integer byte counts rounded **up** (`Value()`), not
 * exactly as `findMatchingVolume` does, so a `1500m` volume satisfies a `2` request here; class
 * (`storageClassName does not match`); VolumeAttributesClass (`volumeAttributesClassName does not
 * match`); volume mode (`incompatible volumeMode`); access modes (`incompatible accessMode`).
 * Not checked: phase, selector, node affinity, claimRef.
 *
 * kubevol additions (Kubernetes' API server rejects such objects, so it has no wording): a
 * malformed volume or capacity, or a malformed claim or request, returns a message saying so.
 * Never throws.
 *
 * @example
 * ```ts
 * checkVolumeSatisfyClaim(pv5Gi, claim10Gi); // "requested PV is too small"
 * checkVolumeSatisfyClaim(pv, claim);         // undefined: satisfied
 * ```
 */
export function checkVolumeSatisfyClaim(volume: PersistentVolume, claim: PersistentVolumeClaim): string | undefined {
  return volumeSatisfiesClaim(decodeVolume(volume), decodeClaim(claim));
}

/**
 * {@link checkVolumeSatisfyClaim} on decoded objects (the one definition of the rule).
 *
 * @internal
 * @example
 * ```ts
 * volumeSatisfiesClaim(decodeVolume(pv5Gi), decodeClaim(claim10Gi)); // "requested PV is too small"
 * ```
 */
export function volumeSatisfiesClaim(v: DecodedVolume, c: DecodedClaim): string | undefined {
  if (c.problems.length > 0) return c.problems.map((p) => p.message).join("; ");
  if (v.defect?.code === "malformed-volume") return v.defect.message;
  if (v.deleting) return `the volume is marked for deletion ${goQuote(v.name)}`;
  if (v.capacity === undefined) return v.defect?.message ?? "the volume's capacity is not a valid quantity";
  if (v.capacity.value() < c.request!.value()) return "requested PV is too small";
  if (v.class !== c.class) return "storageClassName does not match";
  if (v.vac !== c.vac) return "volumeAttributesClassName does not match";
  if (v.volumeMode !== c.volumeMode) return "incompatible volumeMode";
  if (!containsAccessModes(v.accessModes, c.accessModes)) return "incompatible accessMode";
  return undefined;
}
