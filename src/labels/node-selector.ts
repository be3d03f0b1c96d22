/**
 * Node selectors as component-helpers evaluates them (`nodeaffinity.LazyErrorNodeSelector`):
 * terms ORed, expressions and fields inside a term ANDed, invalid terms never matching. Also the
 * StorageClass `allowedTopologies` check and the PV node-affinity check (`CheckNodeAffinity`).
 *
 * @module
 */
import { aggregateMessage, child, index, invalid, notSupported, type FieldError } from "../field/index.js";
import { tryRequirement } from "./requirement.js";
import { selectorFromSet } from "./selector.js";
import type { Labels, NodeLike, NodeSelector, NodeSelectorRequirement, NodeSelectorTerm, Operator, TopologySelectorTerm } from "./types.js";

const NODE_OPERATORS: Readonly<Record<string, Operator>> = {
  In: "in",
  NotIn: "notin",
  Exists: "exists",
  DoesNotExist: "!",
  Gt: "gt",
  Lt: "lt",
};
const NODE_OPERATOR_NAMES = ["In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"];
const FIELD_OPERATOR_NAMES = ["In", "NotIn"];

type LabelMatcher = (labels: Labels | undefined) => boolean;

/** One `matchFields` requirement: `<field> == value` (In) or `<field> != value` (NotIn). */
interface FieldRequirement {
  readonly key: string;
  readonly value: string;
  readonly equal: boolean;
}

interface CompiledTerm {
  /** Present iff the term had matchExpressions. */
  readonly labels: LabelMatcher | undefined;
  /** Present iff the term had matchFields. */
  readonly fields: readonly FieldRequirement[] | undefined;
  readonly errors: readonly FieldError[];
}

/**
 * The outcome of matching a node: whether some term matched, and (only when none did) the
 * construction errors of the invalid terms.
 *
 * @example
 * ```ts
 * const m: NodeSelectorMatch = compileNodeSelector(sel).match({ labels: { zone: "a" } });
 * if (!m.matched && m.errors.length > 0) console.log(aggregateMessage(m.errors));
 * ```
 */
export interface NodeSelectorMatch {
  /** Whether some term matched. */
  readonly matched: boolean;
  /** When nothing matched: the construction errors of the invalid terms (flattened); else `[]`. */
  readonly errors: readonly FieldError[];
}

/**
 * A node selector compiled once for many nodes.
 *
 * @example
 * ```ts
 * const m = compileNodeSelector({ nodeSelectorTerms: [{ matchExpressions: [{ key: "zone", operator: "In", values: ["a"] }] }] });
 * m.matches({ labels: { zone: "a" } }); // true
 * m.errors;                             // [] (no invalid term)
 * ```
 */
export interface NodeSelectorMatcher {
  /** Whether some term matches the node (a `null` node matches nothing). */
  matches(node: NodeLike | null | undefined): boolean;
  /** Like `matches`, plus the invalid terms' errors when nothing matched. */
  match(node: NodeLike | null | undefined): NodeSelectorMatch;
  /** The construction errors of all invalid terms, flattened (what the strict constructor reports). */
  readonly errors: readonly FieldError[];
}

function asList<T>(v: T[] | null | undefined): T[] {
  return Array.isArray(v) ? v : [];
}

/** A string field as Go sees it: missing means `""`. */
function str(v: unknown): string {
  return typeof v === "string" ? v : v == null ? "" : String(v);
}

/** Values as Go sees them: `null` for a missing list, the list itself otherwise. */
function valuesOf(expr: NodeSelectorRequirement, path: string, errs: FieldError[]): string[] | null | undefined {
  const v: unknown = expr.values;
  if (v == null) return null;
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v as string[];
  errs.push(invalid(child(path, "values"), v, "must be a list of strings"));
  return undefined;
}

function compileExpressions(exprs: readonly NodeSelectorRequirement[], path: string, errs: FieldError[]): LabelMatcher {
  const matchers: LabelMatcher[] = [];
  exprs.forEach((raw, j) => {
    const p = index(path, j);
    const expr: NodeSelectorRequirement = raw ?? { key: "", operator: "" };
    const opName = str(expr.operator);
    const op = Object.hasOwn(NODE_OPERATORS, opName) ? NODE_OPERATORS[opName] : undefined;
    if (op === undefined) {
      errs.push(notSupported(child(p, "operator"), opName, NODE_OPERATOR_NAMES));
      return;
    }
    const values = valuesOf(expr, p, errs);
    if (values === undefined) return;
    const r = tryRequirement(str(expr.key), op, values, p);
    if (r.requirement === undefined) errs.push(...r.errors);
    else matchers.push(r.requirement.matches);
  });
  return (labels) => {
    for (let i = 0; i < matchers.length; i++) if (!matchers[i]!(labels)) return false;
    return true;
  };
}

function compileFields(exprs: readonly NodeSelectorRequirement[], path: string, errs: FieldError[]): FieldRequirement[] {
  const out: FieldRequirement[] = [];
  exprs.forEach((raw, j) => {
    const p = index(path, j);
    const expr: NodeSelectorRequirement = raw ?? { key: "", operator: "" };
    if (expr.operator !== "In" && expr.operator !== "NotIn") {
      errs.push(notSupported(child(p, "operator"), str(expr.operator), FIELD_OPERATOR_NAMES));
      return;
    }
    const values = valuesOf(expr, p, errs);
    if (values === undefined) return;
    if (values === null || values.length !== 1) {
      errs.push(invalid(child(p, "values"), values, "must have one element"));
      return;
    }
    out.push({ key: str(expr.key), value: values[0]!, equal: expr.operator === "In" });
  });
  return out;
}

function compileTerm(term: NodeSelectorTerm, path: string): CompiledTerm {
  const errs: FieldError[] = [];
  const exprs = asList(term.matchExpressions);
  const fields = asList(term.matchFields);
  const labels = exprs.length > 0 ? compileExpressions(exprs, child(path, "matchExpressions"), errs) : undefined;
  const fieldReqs = fields.length > 0 ? compileFields(fields, child(path, "matchFields"), errs) : undefined;
  return { labels, fields: fieldReqs, errors: errs };
}

/** A node exposes one field, `metadata.name`, and only when its name is non-empty. */
function fieldsMatch(reqs: readonly FieldRequirement[], name: string): boolean {
  for (let i = 0; i < reqs.length; i++) {
    const r = reqs[i]!;
    const actual = r.key === "metadata.name" ? name : "";
    if ((actual === r.value) !== r.equal) return false;
  }
  return true;
}

/**
 * A node's name and labels, from either form of {@link NodeLike} (a `Node` object's metadata, or
 * the flat `{ name, labels }`); a value of the wrong type counts as absent. The one reading of a
 * node that selectors, the matcher and the engine share.
 *
 * @example
 * ```ts
 * nodeParts({ metadata: { name: "n1", labels: { zone: "a" } } }); // { name: "n1", labels: { zone: "a" } }
 * nodeParts({ name: "n2" }); // { name: "n2", labels: undefined }
 * ```
 */
export function nodeParts(node: NodeLike | null | undefined): { name: string | undefined; labels: Labels | undefined } {
  if (node == null || typeof node !== "object") return { name: undefined, labels: undefined };
  const n = node as { name?: unknown; labels?: unknown; metadata?: { name?: unknown; labels?: unknown } | null };
  const src = n.metadata != null && typeof n.metadata === "object" ? n.metadata : n;
  return {
    name: typeof src.name === "string" ? src.name : undefined,
    labels: src.labels != null && typeof src.labels === "object" ? (src.labels as Labels) : undefined,
  };
}

class CompiledNodeSelector implements NodeSelectorMatcher {
  readonly errors: readonly FieldError[];

  constructor(private readonly terms: readonly CompiledTerm[]) {
    this.errors = terms.flatMap((t) => t.errors);
  }

  matches(node: NodeLike | null | undefined): boolean {
    if (node == null) return false;
    const parts = nodeParts(node);
    const name = parts.name ?? "";
    const labels = parts.labels;
    const terms = this.terms;
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i]!;
      if (t.errors.length === 0 && termMatches(t, name, labels)) return true;
    }
    return false;
  }

  match(node: NodeLike | null | undefined): NodeSelectorMatch {
    if (node == null) return { matched: false, errors: [] };
    if (this.matches(node)) return { matched: true, errors: [] };
    return { matched: false, errors: this.errors };
  }
}

function termMatches(t: CompiledTerm, name: string, labels: Labels | undefined): boolean {
  if (t.labels !== undefined && !t.labels(labels)) return false;
  if (t.fields !== undefined && name !== "" && !fieldsMatch(t.fields, name)) return false;
  return true;
}

/**
 * Compile a `NodeSelector` once (component-helpers' `NewLazyErrorNodeSelector`): terms without
 * matchExpressions and matchFields are dropped (they match nothing); each other term is built from
 * its expressions (`In`, `NotIn`, `Exists`, `DoesNotExist`, `Gt`, `Lt` through `NewRequirement`)
 * and fields (`In` / `NotIn` with exactly one value). A term that fails to build never matches;
 * its errors (paths under `path.nodeSelectorTerms[i]`) are reported by `match` only when no term
 * matched, and by `errors` always. Use this in hot loops instead of {@link nodeSelectorMatches}.
 *
 * @example
 * ```ts
 * const m = compileNodeSelector({ nodeSelectorTerms: [{ matchExpressions: [{ key: "invalid key", operator: "In", values: ["x"] }] }] });
 * m.match({ labels: {} }).errors.map(String);
 * // ['nodeSelectorTerms[0].matchExpressions[0].key: Invalid value: "invalid key": name part must consist of ...']
 * ```
 */
export function compileNodeSelector(selector: NodeSelector | null | undefined, path = ""): NodeSelectorMatcher {
  const terms: CompiledTerm[] = [];
  const termsPath = child(path, "nodeSelectorTerms");
  asList(selector?.nodeSelectorTerms).forEach((term, i) => {
    if (term == null || (asList(term.matchExpressions).length === 0 && asList(term.matchFields).length === 0)) return;
    terms.push(compileTerm(term, index(termsPath, i)));
  });
  return new CompiledNodeSelector(terms);
}

/**
 * Whether a node satisfies a `NodeSelector`: some term matches, where a term matches when all its
 * matchExpressions match the node's labels and — only if the node's name is known — all its
 * matchFields match `metadata.name`. Empty term lists and empty terms match nothing; invalid terms
 * (bad key, bad value, unknown operator, non-integer Gt/Lt operand) never match. `Gt` / `Lt`
 * compare as int64 and fail on a missing or non-integer label. Compiles on every call; use
 * {@link compileNodeSelector} to match many nodes.
 *
 * @example
 * ```ts
 * const sel = { nodeSelectorTerms: [{ matchExpressions: [{ key: "kernel-version", operator: "Gt", values: ["0204"] }] }] };
 * nodeSelectorMatches(sel, { labels: { "kernel-version": "0206" } }); // true
 * nodeSelectorMatches(sel, { labels: { "kernel-version": "5.4" } });  // false
 * nodeSelectorMatches({ nodeSelectorTerms: [] }, { labels: {} });     // false
 * ```
 */
export function nodeSelectorMatches(selector: NodeSelector | null | undefined, node: NodeLike | null | undefined): boolean {
  return compileNodeSelector(selector).matches(node);
}

/**
 * Whether a pod's required node constraints admit a node (component-helpers'
 * `GetRequiredNodeAffinity(pod).Match(node)`): `spec.nodeSelector` (every entry must equal the node
 * label) AND `affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution`. Neither set →
 * every node matches.
 *
 * @example
 * ```ts
 * requiredNodeAffinityMatches({ spec: { nodeSelector: { disk: "ssd" } } }, { labels: { disk: "ssd" } }); // true
 * requiredNodeAffinityMatches({}, { labels: {} });                                                       // true
 * ```
 */
export function requiredNodeAffinityMatches(
  pod:
    | {
        spec?: {
          nodeSelector?: Record<string, string> | null;
          affinity?: { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: NodeSelector | null } | null } | null;
        } | null;
      }
    | null
    | undefined,
  node: NodeLike | null | undefined,
): boolean {
  const spec = pod?.spec;
  const nodeSelector = spec?.nodeSelector;
  if (nodeSelector != null && Object.keys(nodeSelector).length > 0) {
    const labels = nodeParts(node).labels;
    if (!selectorFromSet(nodeSelector).matches(labels)) return false;
  }
  const required = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (required != null) return compileNodeSelector(required).matches(node);
  return true;
}

/**
 * Whether node labels satisfy a StorageClass's `allowedTopologies` (component-helpers'
 * `MatchTopologySelectorTerms`): an empty or missing list matches everything; otherwise some term
 * must match, a term being an AND of `key In values`. Empty terms and terms that fail to build
 * (invalid key or value, no values) match nothing.
 *
 * @example
 * ```ts
 * const zoneA = [{ matchLabelExpressions: [{ key: "topology.kubernetes.io/zone", values: ["a"] }] }];
 * topologySelectorMatches(zoneA, { "topology.kubernetes.io/zone": "a" }); // true
 * topologySelectorMatches(zoneA, {});                                     // false
 * topologySelectorMatches(undefined, {});                                 // true
 * ```
 */
export function topologySelectorMatches(
  terms: readonly TopologySelectorTerm[] | null | undefined,
  nodeLabels: Labels | null | undefined,
): boolean {
  // an absent list (or, for garbage input, anything that is not a list) restricts nothing
  if (terms == null || !Array.isArray(terms as unknown) || terms.length === 0) return true;
  const labels = nodeLabels ?? undefined;
  return terms.some((term) => topologyTermMatches(term, labels));
}

/** One term: a non-empty AND of `key in (values)`; a requirement that fails to build fails the term. */
function topologyTermMatches(term: TopologySelectorTerm | null | undefined, labels: Labels | undefined): boolean {
  const exprs = asList(term?.matchLabelExpressions);
  if (exprs.length === 0) return false;
  return exprs.every((e) => {
    const values: unknown = e?.values;
    const list =
      Array.isArray(values) && values.every((v) => typeof v === "string") ? (values as string[]) : values == null ? null : undefined;
    const r = list === undefined ? undefined : tryRequirement(str(e?.key), "in", list).requirement;
    return r?.matches(labels);
  });
}

/**
 * Check a PersistentVolume's node affinity against a node's labels exactly as component-helpers'
 * `CheckNodeAffinity` does: no `nodeAffinity` or no `required` → fits; otherwise the required
 * selector is matched against a node that has only these labels (no name, so matchFields are
 * ignored). Returns `undefined` when it fits; otherwise Kubernetes' error text: the aggregated
 * construction errors of invalid terms when no term matched and some were invalid, else
 * `no matching NodeSelectorTerms`.
 *
 * @example
 * ```ts
 * const pv = { spec: { nodeAffinity: { required: { nodeSelectorTerms: [
 *   { matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: ["node-1"] }] }] } } } };
 * checkVolumeNodeAffinity(pv, { "kubernetes.io/hostname": "node-1" }); // undefined
 * checkVolumeNodeAffinity(pv, { "kubernetes.io/hostname": "node-2" }); // "no matching NodeSelectorTerms"
 * ```
 */
export function checkVolumeNodeAffinity(
  pv: { spec?: { nodeAffinity?: { required?: NodeSelector | null } | null } | null } | null | undefined,
  nodeLabels: Labels | null | undefined,
): string | undefined {
  const required = pv?.spec?.nodeAffinity?.required;
  if (required == null) return undefined;
  return nodeAffinityError(compileNodeSelector(required), nodeLabels);
}

/**
 * The message part of {@link checkVolumeNodeAffinity} for an already compiled `required` selector,
 * so a caller checking one volume against many nodes compiles it once.
 *
 * @example
 * ```ts
 * const m = compileNodeSelector(pv.spec.nodeAffinity.required);
 * nodes.filter((n) => nodeAffinityError(m, n.labels) === undefined);
 * ```
 */
export function nodeAffinityError(required: NodeSelectorMatcher, nodeLabels: Labels | null | undefined): string | undefined {
  const r = required.match({ labels: nodeLabels ?? {} });
  if (r.matched) return undefined;
  if (r.errors.length > 0) return aggregateMessage(r.errors);
  return "no matching NodeSelectorTerms";
}
