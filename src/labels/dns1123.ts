/**
 * RFC 1123 names as Kubernetes validates them (`IsDNS1123Subdomain`, `IsDNS1123Label`), with
 * scanners instead of regular expressions so no input can make them slow.
 *
 * @module
 */
import { isLowerAlnum, NOT_A_STRING, utf8Length } from "./strings.js";

const SUBDOMAIN_MAX = 253;
const LABEL_MAX = 63;

/**
 * Kubernetes' message for a string that is not a lowercase RFC 1123 subdomain.
 *
 * @example
 * ```ts
 * isDNS1123Subdomain("A")[0] === DNS1123_SUBDOMAIN_ERROR; // true
 * ```
 */
export const DNS1123_SUBDOMAIN_ERROR =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

/**
 * Kubernetes' message for a string that is not a lowercase RFC 1123 label.
 *
 * @example
 * ```ts
 * isDNS1123Label("A")[0] === DNS1123_LABEL_ERROR; // true
 * ```
 */
export const DNS1123_LABEL_ERROR =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

/**
 * `^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$` without a regex.
 *
 * @example
 * ```ts
 * isSubdomainShape("a.b-c"); // true
 * isSubdomainShape("a..b");  // false
 * ```
 */
export function isSubdomainShape(s: string): boolean {
  const n = s.length;
  if (n === 0 || !isLowerAlnum(s.charCodeAt(0)) || !isLowerAlnum(s.charCodeAt(n - 1))) return false;
  for (let i = 1; i < n - 1; i++) {
    const c = s.charCodeAt(i);
    if (isLowerAlnum(c) || c === 0x2d /* - */) continue;
    // a dot separates two labels, so both neighbours must be alphanumeric
    if (c === 0x2e && isLowerAlnum(s.charCodeAt(i - 1)) && isLowerAlnum(s.charCodeAt(i + 1))) continue;
    return false;
  }
  return true;
}

/**
 * `^[a-z0-9]([-a-z0-9]*[a-z0-9])?$` without a regex.
 *
 * @example
 * ```ts
 * isLabelShape("a-b"); // true
 * isLabelShape("a.b"); // false
 * ```
 */
export function isLabelShape(s: string): boolean {
  const n = s.length;
  if (n === 0 || !isLowerAlnum(s.charCodeAt(0)) || !isLowerAlnum(s.charCodeAt(n - 1))) return false;
  for (let i = 1; i < n - 1; i++) {
    const c = s.charCodeAt(i);
    if (!isLowerAlnum(c) && c !== 0x2d) return false;
  }
  return true;
}

/**
 * The subdomain check with a chosen length unit (core validators say "characters", label-key
 * prefixes "bytes").
 *
 * @example
 * ```ts
 * dns1123SubdomainErrors("a".repeat(254), "bytes"); // ["must be no more than 253 bytes"]
 * ```
 */
export function dns1123SubdomainErrors(value: string, unit: "bytes" | "characters"): string[] {
  if (typeof value !== "string") return [NOT_A_STRING];
  const errs: string[] = [];
  if (utf8Length(value) > SUBDOMAIN_MAX) errs.push(`must be no more than ${SUBDOMAIN_MAX} ${unit}`);
  if (!isSubdomainShape(value)) errs.push(DNS1123_SUBDOMAIN_ERROR);
  return errs;
}

/**
 * Check that a string is a lowercase RFC 1123 subdomain (at most 253 bytes; dot-separated labels of
 * lowercase alphanumerics and `-`, each starting and ending alphanumeric), as the core API
 * validators do for object names. Returns Kubernetes' messages, `[]` when valid.
 *
 * @example
 * ```ts
 * isDNS1123Subdomain("example.com"); // []
 * isDNS1123Subdomain("Example");     // ["a lowercase RFC 1123 subdomain must consist of ..."]
 * ```
 */
export function isDNS1123Subdomain(value: string): string[] {
  return dns1123SubdomainErrors(value, "characters");
}

/**
 * Check that a string is a lowercase RFC 1123 label (at most 63 bytes of lowercase alphanumerics
 * and `-`, starting and ending alphanumeric). A valid subdomain with dots gets
 * `must not contain dots`. Returns Kubernetes' messages, `[]` when valid.
 *
 * @example
 * ```ts
 * isDNS1123Label("my-name"); // []
 * isDNS1123Label("a.b");     // ["must not contain dots"]
 * ```
 */
export function isDNS1123Label(value: string): string[] {
  if (typeof value !== "string") return [NOT_A_STRING];
  const errs: string[] = [];
  if (utf8Length(value) > LABEL_MAX) errs.push(`must be no more than ${LABEL_MAX} characters`);
  if (!isLabelShape(value)) {
    errs.push(isSubdomainShape(value) ? "must not contain dots" : DNS1123_LABEL_ERROR);
  }
  return errs;
}
