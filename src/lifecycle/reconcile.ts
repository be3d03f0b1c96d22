/**
 * Running the controllers to a fixpoint.
 *
 * @module
 */
import { claimKeysInOrder } from "../api/helpers/index.js";
import type { Cluster } from "./cluster.js";
import { completeOperation } from "./complete-operation.js";
import type { LifecycleContext } from "./context.js";
import { DistinctEvents, type LifecycleEvent } from "./event.js";
import type { Operation } from "./operation.js";
import { syncClaimProtection, syncVolumeProtection } from "./protection.js";
import type { LifecycleResult } from "./result.js";
import { syncClaimWithMatcher } from "./sync-claim.js";
import { ClusterVolumeMatcher } from "./volume-matcher.js";
import { syncVolume } from "./sync-volume.js";
import type { Write } from "./write.js";
import { checkCluster } from "./cluster.js";
import { LifecycleError } from "./errors.js";
import { formatTime } from "./time.js";
import { closeWorkingCopy, openWorkingCopy } from "./working-copy.js";

/**
 * Options of {@link reconcile}.
 *
 * - `maxRounds` (default 100): give up after this many rounds (`converged: false`).
 * - `completeOperations`: `"succeed"` completes every running operation successfully at the end
 *   of each round (a simulation where every provisioner and deleter works); default `"report"`
 *   leaves them running and reports them.
 *
 * @example
 * ```ts
 * reconcile(cluster, { now }, { maxRounds: 20, completeOperations: "succeed" });
 * ```
 */
export interface ReconcileOptions {
  readonly maxRounds?: number;
  readonly completeOperations?: "report" | "succeed";
}

/**
 * What {@link reconcile} did: the final cluster, the rounds run, whether the last round changed
 * nothing, every write in order, the events (repeats of an identical event are reported once, as
 * the event recorder aggregates them), the operations started, and those still running.
 *
 * @example
 * ```ts
 * const { converged, rounds, pending } = reconcile(cluster, { now });
 * ```
 */
export interface ReconcileResult {
  readonly cluster: Cluster;
  readonly rounds: number;
  readonly converged: boolean;
  readonly writes: readonly Write[];
  readonly events: readonly LifecycleEvent[];
  readonly operations: readonly Operation[];
  readonly pending: readonly Operation[];
  readonly errors: readonly string[];
}

function sortedKeys(map: ReadonlyMap<string, unknown>): string[] {
  return [...map.keys()].sort();
}

function sameIds(a: ReadonlySet<string>, b: ReadonlyMap<string, unknown>): boolean {
  if (a.size !== b.size) return false;
  for (const k of a) if (!b.has(k)) return false;
  return true;
}

/**
 * Runs the controllers until nothing changes: each round syncs every claim (in the controller's claim order, `compareClaimOrder`: oldest
 * `creationTimestamp` first, then `namespace/name`), then
 * every volume (in name order), then — unless `ctx.protection === false` — the PVC and PV
 * protection controllers, then (with `completeOperations: "succeed"`) completes the running
 * operations in id order. A round changes nothing when it makes no write and leaves the set of
 * running operations as it found it; the cluster is then converged, and syncing it again makes
 * no write. `ctx.crashAfterWrites` is ignored here (it applies to single steps).
 *
 * Cost: about linear in the cluster's size per round. The claims search the volumes through a
 * `VolumeIndex` kept in step with every step's volume writes (the same answers as the linear
 * `findBestMatchForClaim`), and the steps write into a private working copy of the input's maps
 * in place; the input is never changed and the result is an ordinary immutable snapshot.
 *
 * @throws {@link LifecycleError} `InvalidInput` when `ctx.now` is not a valid time.
 * @example
 * ```ts
 * const r = reconcile(cluster, { now: "2026-01-01T00:00:00Z" }, { completeOperations: "succeed" });
 * r.converged; // true
 * r.cluster.claims.get("default/data")?.status?.phase; // "Bound"
 * ```
 */
export function reconcile(cluster: Cluster, ctx: LifecycleContext, options: ReconcileOptions = {}): ReconcileResult {
  return reconcileWith(cluster, ctx, options, {});
}

/**
 * How {@link reconcileWith} runs (both default true; turning them off gives the plain algorithm
 * the optimized one must agree with, for tests).
 *
 * - `index`: claims search the volumes through a `VolumeIndex` kept in step with the cluster
 *   instead of scanning every volume.
 * - `workingCopy`: steps write into a private working copy of the input's maps in place instead
 *   of copying a whole map per write.
 *
 * @example
 * ```ts
 * const plain: ReconcileStrategy = { index: false, workingCopy: false };
 * ```
 */
export interface ReconcileStrategy {
  readonly index?: boolean;
  readonly workingCopy?: boolean;
}

/**
 * {@link reconcile} with a choice of strategy; every strategy gives the same result. Internal
 * (tests compare the strategies).
 *
 * @example
 * ```ts
 * const plain = reconcileWith(cluster, { now }, {}, { index: false, workingCopy: false });
 * ```
 */
export function reconcileWith(
  cluster: Cluster,
  ctx: LifecycleContext,
  options: ReconcileOptions,
  strategy: ReconcileStrategy,
): ReconcileResult {
  checkCluster(cluster);
  if (typeof ctx !== "object" || ctx === null)
    throw new LifecycleError("InvalidInput", "ctx: Required value: a LifecycleContext with `now`");
  formatTime(ctx.now);
  if (strategy.workingCopy === false) return runRounds(cluster, ctx, options ?? {}, strategy.index !== false);
  // Nobody sees the intermediate snapshots, so the steps may write into a private copy of the
  // maps in place; the copy becomes an ordinary immutable snapshot before it is returned.
  const work = openWorkingCopy(cluster);
  try {
    return runRounds(work, ctx, options ?? {}, strategy.index !== false);
  } finally {
    // Every later snapshot holds these same maps (changed in place throughout).
    closeWorkingCopy(work);
  }
}

/** Accumulates the step results of a reconcile run. */
class Recorder {
  readonly writes: Write[] = [];
  readonly events: LifecycleEvent[] = [];
  readonly operations: Operation[] = [];
  readonly errors: string[] = [];
  private readonly seenEvents = new DistinctEvents();

  add(r: LifecycleResult): void {
    for (const w of r.writes) this.writes.push(w);
    for (const o of r.operations) this.operations.push(o);
    if (r.error !== undefined) this.errors.push(r.error);
    for (const e of r.events) if (this.seenEvents.add(e)) this.events.push(e);
  }
}

function runRounds(cluster: Cluster, ctx: LifecycleContext, options: ReconcileOptions, useIndex: boolean): ReconcileResult {
  // `now` in its canonical form once, so no step parses the date again.
  const stepCtx: LifecycleContext = { ...ctx, now: formatTime(ctx.now), crashAfterWrites: undefined };
  const maxRounds = Math.max(1, Math.floor(options.maxRounds ?? 100));
  const out = new Recorder();
  // One index over the volumes, moved along with every step's volume writes, so a claim's
  // search costs about O(log n) instead of a scan of every volume (same answers).
  const matcher = useIndex ? new ClusterVolumeMatcher(cluster) : undefined;
  let current = cluster;
  let rounds = 0;
  let converged = false;

  const absorb = (r: LifecycleResult): void => {
    matcher?.follow(current, r.cluster, r.writes);
    current = r.cluster;
    out.add(r);
  };

  while (rounds < maxRounds) {
    rounds++;
    // A copy: with a working copy the operations map itself changes in place.
    const operationsBefore = new Set(current.operations.keys());
    const writesBefore = out.writes.length;
    for (const key of claimKeysInOrder(current.claims)) absorb(syncClaimWithMatcher(current, key, stepCtx, matcher));
    for (const name of sortedKeys(current.volumes)) absorb(syncVolume(current, name, stepCtx));
    if (ctx.protection !== false) {
      for (const key of sortedKeys(current.claims)) absorb(syncClaimProtection(current, key, stepCtx));
      for (const name of sortedKeys(current.volumes)) absorb(syncVolumeProtection(current, name, stepCtx));
    }
    if (options.completeOperations === "succeed") {
      for (const id of sortedKeys(current.operations)) {
        if (current.operations.has(id)) absorb(completeOperation(current, id, "success", stepCtx));
      }
    }
    if (out.writes.length === writesBefore && sameIds(operationsBefore, current.operations)) {
      converged = true;
      break;
    }
  }
  return {
    cluster: current,
    rounds,
    converged,
    writes: out.writes,
    events: out.events,
    operations: out.operations,
    pending: [...current.operations.values()],
    errors: out.errors,
  };
}
