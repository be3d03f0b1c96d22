/**
 * The CSI external-provisioner's check of the selected node against the class's
 * `allowedTopologies` (`GenerateAccessibilityRequirements`, default non-strict topology), with
 * its error texts.
 *
 * @module
 */
import type { StorageClass } from "../api/index.js";

/** One topology segment set: (key, value) pairs sorted by key, as the provisioner builds them. */
type TopologyTerm = readonly (readonly [string, string])[];

function sortTerm(term: (readonly [string, string])[]): TopologyTerm {
  return term.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
}

/** `flatten`: every term's OR of values distributed over its AND of keys; terms concatenated. */
function flatten(sc: StorageClass): TopologyTerm[] {
  const out: TopologyTerm[] = [];
  for (const selectorTerm of sc.allowedTopologies ?? []) {
    let terms: (readonly [string, string])[][] = [];
    for (const e of selectorTerm.matchLabelExpressions ?? []) {
      const next: (readonly [string, string])[][] = [];
      for (const v of e.values ?? []) {
        if (terms.length === 0) next.push([[e.key, v]]);
        else for (const t of terms) next.push([...t, [e.key, v]]);
      }
      terms = next;
    }
    for (const t of terms) out.push(sortTerm(t));
  }
  return out;
}

function compareTerms(a: TopologyTerm, b: TopologyTerm): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) {
    const [ka, va] = a[i]!;
    const [kb, vb] = b[i]!;
    if (ka !== kb) return ka < kb ? -1 : 1;
    if (va !== vb) return va < vb ? -1 : 1;
  }
  return 0;
}

/** Whether every segment of `t` is in `other` (both sorted by key). */
function subset(t: TopologyTerm, other: TopologyTerm): boolean {
  if (t.length === 0) return true;
  let j = 0;
  for (const [k, v] of other) {
    const want = t[j]!;
    if (want[0] !== k) continue;
    if (want[1] !== v) return false;
    j++;
    if (j === t.length) return true;
  }
  return false;
}

/** Go's `%v` of a topology term: `[{key value} ...]`. */
function goTerm(t: TopologyTerm): string {
  return `[${t.map(([k, v]) => `{${k} ${v}}`).join(" ")}]`;
}

/** Go's `%v` of a `map[string]string` (keys sorted): `map[k1:v1 k2:v2]`. */
function goMap(m: Readonly<Record<string, string>>): string {
  return `map[${Object.keys(m)
    .sort()
    .map((k) => `${k}:${m[k]}`)
    .join(" ")}]`;
}

/**
 * The external-provisioner's refusal of a selected node whose topology is outside the class's
 * `allowedTopologies`, or undefined when it fits (or the class has none). The driver's topology
 * keys (its CSINode entry, not modelled) are taken to be the keys `allowedTopologies` names.
 * Texts (wrapped by the caller in "failed to provision volume with StorageClass …"):
 * a node lacking a key → `topology labels from selected node map[…] does not match topology keys
 * from CSINode […]`; otherwise `topology [{key value}] from selected node "n1" is not in
 * requisite: [[{key a}] …]`.
 *
 * @example
 * ```ts
 * selectedNodeTopologyError(
 *   { metadata: { name: "fast" }, provisioner: "csi.example.com",
 *     allowedTopologies: [{ matchLabelExpressions: [{ key: "zone", values: ["a"] }] }] },
 *   "n1", { zone: "b" },
 * ); // 'topology [{zone b}] from selected node "n1" is not in requisite: [[{zone a}]]'
 * ```
 */
export function selectedNodeTopologyError(
  sc: StorageClass,
  nodeName: string,
  nodeLabels: Readonly<Record<string, string>>,
): string | undefined {
  const flat = flatten(sc);
  if ((sc.allowedTopologies ?? []).length === 0) return undefined;
  const keys: string[] = [];
  for (const t of sc.allowedTopologies ?? []) for (const e of t.matchLabelExpressions ?? []) if (!keys.includes(e.key)) keys.push(e.key);
  if (keys.some((k) => !Object.hasOwn(nodeLabels, k))) {
    return `topology labels from selected node ${goMap(nodeLabels)} does not match topology keys from CSINode [${keys.join(" ")}]`;
  }
  const selected = sortTerm(keys.map((k) => [k, nodeLabels[k]!] as const));
  // Allowed topologies with only empty entries: the provisioner falls back to no topology.
  const requisite = flat.filter((t) => t.length > 0).sort(compareTerms);
  const unique = requisite.filter((t, i) => i === 0 || compareTerms(t, requisite[i - 1]!) !== 0);
  if (unique.length === 0) return undefined;
  if (unique.some((t) => subset(t, selected))) return undefined;
  return `topology ${goTerm(selected)} from selected node ${JSON.stringify(nodeName)} is not in requisite: [${unique.map(goTerm).join(" ")}]`;
}
