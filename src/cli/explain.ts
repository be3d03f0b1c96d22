/**
 * `kubevol explain`: a view of one engine run — the run `simulate` shows — claim by claim: what is
 * bound, what will bind where, what will be provisioned, and why the rest stay Pending or are
 * Lost; every volume as it is in the input and what the run does to it.
 */
import { type Cluster, createCluster } from "../lifecycle/index.js";
import {
  type ClaimReport,
  type ClusterExplanation,
  explainRun,
  type PodNodeVerdict,
  type PodReport,
  runCluster,
  type VolumeReport,
} from "../engine/index.js";
import type { Node } from "../api/index.js";
import { UsageError, type CliOptions } from "./args.js";
import { type InputFinding, inventory, snapshotOf } from "./inventory.js";
import type { LoadedInput, LoadedObject } from "./load.js";
import { renderOutput, type CommandResult } from "./output.js";
import { plural } from "./plural.js";
import { DEFAULT_SIMULATION_TIME } from "./simulate.js";
import { palette, renderTable } from "./table.js";
import { noTimer, type PhaseTimer } from "./timer.js";

/**
 * Run `explain` over loaded objects.
 *
 * @example
 * ```ts
 * const { output, status } = explainCommand(new LoadedInput(loadInputs(["examples/cluster.yaml"], () => "")), opts, () => {});
 * ```
 */
export function explainCommand(
  input: LoadedInput,
  opts: CliOptions,
  progress: (msg: string) => void,
  timer: PhaseTimer = noTimer,
): CommandResult {
  const { e, findings } = explainInput(input, opts, progress, timer);
  const shown = opts.claim === undefined ? e.claims : e.claims.filter((r) => `${r.namespace}/${r.name}` === opts.claim);
  const pods = opts.claim === undefined ? e.pods : e.pods.filter((p) => p.claims.includes(opts.claim!));
  const data = {
    claims: shown,
    pods: pods.map(podJson),
    volumes: e.volumes,
    findings,
    rounds: e.rounds,
    converged: e.converged,
    errors: e.errors,
  };
  return timer.time("rendering", () => renderOutput(opts, data, () => renderText(shown, pods, e, findings, opts)));
}

/**
 * The explanation of the input and its findings. Its own function so that the parsed input (taken
 * from `input`), the inventory, the engine run and the cluster are garbage once no later step
 * needs them: the rendering that follows
 * builds the largest strings of the command, and need not hold them too (peak memory).
 */
function explainInput(
  input: LoadedInput,
  opts: CliOptions,
  progress: (msg: string) => void,
  timer: PhaseTimer,
): { e: ClusterExplanation; findings: readonly InputFinding[] } {
  const { cluster, findings, node } = snapshotInput(input.take(), opts, timer);
  progress("running the controllers…");
  const run = timer.time("engine run", () => runCluster(cluster, { now: opts.now ?? DEFAULT_SIMULATION_TIME }));
  progress("explaining…");
  const e = timer.time("explanations", () =>
    explainRun(run, { ...(opts.claim !== undefined ? { claim: opts.claim } : {}), ...(node !== undefined ? { node } : {}) }),
  );
  return { e, findings };
}

/** The cluster snapshot of the input (the inventory's parsed objects are garbage after: the snapshot holds defaulted copies). */
function snapshotInput(
  objects: readonly LoadedObject[],
  opts: CliOptions,
  timer: PhaseTimer,
): { cluster: Cluster; findings: readonly InputFinding[]; node: { name: string; labels: Record<string, string> } | undefined } {
  const inv = timer.time("inventory (schemas)", () => inventory(objects));
  const cluster = timer.time("snapshot", () => createCluster(snapshotOf(inv)));
  if (opts.claim !== undefined && !cluster.claims.has(opts.claim)) throw new UsageError(`claim ${opts.claim} is not in the input`);
  const node = opts.node === undefined ? undefined : nodeView(inv.nodes, opts.node);
  return { cluster, findings: inv.findings, node };
}

/** The scheduler's view of a node: the node of the input, or one with only its hostname label. */
function nodeView(nodes: readonly Node[], name: string): { name: string; labels: Record<string, string> } {
  const node = nodes.find((n) => n.metadata?.name === name);
  return { name, labels: node?.metadata?.labels ?? { "kubernetes.io/hostname": name } };
}

/** A pod in `-o json`: `message` is the FailedScheduling text of a pod that fits nowhere. */
function podJson(r: PodReport) {
  return {
    namespace: r.namespace,
    name: r.name,
    status: r.status,
    ...(r.node !== undefined ? { node: r.node } : {}),
    claims: r.claims,
    reason: r.reason,
    ...(r.message !== undefined ? { message: r.message } : {}),
    ...(r.fixes !== undefined ? { fixes: r.fixes } : {}),
    nodes: r.nodes,
  };
}

/** The pods table, and for each Pending pod the scheduler's message and every node's verdict. */
function renderPods(pods: readonly PodReport[], opts: CliOptions): string[] {
  if (pods.length === 0) return [];
  const p = palette(opts.color);
  const colour = (s: PodReport["status"]) => (s === "Pending" ? p.yellow(s) : p.green(s));
  const rows = pods.map((r) => [
    r.namespace,
    r.name,
    colour(r.status),
    r.node ?? "-",
    r.claims.join(","),
    r.status === "Pending" ? r.reason : p.dim(r.reason),
  ]);
  const lines = ["", renderTable(["namespace", "pod", "status", "node", "claims", "reason"], rows)];
  for (const r of pods) {
    if (r.nodes.length === 0) continue;
    lines.push("", p.bold(`Pod ${r.namespace}/${r.name} ${r.status === "Pending" ? "is Pending" : `on ${r.node}`}:`));
    if (r.message !== undefined) lines.push(`  ${r.message}`);
    for (const f of r.fixes ?? []) lines.push(`  To fix: ${f}`);
    const fits = r.nodes.filter((n) => n.feasible);
    for (const n of fits.slice(0, NODES_SHOWN)) lines.push(`  ${n.node}: fits${nodeVolumes(n)}`);
    for (const n of r.nodes.filter((x) => !x.feasible).slice(0, NODES_SHOWN)) {
      lines.push(`  ${n.node}: ${n.reasons.join("; ")}`);
      // A PreFilter's fixes are the pod's own (above), not a node's.
      for (const f of r.fixes === undefined ? (n.fixes ?? []) : []) lines.push(p.dim(`    to fix: ${f}`));
    }
    const hidden = Math.max(0, fits.length - NODES_SHOWN) + Math.max(0, r.nodes.length - fits.length - NODES_SHOWN);
    if (hidden > 0) lines.push(p.dim(`  (and ${plural(hidden, "more node")}; -o json lists every node)`));
  }
  return lines;
}

const NODES_SHOWN = 10;

function nodeVolumes(n: PodNodeVerdict): string {
  const parts = [...n.bindings.map((b) => `${b.claim} → ${b.volume}`), ...n.provisions.map((c) => `${c} provisioned`)];
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}

function renderText(
  reports: readonly ClaimReport[],
  pods: readonly PodReport[],
  e: ClusterExplanation,
  findings: readonly InputFinding[],
  opts: CliOptions,
): string[] {
  const p = palette(opts.color);
  const colour = (s: ClaimReport["status"]) =>
    s === "Bound" || s === "WillBind" || s === "WillProvision" ? p.green(s) : s === "Lost" ? p.red(s) : p.yellow(s);
  const lines: string[] = [];
  if (reports.length === 0) lines.push("No claims in the input.");
  else {
    const wide = opts.output === "wide";
    const headers = wide
      ? ["namespace", "name", "status", "volume", "request", "class", "access modes", "reason"]
      : ["namespace", "name", "status", "volume", "request", "class", "reason"];
    const rows = reports.map((r) => {
      const cells = [r.namespace, r.name, colour(r.status), r.volume ?? "-", r.request || "-", r.class === "" ? '""' : r.class];
      if (wide) cells.push(r.accessModes.join(",") || "-");
      cells.push(r.status === "Pending" || r.status === "Lost" ? r.reason : p.dim(r.reason));
      return cells;
    });
    lines.push(renderTable(headers, rows));
  }
  for (const l of renderPods(pods, opts)) lines.push(l);
  for (const r of reports) {
    if (r.status !== "Pending" || r.explanation === undefined) continue;
    lines.push("", p.bold(`${r.namespace}/${r.name} is Pending:`));
    const x = r.explanation;
    if (r.reason !== x.headline) lines.push(`  ${r.reason}`);
    // The library's note about `maxVolumes` becomes the CLI's own hint.
    for (const s of x.summary) if (!s.endsWith("(maxVolumes).")) lines.push(`  ${s}`);
    const total = x.volumes.length + x.volumesOmitted;
    if (opts.claim !== undefined) {
      if (x.volumes.length > 0) lines.push("", indent(volumeTable(x.volumes)));
    } else if (x.volumesOmitted > 0) {
      lines.push(
        p.dim(`  (kubevol explain --claim ${r.namespace}/${r.name} lists ${total === 1 ? "the volume" : `all ${total} volumes`})`),
      );
    }
  }
  if (opts.claim !== undefined) {
    const r = reports[0];
    if (r !== undefined && r.path.events.length > 0) {
      lines.push("", p.bold("Events of the run:"));
      for (const ev of r.path.events) lines.push(`  ${ev.type} ${ev.reason}: ${ev.message}`);
    }
  }
  const changed = e.volumes.filter((v) => v.note !== undefined);
  if (opts.claim === undefined && changed.length > 0) {
    lines.push("", p.bold("Volumes the run changes:"));
    lines.push(
      indent(
        renderTable(
          ["name", "phase", "claim", "after the run"],
          changed.map((v) => volumeRow(v)),
        ),
      ),
    );
  }
  if (findings.length > 0) {
    lines.push("", p.bold(`${plural(findings.length, "object")} could not be used:`));
    for (const f of findings) lines.push(p.red(`  ${f.file}:${f.line}: ${f.kind} ${f.name || "(unnamed)"}: ${f.message}`));
  }
  for (const err of e.errors) lines.push(p.red(`error: ${err}`));
  if (reports.length > 0) {
    const counts = new Map<string, number>(["Bound", "WillBind", "WillProvision", "Pending", "Lost"].map((s) => [s, 0]));
    for (const r of reports) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
    for (const [s, n] of counts) if (n === 0) counts.delete(s);
    lines.push("", `${plural(reports.length, "claim")}: ${[...counts].map(([s, n]) => `${n} ${s}`).join(", ")}.`);
  }
  if (pods.length > 0) {
    const counts = new Map<string, number>();
    for (const r of pods) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
    lines.push(`${plural(pods.length, "pod")} using claims: ${[...counts].map(([s, n]) => `${n} ${s}`).join(", ")}.`);
  }
  return lines;
}

function volumeRow(v: VolumeReport): string[] {
  return [v.name, v.phase, v.claim ?? "-", v.note ?? ""];
}

function volumeTable(volumes: NonNullable<ClaimReport["explanation"]>["volumes"]): string {
  return renderTable(
    ["volume", "capacity", "class", "modes", "phase", "verdict", "why"],
    volumes.map((v) => [v.name, v.capacity, v.class === "" ? '""' : v.class, v.accessModes || '""', v.phase || "-", v.status, v.message]),
  );
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((l) => `  ${l}`)
    .join("\n");
}
