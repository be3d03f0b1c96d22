/**
 * The pods kube-scheduler's cache holds: assigned to a node of the snapshot and not terminated
 * (the scheduler's informer ignores `Succeeded` and `Failed` pods).
 *
 * @module
 */
import type { Pod } from "../api/index.js";
import type { Cluster } from "../lifecycle/index.js";
import { str } from "../labels/strings.js";

/**
 * The snapshot's pods by assigned node: `spec.nodeName` naming a node of the snapshot, phase neither
 * `Succeeded` nor `Failed`. Each list in the snapshot's order. `except` (the pod being scheduled,
 * by `namespace/name`) is left out.
 *
 * @example
 * ```ts
 * scheduledPodsByNode(cluster).get("node-1")?.length;
 * ```
 */
export function scheduledPodsByNode(cluster: Cluster, except?: string): Map<string, Pod[]> {
  const m = new Map<string, Pod[]>();
  for (const [key, p] of cluster.pods) {
    if (typeof p !== "object" || p === null || key === except) continue;
    const node = str(p.spec?.nodeName);
    if (node === "" || !cluster.nodes.has(node)) continue;
    const phase = p.status?.phase;
    if (phase === "Succeeded" || phase === "Failed") continue;
    let list = m.get(node);
    if (list === undefined) m.set(node, (list = []));
    list.push(p);
  }
  return m;
}
