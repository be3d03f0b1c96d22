/**
 * The typed error every lifecycle entry point throws on bad input.
 *
 * @module
 */

/**
 * Why a lifecycle call was refused.
 *
 * - `InvalidInput`: an argument is not the shape the function needs (missing name, bad time, ...).
 * - `AlreadyExists`: a create action named an object that is already stored.
 * - `NotFound`: an update/delete action named an object that is not stored.
 * - `OperationNotPending`: {@link completeOperation} was given an operation that is not running.
 * - `ProvisioningFailed`: {@link provisionVolume} cannot build a volume for this claim and class.
 *
 * @example
 * ```ts
 * const code: LifecycleErrorCode = "NotFound";
 * ```
 */
export type LifecycleErrorCode = "InvalidInput" | "AlreadyExists" | "NotFound" | "OperationNotPending" | "ProvisioningFailed";

/**
 * Error thrown by lifecycle functions given input they cannot work with. The message reads like
 * the API server's (`persistentvolumeclaims "data" not found`) where there is an equivalent.
 *
 * @example
 * ```ts
 * try {
 *   deleteClaim(cluster, "default/missing", { now: "2026-01-01T00:00:00Z" });
 * } catch (e) {
 *   if (e instanceof LifecycleError && e.code === "NotFound") console.log(e.message);
 * }
 * ```
 */
export class LifecycleError extends Error {
  /** Machine-readable reason. */
  readonly code: LifecycleErrorCode;

  constructor(code: LifecycleErrorCode, message: string) {
    super(message);
    this.name = "LifecycleError";
    this.code = code;
  }
}

/**
 * Throws `InvalidInput` (`<path>: Invalid value: expected <what>`) unless `value` is an object:
 * the first check of every lifecycle function that a JS caller may hand anything.
 *
 * @internal
 * @example
 * ```ts
 * expectObject(claim, "claim", "a PersistentVolumeClaim");
 * ```
 */
export function expectObject(value: unknown, path: string, what = "an object"): asserts value is object {
  if (typeof value !== "object" || value === null) throw new LifecycleError("InvalidInput", `${path}: Invalid value: expected ${what}`);
}
