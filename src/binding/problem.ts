/**
 * The problem a strategy solves, and the checking of its answer.
 *
 * @module
 */
import type { PersistentVolume, PersistentVolumeClaim } from "../api/index.js";
import type { DecodedVolume } from "../matching/decoded-volume.js";
import { BindingError } from "./errors.js";
import { compatible, FreePool } from "./free-pool.js";
import type { FreeClaim, Prepared } from "./prepare.js";

/**
 * A claim offered to a strategy.
 *
 * @example
 * ```ts
 * const c: ProblemClaim = { key: "default/data", claim: pvc, class: "fast", requestBytes: 5n << 30n };
 * ```
 */
export interface ProblemClaim {
  /** `namespace/name`. */
  readonly key: string;
  readonly claim: PersistentVolumeClaim;
  /** The claim's class (`""` without one). */
  readonly class: string;
  /** The request in bytes (rounded up; a claim without a request asks for 0). */
  readonly requestBytes: bigint;
}

/**
 * A volume offered to a strategy.
 *
 * @example
 * ```ts
 * const v: ProblemVolume = { name: "pv-1", volume: pv, class: "fast", capacityBytes: 10n << 30n };
 * ```
 */
export interface ProblemVolume {
  readonly name: string;
  readonly volume: PersistentVolume;
  readonly class: string;
  /** The capacity in bytes (rounded up). */
  readonly capacityBytes: bigint;
}

/**
 * What a user strategy's `plan` receives: the claims still to bind (in the PV controller's claim
 * order), the free volumes, and Kubernetes' compatibility rule as queries backed by an index of
 * the free volumes (the matcher's `checkVolume` decides every answer). Pre-bound and bound pairs
 * and claims that cannot bind (WaitForFirstConsumer, invalid) are already settled and not part of
 * the problem. Every query counts against the strategy's budget (`maxQueries`).
 *
 * @example
 * ```ts
 * const firstFit: BindingStrategy = {
 *   name: "first-fit",
 *   plan(problem) {
 *     const taken = new Set<string>();
 *     const out = [];
 *     for (const c of problem.claims) {
 *       const v = problem.smallestCompatible(c.key, taken);
 *       if (v !== undefined) { taken.add(v); out.push({ claim: c.key, volume: v }); }
 *     }
 *     return out;
 *   },
 * };
 * ```
 */
export interface BindingProblem {
  readonly claims: readonly ProblemClaim[];
  readonly volumes: readonly ProblemVolume[];
  /** Whether the volume may be bound to the claim (both must be in the problem). */
  compatible(claim: string, volume: string): boolean;
  /** Every volume compatible with the claim, smallest first (ties: name). */
  candidates(claim: string): string[];
  /** The smallest compatible volume not in `exclude` (ties: name), or `undefined`. */
  smallestCompatible(claim: string, exclude?: ReadonlySet<string>): string | undefined;
}

/**
 * A pair a strategy returns.
 *
 * @example
 * ```ts
 * const p: ProposedAssignment = { claim: "default/data", volume: "pv-1" };
 * ```
 */
export interface ProposedAssignment {
  readonly claim: string;
  readonly volume: string;
}

/**
 * A binding strategy: a name and a function from a {@link BindingProblem} to pairs. `planBindings`
 * checks every pair (known claim and volume, compatible, no claim or volume twice).
 *
 * @example
 * ```ts
 * const none: BindingStrategy = { name: "none", plan: () => [] };
 * planBindings(input, { strategy: none }).pending.length;
 * ```
 */
export interface BindingStrategy {
  readonly name: string;
  plan(problem: BindingProblem): Iterable<ProposedAssignment>;
}

/** Thrown by a problem's queries when the strategy used up its budget. */
class BudgetExceeded extends Error {}

/**
 * The problem of a prepared snapshot, with a query budget, plus what the built-in strategies use
 * directly (the free pool and the decoded claims).
 *
 * @internal
 * @example
 * ```ts
 * const p = buildProblem(prepared, 1_000_000);
 * ```
 */
export function buildProblem(
  prepared: Prepared,
  maxQueries: number,
): { problem: BindingProblem; pool: FreePool; claims: Map<string, FreeClaim> } {
  const pool = new FreePool(
    prepared.freeVolumes,
    prepared.freeClaims.flatMap((c) => c.variants),
  );
  const claims = new Map<string, FreeClaim>();
  for (const c of prepared.freeClaims) claims.set(c.key, c);
  let queries = 0;
  const charge = (): void => {
    if (++queries > maxQueries) throw new BudgetExceeded(`exceeded its budget of ${maxQueries} queries`);
  };
  const problemClaims: ProblemClaim[] = prepared.freeClaims.map((c) => ({
    key: c.key,
    claim: c.claim,
    class: c.decoded.class,
    requestBytes: c.decoded.request?.value() ?? 0n,
  }));
  const problemVolumes: ProblemVolume[] = prepared.freeVolumes.map((v) => ({
    name: v.name,
    volume: v.pv,
    class: v.class,
    capacityBytes: v.capacity?.value() ?? 0n,
  }));
  const claimOf = (key: string): FreeClaim | undefined => (typeof key === "string" ? claims.get(key) : undefined);
  const problem: BindingProblem = {
    claims: problemClaims,
    volumes: problemVolumes,
    compatible(claim, volume) {
      charge();
      const c = claimOf(claim);
      const v = typeof volume === "string" ? pool.byName.get(volume) : undefined;
      return c !== undefined && v !== undefined && compatibleWith(c, v);
    },
    candidates(claim) {
      charge();
      const c = claimOf(claim);
      if (c === undefined) return [];
      const out: DecodedVolume[] = [];
      for (const d of c.variants)
        for (const t of pool.typesFor(d)) for (let i = t.lowerBound(d); i < t.volumes.length; i++) out.push(t.volumes[i]!);
      return out.sort((a, b) => (a === b ? 0 : compatibleOrder(a, b))).map((v) => v.name);
    },
    smallestCompatible(claim, exclude) {
      charge();
      const c = claimOf(claim);
      if (c === undefined) return undefined;
      let best: DecodedVolume | undefined;
      for (const d of c.variants)
        for (const t of pool.typesFor(d)) {
          for (let i = t.lowerBound(d); i < t.volumes.length; i++) {
            const v = t.volumes[i]!;
            if (exclude?.has(v.name)) {
              charge();
              continue;
            }
            if (best === undefined || compatibleOrder(v, best) < 0) best = v;
            break;
          }
        }
      return best?.name;
    },
  };
  return { problem, pool, claims };
}

/**
 * Whether the volume may be bound to the free claim in one of its variants (as it is, or with the
 * default class the PV controller would give it).
 *
 * @internal
 * @example
 * ```ts
 * compatibleWith(freeClaim, decodeVolume(pv));
 * ```
 */
export function compatibleWith(c: FreeClaim, v: DecodedVolume): boolean {
  for (const d of c.variants) if (compatible(d, v)) return true;
  return false;
}

function compatibleOrder(a: DecodedVolume, b: DecodedVolume): number {
  if (a.capKey !== b.capKey) return a.capKey < b.capKey ? -1 : 1;
  const c = a.capExact && b.capExact ? 0 : a.capacity!.cmp(b.capacity!);
  return c !== 0 ? c : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * Runs a strategy on its problem and checks the answer: a list (any iterable) of
 * `{ claim, volume }` naming free claims and free volumes, each claim and each volume at most
 * once, every pair compatible (the matcher's rule). Returns the pairs in the order given.
 *
 * @internal
 * @throws {@link BindingError} `StrategyFailed` naming the strategy when it throws, exceeds its
 *   budget or returns something else than pairs; `InvalidAssignment` naming the strategy, the claim
 *   and the volume for a bad pair.
 * @example
 * ```ts
 * const pairs = runStrategy(strategy, problem, claims, pool);
 * ```
 */
export function runStrategy(
  strategy: BindingStrategy,
  built: { problem: BindingProblem; pool: FreePool; claims: Map<string, FreeClaim> },
): ProposedAssignment[] {
  const name = strategy.name;
  let answer: unknown;
  try {
    answer = strategy.plan(built.problem);
  } catch (e) {
    if (e instanceof BindingError) throw e;
    const why = e instanceof BudgetExceeded ? `${e.message} (does it loop?)` : `threw: ${e instanceof Error ? e.message : String(e)}`;
    throw new BindingError("StrategyFailed", `strategy "${name}" ${why}`, { strategy: name, cause: e });
  }
  let list: unknown[];
  try {
    if (answer === null || typeof answer !== "object" || typeof (answer as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== "function")
      throw new TypeError(`returned ${answer === null ? "null" : typeof answer}, not a list of { claim, volume }`);
    list = [...(answer as Iterable<unknown>)];
  } catch (e) {
    throw new BindingError("StrategyFailed", `strategy "${name}" ${e instanceof Error ? e.message : String(e)}`, {
      strategy: name,
      cause: e,
    });
  }
  const usedClaims = new Map<string, string>();
  const usedVolumes = new Map<string, string>();
  const out: ProposedAssignment[] = [];
  list.forEach((item, i) => {
    const field = `assignments[${i}]`;
    const x = item as { claim?: unknown; volume?: unknown } | null;
    if (x === null || typeof x !== "object" || typeof x.claim !== "string" || typeof x.volume !== "string")
      throw new BindingError("StrategyFailed", `strategy "${name}" returned ${field} that is not { claim: string, volume: string }`, {
        strategy: name,
        field,
      });
    const claim = x.claim;
    const volume = x.volume;
    const details = { strategy: name, claim, volume, field };
    const c = built.claims.get(claim);
    if (c === undefined)
      throw new BindingError(
        "InvalidAssignment",
        `strategy "${name}" assigned volume "${volume}" to claim "${claim}", which is not a claim it may bind`,
        details,
      );
    const v = built.pool.byName.get(volume);
    if (v === undefined)
      throw new BindingError(
        "InvalidAssignment",
        `strategy "${name}" assigned volume "${volume}", which is not a free volume, to claim "${claim}"`,
        details,
      );
    const other = usedVolumes.get(volume);
    if (other !== undefined)
      throw new BindingError(
        "InvalidAssignment",
        `strategy "${name}" gave volume "${volume}" twice: to claim "${other}" and to claim "${claim}"`,
        details,
      );
    const before = usedClaims.get(claim);
    if (before !== undefined)
      throw new BindingError(
        "InvalidAssignment",
        `strategy "${name}" gave claim "${claim}" two volumes: "${before}" and "${volume}"`,
        details,
      );
    if (!compatibleWith(c, v))
      throw new BindingError(
        "InvalidAssignment",
        `strategy "${name}" assigned volume "${volume}" to claim "${claim}", which it may not bind`,
        details,
      );
    usedVolumes.set(volume, claim);
    usedClaims.set(claim, volume);
    out.push({ claim, volume });
  });
  return out;
}
