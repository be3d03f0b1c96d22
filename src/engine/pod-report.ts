/**
 * The pods of an engine run, as `kubevol explain` reports them: where each pod that uses claims
 * runs or will run, and — for one the scheduler cannot place — kube-scheduler's FailedScheduling
 * message and every node's verdict from the volume plugins.
 *
 * @module
 */
import type { Pod } from "../api/index.js";
import { extendWith } from "../api/copy-with.js";
import { LifecycleError, podClaimNames } from "../lifecycle/index.js";
import { createSchedulingCache, explainPod, type PodExplanation, type SchedulingOptions } from "../scheduling/index.js";
import { checkRun, type EngineRun } from "./run.js";
import { podKeyOf } from "./schedule-pods.js";

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
  /** Static volumes VolumeBinding would bind there (feasible nodes; empty on a failing node). */
  readonly bindings: readonly { readonly claim: string; readonly volume: string }[];
  /** Claims (`namespace/name`) it would provision there (feasible nodes). */
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

/**
 * Every node's verdict, by node name, from one `explainPod`: the feasible nodes with what they
 * would bind and provision, the failing ones with their first rejecting plugin's reasons and
 * fixes, and — when a PreFilter rejects the pod — every node with the PreFilter's reasons.
 */
function verdictsOf(why: PodExplanation, nodeNames: readonly string[]): PodNodeVerdict[] {
  const out: PodNodeVerdict[] = [];
  for (const n of why.nodes) {
    const bindings = n.bindings.map((b) => ({ claim: b.claim, volume: b.volume }));
    out.push({ node: n.node, feasible: true, reasons: [], bindings, provisions: [...n.provisions], score: n.score });
  }
  for (const f of why.failing) {
    const fixes = f.fixes.length > 0 ? { fixes: [...f.fixes] } : {};
    out.push({ node: f.node, feasible: false, reasons: [...f.reasons], bindings: [], provisions: [], ...fixes });
  }
  if (why.preFilter !== undefined) {
    const reasons = why.preFilter.status.reasons;
    for (const node of nodeNames) out.push({ node, feasible: false, reasons: [...reasons], bindings: [], provisions: [] });
  }
  return out.sort((a, b) => (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
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
 * @throws `LifecycleError` `InvalidInput` when `pod` is not an object or `run` is not an `EngineRun`.
 * @example
 * ```ts
 * const r = podReport(run.input.pods.get("stream/kafka-0")!, run);
 * r.status; // "WillSchedule"
 * ```
 */
export function podReport(pod: Pod, run: EngineRun, opts: SchedulingOptions = {}, node?: string): PodReport {
  if (typeof pod !== "object" || pod === null) throw new LifecycleError("InvalidInput", "pod: Invalid value: expected a Pod");
  checkRun(run);
  opts = opts ?? {};
  const namespace = pod.metadata?.namespace || "default";
  const claims = podClaimNames(pod).map((n) => `${namespace}/${n}`);
  const base = { namespace, name: pod.metadata?.name ?? "", claims };
  if (pod.spec?.nodeName) {
    return extendWith(base, { status: "Scheduled", node: pod.spec.nodeName, reason: `runs on ${pod.spec.nodeName}`, nodes: [] });
  }
  const end = run.cluster.pods.get(podKeyOf(pod)) ?? pod;
  const explain = (): { why: PodExplanation; nodes: PodNodeVerdict[] } => {
    const why = explainPod(end, run.cluster, { ...opts, cache: opts.cache ?? createSchedulingCache() });
    return { why, nodes: verdictsOf(why, [...run.cluster.nodes.keys()]) };
  };
  const placed = end.spec?.nodeName;
  if (placed) {
    // The run placed it: node verdicts only when asked about one node (`--node`).
    const reason = `the scheduler places it on ${placed} with ${volumesText(claims, run)}`;
    const nodes = node === undefined ? [] : explain().nodes.filter((n) => n.node === node);
    return extendWith(base, { status: "WillSchedule", node: placed, reason, nodes });
  }
  const { why, nodes } = explain();
  if (!why.schedulable) {
    const message = why.message ?? "";
    const fixes = why.preFilter?.fixes ?? [];
    const reason = `FailedScheduling: ${message}`;
    return fixes.length > 0
      ? extendWith(base, { status: "Pending", reason, message, fixes, nodes })
      : extendWith(base, { status: "Pending", reason, message, nodes });
  }
  // A node fits, but the run never binds the pod: its claims did not all bind (a provisioner
  // failing, an operation still running).
  const reason = `fits ${why.selected}, but its volumes do not bind: ${volumesText(claims, run)}`;
  return why.selected !== undefined
    ? extendWith(base, { status: "Pending", node: why.selected, reason, nodes })
    : extendWith(base, { status: "Pending", reason, nodes });
}
