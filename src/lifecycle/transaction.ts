/**
 * The accumulator a lifecycle step writes through: it applies writes to the snapshot, records
 * events and operations, enforces `crashAfterWrites`, and turns controller errors into a result.
 * Internal; never leaks mutable state (each step gets a fresh one).
 *
 * @module
 */
import { applyWrite } from "./api-server.js";
import type { StoredObject } from "./stored.js";
import { type Cluster, checkCluster, withOperations } from "./cluster.js";

import type { LifecycleContext } from "./context.js";
import type { EventObjectRef, LifecycleEvent } from "./event.js";
import type { HasMeta } from "./object-meta.js";
import type { Operation } from "./operation.js";
import type { LifecycleResult } from "./result.js";
import { formatTime } from "./time.js";
import { LifecycleError } from "./errors.js";
import type { ObjectKind, Write, WriteActor, WriteVerb } from "./write.js";

/** Thrown inside a step when the write budget is exhausted. */
class Crash extends Error {}

/**
 * A controller error: the sync stops here, as the Go function returns `err`.
 *
 * @example
 * ```ts
 * throw new SyncError('VolumeBindingMode not set for StorageClass "x"'); // result.error carries the message
 * ```
 */
export class SyncError extends Error {}

/**
 * The accumulator of one step (see the module docs).
 *
 * @example
 * ```ts
 * const result = new Transaction(cluster, ctx).run((tx) => tx.event("Normal", "X", "y", ref)); // internal
 * ```
 */
export class Transaction {
  cluster: Cluster;
  readonly time: string;
  readonly ctx: LifecycleContext;
  private budget: number;
  private readonly writes: Write[] = [];
  private readonly events: LifecycleEvent[] = [];
  private readonly operations: Operation[] = [];

  constructor(cluster: Cluster, ctx: LifecycleContext) {
    checkCluster(cluster);
    if (typeof ctx !== "object" || ctx === null) {
      throw new LifecycleError("InvalidInput", "ctx: Required value: a LifecycleContext with `now`");
    }
    this.cluster = cluster;
    this.ctx = ctx;
    this.time = formatTime(ctx.now);
    const k = ctx.crashAfterWrites;
    this.budget = k === undefined ? Number.POSITIVE_INFINITY : Math.max(0, Math.floor(k));
  }

  /** Applies a write; returns the stored object (undefined when removed or ignored). */
  write<T extends HasMeta>(kind: ObjectKind, verb: WriteVerb, object: T, actor: WriteActor = "pv-controller"): T | undefined {
    if (this.budget <= 0) throw new Crash();
    const admission = this.ctx.admission ?? true;
    const r = applyWrite(this.cluster, { verb, kind, object: object as unknown as StoredObject, actor, time: this.time, admission });
    if (r.write === undefined) return undefined;
    this.budget--;
    this.cluster = r.cluster;
    this.writes.push(r.write);
    return r.write.removed ? undefined : (r.write.object as T);
  }

  event(type: "Normal" | "Warning", reason: string, message: string, object: EventObjectRef): void {
    this.events.push({ type, reason, message, object, time: this.time });
  }

  /** Starts an operation unless one with the same id is already running. */
  start(op: Operation): void {
    if (this.cluster.operations.has(op.id)) return;
    this.cluster = withOperations(this.cluster, (ops) => ops.set(op.id, op));
    this.operations.push(op);
  }

  /** Marks an operation finished (removes it from the running set). */
  finish(id: string): void {
    if (!this.cluster.operations.has(id)) return;
    this.cluster = withOperations(this.cluster, (ops) => ops.delete(id));
  }

  /** Runs a step body and packages the outcome. */
  run(body: (tx: Transaction) => void): LifecycleResult {
    let crashed = false;
    let error: string | undefined;
    try {
      body(this);
    } catch (e) {
      if (e instanceof Crash) crashed = true;
      else if (e instanceof SyncError) error = e.message;
      else throw e;
    }
    return {
      cluster: this.cluster,
      writes: this.writes,
      events: this.events,
      operations: this.operations,
      crashed,
      ...(error !== undefined ? { error } : {}),
    };
  }
}

/**
 * Runs `body` in a fresh transaction over `cluster`.
 *
 * @example
 * ```ts
 * const result = transact(cluster, ctx, (tx) => tx.event("Normal", "X", "y", ref));
 * ```
 */
export function transact(cluster: Cluster, ctx: LifecycleContext, body: (tx: Transaction) => void): LifecycleResult {
  return new Transaction(cluster, ctx).run(body);
}
