import { timestampMillis } from "../api/helpers/index.js";
import { LifecycleError } from "./errors.js";

// Days 29-31 are left to Date, which rolls an impossible day over into the next month.
const CANONICAL_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])T([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$/;

/**
 * Renders a point in time the way Kubernetes serialises `metav1.Time`: RFC 3339, UTC, whole
 * seconds (`2026-01-01T00:00:00Z`). `ctx.now` is the only clock the lifecycle reads.
 *
 * @throws {@link LifecycleError} `InvalidInput` when the value is not a valid date.
 * @example
 * ```ts
 * formatTime("2026-01-01T00:00:00.750Z"); // "2026-01-01T00:00:00Z"
 * ```
 */
export function formatTime(now: Date | string): string {
  // Already in the canonical form (every step of a run formats the same `now`): no Date round trip.
  if (typeof now === "string" && CANONICAL_TIME.test(now)) return now;
  const ms = timestampMillis(now);
  if (ms === undefined) {
    throw new LifecycleError("InvalidInput", `invalid time ${JSON.stringify(String(now))}: expected a Date or an ISO 8601 string`);
  }
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * Milliseconds since the epoch of a stored timestamp; missing or unparsable values count as the
 * zero time (Go's `time.Time{}`), so they sort as the oldest.
 *
 * @example
 * ```ts
 * timeValue("2026-01-01T00:00:00Z") > timeValue(undefined); // true
 * ```
 */
export function timeValue(t: Date | string | null | undefined): number {
  return timestampMillis(t) ?? Number.NEGATIVE_INFINITY;
}
