/**
 * Rules shared by PersistentVolume and PersistentVolumeClaim specs: access modes, class names,
 * volume modes, resource quantities.
 *
 * @module
 */
import { child, forbidden, invalid, notSupported, type FieldError } from "../field/index.js";
import { isDNS1123Subdomain } from "../labels/index.js";
import type { Quantity } from "../quantity/index.js";

/**
 * The supported access modes, sorted as Kubernetes lists them in messages.
 * @internal
 */
export const SUPPORTED_ACCESS_MODES: readonly string[] = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"];
/**
 * The supported volume modes, sorted.
 * @internal
 */
export const SUPPORTED_VOLUME_MODES: readonly string[] = ["Block", "Filesystem"];
/**
 * The PV reclaim policies, sorted.
 * @internal
 */
export const SUPPORTED_RECLAIM_POLICIES: readonly string[] = ["Delete", "Recycle", "Retain"];

/**
 * Each mode must be supported; ReadWriteOncePod may not be combined with another supported mode.
 * @internal
 */
export function accessModeValueErrors(modes: readonly string[], path: string, errs: FieldError[]): void {
  let rwop = false;
  let other = false;
  for (const mode of modes) {
    const supported = SUPPORTED_ACCESS_MODES.includes(mode);
    if (!supported) errs.push(notSupported(path, mode, SUPPORTED_ACCESS_MODES));
    if (mode === "ReadWriteOncePod") rwop = true;
    else if (supported) other = true;
  }
  if (rwop && other) errs.push(forbidden(path, "may not use ReadWriteOncePod with other access modes"));
}

/**
 * A class name (storage class, volume attributes class) must be a DNS-1123 subdomain.
 * @internal
 */
export function classNameErrors(name: string, path: string, errs: FieldError[]): void {
  for (const msg of isDNS1123Subdomain(name)) errs.push(invalid(path, name, msg));
}

/**
 * `volumeMode`, when set, is Block or Filesystem.
 * @internal
 */
export function volumeModeErrors(mode: string | undefined, path: string, errs: FieldError[]): void {
  if (mode !== undefined && !SUPPORTED_VOLUME_MODES.includes(mode)) errs.push(notSupported(path, mode, SUPPORTED_VOLUME_MODES));
}

/**
 * `validateBasicResource`: the integer value (rounded up) must not be negative.
 * @internal
 */
export function basicResourceErrors(q: Quantity, path: string, errs: FieldError[]): void {
  const v = q.value();
  // A number keeps FieldError JSON-serialisable; a value a double cannot hold exactly stays a
  // bigint so the message still prints Go's exact int64.
  if (v < 0n) errs.push(invalid(path, BigInt(Number(v)) === v ? Number(v) : v, "must be a valid resource quantity"));
}

/**
 * `ValidatePositiveQuantityValue`: the quantity must be > 0.
 * @internal
 */
export function positiveQuantityErrors(q: Quantity, path: string, errs: FieldError[]): void {
  if (q.sign() <= 0) errs.push(invalid(path, q.toString(), "must be greater than zero"));
}

/**
 * `ValidateNonnegativeQuantity`: the quantity must be ≥ 0.
 * @internal
 */
export function nonNegativeQuantityErrors(q: Quantity, path: string, errs: FieldError[]): void {
  if (q.sign() < 0) errs.push(invalid(path, q.toString(), "must be greater than or equal to 0"));
}

/**
 * Render a resource list as Go's JSON of `ResourceList` (quantities as strings), or null.
 * @internal
 */
export function resourceListValue(m: ReadonlyMap<string, Quantity> | undefined): Record<string, string> | null {
  if (m === undefined) return null;
  const out: Record<string, string> = {};
  for (const [k, q] of m) out[k] = q.toString();
  return out;
}

/**
 * Keys of a map in a deterministic order (Go iterates maps randomly).
 * @internal
 */
export function sortedKeys<T>(m: ReadonlyMap<string, T>): string[] {
  return [...m.keys()].sort();
}

/** `child` re-exported for the spec validators' convenience. */
export { child };
