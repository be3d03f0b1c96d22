/**
 * The VolumeBinding plugin's PreFilter and Filter (kubernetes/kubernetes
 * `pkg/scheduler/framework/plugins/volumebinding/volume_binding.go`, `binder.go`
 * `FindPodVolumes`), as a plan made once per pod and evaluated per node.
 *
 * @module
 */
import { AnnSelectedNode } from "../api/constants/index.js";
import { claimKey, claimRequest } from "../api/helpers/index.js";
import type { Node, PersistentVolume, PersistentVolumeClaim, Pod } from "../api/index.js";
import { compileNodeSelector, nodeAffinityError, type NodeSelectorMatcher } from "../labels/index.js";
import type { Cluster } from "../lifecycle/index.js";
import { translatePVForNode } from "./csi-migration.js";
import type { SchedulingOptions } from "./options.js";
import { type PodVolumeClaims, podHasClaims, podVolumeClaims } from "./pod-volume-claims.js";
import { type DynamicProvision, ProvisioningChecks } from "./provisioning-checks.js";
import { nodeLabels, storageObjects } from "./snapshot.js";
import type { StaticMatcher } from "./static-matcher.js";
import { type PluginStatus, SchedulingReasons, status } from "./status.js";
import { str } from "../labels/strings.js";

/**
 * One static binding the Filter chose: the claim (`namespace/name`) and the volume's name.
 *
 * @example
 * ```ts
 * const b: VolumeBinding = { claim: "default/data", volume: "pv-local-1" };
 * ```
 */
export interface VolumeBinding {
  readonly claim: string;
  readonly volume: string;
}

/**
 * The VolumeBinding Filter's answer for one node.
 *
 * - `status`: `Success`, `Skip` (the pod has no claims), the PreFilter's failure (same on every
 *   node), `UnschedulableAndUnresolvable` with the reasons, or `Error`.
 * - `feasible`: the status lets the node pass.
 * - `reasons`: the status's reasons (Filter: in Kubernetes' order — node affinity conflict, bind
 *   conflict, not enough storage, bound to non-existent volume).
 * - `bindings`: claim → static volume (claims sorted by request, ties in `spec.volumes` order);
 *   `provisions`: claims to provision on the node (`namespace/name`), claims with
 *   `selected-node` first, then the static misses. Both as Kubernetes computed them, also when the
 *   node fails (a failed provisioning check leaves `provisions` empty; the `selected-node` fast
 *   path leaves both empty).
 *
 * @example
 * ```ts
 * const r: NodeVolumes = { status: { code: "Success", reasons: [] }, feasible: true, reasons: [],
 *   bindings: [{ claim: "default/data", volume: "pv1" }], provisions: [], staticBindings: [], dynamicProvisions: [] };
 * ```
 */
export interface NodeVolumes {
  readonly status: PluginStatus;
  readonly feasible: boolean;
  readonly reasons: readonly string[];
  readonly bindings: readonly VolumeBinding[];
  readonly provisions: readonly string[];
  /** The objects behind `bindings` (claim and volume as in the snapshot). */
  readonly staticBindings: readonly { readonly claim: PersistentVolumeClaim; readonly volume: PersistentVolume }[];
  /** The objects behind `provisions`, with the CSIStorageCapacity that had room (if tracked). */
  readonly dynamicProvisions: readonly DynamicProvision[];
}

function annotationsOf(c: PersistentVolumeClaim): Record<string, unknown> {
  const a: unknown = c.metadata?.annotations;
  return typeof a === "object" && a !== null ? (a as Record<string, unknown>) : {};
}

const NONE: readonly never[] = Object.freeze([]);

function keyOf(c: PersistentVolumeClaim, keys: Map<PersistentVolumeClaim, string> | undefined): string {
  if (keys === undefined) return claimKey(c);
  let k = keys.get(c);
  if (k === undefined) keys.set(c, (k = claimKey(c)));
  return k;
}

function result(
  st: PluginStatus,
  staticBindings: NodeVolumes["staticBindings"] = NONE,
  dynamicProvisions: readonly DynamicProvision[] = NONE,
  keys?: Map<PersistentVolumeClaim, string>,
): NodeVolumes {
  return {
    status: st,
    feasible: st.code === "Success" || st.code === "Skip",
    reasons: st.reasons,
    bindings:
      staticBindings.length === 0
        ? NONE
        : staticBindings.map((b) => ({ claim: keyOf(b.claim, keys), volume: str(b.volume.metadata?.name) })),
    provisions: dynamicProvisions.length === 0 ? NONE : dynamicProvisions.map((p) => keyOf(p.claim, keys)),
    staticBindings,
    dynamicProvisions,
  };
}

/**
 * `preFilterPodVolumes` as a status: `podHasPVCs`, then `GetPodVolumeClaims`, then unbound
 * immediate claims.
 */
function preFilter(pod: Pod, cluster: Cluster): { status: PluginStatus; claims?: PodVolumeClaims } {
  const has = podHasClaims(pod, cluster);
  if (has.code !== "Success") return { status: has };
  const claims = podVolumeClaims(pod, cluster);
  if ("code" in claims) return { status: claims };
  if (claims.immediate.length > 0) return { status: status("UnschedulableAndUnresolvable", SchedulingReasons.UnboundImmediate), claims };
  return { status: status("Success"), claims };
}

/**
 * The VolumeBinding plugin for one pod: the PreFilter's verdict and claim lists, computed once,
 * and {@link VolumeBindingPlan.evaluate} — `FindPodVolumes` on a node. Everything that does not
 * depend on the node (claim classification and sort order, class lookups, CSIStorageCapacity
 * selectors, compiled node affinities of bound volumes) is computed once per plan.
 *
 * @example
 * ```ts
 * const plan = new VolumeBindingPlan(pod, cluster, new LinearStaticMatcher(cluster));
 * plan.evaluate(node).feasible;
 * ```
 */
export class VolumeBindingPlan {
  /** The PreFilter's status (`Success`, `Skip`, or the reason the pod fits nowhere). */
  readonly preFilter: PluginStatus;
  /** The pod's claims sorted (also when the PreFilter fails on unbound immediate claims), if they could be. */
  readonly claims: PodVolumeClaims | undefined;
  /** The unbound delayed claims with `selected-node`. */
  readonly withSelectedNode: readonly PersistentVolumeClaim[];
  /** The other unbound delayed claims, in matching order (or why they cannot be searched for). */
  toMatch: readonly PersistentVolumeClaim[] | { error: string };
  readonly provisioning: ProvisioningChecks;
  private readonly affinity = new Map<PersistentVolume, NodeSelectorMatcher | undefined>();

  constructor(
    readonly pod: Pod,
    readonly cluster: Cluster,
    readonly matcher: StaticMatcher,
    readonly opts?: SchedulingOptions,
  ) {
    const pre = preFilter(pod, cluster);
    this.preFilter = pre.status;
    this.claims = pre.claims;
    this.provisioning = new ProvisioningChecks(cluster);
    const selected: PersistentVolumeClaim[] = [];
    const match: PersistentVolumeClaim[] = [];
    for (const c of pre.status.code === "Success" ? (pre.claims?.delayed ?? []) : [])
      (Object.hasOwn(annotationsOf(c), AnnSelectedNode) ? selected : match).push(c);
    this.withSelectedNode = selected;
    this.toMatch = sortBySize(match);
    if (!("error" in this.toMatch) && this.toMatch.length > 0 && matcher.prepare !== undefined) {
      try {
        matcher.prepare(this.toMatch);
      } catch (e) {
        this.toMatch = { error: (e as Error).message };
      }
    }
  }

  private boundAffinity(pv: PersistentVolume): NodeSelectorMatcher | undefined {
    if (this.affinity.has(pv)) return this.affinity.get(pv);
    const required = pv.spec?.nodeAffinity?.required;
    const m = required == null ? undefined : compileNodeSelector(required);
    this.affinity.set(pv, m);
    return m;
  }

  /**
   * The first bound claim that fails on the node (`missing`: its volume does not exist; `affinity`:
   * the volume's node affinity, in CSI form when migrated, excludes the node), or undefined.
   *
   * @example
   * ```ts
   * plan.boundFailure(node); // { claim: pvc, volumeName: "pv-1", kind: "affinity", error: "no matching NodeSelectorTerms" }
   * ```
   */
  boundFailure(node: Node): { claim: PersistentVolumeClaim; volumeName: string; kind: "missing" | "affinity"; error?: string } | undefined {
    const csiNode = storageObjects(this.cluster).csiNodes.get(str(node.metadata?.name));
    const labels = nodeLabels(node);
    for (const pvc of this.claims?.bound ?? []) {
      const volumeName = str(pvc.spec?.volumeName);
      const raw = this.cluster.volumes.get(volumeName);
      if (raw === undefined || raw === null || typeof raw !== "object") return { claim: pvc, volumeName, kind: "missing" };
      const m = this.boundAffinity(translatePVForNode(raw, csiNode, this.opts));
      const error = m === undefined ? undefined : nodeAffinityError(m, labels);
      if (error !== undefined) return { claim: pvc, volumeName, kind: "affinity", error };
    }
    return undefined;
  }

  /** `checkBoundClaims`: [boundSatisfied, boundPVsFound]. */
  private checkBound(node: Node): [boolean, boolean] {
    const csiNode = storageObjects(this.cluster).csiNodes.get(str(node.metadata?.name));
    const labels = nodeLabels(node);
    for (const pvc of this.claims?.bound ?? []) {
      const raw = this.cluster.volumes.get(str(pvc.spec?.volumeName));
      if (raw === undefined || raw === null || typeof raw !== "object") return [true, false];
      const pv = translatePVForNode(raw, csiNode, this.opts);
      const m = this.boundAffinity(pv);
      if (m !== undefined && nodeAffinityError(m, labels) !== undefined) return [false, true];
    }
    return [true, true];
  }

  /**
   * `FindPodVolumes` and the Filter's status on one node (see {@link NodeVolumes}).
   *
   * @example
   * ```ts
   * plan.evaluate(cluster.nodes.get("node-1")!).reasons; // ["node(s) had volume node affinity conflict"]
   * ```
   */
  evaluate(node: Node): NodeVolumes {
    if (this.preFilter.code !== "Success") return result(this.preFilter);
    const claims = this.claims!;
    let boundSatisfied = true;
    let boundFound = true;
    if (claims.bound.length > 0) [boundSatisfied, boundFound] = this.checkBound(node);
    if (claims.delayed.length === 0) return this.finish(boundSatisfied, true, true, boundFound, NONE, NONE);
    const name = str(node.metadata?.name);
    for (const c of this.withSelectedNode) {
      if (str(annotationsOf(c)[AnnSelectedNode]) !== name) return this.finish(boundSatisfied, false, true, boundFound, NONE, NONE);
    }
    if ("error" in this.toMatch) return result(status("Error", this.toMatch.error));
    let unboundSatisfied = true;
    let sufficient = true;
    let toProvision: PersistentVolumeClaim[] | undefined = this.withSelectedNode.length > 0 ? [...this.withSelectedNode] : undefined;
    let staticBindings: { claim: PersistentVolumeClaim; volume: PersistentVolume }[] | undefined;
    let provisions: readonly DynamicProvision[] = NONE;
    if (this.toMatch.length > 0) {
      const chosen = this.chosen;
      chosen.clear();
      for (const claim of this.toMatch) {
        let pv: PersistentVolume | undefined;
        try {
          pv = this.matcher.match(claim, node, chosen);
        } catch (e) {
          return result(status("Error", (e as Error).message));
        }
        if (pv === undefined) {
          (toProvision ??= []).push(claim);
          unboundSatisfied = false;
          continue;
        }
        chosen.add(str(pv.metadata?.name));
        (staticBindings ??= []).push({ claim, volume: pv });
      }
    }
    if (toProvision !== undefined) {
      const r = this.provisioning.check(toProvision, node);
      if ("error" in r) return result(status("Error", r.error));
      unboundSatisfied = r.satisfied;
      sufficient = r.sufficientStorage;
      provisions = r.provisions ?? NONE;
    }
    return this.finish(boundSatisfied, unboundSatisfied, sufficient, boundFound, staticBindings ?? NONE, provisions);
  }

  /** The volumes chosen on the node being evaluated (one set, cleared per node). */
  private readonly chosen = new Set<string>();

  /** The Filter's status from `FindPodVolumes`' four flags, reasons in Kubernetes' order. */
  private finish(
    boundSatisfied: boolean,
    unboundSatisfied: boolean,
    sufficient: boolean,
    boundFound: boolean,
    staticBindings: NodeVolumes["staticBindings"],
    provisions: readonly DynamicProvision[],
  ): NodeVolumes {
    let st: PluginStatus;
    if (boundSatisfied && unboundSatisfied && sufficient && boundFound) st = status("Success");
    else {
      const reasons: string[] = [];
      if (!boundSatisfied) reasons.push(SchedulingReasons.NodeConflict);
      if (!unboundSatisfied) reasons.push(SchedulingReasons.BindConflict);
      if (!sufficient) reasons.push(SchedulingReasons.NotEnoughSpace);
      if (!boundFound) reasons.push(SchedulingReasons.PVNotExist);
      st = status("UnschedulableAndUnresolvable", ...reasons);
    }
    return result(st, staticBindings, provisions, this.keys);
  }

  /** `namespace/name` of the claims, computed once per claim. */
  private readonly keys = new Map<PersistentVolumeClaim, string>();
}

/**
 * `byPVCSize`: claims by requested storage ascending. Kubernetes' sort is not stable; kubevol's is
 * (equal requests keep `spec.volumes` order). An unreadable request is an error.
 */
function sortBySize(claims: PersistentVolumeClaim[]): PersistentVolumeClaim[] | { error: string } {
  const sized: { c: PersistentVolumeClaim; q: ReturnType<typeof claimRequest>; i: number }[] = [];
  for (let i = 0; i < claims.length; i++) {
    const c = claims[i]!;
    try {
      sized.push({ c, q: claimRequest(c), i });
    } catch (e) {
      return { error: `claims[${claimKey(c)}].spec.resources.requests.storage: Invalid value: ${(e as Error).message}` };
    }
  }
  sized.sort((a, b) => a.q.cmp(b.q) || a.i - b.i);
  return sized.map((s) => s.c);
}
