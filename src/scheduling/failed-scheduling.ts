/**
 * The FailedScheduling text (kubernetes/kubernetes `pkg/scheduler/framework/types.go`
 * `FitError.Error`).
 *
 * @module
 */

/**
 * The scheduler's FailedScheduling message: `0/N nodes are available:` then, when a PreFilter
 * failed, its message (reasons joined by `, `) and a period; otherwise the histogram of the nodes'
 * reasons — `"<count> <reason>"` entries sorted as strings (so `10 …` sorts before `2 …`) joined by
 * `, ` and a period. kubevol models no PostFilter (the default preemption plugin's
 * `preemption: …` suffix is not appended).
 *
 * @example
 * ```ts
 * failedSchedulingMessage(5, undefined, [["node(s) had volume node affinity conflict"], ["node(s) had volume node affinity conflict"]]);
 * // "0/5 nodes are available: 2 node(s) had volume node affinity conflict."
 * ```
 */
export function failedSchedulingMessage(
  nodeCount: number,
  preFilterReasons: readonly string[] | undefined,
  nodeReasons: readonly (readonly string[])[],
): string {
  // Lists of reason strings; anything else (a JS caller can pass anything) holds none.
  const strings = (x: unknown): string[] => (Array.isArray(x) ? x.filter((r): r is string => typeof r === "string") : []);
  let msg = `0/${typeof nodeCount === "number" ? nodeCount : 0} nodes are available:`;
  const pre = strings(preFilterReasons);
  if (pre.length > 0) return `${msg} ${pre.join(", ")}.`;
  const counts = new Map<string, number>();
  for (const rs of Array.isArray(nodeReasons) ? nodeReasons : []) for (const r of strings(rs)) counts.set(r, (counts.get(r) ?? 0) + 1);
  const entries = [...counts].map(([r, n]) => `${n} ${r}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length > 0) msg += ` ${entries.join(", ")}.`;
  return msg;
}

/**
 * The scheduler's error text when a plugin returns `Error` instead of rejecting the pod (the
 * scheduling cycle aborts and the event carries the error, not the node histogram):
 * `running PreFilter plugin "VolumeBinding": …` or `running "VolumeBinding" filter plugin: …`
 * (kubernetes/kubernetes `pkg/scheduler/framework/runtime/framework.go`).
 *
 * @example
 * ```ts
 * pluginErrorMessage("PreFilter", "VolumeBinding", ['VolumeBindingMode not set for StorageClass "x"']);
 * // 'running PreFilter plugin "VolumeBinding": VolumeBindingMode not set for StorageClass "x"'
 * ```
 */
export function pluginErrorMessage(stage: "PreFilter" | "Filter", plugin: string, reasons: readonly string[]): string {
  const msg = reasons.join(", ");
  return stage === "PreFilter"
    ? `running PreFilter plugin ${JSON.stringify(plugin)}: ${msg}`
    : `running ${JSON.stringify(plugin)} filter plugin: ${msg}`;
}
