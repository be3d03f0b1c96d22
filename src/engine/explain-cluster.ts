/**
 * `explainCluster`: what the cluster will do, claim by claim and volume by volume, read off one
 * engine run — the same run `simulate` shows — plus, for the claims that stay Pending, why (the
 * matcher's per-volume verdicts against the pool the run leaves).
 *
 * @module
 */
import { claimClass, claimKey, claimKeysInOrder, volumeClass } from "../api/helpers/index.js";
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from "../api/index.js";
import { AnnBindCompleted } from "../api/constants/index.js";
import { extendWith } from "../api/copy-with.js";
import { type Cluster, type LifecycleContext, type LifecycleEvent, type Operation, podClaimNames, type Write } from "../lifecycle/index.js";
import { type NodeLike, nodeParts } from "../labels/index.js";
import { type ClaimExplanation, decodeClaim, PoolExplainer } from "../matching/index.js";
import { type PodReport, podReport } from "./pod-report.js";
import { checkRun, type EngineOptions, type EngineRun, type ObjectTrace, runCluster } from "./run.js";

/**
 * What will happen to a claim:
 * - `Bound`: it is bound and stays bound;
 * - `WillBind`: the PV controller binds it to an existing volume;
 * - `WillProvision`: a provisioner creates a volume for it (and the controller binds that);
 * - `Pending`: it waits (the reason says for what);
 * - `Lost`: its volume is gone or belongs to another claim.
 *
 * @example
 * ```ts
 * const s: ClaimStatus = "WillProvision";
 * ```
 */
export type ClaimStatus = "Bound" | "WillBind" | "WillProvision" | "Pending" | "Lost";

/**
 * A write of the run, as plain data (the written object itself is left out).
 *
 * @example
 * ```ts
 * const w: WriteStep = { verb: "update", kind: "PersistentVolume", name: "pv-1", actor: "pv-controller" };
 * ```
 */
export interface WriteStep {
  readonly verb: Write["verb"];
  readonly kind: Write["kind"];
  readonly namespace?: string;
  readonly name: string;
  readonly actor: Write["actor"];
}

/**
 * The path of a claim through the run: the writes to it, its events, the operations started for
 * it.
 *
 * @example
 * ```ts
 * const p: ClaimPath = { writes: [], events: [], operations: [] };
 * ```
 */
export interface ClaimPath {
  readonly writes: readonly WriteStep[];
  readonly events: readonly LifecycleEvent[];
  readonly operations: readonly Operation[];
}

/**
 * One claim: as it is in the input and what the run does with it.
 *
 * @example
 * ```ts
 * const r: ClaimReport = explainCluster(cluster, { now }).claims[0]!;
 * if (r.status === "Pending") console.log(r.reason);
 * ```
 */
export interface ClaimReport {
  readonly namespace: string;
  readonly name: string;
  readonly status: ClaimStatus;
  /** The volume it is bound to, will bind to, or will get from its provisioner. */
  readonly volume?: string;
  /** `spec.resources.requests.storage` as written (`""` when missing). */
  readonly request: string;
  readonly class: string;
  /** The claim's requested access modes. */
  readonly accessModes: readonly string[];
  /** `status.phase` in the input (`Pending` when missing). */
  readonly inputPhase: string;
  /** For `WillProvision`: the provisioner. */
  readonly provisioner?: string;
  /** One line: why it binds there, or why it waits. */
  readonly reason: string;
  /** For claims that stay Pending: the matcher's explanation against the pool the run leaves. */
  readonly explanation?: ClaimExplanation;
  readonly path: ClaimPath;
}

/**
 * One volume: as it is in the input, and what the run does to it.
 *
 * @example
 * ```ts
 * const v: VolumeReport = explainCluster(cluster, { now }).volumes[0]!;
 * console.log(v.name, v.phase, "->", v.endPhase, v.note ?? "");
 * ```
 */
export interface VolumeReport {
  readonly name: string;
  /** `status.phase` in the input (`Pending` when missing: the API server's default). */
  readonly phase: string;
  /** `namespace/name` its `claimRef` names in the input. */
  readonly claim?: string;
  readonly class: string;
  readonly capacity: string;
  readonly accessModes: readonly string[];
  /** After the run (`Deleted` when the run deleted it). */
  readonly endPhase: string;
  readonly endClaim?: string;
  /** What the run did to it, in words (absent when nothing changed). */
  readonly note?: string;
}

/**
 * The whole explanation: every claim and volume of the input (claims in the controller's order,
 * volumes by name), and the run's facts.
 *
 * @example
 * ```ts
 * const e: ClusterExplanation = explainCluster(cluster, { now });
 * e.claims.filter((c) => c.status === "Pending").length;
 * ```
 */
export interface ClusterExplanation {
  readonly claims: readonly ClaimReport[];
  /** The pods that use claims, by `namespace/name`. */
  readonly pods: readonly PodReport[];
  readonly volumes: readonly VolumeReport[];
  readonly rounds: number;
  readonly converged: boolean;
  readonly errors: readonly string[];
}

/**
 * Options of {@link explainCluster}: the engine's, plus
 * - `claim`: only this claim (`namespace/name`) gets a detailed explanation listing every volume;
 * - `node`: the Pending claims are explained as the scheduler would search for them on this node;
 * - `maxVolumes`: how many volumes the other Pending claims' explanations list (default 0: the
 *   match, the pre-bound and the closest ones only).
 *
 * @example
 * ```ts
 * const opts: ExplainClusterOptions = { claim: "shop/archive" };
 * ```
 */
export interface ExplainClusterOptions extends EngineOptions {
  readonly claim?: string;
  readonly node?: NodeLike;
  readonly maxVolumes?: number;
}

function refKey(pv: PersistentVolume | undefined): string | undefined {
  const r = pv?.spec?.claimRef;
  return r ? `${r.namespace ?? ""}/${r.name ?? ""}` : undefined;
}

function requestText(claim: PersistentVolumeClaim): string {
  const raw: unknown = claim.spec?.resources?.requests?.storage;
  return raw === undefined || raw === null ? "" : String(raw);
}

function pathOf(t: ObjectTrace): ClaimPath {
  return {
    writes: t.writes.map((w) => ({
      verb: w.verb,
      kind: w.kind,
      ...(w.namespace !== undefined ? { namespace: w.namespace } : {}),
      name: w.name,
      actor: w.actor,
    })),
    events: t.events,
    operations: t.operations,
  };
}

/** The last event of the trace with one of the reasons (the most recent word on the matter). */
function lastEvent(t: ObjectTrace, reasons: readonly string[]): LifecycleEvent | undefined {
  for (let i = t.events.length - 1; i >= 0; i--) if (reasons.includes(t.events[i]!.reason)) return t.events[i];
  return undefined;
}

function capacityText(pv: PersistentVolume | undefined): string {
  const cap = pv?.spec?.capacity?.storage;
  return cap !== undefined ? ` (${String(cap)})` : "";
}

/** Per claim: the first Pending pod (by `namespace/name`) using it that the scheduler cannot place. */
function unschedulablePods(pods: readonly PodReport[]): Map<string, PodReport> {
  const out = new Map<string, PodReport>();
  for (const p of pods) {
    if (p.status !== "Pending" || p.message === undefined) continue;
    for (const c of p.claims) if (!out.has(c)) out.set(c, p);
  }
  return out;
}

/**
 * A WaitForFirstConsumer claim whose pod exists but fits no node does not wait for "a pod to be
 * scheduled": it waits for that pod, which the scheduler rejects — say so, with its message.
 */
function withUnschedulablePod(r: ClaimReport, pod: PodReport | undefined): ClaimReport {
  if (pod === undefined || r.status !== "Pending" || r.explanation?.delayBinding !== true) return r;
  return { ...r, reason: `pod ${pod.namespace}/${pod.name} cannot be scheduled: ${pod.message}` };
}

/** Per claim: the pod (without a node in the input) that the run places using it, and its node. */
type ScheduledClaims = ReadonlyMap<string, { pod: string; node: string }>;

function scheduledClaims(run: EngineRun): ScheduledClaims {
  const out = new Map<string, { pod: string; node: string }>();
  for (const key of [...run.input.pods.keys()].sort()) {
    const pod = run.input.pods.get(key)!;
    const node = run.cluster.pods.get(key)?.spec?.nodeName;
    if (pod.spec?.nodeName || !node) continue;
    const ns = pod.metadata?.namespace || "default";
    for (const n of podClaimNames(pod)) if (!out.has(`${ns}/${n}`)) out.set(`${ns}/${n}`, { pod: key, node });
  }
  return out;
}

/** Why a claim the run binds to an existing volume gets that one. */
function bindReason(claim: PersistentVolumeClaim, pv: PersistentVolume | undefined, volume: string): string {
  if (claim.spec?.volumeName) return `the claim names ${volume} in spec.volumeName and the PV controller binds it`;
  if (pv !== undefined && refKey(pv) === claimKey(claim)) return `${volume} is pre-bound to this claim`;
  const cap = pv?.spec?.capacity?.storage;
  return `${volume}${cap !== undefined ? ` (${String(cap)})` : ""} is the smallest volume that satisfies the claim when the PV controller takes it`;
}

const WAIT_REASONS = [
  "ProvisioningFailed",
  "VolumeMismatch",
  "FailedBinding",
  "WaitForFirstConsumer",
  "WaitForPodScheduled",
  "ExternalProvisioning",
];

/**
 * Runs the engine on the cluster (see `runCluster`) and explains each claim's end state and the
 * path to it, and each volume as it is in the input and what the run did to it. A claim that
 * stays Pending also gets `explainClaim`'s per-volume verdicts against the pool the run leaves —
 * with the volumes that other claims take during the run described as such ("would be taken by
 * claim ns/x, which the controller binds first"), not as if they were bound in the input.
 *
 * Never throws on bad objects inside the cluster: a claim that cannot be searched for (an invalid
 * selector, an unparsable request) is Pending with the problem as its reason.
 *
 * @throws `LifecycleError` `InvalidInput` when `cluster` is not a snapshot or `ctx.now` is not a valid time.
 * @example
 * ```ts
 * const e = explainCluster(createCluster({ volumes, claims, classes }), { now: "2026-01-01T00:00:00Z" });
 * for (const c of e.claims) console.log(`${c.namespace}/${c.name}`, c.status, c.volume ?? "", c.reason);
 * ```
 */
export function explainCluster(cluster: Cluster, ctx: LifecycleContext, opts: ExplainClusterOptions = {}): ClusterExplanation {
  return explainRun(runCluster(cluster, ctx, opts ?? {}), opts ?? {});
}

/**
 * The explanation of an engine run you already have (see {@link explainCluster}): `simulate` and
 * `explain` of one run, without running it twice.
 *
 * @throws `LifecycleError` `InvalidInput` when `run` is not an `EngineRun` from `runCluster`.
 * @example
 * ```ts
 * const run = runCluster(cluster, { now });
 * const e = explainRun(run, { claim: "shop/archive" });
 * ```
 */
export function explainRun(
  run: EngineRun,
  opts: Pick<ExplainClusterOptions, "claim" | "node" | "maxVolumes" | "scheduling"> = {},
): ClusterExplanation {
  checkRun(run);
  opts = opts ?? {};
  const cluster = run.input;
  const classes = [...run.cluster.classes.values()];
  const explainers = new Explainers(run.cluster.volumes);
  const scheduled = scheduledClaims(run);
  const pods = [...cluster.pods.keys()]
    .sort()
    .map((k) => cluster.pods.get(k)!)
    .filter((p) => podClaimNames(p).length > 0)
    .map((p) => podReport(p, run, opts.scheduling, nodeParts(opts.node).name || undefined));
  const unschedulable = unschedulablePods(pods);
  const claims = claimKeysInOrder(cluster.claims).map((k) => {
    const r = claimReport(cluster.claims.get(k)!, run, explainers, classes, opts, scheduled);
    return withUnschedulablePod(r, unschedulable.get(k));
  });
  const volumes = [...cluster.volumes.keys()].sort().map((name) => volumeReport(name, run));
  return { claims, pods, volumes, rounds: run.rounds, converged: run.converged, errors: run.errors };
}

/**
 * The explainers of the pool a run leaves, one per storage class: a claim is explained against the
 * volumes of its own class — the others fail the class check whatever they are — unless a volume of
 * another class may be pre-bound to it (pre-binding ignores the class) or its class has no volume at
 * all (then the explanation names the closest volumes of other classes): then against all volumes.
 */
class Explainers {
  private readonly byClass = new Map<string, PersistentVolume[]>();
  private readonly explainers = new Map<string, PoolExplainer>();
  private readonly claimRefs = new Set<string>();
  private all: PoolExplainer | undefined;

  constructor(private readonly volumes: ReadonlyMap<string, PersistentVolume>) {
    for (const pv of volumes.values()) {
      const cls = volumeClass(pv);
      let list = this.byClass.get(cls);
      if (list === undefined) this.byClass.set(cls, (list = []));
      list.push(pv);
      const ref = refKey(pv);
      if (ref !== undefined) this.claimRefs.add(ref);
    }
  }

  /** The explainer of every volume; the others are its subsets, so each volume is decoded once. */
  everything(): PoolExplainer {
    return (this.all ??= new PoolExplainer(this.volumes.values()));
  }

  /**
   * The explainer for a claim, and how many volumes it leaves out: of other classes (they fail the
   * class check), or — for a claim naming a volume, which the PV controller binds to that volume
   * or not at all — every other volume, unsearched.
   */
  for(claim: PersistentVolumeClaim): { explainer: PoolExplainer; otherClassVolumes: number; unsearchedVolumes: number } {
    const named = claim.spec?.volumeName;
    if (typeof named === "string" && named !== "") {
      const only = this.everything().subset([named], { oneShot: true });
      return { explainer: only, otherClassVolumes: 0, unsearchedVolumes: this.volumes.size - only.size };
    }
    const cls = claimClass(claim);
    const own = this.byClass.get(cls);
    if (own === undefined || this.claimRefs.has(claimKey(claim)))
      return { explainer: this.everything(), otherClassVolumes: 0, unsearchedVolumes: 0 };
    let e = this.explainers.get(cls);
    if (e === undefined) this.explainers.set(cls, (e = this.everything().subset(own.map((pv) => pv.metadata?.name ?? ""))));
    return { explainer: e, otherClassVolumes: this.volumes.size - own.length, unsearchedVolumes: 0 };
  }
}

function claimReport(
  claim: PersistentVolumeClaim,
  run: EngineRun,
  explainers: Explainers,
  classes: readonly StorageClass[],
  opts: ExplainClusterOptions,
  bySchedule: ScheduledClaims,
): ClaimReport {
  const key = claimKey(claim);
  const end = run.cluster.claims.get(key) ?? claim;
  const trace = run.claim(key);
  const base = {
    namespace: claim.metadata?.namespace ?? "",
    name: claim.metadata?.name ?? "",
    request: requestText(claim),
    class: claimClass(end),
    accessModes: [...(claim.spec?.accessModes ?? [])],
    inputPhase: claim.status?.phase ?? "Pending",
    path: pathOf(trace),
  };
  const phase = end.status?.phase ?? "Pending";
  const volume = end.spec?.volumeName || undefined;
  if (phase === "Bound" && volume !== undefined) {
    const wasBound =
      claim.status?.phase === "Bound" && claim.spec?.volumeName === volume && claim.metadata?.annotations?.[AnnBindCompleted] !== undefined;
    if (wasBound) return extendWith(base, { status: "Bound", volume, reason: "bound" });
    const scheduled = bySchedule.get(key);
    if (!run.input.volumes.has(volume)) {
      const op = trace.operations.find((o) => o.kind === "provision");
      const provisioner = op?.provisioner ?? "";
      const where = scheduled !== undefined ? ` for node ${scheduled.node}, where the scheduler places pod ${scheduled.pod}` : "";
      return extendWith(base, {
        status: "WillProvision",
        volume,
        provisioner,
        reason: `${provisioner || "its provisioner"} provisions ${volume} in class '${base.class}'${where}`,
      });
    }
    const pv = run.input.volumes.get(volume);
    const reserved = scheduled !== undefined && run.volume(volume).writes.some((w) => w.actor === "kube-scheduler");
    const reason = reserved
      ? `the scheduler places pod ${scheduled.pod} on ${scheduled.node} and reserves ${volume}${capacityText(pv)} there; the PV controller binds it`
      : bindReason(claim, pv, volume);
    return extendWith(base, { status: "WillBind", volume, reason });
  }
  if (phase === "Lost") {
    const e = lastEvent(trace, ["ClaimLost", "ClaimMisbound"]);
    const reason = e?.message ?? "its volume is gone";
    return volume !== undefined ? extendWith(base, { status: "Lost", volume, reason }) : extendWith(base, { status: "Lost", reason });
  }
  const waiting = run.pending.find((o) => o.kind === "provision" && o.claim === key);
  if (waiting !== undefined) {
    const provisioner = waiting.provisioner ?? "";
    return extendWith(base, {
      status: "WillProvision",
      provisioner,
      reason: `waiting for ${provisioner || "its provisioner"} to provision a volume in class '${base.class}'`,
    });
  }
  return pendingReport(end, base, trace, run, explainers, classes, opts);
}

function pendingReport(
  claim: PersistentVolumeClaim,
  base: Omit<ClaimReport, "status" | "reason">,
  trace: ObjectTrace,
  run: EngineRun,
  explainers: Explainers,
  classes: readonly StorageClass[],
  opts: ExplainClusterOptions,
): ClaimReport {
  const key = claimKey(claim);
  const problems = decodeClaim(claim).problems;
  const detailed = opts.claim === key;
  // --claim: the claim is explained against the whole pool, every volume listed.
  const { explainer, otherClassVolumes, unsearchedVolumes } = detailed
    ? { explainer: explainers.everything(), otherClassVolumes: 0, unsearchedVolumes: 0 }
    : explainers.for(claim);
  const explanation = explainer.explain(claim, {
    classes,
    otherClassVolumes,
    unsearchedVolumes,
    ...(detailed ? {} : { maxVolumes: opts.maxVolumes ?? 0 }),
    ...(opts.node ? { node: opts.node, mode: "scheduler" as const } : {}),
  });
  const annotated = annotateTaken(explanation, key, run);
  const event = lastEvent(trace, WAIT_REASONS);
  // The engine's own word first (a provisioner's refusal, a mismatch), then the matcher's — but a
  // class that cannot provision by design (kubernetes.io/no-provisioner) fails provisioning on
  // every sync: there the matcher's reason (why no static volume fits) is the one that matters.
  const byDesign = event?.reason === "ProvisioningFailed" && annotated.storageClass.canProvision === false;
  const reason =
    problems.length > 0
      ? problems.map((p) => p.message).join("; ")
      : event !== undefined && event.type === "Warning" && !byDesign
        ? `${event.reason}: ${event.message}`
        : annotated.headline;
  return extendWith(base, { status: "Pending", reason, explanation: annotated });
}

/**
 * The explanation with the volumes that other claims take during the run described as such: in
 * the input they are free, the final pool has them bound.
 */
function annotateTaken(e: ClaimExplanation, key: string, run: EngineRun): ClaimExplanation {
  let taken = 0;
  const volumes = e.volumes.map((v) => {
    const before = run.input.volumes.get(v.name);
    const after = run.cluster.volumes.get(v.name);
    const by = refKey(after);
    if (before === undefined || by === undefined || by === key || refKey(before) !== undefined) return v;
    taken++;
    const phase = before.status?.phase ?? "Pending";
    const message = `${v.name} would be taken by claim ${by}, which the PV controller binds first (in the input it is ${phase})`;
    const failures = v.failures
      .filter((f) => f.code !== "phase")
      .map((f) => (f.code === "claimed-by-other" ? { ...f, message, have: by } : f));
    return { ...v, phase, failures, message: failures[0]?.message ?? message };
  });
  if (taken === 0) return e;
  const note = `${taken === 1 ? "1 listed volume is" : `${taken} listed volumes are`} free in the input but taken by claims the PV controller binds first in this run.`;
  return { ...e, volumes, summary: [...e.summary, note] };
}

function volumeReport(name: string, run: EngineRun): VolumeReport {
  const pv = run.input.volumes.get(name)!;
  const after = run.cluster.volumes.get(name);
  const claim = refKey(pv);
  const endClaim = refKey(after);
  const phase = pv.status?.phase ?? "Pending";
  const endPhase = after === undefined ? "Deleted" : (after.status?.phase ?? "Pending");
  const report = {
    name,
    phase,
    ...(claim !== undefined ? { claim } : {}),
    class: volumeClass(pv),
    capacity: String(pv.spec?.capacity?.storage ?? ""),
    accessModes: [...(pv.spec?.accessModes ?? [])],
    endPhase,
    ...(endClaim !== undefined ? { endClaim } : {}),
  };
  const note =
    after === undefined
      ? `deleted by its reclaim policy (${pv.spec?.persistentVolumeReclaimPolicy ?? "Retain"})`
      : endClaim !== undefined && endClaim !== claim && endPhase === "Bound"
        ? `would be taken by claim ${endClaim}`
        : endClaim === undefined && claim !== undefined
          ? `released from ${claim} (${endPhase})`
          : endPhase !== phase
            ? `${phase} → ${endPhase}`
            : undefined;
  return note === undefined ? report : extendWith(report, { note });
}
