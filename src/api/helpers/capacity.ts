/**
 * The storage size a claim requests and a volume offers, as exact quantities.
 *
 * @module
 */
import { parseQuantity, type Quantity } from "../../quantity/index.js";
import { quantityText } from "./quantity-text.js";

/**
 * The least a claim needs for {@link claimRequest}.
 *
 * @example
 * ```ts
 * const c: ClaimRequestSource = { spec: { resources: { requests: { storage: "5Gi" } } } };
 * ```
 */
export interface ClaimRequestSource {
  spec?: { resources?: { requests?: Readonly<Record<string, string>> | null } | null } | null;
}

/**
 * The least a volume needs for {@link volumeCapacity}.
 *
 * @example
 * ```ts
 * const v: VolumeCapacitySource = { spec: { capacity: { storage: "10Gi" } } };
 * ```
 */
export interface VolumeCapacitySource {
  spec?: { capacity?: Readonly<Record<string, string>> | null } | null;
}

const ZERO: Quantity = parseQuantity("0");

/** A map's `storage` entry as a quantity; missing (or null) is zero, as Go's zero-value Quantity. */
function storageOf(list: Readonly<Record<string, string>> | null | undefined): Quantity {
  if (list == null || !Object.hasOwn(list, "storage")) return ZERO;
  const value: unknown = list["storage"];
  if (value === null || value === undefined) return ZERO;
  return parseQuantity(quantityText(value));
}

/**
 * The storage a claim requests: `spec.resources.requests.storage` as an exact {@link Quantity}.
 * A missing entry is zero. The text is read as the API server reads JSON (surrounding whitespace
 * trimmed; a JSON number accepted).
 *
 * @param pvc - the claim
 * @returns the requested size
 * @throws QuantityError when the entry is not a quantity
 * @example
 * ```ts
 * claimRequest({ spec: { resources: { requests: { storage: "1Gi" } } } }).value(); // 1073741824n
 * claimRequest({ spec: {} }).isZero();                                            // true
 * ```
 */
export function claimRequest(pvc: ClaimRequestSource): Quantity {
  return storageOf(pvc?.spec?.resources?.requests);
}

/**
 * The storage a volume offers: `spec.capacity.storage` as an exact {@link Quantity}; missing is
 * zero. Compare with `cmp`, never with numbers (`1Gi` > `1G`; `200E` is beyond 64 bits).
 *
 * @param pv - the volume
 * @returns the capacity
 * @throws QuantityError when the entry is not a quantity
 * @example
 * ```ts
 * volumeCapacity({ spec: { capacity: { storage: "1G" } } }).cmp(parseQuantity("1Gi")); // -1
 * ```
 */
export function volumeCapacity(pv: VolumeCapacitySource): Quantity {
  return storageOf(pv?.spec?.capacity);
}
