/**
 * The pods of an engine run, as `kubevol explain` reports them: where each pod that uses claims
 * runs or will run, and — for one the scheduler cannot place — kube-scheduler's FailedScheduling
 * message and every node's verdict from the volume plugins.
 *
 * @module
 */
import type { Pod } from "../api/index.js";
import { podClaimNames } from "../lifecycle/index.js";
import {
  createSchedulingCache,
  explainPod,
  filterNodes,
  type NodeFilterResult,
  type SchedulingOptions,
  selectNodeForPod,
} from "../scheduling/index.js";
import type { EngineRun } from "./run.js";

/**
 * A pod's fate: `Scheduled` (it has a node in the input), `WillSchedule` (the run places it),
 * `Pending` (no node passes the volume plugins, or its volumes never bind).
 *
 * @example
 * ```ts
 * const s: PodReportStatus = "WillSchedule";
 * ```
 */
export type PodReportStatus = "Scheduled" | "WillSchedule" | "Pending";

/**
 * One node's verdict for a pod (from the scheduler's volume plugins).
 *
 * @example
 * ```ts
 * const n: PodNodeVerdict = { node: "node-a", feasible: true, reasons: [], bindings: [], provisions: ["shop/data"], score: 0 };
 * ```
 */
export interface PodNodeVerdict {
  readonly node: string;
  readonly feasible: boolean;
  /** Every failing plugin's reasons, in the plugins' order. */
  readonly reasons: readonly string[];
  /** Static volumes VolumeBinding would bind there. */
  readonly bindings: readonly { readonly claim: string; readonly volume: string }[];
  /** Claims (`namespace/name`) it would provision there. */
  readonly provisions: readonly string[];
  readonly score?: number;
  /** For a failing node: what would make the pod fit there (from `explainPod`). */
  readonly fixes?: readonly string[];
}

/**
 * A pod that uses claims, in the run.
 *
 * @example
 * ```ts
 * const p: PodReport = { namespace: "stream", name: "kafka-0", status: "WillSchedule", node: "node-a", claims: ["stream/kafka-0"], reason: "…", nodes: [] };
 * ```
 */
export interface PodReport {
  readonly namespace: string;
  readonly name: string;
  readonly status: PodReportStatus;
  /** The node it runs on or will run on. */
  readonly node?: string;
  /** The claims it uses (`namespace/name`). */
  readonly claims: readonly string[];
  /** One line: where and with which volumes, or why it waits. */
  readonly reason: string;
  /** For `Pending`: the scheduler's FailedScheduling message (`0/3 nodes are available: …`). */
  readonly message?: string;
  /** For `Pending` when a PreFilter rejects the pod on every node: what would fix it. */
  readonly fixes?: readonly string[];
  /** For `Pending` (and with `--node`): every node's verdict against the cluster the run leaves. */
  readonly nodes: readonly PodNodeVerdict[];
}

function verdict(n: NodeFilterResult, fixes?: readonly string[]): PodNodeVerdict {
  return {
    node: n.node,
    feasible: n.feasible,
    reasons: [...n.reasons],
    bindings: n.bindings.map((b) => ({ claim: b.claim, volume: b.volume })),
    provisions: [...n.provisions],
    ...(n.score !== undefined ? { score: n.score } : {}),
    ...(fixes !== undefined && fixes.length > 0 ? { fixes: [...fixes] } : {}),
  };
}

function keyOf(pod: Pod): string {
  return `${pod.metadata?.namespace || "default"}/${pod.metadata?.name ?? ""}`;
}

/** What the pod's claims end as, in words (`stream/kafka-0 → local-node-a-nvme0`). */
function volumesText(claims: readonly string[], run: EngineRun): string {
  return claims
    .map((k) => {
      const c = run.cluster.claims.get(k);
      const v = c?.status?.phase === "Bound" ? c.spec?.volumeName : undefined;
      return v ? `${k} → ${v}` : `${k} (not bound)`;
    })
    .join(", ");
}

/**
 * The report of one pod (see {@link PodReport}).
 *
 * @example
 * ```ts
 * const r = podReport(run.input.pods.get("stream/kafka-0")!, run);
 * r.status; // "WillSchedule"
 * ```
 */
export function podReport(pod: Pod, run: EngineRun, opts: SchedulingOptions = {}, node?: string): PodReport {
  const key = keyOf(pod);
  const namespace = pod.metadata?.namespace || "default";
  const claims = podClaimNames(pod).map((n) => `${namespace}/${n}`);
  const base = { namespace, name: pod.metadata?.name ?? "", claims };
  const end = run.cluster.pods.get(key) ?? pod;
  const nodesFor = (): PodNodeVerdict[] => filterNodes(end, run.cluster, opts).map((n) => verdict(n));
  const asked = (all: PodNodeVerdict[]) => (node === undefined ? [] : all.filter((n) => n.node === node));
  if (pod.spec?.nodeName) {
    return { ...base, status: "Scheduled", node: pod.spec.nodeName, reason: `runs on ${pod.spec.nodeName}`, nodes: [] };
  }
  const placed = end.spec?.nodeName;
  if (placed) {
    const reason = `the scheduler places it on ${placed} with ${volumesText(claims, run)}`;
    return { ...base, status: "WillSchedule", node: placed, reason, nodes: node === undefined ? [] : asked(nodesFor()) };
  }
  const cached: SchedulingOptions = { ...opts, cache: opts.cache ?? createSchedulingCache() };
  const why = explainPod(end, run.cluster, cached);
  if (!why.schedulable) {
    const message = why.message ?? "";
    const fixesOf = new Map(why.failing.map((f) => [f.node, f.fixes]));
    const nodes = filterNodes(end, run.cluster, cached).map((n) => verdict(n, fixesOf.get(n.node)));
    const fixes = why.preFilter?.fixes ?? [];
    return { ...base, status: "Pending", reason: `FailedScheduling: ${message}`, message, ...(fixes.length > 0 ? { fixes } : {}), nodes };
  }
  const nodes = nodesFor();
  const selection = selectNodeForPod(end, run.cluster, opts);
  if (selection.nodeName === undefined) {
    const message = selection.explanation.message;
    return { ...base, status: "Pending", reason: `FailedScheduling: ${message}`, message, nodes };
  }
  // A node fits, but the run never binds the pod: its claims did not all bind (a provisioner
  // failing, an operation still running).
  const reason = `fits ${selection.nodeName}, but its volumes do not bind: ${volumesText(claims, run)}`;
  return { ...base, status: "Pending", node: selection.nodeName, reason, nodes };
}
