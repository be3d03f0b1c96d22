/**
 * The four volume plugins of one pod, prepared once and evaluated per node: the engine behind
 * `filterNodes`, `scoreNode`, `selectNodeForPod` and `explainPod`.
 *
 * @module
 */
import type { Node, Pod } from "../api/index.js";
import type { Cluster } from "../lifecycle/index.js";
import type { NodeFilterResult, VolumePluginName } from "./filter-nodes.js";
import { IndexedStaticMatcher } from "./indexed-static-matcher.js";
import { NodeVolumeLimitsPlan } from "./node-volume-limits.js";
import type { SchedulingOptions } from "./options.js";
import { scheduledPodsByNode } from "./scheduled-pods.js";
import { failedSchedulingMessage, pluginErrorMessage } from "./failed-scheduling.js";
import { scoreFromVolumes } from "./score.js";
import { podKey, sortedNodes } from "./snapshot.js";
import { isPassing, type PluginStatus } from "./status.js";
import { LinearStaticMatcher } from "./static-matcher.js";
import { type NodeVolumes, VolumeBindingPlan } from "./volume-binding.js";
import { VolumeRestrictionsPlan } from "./volume-restrictions.js";
import { VolumeZonePlan } from "./volume-zone.js";

/**
 * One node's verdict with the VolumeBinding details (internal form of {@link NodeFilterResult}).
 *
 * @internal
 */
export interface NodeEvaluation {
  readonly result: NodeFilterResult;
  readonly volumes: NodeVolumes;
}

/**
 * The volume plugins for one pod over one snapshot.
 *
 * @internal
 * @example
 * ```ts
 * new PodVolumePlugins(pod, cluster, opts, "indexed").filterAll();
 * ```
 */
export class PodVolumePlugins {
  readonly restrictions: VolumeRestrictionsPlan;
  readonly limits: NodeVolumeLimitsPlan;
  readonly binding: VolumeBindingPlan;
  readonly zone: VolumeZonePlan;

  constructor(
    readonly pod: Pod,
    readonly cluster: Cluster,
    readonly opts: SchedulingOptions | undefined,
    matcher: "linear" | "indexed",
  ) {
    const pods = scheduledPodsByNode(cluster, podKey(pod));
    this.restrictions = new VolumeRestrictionsPlan(pod, cluster, pods);
    this.limits = new NodeVolumeLimitsPlan(pod, cluster, opts, pods);
    this.binding = new VolumeBindingPlan(
      pod,
      cluster,
      matcher === "linear" ? new LinearStaticMatcher(cluster) : new IndexedStaticMatcher(cluster, opts?.cache?.poolFor(cluster.volumes)),
      opts,
    );
    this.zone = new VolumeZonePlan(pod, cluster);
  }

  private preFailure: { plugin: VolumePluginName; status: PluginStatus } | undefined | null = null;

  /** The first PreFilter failure in Kubernetes' plugin order, or undefined. */
  preFilterFailure(): { plugin: VolumePluginName; status: PluginStatus } | undefined {
    if (this.preFailure === null) this.preFailure = this.computePreFilterFailure();
    return this.preFailure;
  }

  private computePreFilterFailure(): { plugin: VolumePluginName; status: PluginStatus } | undefined {
    const order: [VolumePluginName, PluginStatus][] = [
      ["VolumeRestrictions", this.restrictions.preFilter],
      ["NodeVolumeLimits", this.limits.preFilter],
      ["VolumeBinding", this.binding.preFilter],
      ["VolumeZone", this.zone.preFilter],
    ];
    for (const [plugin, st] of order) if (!isPassing(st)) return { plugin, status: st };
    return undefined;
  }

  evaluate(node: Node): NodeEvaluation {
    const volumes = this.binding.evaluate(node);
    const statuses: Record<VolumePluginName, PluginStatus> = {
      VolumeRestrictions: this.restrictions.evaluate(node),
      NodeVolumeLimits: this.limits.evaluate(node),
      VolumeBinding: volumes.status,
      VolumeZone: this.zone.evaluate(node),
    };
    const pre = this.preFilterFailure();
    let reasons: readonly string[] = [];
    if (pre !== undefined) reasons = pre.status.reasons;
    else {
      for (const p of ["VolumeRestrictions", "NodeVolumeLimits", "VolumeBinding", "VolumeZone"] as const) {
        if (!isPassing(statuses[p])) {
          reasons = statuses[p].reasons;
          break;
        }
      }
    }
    const feasible =
      pre === undefined &&
      isPassing(statuses.VolumeRestrictions) &&
      isPassing(statuses.NodeVolumeLimits) &&
      isPassing(statuses.VolumeBinding) &&
      isPassing(statuses.VolumeZone);
    const result: NodeFilterResult = {
      node: typeof node.metadata?.name === "string" ? node.metadata.name : "",
      feasible,
      statuses,
      reasons,
      bindings: volumes.bindings,
      provisions: volumes.provisions,
      score: feasible ? scoreFromVolumes(volumes, this.opts) : undefined,
    };
    return { result, volumes };
  }

  /**
   * The FailedScheduling text for these results (all nodes, by name): a PreFilter `Error` or the
   * first node's Filter `Error` aborts the cycle with the error; otherwise `FitError`'s text.
   */
  failureMessage(results: readonly NodeFilterResult[]): string {
    const pre = this.preFilterFailure();
    if (pre !== undefined) {
      return pre.status.code === "Error"
        ? pluginErrorMessage("PreFilter", pre.plugin, pre.status.reasons)
        : failedSchedulingMessage(results.length, pre.status.reasons, []);
    }
    for (const r of results) {
      if (r.feasible) continue;
      const plugin = (["VolumeRestrictions", "NodeVolumeLimits", "VolumeBinding", "VolumeZone"] as const).find(
        (p) => !isPassing(r.statuses[p]),
      )!;
      if (r.statuses[plugin].code === "Error") return pluginErrorMessage("Filter", plugin, r.statuses[plugin].reasons);
    }
    return failedSchedulingMessage(
      results.length,
      undefined,
      results.map((r) => r.reasons),
    );
  }

  evaluateAll(): NodeEvaluation[] {
    return sortedNodes(this.cluster).map((n) => this.evaluate(n));
  }

  filterAll(): NodeFilterResult[] {
    return this.evaluateAll().map((e) => e.result);
  }
}
