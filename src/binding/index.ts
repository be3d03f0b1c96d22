/**
 * `kubevol/binding`: binding whole pools — pluggable strategies (`kubernetes`, the PV controller;
 * `best-fit-decreasing`; `optimal`, an exact optimum; your own), quality metrics, side-by-side
 * comparison, and workloads replayed over time.
 *
 * @module
 */
export { BindingError, type BindingErrorCode } from "./errors.js";
export type {
  Assignment,
  AssignmentSource,
  BindingCounts,
  BindingInput,
  BindingMetrics,
  BindingPlan,
  PendingClaim,
  PendingReason,
} from "./types.js";
export type { BindingProblem, BindingStrategy, ProblemClaim, ProblemVolume, ProposedAssignment } from "./problem.js";
export { planBindings, STRATEGY_NAMES, type PlanOptions, type Strategy, type StrategyName } from "./plan.js";
export { compareStrategies, type ClaimFate, type StrategyComparison, type StrategyRow } from "./compare.js";
export {
  replayWorkload,
  type ReplayOptions,
  type ReplayPoint,
  type ReplayResult,
  type ReplayTotals,
  type WorkloadEvent,
} from "./replay.js";
