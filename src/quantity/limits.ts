/**
 * Limits kubevol puts on quantity text, on top of Kubernetes' grammar. Kubernetes itself has none:
 * it accepts a megabyte of digits and truncates a decimal exponent to 32 bits (so `1e4294967296`
 * silently means `1`), and with a large exponent its arbitrary-precision arithmetic can run for
 * minutes. Real quantities are a few characters long and nothing physical needs more than a
 * hundred orders of magnitude, so these bounds reject only absurd input, at once, and keep every
 * BigInt kubevol builds below a few thousand digits (every operation stays in microseconds).
 */

/**
 * The longest quantity string {@link parseQuantity} accepts (in UTF-16 code units). Longer input
 * throws a {@link QuantityError} with reason `"limit"` before anything else is looked at.
 *
 * @example
 * ```ts
 * parseQuantity("1".repeat(MAX_QUANTITY_LENGTH + 1)); // throws QuantityError (reason "limit")
 * ```
 */
export const MAX_QUANTITY_LENGTH = 1024;

/**
 * The largest magnitude of a decimal exponent (`1e1000`, `5E-1000`) {@link parseQuantity} accepts,
 * and the bound on values: a parsed value must be below 10^(MAX_QUANTITY_EXPONENT + 1) in
 * magnitude (`1e1000` is accepted, `10e1000` and a 1002-digit integer are not). Bounding the value,
 * not only the written exponent, keeps every canonical form of a parsed quantity re-parseable (its
 * exponent never exceeds the value's) and shorter than {@link MAX_QUANTITY_LENGTH}.
 *
 * A larger exponent that Kubernetes would accept (it fits an int64) throws a {@link QuantityError}
 * with reason `"limit"`; one that does not fit an int64 throws Kubernetes' own suffix error.
 * Results of arithmetic are not bounded.
 *
 * @example
 * ```ts
 * parseQuantity("1e1000").canonical(); // "10e999"
 * parseQuantity("1e1001");             // throws QuantityError (reason "limit")
 * parseQuantity("10e1000");            // throws QuantityError (reason "limit")
 * ```
 */
export const MAX_QUANTITY_EXPONENT = 1000;
