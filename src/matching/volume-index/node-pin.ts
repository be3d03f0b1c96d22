/**
 * Node pins: the node label a volume's node affinity cannot do without, so node-scoped queries
 * look only at the volumes pinned to the node's value of that label.
 *
 * @module
 */

/**
 * A necessary condition of a volume's `spec.nodeAffinity.required`: the node must carry label
 * `key` with one of `values`. Derived only from affinities with exactly one node selector term
 * whose `matchExpressions` contain an `In` expression (then that expression must hold for the
 * term, hence the affinity, to match). It narrows candidates; the full affinity check still runs.
 *
 * @example
 * ```ts
 * const pin: NodePin = { key: "kubernetes.io/hostname", values: ["node-0042"] };
 * ```
 */
export interface NodePin {
  readonly key: string;
  readonly values: readonly string[];
}

/** More values than this and the pin would cost more than it saves. */
const MAX_PIN_VALUES = 16;

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function derivePin(required: Record<string, unknown>): NodePin | undefined {
  const terms = required.nodeSelectorTerms;
  if (!Array.isArray(terms) || terms.length !== 1) return undefined;
  const term: unknown = terms[0];
  if (!isObject(term) || !Array.isArray(term.matchExpressions)) return undefined;
  for (const e of term.matchExpressions as unknown[]) {
    if (!isObject(e) || e.operator !== "In" || typeof e.key !== "string" || !Array.isArray(e.values)) continue;
    const values = e.values as unknown[];
    if (values.length === 0 || values.length > MAX_PIN_VALUES || !values.every((v) => typeof v === "string")) continue;
    return { key: e.key, values: [...new Set(values as string[])] };
  }
  return undefined;
}

/**
 * The {@link NodePin} of `spec.nodeAffinity.required`, or `undefined` when it has none (several
 * terms, no `In` expression, ...).
 *
 * @example
 * ```ts
 * nodePinOf({ nodeSelectorTerms: [{ matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: ["n1"] }] }] });
 * // { key: "kubernetes.io/hostname", values: ["n1"] }
 * ```
 */
export function nodePinOf(required: unknown): NodePin | undefined {
  return isObject(required) ? derivePin(required) : undefined;
}
