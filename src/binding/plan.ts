/**
 * `planBindings`: one snapshot, one strategy, one plan.
 *
 * @module
 */
import { safeString } from "../labels/strings.js";
import { claimKey } from "../api/helpers/index.js";
import { bestFitDecreasing } from "./best-fit-decreasing.js";
import { BindingError } from "./errors.js";
import { planKubernetes } from "./kubernetes.js";
import { metricsOf } from "./metrics.js";
import { planOptimal } from "./optimal.js";
import { unmatchedReason } from "./pending-reasons.js";
import { prepare } from "./prepare.js";
import { type BindingStrategy, buildProblem, type ProposedAssignment, runStrategy } from "./problem.js";
import { readSnapshot, type Snapshot } from "./snapshot.js";
import type { Assignment, BindingInput, BindingPlan, PendingClaim } from "./types.js";

/**
 * The built-in strategies: `kubernetes` (the PV controller), `best-fit-decreasing` and `optimal`.
 *
 * @example
 * ```ts
 * const all: StrategyName[] = ["kubernetes", "best-fit-decreasing", "optimal"];
 * ```
 */
export type StrategyName = "kubernetes" | "best-fit-decreasing" | "optimal";

/**
 * The names of the built-in strategies, in the order `compareStrategies` and the CLI show them.
 *
 * @example
 * ```ts
 * STRATEGY_NAMES.includes("optimal"); // true
 * ```
 */
export const STRATEGY_NAMES: readonly StrategyName[] = Object.freeze(["kubernetes", "best-fit-decreasing", "optimal"]);

/**
 * A strategy: a built-in name or a {@link BindingStrategy}.
 *
 * @example
 * ```ts
 * const s: Strategy = "best-fit-decreasing";
 * ```
 */
export type Strategy = StrategyName | BindingStrategy;

/**
 * Options of {@link planBindings}.
 *
 * - `strategy` (default `"kubernetes"`).
 * - `clock`: milliseconds, for `metrics.timeMs` (default `performance.now`); the only clock read.
 * - `maxQueries`: the budget of a user strategy's problem queries (default 100 × (claims +
 *   volumes) + 1,000,000); exceeding it is a `StrategyFailed` error (a strategy that loops).
 *
 * @example
 * ```ts
 * let t = 0;
 * const opts: PlanOptions = { strategy: "optimal", clock: () => (t += 1) };
 * ```
 */
export interface PlanOptions {
  readonly strategy?: Strategy;
  readonly clock?: () => number;
  readonly maxQueries?: number;
}

/** The name of a strategy (for messages and plans). */
export function strategyName(s: Strategy): string {
  return typeof s === "string" ? s : typeof s?.name === "string" ? s.name : safeString(s);
}

const defaultClock = (): number => performance.now();

/**
 * Plans the binding of every claim of a snapshot with one strategy.
 *
 * What may bind to what is Kubernetes' rule, the matcher's `checkVolume` on the PV controller's
 * path (class, volume mode, access modes contained in the volume's, capacity, selector, phase
 * `Available`, deletion, VolumeAttributesClass, claimRef). Pairs fixed by the objects are settled
 * first as the PV controller settles them: already bound pairs stay, a claim naming a volume gets
 * it if `checkVolumeSatisfyClaim` passes, a volume whose `claimRef` names a claim goes to it;
 * claims of WaitForFirstConsumer classes are pending with that reason (the scheduler binds them).
 *
 * - `kubernetes`: the PV controller exactly — claims in its claim order (`compareClaimOrder`),
 *   each by `findBestMatchForClaim` through a `VolumeIndex`, volumes leaving the pool as they bind,
 *   then class-less claims retried with the default class. Same bindings as `reconcile` on the
 *   same snapshot when no operation completes and the volumes' phases are settled.
 * - `best-fit-decreasing`: largest requests first, each to the smallest compatible volume.
 *
 * The strategies other than `kubernetes` see a class-less claim, while a default class exists, as
 * able to bind class-less volumes and, as the PV controller does once it has written the default
 * class into it, volumes of the default class.
 * - `optimal`: the most claims bound, then the least wasted bytes (exact; see `planOptimal`).
 * - a {@link BindingStrategy}: gets a {@link BindingProblem}; every pair it returns is checked.
 *
 * Bad input: an empty pool leaves every claim pending (`NoMatch`, `Provisioning` or
 * `WaitForFirstConsumer`); a claim without a request asks for 0 bytes (and binds the smallest
 * compatible volume); a claim of an unknown class is matched with volumes of that class name and
 * is otherwise `NoMatch`; claims that are not objects are reported pending (`InvalidClaim`) under
 * `claims[i]`; volumes that cannot be read never match.
 *
 * Pure: the input is not changed, and the clock is the only outside input.
 *
 * @throws {@link BindingError} `InvalidInput` for input that is not a snapshot, `UnknownStrategy`,
 *   and for user strategies `StrategyFailed` / `InvalidAssignment`.
 * @example
 * ```ts
 * import { planBindings } from "kubevol/binding";
 * import { claims, pool } from "kubevol/testing";
 *
 * const plan = planBindings({ volumes: pool(1000, 1), claims: claims(200, 2), classes: [] }, { strategy: "optimal" });
 * console.log(plan.metrics.bound, plan.metrics.wastedBytes);
 * ```
 */
export function planBindings(input: BindingInput, options: PlanOptions = {}): BindingPlan {
  const o = options ?? {};
  return timedPlan(readSnapshot(input), o.strategy ?? "kubernetes", o);
}

/**
 * One strategy's plan of a snapshot, timed with the options' clock, as {@link planBindings} and
 * `compareStrategies` report it.
 *
 * @internal
 * @example
 * ```ts
 * const plan = timedPlan(readSnapshot({ volumes, claims }), "optimal", {});
 * ```
 */
export function timedPlan(snap: Snapshot, strategy: Strategy, options: Omit<PlanOptions, "strategy">): BindingPlan {
  const clock = options.clock ?? defaultClock;
  const t0 = clock();
  const r = planSnapshot(snap, strategy, clock, options.maxQueries);
  const timeMs = clock() - t0;
  return {
    strategy: strategyName(strategy),
    assignments: r.assignments,
    pending: r.pending,
    metrics: metricsOf(snap, r.assignments, r.pending, timeMs, r.indexMs),
  };
}

/**
 * {@link planBindings} on a read snapshot, without the metrics.
 *
 * @internal
 * @example
 * ```ts
 * const { assignments } = planSnapshot(readSnapshot(input), "optimal", () => 0, undefined);
 * ```
 */
export function planSnapshot(
  snap: Snapshot,
  strategy: Strategy,
  clock: () => number,
  maxQueries: number | undefined,
): { assignments: Assignment[]; pending: PendingClaim[]; indexMs: number } {
  const bad: PendingClaim[] = snap.badClaims.map((k) => ({
    claim: k,
    reason: "InvalidClaim",
    message: "the claim is not an object with metadata",
  }));
  if (strategy === "kubernetes") {
    const r = planKubernetes(snap, clock);
    return { ...r, pending: [...r.pending, ...bad] };
  }
  let user: BindingStrategy | undefined;
  if (typeof strategy === "object" && strategy !== null && typeof strategy.plan === "function") user = strategy;
  else if (strategy !== "best-fit-decreasing" && strategy !== "optimal")
    throw new BindingError(
      "UnknownStrategy",
      `unknown strategy ${JSON.stringify(strategyName(strategy))}: use ${STRATEGY_NAMES.join(", ")} or { name, plan }`,
      {
        strategy: strategyName(strategy),
        field: "strategy",
      },
    );
  const prepared = prepare(snap);
  const t0 = clock();
  const built = buildProblem(prepared, maxQueries ?? 100 * (prepared.freeClaims.length + prepared.freeVolumes.length) + 1_000_000);
  const indexMs = clock() - t0;
  let pairs: ProposedAssignment[];
  if (user !== undefined) pairs = runStrategy(user, built);
  else if (strategy === "best-fit-decreasing") pairs = bestFitDecreasing(prepared.freeClaims, built.pool);
  else pairs = planOptimal(prepared.freeClaims, built.pool);
  const planned = new Map<string, string>();
  for (const p of pairs) planned.set(p.claim, p.volume);
  const assignments: Assignment[] = [];
  const pending: PendingClaim[] = [];
  const freeByKey = new Map(prepared.freeClaims.map((c) => [c.key, c]));
  for (const claim of snap.claims) {
    const key = claimKey(claim);
    const f = prepared.fixed.get(key);
    if (f !== undefined) {
      assignments.push(f);
      continue;
    }
    const v = planned.get(key);
    if (v !== undefined) {
      assignments.push({ claim: key, volume: v, source: "planned" });
      continue;
    }
    const p = prepared.pending.get(key);
    if (p !== undefined) pending.push(p);
    else pending.push(unmatchedReason(key, freeByKey.get(key)!.claim, snap.classes, false));
  }
  return { assignments, pending: [...pending, ...bad], indexMs };
}
