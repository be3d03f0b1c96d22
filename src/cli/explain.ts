/**
 * `kubevol explain`: for every claim, what it is bound to or would bind to now, and for the rest
 * why they are Pending.
 *
 * Claims that are not bound yet are matched one after another, as the PV controller would process
 * them: oldest first (creationTimestamp, then namespace/name). A volume taken by an earlier claim
 * is no longer available to later ones, so two claims never "would bind" the same volume.
 */
import {
  claimClass,
  claimKey,
  claimRequest,
  volumeClass,
  type Node,
  type PersistentVolume,
  type PersistentVolumeClaim,
  type StorageClass,
} from "../api/index.js";
import { explainClaim, VolumeIndex, type ClaimExplanation } from "../matching/index.js";
import { UsageError, type CliOptions } from "./args.js";
import { inventory } from "./inventory.js";
import type { LoadedObject } from "./load.js";
import { renderOutput, type CommandResult } from "./output.js";
import { palette, renderTable } from "./table.js";

/** How many volumes beyond the match, the pre-bound and the closest ones each Pending claim's explanation lists (all of them with `--claim`). */
export const MAX_LISTED_VOLUMES = 0;

/** What `explain` says about one claim. */
export interface ClaimReport {
  namespace: string;
  name: string;
  /** `Bound`: already bound; `WillBind`: the controller would bind it now; `Pending`: it waits. */
  status: "Bound" | "WillBind" | "Pending" | "Lost";
  /** The volume it is bound to or would bind to. */
  volume?: string;
  request: string;
  class: string;
  /** One line: why it binds there, or why it waits. */
  reason: string;
  /** The matcher's full explanation (absent for claims already bound). */
  explanation?: ClaimExplanation;
}

/**
 * Run `explain` over loaded objects.
 *
 * @example
 * ```ts
 * const { output, status } = explainCommand(loadInputs(["examples/cluster.yaml"], () => ""), opts, () => {});
 * ```
 */
export function explainCommand(objects: readonly LoadedObject[], opts: CliOptions, progress: (msg: string) => void): CommandResult {
  const inv = inventory(objects);
  const node = opts.node === undefined ? undefined : findNode(inv.nodes, opts.node);
  let claims = [...inv.claims].sort(claimOrder);
  if (opts.claim !== undefined) {
    claims = claims.filter((c) => claimKey(c) === opts.claim);
    if (claims.length === 0) throw new UsageError(`claim ${opts.claim} is not in the input`);
  }
  const reports = explainClaims(inv.volumes, inv.claims, inv.classes, node, progress, opts.claim);
  const shown = opts.claim === undefined ? reports : reports.filter((r) => `${r.namespace}/${r.name}` === opts.claim);
  return renderOutput(opts, { claims: shown }, () => renderText(shown, opts));
}

/**
 * Explain every claim. Two passes:
 *
 * 1. In controller order (oldest first), each unbound claim takes the volume the `VolumeIndex`
 *    finds for it (microseconds), so later claims never see it.
 * 2. Every claim still Pending is explained against the pool as it stands once everyone has taken
 *    their volume — which is why it will stay Pending — grouped by class so that consecutive
 *    explanations share one pool (explainClaim caches its decoding per pool). A claim is explained
 *    against the volumes of its own class, or against all volumes when its class has none (then
 *    the explanation says which other classes come closest).
 *
 * `only` (namespace/name) limits the detailed explanation to one claim, with every volume's
 * verdict; earlier claims still take their volumes first.
 *
 * @example
 * ```ts
 * const reports = explainClaims(volumes, claims, classes, undefined, () => {});
 * reports.filter((r) => r.status === "Pending").map((r) => r.reason);
 * ```
 */
export function explainClaims(
  volumes: readonly PersistentVolume[],
  claims: readonly PersistentVolumeClaim[],
  classes: readonly StorageClass[],
  node: Node | undefined,
  progress: (msg: string) => void,
  only?: string,
): ClaimReport[] {
  const index = new VolumeIndex(volumes);
  const classByName = new Map(classes.map((c) => [c.metadata?.name ?? "", c]));
  const nodeLike = node === undefined ? undefined : { name: node.metadata?.name ?? "", labels: node.metadata?.labels ?? {} };
  const ordered = [...claims].sort(claimOrder);
  const reports: ClaimReport[] = [];
  const pending: { claim: PersistentVolumeClaim; report: ClaimReport; delayBinding: boolean }[] = [];
  const explainOptions = (claim: PersistentVolumeClaim, delayBinding: boolean) => ({
    classes,
    delayBinding,
    // Every volume's verdict for every Pending claim would be O(claims × volumes) in memory: list
    // the closest few unless the user asked about this one claim.
    ...(only === claimKey(claim) ? {} : { maxVolumes: MAX_LISTED_VOLUMES }),
    ...(nodeLike ? { node: nodeLike, mode: "scheduler" as const } : {}),
  });
  ordered.forEach((claim, i) => {
    if (i % 1000 === 0 && ordered.length > 1000) progress(`matching claims: ${i}/${ordered.length}`);
    const base = {
      namespace: claim.metadata?.namespace ?? "default",
      name: claim.metadata?.name ?? "",
      request: requestText(claim),
      class: claimClass(claim),
    };
    const phase = claim.status?.phase;
    if ((phase === "Bound" || phase === "Lost") && claim.spec?.volumeName) {
      reports.push({
        ...base,
        status: phase,
        volume: claim.spec.volumeName,
        reason: phase === "Bound" ? "bound" : "its volume is gone (Lost)",
      });
      return;
    }
    const delayBinding = classByName.get(base.class)?.volumeBindingMode === "WaitForFirstConsumer";
    if (claim.spec?.volumeName) {
      // The PV controller does not search for these: it checks the named volume (rare; explain now).
      const explanation = explainClaim(claim, [...index], explainOptions(claim, delayBinding));
      const target = willBindTo(explanation);
      if (target !== undefined) {
        const pv = index.get(target);
        if (pv) index.upsert(takenBy(pv, claim));
      }
      const report: ClaimReport = {
        ...base,
        status: target === undefined ? "Pending" : "WillBind",
        reason: reasonLine(explanation, target),
      };
      if (target !== undefined) report.volume = target;
      if (only === undefined || only === claimKey(claim)) report.explanation = explanation;
      reports.push(report);
      return;
    }
    const match = nodeLike
      ? index.findMatchingVolume(claim, { node: nodeLike, delayBinding })
      : index.findBestMatchForClaim(claim, { delayBinding });
    if (match && only !== claimKey(claim)) {
      index.upsert(takenBy(match, claim));
      reports.push({ ...base, status: "WillBind", volume: match.metadata.name, reason: fastReason(match, claim) });
      return;
    }
    if (match) index.upsert(takenBy(match, claim)); // --claim: explained below, with its match
    const report: ClaimReport = { ...base, status: match ? "WillBind" : "Pending", reason: "" };
    if (match) report.volume = match.metadata.name;
    reports.push(report);
    pending.push({ claim, report, delayBinding });
  });
  explainPending(pending, [...index], explainOptions, only, progress);
  return reports;
}

/** Pass 2 of {@link explainClaims}: explanations against the final pool, one class at a time. */
function explainPending(
  pending: readonly { claim: PersistentVolumeClaim; report: ClaimReport; delayBinding: boolean }[],
  pool: readonly PersistentVolume[],
  optionsFor: (claim: PersistentVolumeClaim, delayBinding: boolean) => Parameters<typeof explainClaim>[2],
  only: string | undefined,
  progress: (msg: string) => void,
): void {
  const byClass = new Map<string, PersistentVolume[]>();
  for (const pv of pool) {
    const c = volumeClass(pv);
    let list = byClass.get(c);
    if (!list) byClass.set(c, (list = []));
    list.push(pv);
  }
  const order = [...pending].sort((a, b) => (a.report.class < b.report.class ? -1 : a.report.class > b.report.class ? 1 : 0));
  order.forEach(({ claim, report, delayBinding }, i) => {
    if (i % 500 === 0 && order.length > 500) progress(`explaining Pending claims: ${i}/${order.length}`);
    const candidates = only === claimKey(claim) ? pool : (byClass.get(report.class) ?? pool);
    // With the claim's own match taken (the --claim case), explain against the pool before it.
    const explanation = explainClaim(
      claim,
      report.volume === undefined ? candidates : candidates.map((pv) => (pv.metadata.name === report.volume ? released(pv) : pv)),
      optionsFor(claim, delayBinding),
    );
    report.reason = reasonLine(explanation, willBindTo(explanation));
    if (only === undefined || only === claimKey(claim)) report.explanation = explanation;
  });
}

/** The volume as it was before {@link takenBy} reserved it. */
function released(pv: PersistentVolume): PersistentVolume {
  const { claimRef: _taken, ...spec } = pv.spec;
  return { ...pv, spec, status: { ...pv.status, phase: "Available" } };
}

function fastReason(pv: PersistentVolume, claim: PersistentVolumeClaim): string {
  const ref = pv.spec?.claimRef;
  if (ref && ref.name === claim.metadata?.name && (ref.namespace ?? "") === (claim.metadata?.namespace ?? "default")) {
    return `${pv.metadata.name} is pre-bound to this claim`;
  }
  return `${pv.metadata.name} (${pv.spec?.capacity?.["storage"] ?? "0"}) is the smallest volume that satisfies the claim`;
}

/** The volume the controller would bind: the search's match, or the volume named by `volumeName`. */
function willBindTo(e: ClaimExplanation): string | undefined {
  const byName = e.volumeNameCheck;
  if (byName) return byName.result === "pre-bound" || byName.result === "satisfies" ? byName.volume : undefined;
  return e.outcome === "matched" ? e.match?.volume : undefined;
}

function reasonLine(e: ClaimExplanation, target: string | undefined): string {
  if (target !== undefined && e.match) return e.match.message;
  if (target !== undefined) return e.volumeNameCheck?.message ?? `spec.volumeName names ${target}`;
  return e.headline;
}

/** The volume as it would be once the controller has reserved it for the claim. */
function takenBy(pv: PersistentVolume, claim: PersistentVolumeClaim): PersistentVolume {
  return {
    ...pv,
    spec: {
      ...pv.spec,
      claimRef: {
        kind: "PersistentVolumeClaim",
        apiVersion: "v1",
        namespace: claim.metadata?.namespace ?? "default",
        name: claim.metadata?.name ?? "",
        ...(claim.metadata?.uid ? { uid: claim.metadata.uid } : {}),
      },
    },
    status: { ...pv.status, phase: "Bound" },
  };
}

function requestText(claim: PersistentVolumeClaim): string {
  const raw = claim.spec?.resources?.requests?.["storage"];
  if (raw === undefined) return "";
  try {
    return claimRequest(claim).toString();
  } catch {
    return String(raw);
  }
}

function findNode(nodes: readonly Node[], name: string): Node {
  const node = nodes.find((n) => n.metadata?.name === name);
  if (node) return node;
  // A node not in the input: the scheduler's view with only its hostname label.
  return { apiVersion: "v1", kind: "Node", metadata: { name, labels: { "kubernetes.io/hostname": name } } };
}

function timeOf(claim: PersistentVolumeClaim): number {
  const t = claim.metadata?.creationTimestamp;
  const ms = t instanceof Date ? t.getTime() : typeof t === "string" ? Date.parse(t) : NaN;
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
}

function claimOrder(a: PersistentVolumeClaim, b: PersistentVolumeClaim): number {
  const ta = timeOf(a);
  const tb = timeOf(b);
  if (ta !== tb) return ta < tb ? -1 : 1;
  const ka = claimKey(a);
  const kb = claimKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function renderText(reports: readonly ClaimReport[], opts: CliOptions): string {
  const p = palette(opts.color);
  const colour = (s: ClaimReport["status"]) =>
    s === "Bound" ? p.green(s) : s === "WillBind" ? p.green(s) : s === "Lost" ? p.red(s) : p.yellow(s);
  if (reports.length === 0) return "No claims in the input.";
  const wide = opts.output === "wide";
  const headers = wide
    ? ["namespace", "name", "status", "volume", "request", "class", "access modes", "reason"]
    : ["namespace", "name", "status", "volume", "request", "class", "reason"];
  const rows = reports.map((r) => {
    const cells = [r.namespace, r.name, colour(r.status), r.volume ?? "-", r.request || "-", r.class === "" ? '""' : r.class];
    if (wide) cells.push(r.explanation?.claim.accessModes.join(",") ?? "-");
    cells.push(r.status === "Pending" ? r.reason : p.dim(r.reason));
    return cells;
  });
  const lines = [renderTable(headers, rows)];
  const pending = reports.filter((r) => r.status === "Pending" && r.explanation);
  for (const r of pending) {
    lines.push("", p.bold(`${r.namespace}/${r.name} is Pending:`));
    const e = r.explanation!;
    // The library's note about `maxVolumes` becomes the CLI's own hint.
    for (const s of e.summary) if (!s.endsWith("(maxVolumes).")) lines.push(`  ${s}`);
    if (e.volumesOmitted > 0)
      lines.push(p.dim(`  (kubevol explain --claim ${r.namespace}/${r.name} lists all ${e.volumes.length + e.volumesOmitted} volumes)`));
  }
  const counts = countBy(reports.map((r) => r.status));
  lines.push("", `${reports.length} claims: ${[...counts].map(([s, n]) => `${n} ${s}`).join(", ")}.`);
  return lines.join("\n");
}

function countBy(values: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}
