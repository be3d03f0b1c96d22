/**
 * Whether an object is being deleted.
 *
 * @module
 */
import type { Time } from "../types/meta.js";

/**
 * The least an object needs for {@link isDeleting}.
 *
 * @example
 * ```ts
 * const o: DeletionSource = { metadata: { deletionTimestamp: "2024-05-01T10:00:00Z" } };
 * ```
 */
export interface DeletionSource {
  metadata?: { deletionTimestamp?: Time | null } | null;
}

/**
 * Whether `metadata.deletionTimestamp` is set (the object is waiting for its finalizers).
 * `null`, `undefined` and `""` count as not set.
 *
 * @param obj - any object
 * @returns whether deletion has started
 * @example
 * ```ts
 * isDeleting({ metadata: { deletionTimestamp: "2024-05-01T10:00:00Z" } }); // true
 * isDeleting({ metadata: {} });                                            // false
 * ```
 */
export function isDeleting(obj: DeletionSource): boolean {
  const ts = obj?.metadata?.deletionTimestamp;
  return ts !== undefined && ts !== null && ts !== "";
}
