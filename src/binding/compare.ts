/**
 * `compareStrategies`: several strategies on one snapshot, side by side.
 *
 * @module
 */
import { claimKey } from "../api/helpers/index.js";
import { type PlanOptions, type Strategy, STRATEGY_NAMES, timedPlan } from "./plan.js";
import { BindingError } from "./errors.js";
import { readSnapshot } from "./snapshot.js";
import type { BindingInput, BindingPlan } from "./types.js";

/**
 * One strategy's line in a comparison: its counts, its time, and its distance from `optimal`
 * (claims it binds fewer, bytes it wastes more; both 0 for `optimal` itself, and the waste
 * distance is only meaningful when `boundBelowOptimal` is 0).
 *
 * @example
 * ```ts
 * const row: StrategyRow = { strategy: "kubernetes", bound: 98, pending: 2, wastedBytes: 10n, timeMs: 1, boundBelowOptimal: 1, wasteAboveOptimal: 4n };
 * ```
 */
export interface StrategyRow {
  readonly strategy: string;
  readonly bound: number;
  readonly pending: number;
  readonly wastedBytes: bigint;
  readonly timeMs: number;
  readonly boundBelowOptimal: number;
  readonly wasteAboveOptimal: bigint;
}

/**
 * What happened to one claim under each strategy: the volume it got, or `null` when pending.
 *
 * @example
 * ```ts
 * const d: ClaimFate = { claim: "default/data", volumes: { kubernetes: null, optimal: "pv-1" } };
 * ```
 */
export interface ClaimFate {
  readonly claim: string;
  readonly volumes: Readonly<Record<string, string | null>>;
}

/**
 * The result of {@link compareStrategies}: one row per strategy (in the order given), the plans
 * themselves, and the claims whose fate differs between the strategies (in the controller's claim
 * order).
 *
 * @example
 * ```ts
 * const { rows, differences } = compareStrategies(input);
 * ```
 */
export interface StrategyComparison {
  readonly rows: readonly StrategyRow[];
  readonly plans: readonly BindingPlan[];
  readonly differences: readonly ClaimFate[];
}

/**
 * Runs each strategy on the same snapshot (read once) and compares them with `optimal` (run too
 * when it is not in the list; its own row then is not shown). Strategy names must be distinct.
 *
 * @param input - a `Cluster` or `{ volumes, claims, classes }`.
 * @param strategies - default: every built-in strategy (`STRATEGY_NAMES`).
 * @param options - `clock` and `maxQueries` as for `planBindings`.
 * @throws `BindingError` as `planBindings` does, and `InvalidInput` when `strategies` is not an array.
 * @example
 * ```ts
 * import { compareStrategies } from "kubevol/binding";
 * import { claims, pool } from "kubevol/testing";
 *
 * const { rows } = compareStrategies({ volumes: pool(1000, 1), claims: claims(300, 2) });
 * for (const r of rows) console.log(r.strategy, r.bound, r.boundBelowOptimal, r.wasteAboveOptimal);
 * ```
 */
export function compareStrategies(
  input: BindingInput,
  strategies: readonly Strategy[] = STRATEGY_NAMES,
  options: Omit<PlanOptions, "strategy"> = {},
): StrategyComparison {
  const snap = readSnapshot(input);
  if (!Array.isArray(strategies))
    throw new BindingError("InvalidInput", "strategies: Invalid value: expected an array of strategies", { field: "strategies" });
  const opts = options ?? {};
  const run = (s: Strategy): BindingPlan => timedPlan(snap, s, opts);
  const plans = strategies.map(run);
  const optimal = plans.find((p) => p.strategy === "optimal") ?? run("optimal");
  const rows = plans.map((p) => ({
    strategy: p.strategy,
    bound: p.metrics.bound,
    pending: p.metrics.pending,
    wastedBytes: p.metrics.wastedBytes,
    timeMs: p.metrics.timeMs,
    boundBelowOptimal: optimal.metrics.bound - p.metrics.bound,
    wasteAboveOptimal: p.metrics.wastedBytes - optimal.metrics.wastedBytes,
  }));
  const fates = plans.map((p) => new Map(p.assignments.map((a) => [a.claim, a.volume])));
  const order = [...(plans[0]?.assignments.map((a) => a.claim) ?? []), ...(plans[0]?.pending.map((x) => x.claim) ?? [])];
  const position = new Map<string, number>();
  snap.claims.forEach((c, i) => position.set(claimKey(c), i));
  order.sort((a, b) => (position.get(a) ?? Number.MAX_SAFE_INTEGER) - (position.get(b) ?? Number.MAX_SAFE_INTEGER));
  const differences: ClaimFate[] = [];
  for (const claim of order) {
    const got = fates.map((f) => f.get(claim) ?? null);
    if (got.every((v) => v === got[0])) continue;
    differences.push({ claim, volumes: Object.fromEntries(plans.map((p, i) => [p.strategy, got[i]!])) });
  }
  return { rows, plans, differences };
}
