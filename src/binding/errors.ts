/**
 * The typed error of the binding layer.
 *
 * @module
 */

/**
 * Why `planBindings` (or `compareStrategies`, `replayWorkload`) refused to produce a plan.
 *
 * - `InvalidInput`: the input is not a `Cluster` nor `{ volumes, claims, classes }` of arrays.
 * - `UnknownStrategy`: a strategy name kubevol does not know.
 * - `StrategyFailed`: a user strategy threw, returned something that is not a list of
 *   `{ claim, volume }`, or exceeded its query budget (a strategy that loops).
 * - `InvalidAssignment`: a user strategy returned an assignment that breaks Kubernetes' rules: an
 *   unknown claim or volume, a volume given twice, a claim given twice, or an incompatible pair.
 *
 * @example
 * ```ts
 * const code: BindingErrorCode = "InvalidAssignment";
 * ```
 */
export type BindingErrorCode = "InvalidInput" | "UnknownStrategy" | "StrategyFailed" | "InvalidAssignment";

/**
 * Error thrown by the binding layer. `strategy` names the strategy at fault (when one is),
 * `claim` / `volume` the objects of a rejected assignment, and `field` the path into the input or
 * into the strategy's answer (`assignments[3].volume`).
 *
 * @example
 * ```ts
 * try {
 *   planBindings(input, { strategy: myStrategy });
 * } catch (e) {
 *   if (e instanceof BindingError && e.code === "InvalidAssignment") console.log(e.strategy, e.claim, e.volume);
 * }
 * ```
 */
export class BindingError extends Error {
  /** Machine-readable reason. */
  readonly code: BindingErrorCode;
  /** The strategy at fault, when one is. */
  readonly strategy: string | undefined;
  /** The claim (`namespace/name`) of a rejected assignment. */
  readonly claim: string | undefined;
  /** The volume of a rejected assignment. */
  readonly volume: string | undefined;
  /** Where in the input or in the strategy's answer the problem is. */
  readonly field: string;

  constructor(
    code: BindingErrorCode,
    message: string,
    details: { strategy?: string; claim?: string; volume?: string; field?: string; cause?: unknown } = {},
  ) {
    details = details ?? {};
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "BindingError";
    this.code = code;
    this.strategy = details.strategy;
    this.claim = details.claim;
    this.volume = details.volume;
    this.field = details.field ?? "";
  }
}
