/**
 * The error thrown by selector parsing and conversion.
 *
 * @module
 */
import type { FieldError } from "../field/index.js";

/** The cross-realm brand on `SelectorError.prototype`. */
const SELECTORERROR_BRAND = Symbol.for("kubevol.SelectorError");

/**
 * A selector could not be parsed or built. `message` is Kubernetes' text (for example
 * `unable to parse requirement: found '', expected: identifier`); `errors` holds the underlying
 * field errors when the failure came from requirement validation.
 *
 * @example
 * ```ts
 * try { parseSelector("x in"); } catch (e) {
 *   if (e instanceof SelectorError) console.log(e.message); // "unable to parse requirement: found '' expected: '('"
 * }
 * ```
 */
export class SelectorError extends Error {
  /** The field errors behind the message, if any (in Kubernetes' order). */
  readonly errors: readonly FieldError[];

  constructor(message: string, errors: readonly FieldError[] = []) {
    super(message);
    this.name = "SelectorError";
    this.errors = errors;
  }

  /**
   * `x instanceof SelectorError` holds for a SelectorError thrown by any copy of kubevol in the process (an ES
   * module and a CommonJS copy, two installed versions, a bundle): it tests the brand
   * `Symbol.for("kubevol.SelectorError")` every copy puts on its prototype, as `Quantity` does. A subclass
   * keeps the ordinary prototype-chain test.
   *
   * @example
   * ```ts
   * err instanceof SelectorError; // true, whichever copy threw it
   * ```
   */
  static override [Symbol.hasInstance](x: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class `instanceof` asked (a subclass keeps the prototype test)
    if (this !== SelectorError) return Function.prototype[Symbol.hasInstance].call(this, x);
    return typeof x === "object" && x !== null && (x as { [SELECTORERROR_BRAND]?: unknown })[SELECTORERROR_BRAND] === true;
  }

  static {
    Object.defineProperty(SelectorError.prototype, SELECTORERROR_BRAND, { value: true });
  }
}
