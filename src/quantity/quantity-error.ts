/**
 * The error thrown for a string (or value) that is not a quantity. Kubernetes' own texts are used
 * where Kubernetes rejects the input; the limits kubevol adds on top (see {@link MAX_QUANTITY_LENGTH}
 * and {@link MAX_QUANTITY_EXPONENT}) have their own texts because Kubernetes has none.
 */

/**
 * Kubernetes' "does not look like a quantity" message (`resource.ErrFormatWrong`), verbatim.
 *
 * @example
 * ```ts
 * try { parseQuantity("1 Gi"); } catch (e) { (e as QuantityError).message === QUANTITY_FORMAT_MESSAGE; } // true
 * ```
 */
export const QUANTITY_FORMAT_MESSAGE = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/**
 * Kubernetes' "unknown suffix" message (`resource.ErrSuffix`), verbatim.
 *
 * @example
 * ```ts
 * try { parseQuantity("1K"); } catch (e) { (e as QuantityError).message === QUANTITY_SUFFIX_MESSAGE; } // true
 * ```
 */
export const QUANTITY_SUFFIX_MESSAGE = "unable to parse quantity's suffix";

/**
 * Why a {@link QuantityError} was thrown.
 *
 * - `"format"`: the text does not have the shape of a quantity (Kubernetes' format error).
 * - `"suffix"`: the shape is right but the suffix is unknown (Kubernetes' suffix error).
 * - `"limit"`: Kubernetes would accept the text but it exceeds kubevol's length or exponent limit.
 * - `"argument"`: a constructor was given something that is not an exact integer (e.g. `1.5` or `NaN`).
 *
 * @example
 * ```ts
 * try { parseQuantity("1e999999999"); } catch (e) { (e as QuantityError).reason; } // "limit"
 * ```
 */
export type QuantityErrorReason = "format" | "suffix" | "limit" | "argument";

/** The cross-realm brand on `QuantityError.prototype`. */
const QUANTITYERROR_BRAND = Symbol.for("kubevol.QuantityError");

/**
 * Thrown by {@link parseQuantity} and the {@link Quantity} constructors on bad input. `message` is
 * Kubernetes' text for the same input (`reason` `"format"` or `"suffix"`) or kubevol's own text for
 * its extra limits (`"limit"`) and bad constructor arguments (`"argument"`).
 *
 * @example
 * ```ts
 * try {
 *   parseQuantity("10GB");
 * } catch (e) {
 *   if (e instanceof QuantityError) console.log(e.reason, e.message);
 *   // format quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'
 * }
 * ```
 */
export class QuantityError extends Error {
  /** The kind of problem, for callers that branch on it rather than on the message. */
  readonly reason: QuantityErrorReason;

  /**
   * @param reason - the kind of problem
   * @param message - the human-readable text (Kubernetes' where Kubernetes has one); defaults to
   *   Kubernetes' format message
   */
  constructor(reason: QuantityErrorReason, message: string = QUANTITY_FORMAT_MESSAGE) {
    super(message);
    this.name = "QuantityError";
    this.reason = reason;
  }

  /**
   * `x instanceof QuantityError` holds for a QuantityError thrown by any copy of kubevol in the process (an ES
   * module and a CommonJS copy, two installed versions, a bundle): it tests the brand
   * `Symbol.for("kubevol.QuantityError")` every copy puts on its prototype, as `Quantity` does. A subclass
   * keeps the ordinary prototype-chain test.
   *
   * @example
   * ```ts
   * err instanceof QuantityError; // true, whichever copy threw it
   * ```
   */
  static override [Symbol.hasInstance](x: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class `instanceof` asked (a subclass keeps the prototype test)
    if (this !== QuantityError) return Function.prototype[Symbol.hasInstance].call(this, x);
    return typeof x === "object" && x !== null && (x as { [QUANTITYERROR_BRAND]?: unknown })[QUANTITYERROR_BRAND] === true;
  }

  static {
    Object.defineProperty(QuantityError.prototype, QUANTITYERROR_BRAND, { value: true });
  }
}

/** @internal The format error (a fresh object each time: errors carry stacks). */
export function formatError(): QuantityError {
  return new QuantityError("format", QUANTITY_FORMAT_MESSAGE);
}

/** @internal The suffix error. */
export function suffixError(): QuantityError {
  return new QuantityError("suffix", QUANTITY_SUFFIX_MESSAGE);
}
