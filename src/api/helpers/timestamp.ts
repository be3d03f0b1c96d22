/**
 * The one reading of a stored `metav1.Time` (creation and deletion timestamps): every rule that
 * orders objects by time goes through {@link timestampMillis}.
 *
 * @module
 */

/**
 * Milliseconds since the epoch of a stored timestamp (an RFC 3339 string as the API server
 * writes it, or a `Date` as @kubernetes/client-node gives it); `undefined` when the timestamp is
 * missing or unparsable (an invalid `Date` too). A `Date` from another realm (a `vm` context, an
 * iframe) counts as a `Date`; any other object is unparsable. Callers decide what "no time" means
 * for their rule: Go's zero time (the oldest) for the default-class choice, "not created yet" (the newest) for the claim order.
 *
 * @example
 * ```ts
 * timestampMillis("2026-01-01T00:00:00Z"); // 1767225600000
 * timestampMillis(undefined);              // undefined
 * timestampMillis("yesterday");            // undefined
 * ```
 */
export function timestampMillis(t: unknown): number | undefined {
  let ms: number;
  if (typeof t === "object" && t !== null) ms = dateMillis(t);
  else if (typeof t === "string" && t !== "") ms = Date.parse(t);
  else return undefined;
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * The time of a `Date` of any realm, `NaN` for any other object: `Date.prototype.getTime` checks
 * the internal slot that only real dates have (`instanceof` sees only this realm's `Date`, and
 * `Symbol.toStringTag` can be faked).
 */
function dateMillis(t: object): number {
  try {
    return Date.prototype.getTime.call(t);
  } catch {
    return Number.NaN;
  }
}
