/**
 * Label keys ("qualified names"): an optional DNS-subdomain prefix and `/`, then a name of at most
 * 63 bytes. Messages are apimachinery's (`IsQualifiedName` / `IsLabelKey`).
 *
 * @module
 */
import { invalid, type FieldError } from "../field/index.js";
import { dns1123SubdomainErrors } from "./dns1123.js";
import { isAlnum, NOT_A_STRING, utf8Length } from "./strings.js";

const NAME_MAX = 63;

const NAME_FORMAT =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

/**
 * `^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$` without a regex (also used for label values).
 *
 * @example
 * ```ts
 * isLabelNameShape("My_name.1"); // true
 * isLabelNameShape("-x");        // false
 * ```
 */
export function isLabelNameShape(s: string): boolean {
  const n = s.length;
  if (n === 0 || !isAlnum(s.charCodeAt(0)) || !isAlnum(s.charCodeAt(n - 1))) return false;
  for (let i = 1; i < n - 1; i++) {
    const c = s.charCodeAt(i);
    if (!isAlnum(c) && c !== 0x2d && c !== 0x5f && c !== 0x2e) return false;
  }
  return true;
}

/**
 * Check a qualified name (label key, annotation key, finalizer name): `[prefix/]name`, the prefix a
 * lowercase DNS subdomain, the name 1–63 bytes of alphanumerics, `-`, `_`, `.` starting and ending
 * alphanumeric. Returns Kubernetes' messages in its order (prefix errors, then name errors); `[]`
 * when valid.
 *
 * @example
 * ```ts
 * isQualifiedName("example.com/MyName"); // []
 * isQualifiedName("/a");                 // ["prefix part must be non-empty"]
 * isQualifiedName("a/b/c");              // ["a valid label key must consist of ... (e.g. 'example.com/MyName')"]
 * ```
 */
export function isQualifiedName(value: string): string[] {
  if (typeof value !== "string") return [NOT_A_STRING];
  const errs: string[] = [];
  const slash = value.indexOf("/");
  let name = value;
  if (slash >= 0) {
    if (value.indexOf("/", slash + 1) >= 0) {
      return [`a valid label key ${NAME_FORMAT} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
    }
    const prefix = value.slice(0, slash);
    name = value.slice(slash + 1);
    if (prefix.length === 0) errs.push("prefix part must be non-empty");
    else for (const msg of dns1123SubdomainErrors(prefix, "bytes")) errs.push(`prefix part ${msg}`);
  }
  if (name.length === 0) errs.push("name part must be non-empty");
  else if (utf8Length(name) > NAME_MAX) errs.push(`name part must be no more than ${NAME_MAX} bytes`);
  if (!isLabelNameShape(name)) errs.push(`name part ${NAME_FORMAT}`);
  return errs;
}

/**
 * Check a label key; the same rules and messages as {@link isQualifiedName}. `[]` when valid.
 *
 * @example
 * ```ts
 * validateLabelKey("topology.kubernetes.io/zone"); // []
 * validateLabelKey("");  // ["name part must be non-empty", "name part must consist of ..."]
 * ```
 */
export function validateLabelKey(key: string): string[] {
  return isQualifiedName(key);
}

/**
 * API validation of a qualified name at a field path: one `Invalid value` error per message
 * (apimachinery's `ValidateLabelName`).
 *
 * @example
 * ```ts
 * validateQualifiedName("a b", "spec.selector.matchExpressions[0].key")[0]?.toString();
 * // 'spec.selector.matchExpressions[0].key: Invalid value: "a b": name part must consist of ...'
 * ```
 */
export function validateQualifiedName(value: string, path: string): FieldError[] {
  return isQualifiedName(value).map((msg) => invalid(path, value, msg));
}
