/**
 * How a quantity prints its value (the Kubernetes `resource.Format`):
 *
 * - `"DecimalSI"`: suffixes `n u m k M G T P E` (powers of 1000), e.g. `500G`, `100m`.
 * - `"BinarySI"`: suffixes `Ki Mi Gi Ti Pi Ei` (powers of 1024), e.g. `10Gi`; values below 1024 or
 *   with a fractional part print as DecimalSI.
 * - `"DecimalExponent"`: `e<n>` with n a multiple of 3, e.g. `12e6`.
 *
 * The format only affects printing; comparison and arithmetic use the exact value.
 *
 * @example
 * ```ts
 * const f: QuantityFormat = parseQuantity("10Gi").format; // "BinarySI"
 * ```
 */
export type QuantityFormat = "DecimalSI" | "BinarySI" | "DecimalExponent";

/**
 * The three formats, in Kubernetes' declaration order.
 *
 * @example
 * ```ts
 * QUANTITY_FORMATS.includes("BinarySI"); // true
 * ```
 */
export const QUANTITY_FORMATS: readonly QuantityFormat[] = Object.freeze(["DecimalExponent", "BinarySI", "DecimalSI"]);
