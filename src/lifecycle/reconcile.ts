/**
 * Running the controllers to a fixpoint.
 *
 * @module
 */
import type { Cluster } from "./cluster.js";
import { completeOperation } from "./complete-operation.js";
import type { LifecycleContext } from "./context.js";
import { eventKey, type LifecycleEvent } from "./event.js";
import type { Operation } from "./operation.js";
import { syncClaimProtection, syncVolumeProtection } from "./protection.js";
import type { LifecycleResult } from "./result.js";
import { syncClaim } from "./sync-claim.js";
import { syncVolume } from "./sync-volume.js";
import type { Write } from "./write.js";
import { checkCluster } from "./transaction.js";
import { LifecycleError } from "./errors.js";
import { formatTime } from "./time.js";

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

function sameIds(a: ReadonlyMap<string, unknown>, b: ReadonlyMap<string, unknown>): boolean {
  if (a.size !== b.size) return false;
  for (const k of a.keys()) if (!b.has(k)) return false;
  return true;
}

/**
 * Runs the controllers until nothing changes: each round syncs every claim (in key order), then
 * every volume (in name order), then — unless `ctx.protection === false` — the PVC and PV
 * protection controllers, then (with `completeOperations: "succeed"`) completes the running
 * operations in id order. A round changes nothing when it makes no write and leaves the set of
 * running operations as it found it; the cluster is then converged, and syncing it again makes
 * no write. `ctx.crashAfterWrites` is ignored here (it applies to single steps).
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
  checkCluster(cluster);
  if (typeof ctx !== "object" || ctx === null) throw new LifecycleError("InvalidInput", "ctx: Required value: a LifecycleContext with `now`");
  formatTime(ctx.now);
  const stepCtx: LifecycleContext = { ...ctx, crashAfterWrites: undefined };
  const maxRounds = Math.max(1, Math.floor(options.maxRounds ?? 100));
  const writes: Write[] = [];
  const events: LifecycleEvent[] = [];
  const seenEvents = new Set<string>();
  const operations: Operation[] = [];
  const errors: string[] = [];
  let current = cluster;
  let rounds = 0;
  let converged = false;

  const absorb = (r: LifecycleResult): void => {
    current = r.cluster;
    writes.push(...r.writes);
    operations.push(...r.operations);
    if (r.error !== undefined) errors.push(r.error);
    for (const e of r.events) {
      const k = eventKey(e);
      if (!seenEvents.has(k)) {
        seenEvents.add(k);
        events.push(e);
      }
    }
  };

  while (rounds < maxRounds) {
    rounds++;
    const before = current;
    const writesBefore = writes.length;
    for (const key of sortedKeys(current.claims)) absorb(syncClaim(current, key, stepCtx));
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
    if (writes.length === writesBefore && sameIds(before.operations, current.operations)) {
      converged = true;
      break;
    }
  }
  return {
    cluster: current,
    rounds,
    converged,
    writes,
    events,
    operations,
    pending: [...current.operations.values()],
    errors,
  };
}
