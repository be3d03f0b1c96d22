/**
 * The error thrown by selector parsing and conversion.
 *
 * @module
 */
import type { FieldError } from "../field/index.js";

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
}
