/**
 * The shape every lifecycle step returns.
 *
 * @module
 */
import type { Cluster } from "./cluster.js";
import type { LifecycleEvent } from "./event.js";
import type { Operation } from "./operation.js";
import type { Write } from "./write.js";

/**
 * What a step did: the cluster with its writes applied, the accepted writes in order, the events
 * recorded, and the asynchronous operations it started (operations already running are not
 * started again). `crashed` is true when `ctx.crashAfterWrites` cut the step short; `error` holds
 * the error a controller sync returned (Kubernetes would log it and retry).
 *
 * @example
 * ```ts
 * const { cluster: next, writes, events, operations } = syncClaim(cluster, "default/data", { now });
 * ```
 */
export interface LifecycleResult {
  readonly cluster: Cluster;
  readonly writes: readonly Write[];
  readonly events: readonly LifecycleEvent[];
  readonly operations: readonly Operation[];
  readonly crashed: boolean;
  readonly error?: string;
}
