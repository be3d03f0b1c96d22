/**
 * The engine: the one model of what a cluster does. It runs the controllers (the PV controller,
 * the protection controllers, the provisioners and deleters through their operations) to a
 * fixpoint from the objects as they are stored, and keeps the trace of every object. `simulate`
 * and `explain` are two views of one run.
 *
 * @module
 */
import type { Cluster, LifecycleContext, LifecycleEvent, Operation, ReconcileOptions, ReconcileResult, Write } from "../lifecycle/index.js";
import { checkCluster, DistinctEvents, formatTime, LifecycleError, reconcile } from "../lifecycle/index.js";
import { createSchedulingCache, type SchedulingOptions } from "../scheduling/index.js";
import { schedulingPass } from "./schedule-pods.js";

/**
 * Options of {@link runCluster}: those of `reconcile`, with `completeOperations` defaulting to
 * `"succeed"` (every provisioner and deleter works, as a simulation assumes).
 *
 * @example
 * ```ts
 * const opts: EngineOptions = { maxRounds: 50, completeOperations: "report" };
 * ```
 */
export interface EngineOptions extends ReconcileOptions {
  /**
   * Whether kube-scheduler's volume plugins place the pods that use claims and have no
   * `spec.nodeName` (default `true`); `false` runs the PV controller alone.
   */
  readonly scheduler?: boolean;
  /** Feature gates and VolumeBinding arguments of the scheduler. */
  readonly scheduling?: SchedulingOptions;
}

/**
 * What happened to one object during a run: the writes made to it, the events recorded on it
 * and the operations started for it, in order.
 *
 * @example
 * ```ts
 * const t: ObjectTrace = { writes: [], events: [], operations: [] };
 * ```
 */
export interface ObjectTrace {
  readonly writes: readonly Write[];
  readonly events: readonly LifecycleEvent[];
  readonly operations: readonly Operation[];
}

/**
 * A run of the engine: the cluster as given and as it ends, every write, event and operation in
 * order (events deduplicated as the event recorder aggregates them; operations once per id), and
 * each object's own trace.
 *
 * @example
 * ```ts
 * const run = runCluster(cluster, { now });
 * run.claim("default/data").events.map((e) => e.reason);
 * ```
 */
export interface EngineRun {
  readonly input: Cluster;
  readonly cluster: Cluster;
  readonly rounds: number;
  readonly converged: boolean;
  readonly writes: readonly Write[];
  readonly events: readonly LifecycleEvent[];
  readonly operations: readonly Operation[];
  readonly pending: readonly Operation[];
  readonly errors: readonly string[];
  /** The trace of the claim `namespace/name`. */
  claim(key: string): ObjectTrace;
  /** The trace of the volume `name`. */
  volume(name: string): ObjectTrace;
  /** The trace of the pod `namespace/name` (the scheduler's writes and events). */
  pod(key: string): ObjectTrace;
}

const EMPTY: ObjectTrace = Object.freeze({ writes: Object.freeze([]), events: Object.freeze([]), operations: Object.freeze([]) });

interface MutableTrace {
  writes: Write[];
  events: LifecycleEvent[];
  operations: Operation[];
}

/** Appends in a loop: `push(...items)` throws a RangeError past ~120,000 items. */
function pushAll<T>(target: T[], items: readonly T[]): void {
  for (const x of items) target.push(x);
}

/**
 * Throws a typed error unless `run` is an {@link EngineRun} (a JS caller can pass anything).
 *
 * @example
 * ```ts
 * checkRun(runCluster(cluster, { now })); // ok
 * ```
 */
export function checkRun(run: unknown, path = "run"): asserts run is EngineRun {
  const r = run as Partial<EngineRun> | null;
  const ok =
    typeof r === "object" &&
    r !== null &&
    typeof r.claim === "function" &&
    typeof r.volume === "function" &&
    typeof r.pod === "function" &&
    Array.isArray(r.pending) &&
    Array.isArray(r.writes);
  if (!ok) throw new LifecycleError("InvalidInput", `${path}: Invalid value: expected an EngineRun from runCluster()`);
  checkCluster(r.input);
  checkCluster(r.cluster);
}

function traceIn(map: Map<string, MutableTrace>, key: string): MutableTrace {
  let t = map.get(key);
  if (t === undefined) map.set(key, (t = { writes: [], events: [], operations: [] }));
  return t;
}

/**
 * Runs the engine on a cluster snapshot (see {@link EngineRun}). Deterministic: claims are taken
 * in the controller's claim order (`compareClaimOrder`), volumes by name, operations by id.
 *
 * @throws `LifecycleError` `InvalidInput` when `cluster` is not a snapshot or `ctx.now` is not a valid time.
 * @example
 * ```ts
 * const run = runCluster(createCluster({ volumes, claims, classes }), { now: "2026-01-01T00:00:00Z" });
 * run.cluster.claims.get("default/data")?.status?.phase; // "Bound"
 * ```
 */
export function runCluster(cluster: Cluster, ctx: LifecycleContext, opts: EngineOptions = {}): EngineRun {
  const r = runToFixpoint(cluster, ctx, opts ?? {});
  const claims = new Map<string, MutableTrace>();
  const volumes = new Map<string, MutableTrace>();
  const pods = new Map<string, MutableTrace>();
  for (const w of r.writes) {
    if (w.kind === "PersistentVolumeClaim") traceIn(claims, `${w.namespace ?? ""}/${w.name}`).writes.push(w);
    else if (w.kind === "PersistentVolume") traceIn(volumes, w.name).writes.push(w);
    else if (w.kind === "Pod") traceIn(pods, `${w.namespace ?? ""}/${w.name}`).writes.push(w);
  }
  for (const e of r.events) {
    const key = `${e.object.namespace ?? ""}/${e.object.name}`;
    if (e.object.kind === "PersistentVolumeClaim") traceIn(claims, key).events.push(e);
    else if (e.object.kind === "Pod") traceIn(pods, key).events.push(e);
    else traceIn(volumes, e.object.name).events.push(e);
  }
  const operations: Operation[] = [];
  const seen = new Set<string>();
  for (const op of r.operations) {
    // An operation restarted after a failure keeps its id: report it once.
    if (seen.has(op.id)) continue;
    seen.add(op.id);
    operations.push(op);
    if (op.claim !== undefined) traceIn(claims, op.claim).operations.push(op);
    if (op.volume !== undefined) traceIn(volumes, op.volume).operations.push(op);
  }
  return {
    input: cluster,
    cluster: r.cluster,
    rounds: r.rounds,
    converged: r.converged,
    writes: r.writes,
    events: r.events,
    operations,
    pending: r.pending,
    errors: r.errors,
    claim: (key) => claims.get(key) ?? EMPTY,
    volume: (name) => volumes.get(name) ?? EMPTY,
    pod: (key) => pods.get(key) ?? EMPTY,
  };
}

/**
 * The PV controller (and its companions) to their fixpoint, then a scheduling pass, until a pass
 * changes nothing: the scheduler reserves volumes, the controller binds and provisions them, the
 * next pass binds the pods whose claims are all Bound. `maxRounds` bounds the controller rounds
 * of the whole run.
 */
function runToFixpoint(cluster: Cluster, ctx: LifecycleContext, opts: EngineOptions): ReconcileResult {
  const { scheduler, scheduling, ...reconcileOptions } = opts;
  const options: ReconcileOptions = { completeOperations: "succeed", ...reconcileOptions };
  let r = reconcile(cluster, ctx, options);
  if (scheduler === false || cluster.pods.size === 0) return r;
  const time = formatTime(ctx.now);
  const maxRounds = Math.max(1, Math.floor(options.maxRounds ?? 100));
  const writes = [...r.writes];
  const events = [...r.events];
  // Deduplicated across passes, as the event recorder aggregates repeats (and reconcile does within one run).
  const seen = new DistinctEvents();
  for (const e of events) seen.add(e);
  const addEvents = (more: readonly LifecycleEvent[]): void => {
    for (const e of more) if (seen.add(e)) events.push(e);
  };
  const operations = [...r.operations];
  const errors = [...r.errors];
  const chosen = new Map<string, string>();
  // Class pools and claim candidates per volumes map, reused by every pod of one snapshot.
  const schedulingOpts: SchedulingOptions = { ...scheduling, cache: scheduling?.cache ?? createSchedulingCache() };
  let rounds = r.rounds;
  let converged = r.converged;
  while (converged) {
    const pass = schedulingPass(r.cluster, time, schedulingOpts, chosen);
    addEvents(pass.events);
    if (pass.writes.length === 0) break;
    pushAll(writes, pass.writes);
    if (rounds >= maxRounds) {
      converged = false;
      r = { ...r, cluster: pass.cluster };
      break;
    }
    r = reconcile(pass.cluster, ctx, { ...options, maxRounds: maxRounds - rounds });
    rounds += r.rounds;
    converged = r.converged;
    pushAll(writes, r.writes);
    addEvents(r.events);
    pushAll(operations, r.operations);
    pushAll(errors, r.errors);
  }
  return { ...r, rounds, converged, writes, events, operations, errors };
}
