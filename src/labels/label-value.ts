/**
 * Label values: empty, or at most 63 bytes of alphanumerics, `-`, `_`, `.` starting and ending
 * alphanumeric (apimachinery's `IsValidLabelValue`).
 *
 * @module
 */
import { isLabelNameShape } from "./label-key.js";
import { NOT_A_STRING, utf8Length } from "./strings.js";

const VALUE_MAX = 63;

const VALUE_FORMAT =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

/**
 * Check a label value. Both the length and the format message can be reported for one value.
 * Returns Kubernetes' messages, `[]` when valid (the empty string is valid).
 *
 * @example
 * ```ts
 * validateLabelValue("ssd"); // []
 * validateLabelValue("");    // []
 * validateLabelValue("-1");  // ["a valid label must be an empty string or consist of ..."]
 * ```
 */
export function validateLabelValue(value: string): string[] {
  if (typeof value !== "string") return [NOT_A_STRING];
  const errs: string[] = [];
  if (utf8Length(value) > VALUE_MAX) errs.push(`must be no more than ${VALUE_MAX} bytes`);
  if (value.length > 0 && !isLabelNameShape(value)) errs.push(VALUE_FORMAT);
  return errs;
}

/**
 * Alias of {@link validateLabelValue} under apimachinery's name.
 *
 * @example
 * ```ts
 * isValidLabelValue("a b").length; // 1
 * ```
 */
export function isValidLabelValue(value: string): string[] {
  return validateLabelValue(value);
}
