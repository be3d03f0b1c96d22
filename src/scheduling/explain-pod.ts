/**
 * `explainPod`: why a pod is Pending as far as its volumes go, the scheduler's FailedScheduling
 * text, where it would fit, and what would make each other node work.
 *
 * @module
 */
import { claimClass, claimKey } from "../api/helpers/index.js";
import type { Node, PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from "../api/index.js";
import type { Cluster } from "../lifecycle/index.js";
import { PoolExplainer } from "../matching/index.js";
import type { NodeFilterResult, VolumePluginName } from "./filter-nodes.js";
import { checkOptions, type SchedulingOptions } from "./options.js";
import { type NodeEvaluation, PodVolumePlugins } from "./pod-volume-plugins.js";
import { isClaimFullyBound } from "./pod-volume-claims.js";
import { checkPod, checkSnapshot, lookupClaim, podClaimVolumes, podKey, podNamespace } from "./snapshot.js";
import { isPassing, type PluginStatus, SchedulingReasons as R } from "./status.js";
import type { VolumeBinding } from "./volume-binding.js";
import { volumesByClass } from "./static-matcher.js";
import { str } from "../labels/strings.js";

/**
 * One claim of the pod as the volume plugins see it: `bound` (to `volume`), `waiting` (an unbound
 * WaitForFirstConsumer claim: on the selected node it gets `volume` statically or is provisioned,
 * `provision: true`), `unbound` (an Immediate claim the PV controller has not bound yet, or a
 * pre-bound one), `missing`.
 *
 * @example
 * ```ts
 * const c: PodClaimExplanation = { claim: "shop/data-db-0", state: "waiting", node: "node-2", volume: "local-pv-7" };
 * ```
 */
export interface PodClaimExplanation {
  readonly claim: string;
  readonly state: "bound" | "waiting" | "unbound" | "missing";
  readonly volume?: string;
  readonly node?: string;
  readonly provision?: boolean;
}

/**
 * A node where the pod fails, the first plugin that rejects it (what the scheduler reports), every
 * plugin status, and what would make the node work.
 *
 * @example
 * ```ts
 * const f: FailingNode = { node: "node-1", plugin: "VolumeBinding", reasons: ["node(s) had volume node affinity conflict"],
 *   statuses: filterNodes(pod, cluster)[0]!.statuses, fixes: ["claim shop/data is bound to pv-3, whose node affinity excludes node-1 (…)"] };
 * ```
 */
export interface FailingNode {
  readonly node: string;
  readonly plugin: VolumePluginName;
  readonly reasons: readonly string[];
  readonly statuses: Readonly<Record<VolumePluginName, PluginStatus>>;
  readonly fixes: readonly string[];
}

/**
 * The answer of {@link explainPod}.
 *
 * - `message`: the FailedScheduling event text when no node fits (`0/5 nodes are available: …`;
 *   when a plugin returns an error instead, the error: `running PreFilter plugin "VolumeBinding": …`,
 *   `running "VolumeBinding" filter plugin: …` for the first such node by name), else undefined.
 * - `preFilter`: a PreFilter failure (the same for every node) with what would fix it.
 * - `nodes`: the nodes where the pod fits, best first (score, then name), with the bindings and
 *   provisions VolumeBinding would make; `selected` is the first (what `selectNodeForPod` picks).
 * - `failing`: every other node, by name, with its obstacles and fixes.
 * - `claims`: each claim of the pod (in `spec.volumes` order) and what it gets on `selected`.
 *
 * @example
 * ```ts
 * const e: PodExplanation = explainPod(pod, cluster);
 * console.log(e.message ?? `fits on ${e.selected}`);
 * ```
 */
export interface PodExplanation {
  readonly pod: string;
  readonly nodeName: string | undefined;
  readonly schedulable: boolean;
  readonly message: string | undefined;
  readonly selected: string | undefined;
  readonly preFilter?: { readonly plugin: VolumePluginName; readonly status: PluginStatus; readonly fixes: readonly string[] };
  readonly nodes: readonly {
    readonly node: string;
    readonly score: number;
    readonly bindings: readonly VolumeBinding[];
    readonly provisions: readonly string[];
  }[];
  readonly failing: readonly FailingNode[];
  readonly claims: readonly PodClaimExplanation[];
}

function requestText(c: PersistentVolumeClaim): string {
  const r: unknown = c.spec?.resources?.requests?.storage;
  return typeof r === "string" ? r : r == null ? "0" : String(r);
}

const PLUGINS: readonly VolumePluginName[] = ["VolumeRestrictions", "NodeVolumeLimits", "VolumeBinding", "VolumeZone"];

/** Fixes of a PreFilter failure, from its reason. */
function preFilterFixes(plugins: PodVolumePlugins, status: PluginStatus): string[] {
  const { pod, cluster } = plugins;
  const ns = podNamespace(pod);
  const out: string[] = [];
  for (const r of status.reasons) {
    let m: RegExpMatchArray | null;
    if (r === R.UnboundImmediate) {
      for (const c of plugins.binding.claims?.immediate ?? []) {
        const vn = str(c.spec?.volumeName);
        out.push(
          vn !== ""
            ? `claim ${claimKey(c)} names volume ${vn} but is not bound yet: the PV controller must bind it first (see kubevol explain for the claim)`
            : `claim ${claimKey(c)} (class ${JSON.stringify(claimClass(c))}, Immediate binding) is not bound yet: the PV controller must bind or provision it before the pod can be scheduled`,
        );
      }
      if (out.length === 0) {
        for (const v of podClaimVolumes(pod)) {
          const c = lookupClaim(cluster, ns, v.claimName);
          if (c !== undefined && !isClaimFullyBound(c)) out.push(`claim ${claimKey(c)} must be bound before the pod can be scheduled`);
        }
      }
    } else if ((m = r.match(/^persistentvolumeclaim "(.*)" not found$/)) !== null) out.push(`create PersistentVolumeClaim ${ns}/${m[1]}`);
    else if ((m = r.match(/^waiting for ephemeral volume controller to create the persistentvolumeclaim "(.*)"$/)) !== null) {
      out.push(`the ephemeral volume controller creates claim ${ns}/${m[1]} from the pod's volumeClaimTemplate; wait for it`);
    } else if ((m = r.match(/bound to non-existent persistentvolume "(.*)"$/)) !== null)
      out.push(`the claim is Lost: restore volume ${m[1]} or recreate the claim`);
    else if (r.endsWith("is being deleted")) out.push("the claim is being deleted: recreate it once it is gone, or remove the deletion");
    else if (r.includes("(pod is not owner)"))
      out.push("a claim with the ephemeral volume's name exists but was not created for this pod: delete or rename it");
    else if (r.startsWith("VolumeBindingMode not set"))
      out.push("set volumeBindingMode on the StorageClass (the API server defaults it to Immediate)");
    else out.push(`fix: ${r}`);
  }
  return out;
}

/** What would make a failing node work, plugin by plugin. */
/**
 * How many failing nodes get `explainClaim`'s verdict (headline and closest volume) for a claim
 * that found no volume; the others get the short form. Explaining a claim reads every volume of its
 * class, so this bounds an explanation over thousands of nodes.
 */
const DETAILED_NODES = 20;

/** Per call: the class pools (decoded once) and the detail budget. */
class ExplainContext {
  detailed = DETAILED_NODES;
  private byClass: Map<string, PersistentVolume[]> | undefined;
  private readonly explainers = new Map<string, PoolExplainer>();
  readonly classes: StorageClass[];

  constructor(private readonly cluster: Cluster) {
    this.classes = [...cluster.classes.values()] as StorageClass[];
  }

  explainer(cls: string): PoolExplainer {
    let x = this.explainers.get(cls);
    if (x === undefined) {
      this.byClass ??= volumesByClass(this.cluster);
      this.explainers.set(cls, (x = new PoolExplainer(this.byClass.get(cls) ?? [])));
    }
    return x;
  }
}

function nodeFixes(
  plugins: PodVolumePlugins,
  node: Node,
  e: NodeEvaluation,
  feasibleNodes: readonly string[],
  ctx: ExplainContext,
): string[] {
  const name = str(node.metadata?.name);
  const fixes: string[] = [];
  const st = e.result.statuses;
  if (!isPassing(st.VolumeRestrictions)) {
    const o = plugins.restrictions.obstacles(node);
    for (const d of o.disk)
      fixes.push(
        `pod ${d.pod} on ${name} already mounts the disk of volume ${JSON.stringify(d.volume)} read-write: only one pod per node may, unless all mount it read-only`,
      );
    for (const c of o.readWriteOncePod)
      fixes.push(
        `claim ${c.claim} is ReadWriteOncePod and in use by ${c.pods.join(", ")}: delete that pod first (preemption could evict it)`,
      );
  }
  if (!isPassing(st.NodeVolumeLimits)) {
    for (const o of plugins.limits.usage(node).over) {
      fixes.push(
        `${name} has ${o.attached} ${o.driver} volume(s) attached and the pod needs ${o.requested} more; the limit is ${o.limit}: detach volumes from ${name} or use another node`,
      );
    }
    if (fixes.length === 0 && st.NodeVolumeLimits.code !== "Unschedulable") fixes.push(...st.NodeVolumeLimits.reasons);
  }
  if (!isPassing(st.VolumeBinding)) fixes.push(...bindingFixes(plugins, node, e, feasibleNodes, ctx));
  if (!isPassing(st.VolumeZone)) {
    const m = plugins.zone.mismatch(node);
    if (m !== undefined) {
      fixes.push(
        `volume ${m.pv} is in ${m.key}=${m.values.join("__")}, ${name} has ${m.nodeValue === undefined ? "no such label" : `${m.key}=${m.nodeValue}`}: run the pod in the volume's ${m.key.endsWith("region") ? "region" : "zone"}`,
      );
    } else fixes.push(...st.VolumeZone.reasons);
  }
  return fixes;
}

function bindingFixes(
  plugins: PodVolumePlugins,
  node: Node,
  e: NodeEvaluation,
  feasibleNodes: readonly string[],
  ctx: ExplainContext,
): string[] {
  const plan = plugins.binding;
  const name = str(node.metadata?.name);
  const out: string[] = [];
  const st = e.volumes.status;
  if (st.code === "Error") return [`the scheduler reports an error: ${st.reasons.join("; ")}`];
  const bound = plan.boundFailure(node);
  if (bound !== undefined) {
    if (bound.kind === "missing")
      out.push(
        `claim ${claimKey(bound.claim)} is bound to volume ${bound.volumeName}, which does not exist: restore the volume or recreate the claim`,
      );
    else {
      const where =
        feasibleNodes.length > 0
          ? ` (the pod fits on ${feasibleNodes.slice(0, 3).join(", ")}${feasibleNodes.length > 3 ? ", …" : ""})`
          : "";
      out.push(
        `claim ${claimKey(bound.claim)} is bound to volume ${bound.volumeName}, whose node affinity excludes ${name} (${bound.error}): the pod can only run where that volume is reachable${where}`,
      );
    }
  }
  if (!st.reasons.includes(R.BindConflict) && !st.reasons.includes(R.NotEnoughSpace)) return out;
  for (const c of plan.withSelectedNode) {
    const sel = str(c.metadata?.annotations?.["volume.kubernetes.io/selected-node"]);
    if (sel !== name) {
      out.push(
        `claim ${claimKey(c)} is being provisioned for node ${sel} (volume.kubernetes.io/selected-node): the pod can only run there`,
      );
      return out;
    }
  }
  const toMatch = "error" in plan.toMatch ? [] : plan.toMatch;
  const boundClaims = new Set(e.volumes.staticBindings.map((b) => b.claim));
  const excluded = new Set<string>();
  for (const c of toMatch) {
    const b = e.volumes.staticBindings.find((x) => x.claim === c);
    if (b !== undefined) {
      excluded.add(str(b.volume.metadata?.name));
      continue;
    }
    if (boundClaims.has(c)) continue;
    const d = plan.provisioning.diagnose(c, node);
    if (d.code === "ok") continue;
    let staticPart = `no volume of class ${JSON.stringify(claimClass(c))} fits on ${name}`;
    let hint = "";
    if (ctx.detailed > 0) {
      const x = ctx
        .explainer(claimClass(c))
        .explain(c, { node, excluded, delayBinding: true, mode: "scheduler", classes: ctx.classes, maxVolumes: 3 });
      staticPart += ` (${x.headline})`;
      const closest = x.closest[0];
      if (closest !== undefined && closest.fixes.length > 0) hint = `; closest: ${closest.volume} — ${closest.fixes.join("; ")}`;
    }
    out.push(`claim ${claimKey(c)} (${requestText(c)}): ${staticPart}${hint}, and ${provisionText(d, name, c)}`);
  }
  for (const c of plan.withSelectedNode) {
    const d = plan.provisioning.diagnose(c, node);
    if (d.code !== "ok")
      out.push(`claim ${claimKey(c)} (${requestText(c)}) is to be provisioned on ${name}, but ${provisionText(d, name, c)}`);
  }
  return out;
}

function provisionText(
  d: ReturnType<PodVolumePlugins["binding"]["provisioning"]["diagnose"]>,
  node: string,
  c: PersistentVolumeClaim,
): string {
  switch (d.code) {
    case "no-provisioner":
      return `class ${JSON.stringify(d.className)} cannot provision (${d.provisioner === "" ? "no provisioner" : d.provisioner}): create a matching PersistentVolume reachable from ${node}`;
    case "topology":
      return `${node} is outside the allowedTopologies of class ${JSON.stringify(d.className)}: run the pod in an allowed topology or widen allowedTopologies`;
    case "capacity":
      return `no CSIStorageCapacity of class ${JSON.stringify(d.className)} for ${node} has room for ${requestText(c)} (${d.provisioner} tracks capacity): free space or use another node`;
    case "error":
      return `the scheduler reports an error: ${d.message}`;
    default:
      return "it can be provisioned";
  }
}

/**
 * Explains a pod the way `kubectl describe pod` would if it knew the volume plugins' reasons: the
 * FailedScheduling message exactly as kube-scheduler writes it (see `failedSchedulingMessage`; no
 * PostFilter suffix), the nodes where the pod fits (with the static bindings and provisions
 * VolumeBinding would make), and for each other node the first plugin rejecting it (in
 * kube-scheduler's Filter order: VolumeRestrictions, NodeVolumeLimits, VolumeBinding, VolumeZone),
 * every plugin's status, and what would make the node work — the claim, volume, class or pod
 * in the way and how to change it (for an unmatched claim, `explainClaim`'s verdict on the node —
 * for the first 20 failing nodes by name; later ones get the short form, so an explanation over
 * thousands of nodes stays fast).
 * Only the volume plugins are modelled: a node may still be rejected by resources, taints or
 * affinity. A pod with `spec.nodeName` is explained the same way (the scheduler would not run for
 * it; `nodeName` is reported).
 *
 * Determinism: as `filterNodes` and `selectNodeForPod`; fixes follow the pod's claim order.
 *
 * @throws {@link SchedulingError} when an argument has the wrong type.
 * @example
 * ```ts
 * const e = explainPod(pod, cluster);
 * e.message; // "0/5 nodes are available: 2 node(s) didn't find available persistent volumes to bind, 3 node(s) had volume node affinity conflict."
 * e.failing[0]?.fixes; // ["claim shop/data is bound to volume pv-3, whose node affinity excludes node-1 (…)"]
 * ```
 */
export function explainPod(pod: Pod, cluster: Cluster, opts?: SchedulingOptions): PodExplanation {
  checkPod(pod);
  checkSnapshot(cluster);
  checkOptions(opts);
  const plugins = new PodVolumePlugins(pod, cluster, opts, "indexed");
  const nodes = [...cluster.nodes.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((k) => cluster.nodes.get(k)!);
  const evals = nodes.filter((n) => typeof n === "object" && n !== null).map((n) => ({ node: n, e: plugins.evaluate(n) }));
  const feasible = evals.filter((x) => x.e.result.feasible).map((x) => x.e.result);
  feasible.sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
  const feasibleNames = feasible.map((r) => r.node);
  const pre = plugins.preFilterFailure();
  const failing: FailingNode[] = [];
  const ctx = new ExplainContext(cluster);
  if (pre === undefined) {
    for (const { node, e } of evals) {
      if (e.result.feasible) continue;
      if (failing.length === DETAILED_NODES) ctx.detailed = 0;
      const plugin = PLUGINS.find((p) => !isPassing(e.result.statuses[p]))!;
      failing.push({
        node: e.result.node,
        plugin,
        reasons: e.result.reasons,
        statuses: e.result.statuses,
        fixes: nodeFixes(plugins, node, e, feasibleNames, ctx),
      });
    }
  }
  const selected: NodeFilterResult | undefined = feasible[0];
  const message = selected === undefined ? plugins.failureMessage(evals.map((x) => x.e.result)) : undefined;
  const selectedEval = selected === undefined ? undefined : evals.find((x) => x.e.result.node === selected.node)?.e;
  const ns = podNamespace(pod);
  const claims: PodClaimExplanation[] = podClaimVolumes(pod).map((v) => {
    const c = lookupClaim(cluster, ns, v.claimName);
    const key = `${ns}/${v.claimName}`;
    if (c === undefined) return { claim: key, state: "missing" };
    if (isClaimFullyBound(c)) return { claim: key, state: "bound", volume: str(c.spec?.volumeName) };
    if (!(plugins.binding.claims?.delayed ?? []).includes(c)) return { claim: key, state: "unbound" };
    if (selectedEval === undefined) return { claim: key, state: "waiting" };
    const b = selectedEval.volumes.staticBindings.find((x) => x.claim === c);
    if (b !== undefined) return { claim: key, state: "waiting", node: selected!.node, volume: str(b.volume.metadata?.name) };
    return { claim: key, state: "waiting", node: selected!.node, provision: true };
  });
  return {
    pod: podKey(pod),
    nodeName: str(pod.spec?.nodeName) || undefined,
    schedulable: selected !== undefined,
    message,
    selected: selected?.node,
    ...(pre !== undefined ? { preFilter: { plugin: pre.plugin, status: pre.status, fixes: preFilterFixes(plugins, pre.status) } } : {}),
    nodes: feasible.map((r) => ({ node: r.node, score: r.score ?? 0, bindings: r.bindings, provisions: r.provisions })),
    failing,
    claims,
  };
}
