/**
 * The typed error the matching functions throw when the *claim* cannot be searched for.
 *
 * @module
 */

/**
 * Why a claim cannot be matched at all (as opposed to a volume that merely does not fit):
 *
 * - `claim-malformed`: the claim is not an object with `metadata` and `spec`.
 * - `claim-request-malformed`: `spec.resources.requests.storage` is not a valid quantity.
 * - `claim-selector-invalid`: `spec.selector` cannot be converted to a selector (Kubernetes'
 *   `FindMatchingVolume` returns an error in this case too).
 *
 * @example
 * ```ts
 * const code: ClaimProblemCode = "claim-selector-invalid";
 * ```
 */
export type ClaimProblemCode = "claim-malformed" | "claim-request-malformed" | "claim-selector-invalid";

/**
 * One problem with the claim itself, as plain data.
 *
 * @example
 * ```ts
 * const p: ClaimProblem = {
 *   code: "claim-request-malformed",
 *   field: "spec.resources.requests.storage",
 *   message: 'the claim requests "10 Gi", which is not a valid quantity',
 * };
 * ```
 */
export interface ClaimProblem {
  code: ClaimProblemCode;
  /** The offending field path, e.g. `spec.selector`. */
  field: string;
  /** A sentence a cluster operator understands. */
  message: string;
}

/**
 * Thrown by `findMatchingVolume` / `findBestMatchForClaim` when the claim itself cannot be matched
 * (see {@link ClaimProblemCode}). Malformed *volumes* never throw: they are skipped (and reported
 * by `explainClaim`).
 *
 * @example
 * ```ts
 * try {
 *   findMatchingVolume(claimWithBadSelector, volumes);
 * } catch (e) {
 *   if (e instanceof MatchingError) console.log(e.code, e.problems);
 * }
 * ```
 */
export class MatchingError extends Error {
  /** The first problem's code. */
  readonly code: ClaimProblemCode;
  /** Every problem found with the claim. */
  readonly problems: readonly ClaimProblem[];

  constructor(problems: readonly ClaimProblem[]) {
    // Problems are objects with a message; anything else is left out.
    problems = Array.isArray(problems) ? problems.filter((p) => typeof p === "object" && p !== null) : [];
    const first = problems[0] ?? { code: "claim-malformed" as const, field: "", message: "invalid claim" };
    super(problems.map((p) => (typeof p.message === "string" ? p.message : "")).join("; ") || first.message);
    this.name = "MatchingError";
    this.code = first.code;
    this.problems = problems;
  }
}
