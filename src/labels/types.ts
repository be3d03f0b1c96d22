/**
 * The plain object shapes of Kubernetes' label and node selectors, exactly as they appear in JSON
 * and YAML manifests (`metav1.LabelSelector`, `core/v1.NodeSelector`, `TopologySelectorTerm`).
 *
 * @module
 */

/**
 * A label map (`metadata.labels`). Values are strings; a key that is absent (or whose value is not
 * a string) counts as "no such label".
 *
 * @example
 * ```ts
 * const labels: Labels = { zone: "us-east-1a", disktype: "ssd" };
 * ```
 */
export type Labels = Readonly<Record<string, string>>;

/**
 * One `matchExpressions` entry of a `metav1.LabelSelector`.
 * `operator` is one of `In`, `NotIn`, `Exists`, `DoesNotExist` (case-sensitive).
 *
 * @example
 * ```ts
 * const r: LabelSelectorRequirement = { key: "disktype", operator: "In", values: ["ssd"] };
 * ```
 */
export interface LabelSelectorRequirement {
  /** The label key the expression tests. */
  key: string;
  /** `In`, `NotIn`, `Exists` or `DoesNotExist`. */
  operator: string;
  /** The values for `In` / `NotIn` (must be empty for `Exists` / `DoesNotExist`). */
  values?: string[] | null;
}

/**
 * A `metav1.LabelSelector` (for example `pvc.spec.selector`): `matchLabels` and `matchExpressions`,
 * ANDed. `{}` selects everything; a missing selector (`null`) selects nothing when converted with
 * {@link labelSelectorAsSelector}.
 *
 * @example
 * ```ts
 * const s: LabelSelector = { matchLabels: { zone: "a" }, matchExpressions: [{ key: "rack", operator: "Exists" }] };
 * ```
 */
export interface LabelSelector {
  /** Each entry requires `key=value`. */
  matchLabels?: Record<string, string> | null;
  /** Set-based requirements, ANDed with matchLabels. */
  matchExpressions?: LabelSelectorRequirement[] | null;
}

/**
 * One node selector requirement (`matchExpressions` or `matchFields` entry of a node selector term).
 * `operator` is one of `In`, `NotIn`, `Exists`, `DoesNotExist`, `Gt`, `Lt`.
 *
 * @example
 * ```ts
 * const r: NodeSelectorRequirement = { key: "kubernetes.io/hostname", operator: "In", values: ["node-1"] };
 * ```
 */
export interface NodeSelectorRequirement {
  /** A node label key (matchExpressions) or `metadata.name` (matchFields). */
  key: string;
  /** `In`, `NotIn`, `Exists`, `DoesNotExist`, `Gt` or `Lt` (matchFields: `In` / `NotIn` only). */
  operator: string;
  /** The operands: a set for `In` / `NotIn`, one integer for `Gt` / `Lt`, none for the others. */
  values?: string[] | null;
}

/**
 * One node selector term: its `matchExpressions` (on node labels) and `matchFields` (on
 * `metadata.name`) are ANDed. A term with neither matches nothing.
 *
 * @example
 * ```ts
 * const t: NodeSelectorTerm = { matchExpressions: [{ key: "zone", operator: "In", values: ["a"] }] };
 * ```
 */
export interface NodeSelectorTerm {
  /** Requirements on node labels. */
  matchExpressions?: NodeSelectorRequirement[] | null;
  /** Requirements on node fields (only `metadata.name`). */
  matchFields?: NodeSelectorRequirement[] | null;
}

/**
 * A `core/v1.NodeSelector` (for example `pv.spec.nodeAffinity.required`): its terms are ORed.
 *
 * @example
 * ```ts
 * const ns: NodeSelector = { nodeSelectorTerms: [{ matchExpressions: [{ key: "zone", operator: "In", values: ["a"] }] }] };
 * ```
 */
export interface NodeSelector {
  /** The terms, ORed; an empty list matches no node. */
  nodeSelectorTerms: NodeSelectorTerm[];
}

/**
 * One `matchLabelExpressions` entry of a StorageClass `allowedTopologies` term (an implicit `In`).
 *
 * @example
 * ```ts
 * const r: TopologySelectorLabelRequirement = { key: "topology.kubernetes.io/zone", values: ["a", "b"] };
 * ```
 */
export interface TopologySelectorLabelRequirement {
  /** The node label key, e.g. `topology.kubernetes.io/zone`. */
  key: string;
  /** The allowed values (non-empty, unique). */
  values: string[];
}

/**
 * One StorageClass `allowedTopologies` term: its expressions are ANDed; terms are ORed.
 *
 * @example
 * ```ts
 * const t: TopologySelectorTerm = { matchLabelExpressions: [{ key: "topology.kubernetes.io/zone", values: ["a"] }] };
 * ```
 */
export interface TopologySelectorTerm {
  /** The expressions, ANDed; an empty term matches nothing. */
  matchLabelExpressions?: TopologySelectorLabelRequirement[] | null;
}

/**
 * A node as far as selectors care: its name (for `matchFields` on `metadata.name`) and labels.
 * Either the flat form `{ name, labels }` or a Node object with `metadata: { name, labels }`.
 *
 * @example
 * ```ts
 * const a: NodeLike = { name: "node-1", labels: { zone: "a" } };
 * const b: NodeLike = { metadata: { name: "node-1", labels: { zone: "a" } } };
 * ```
 */
export type NodeLike =
  | {
      /** The node name (`metadata.name`); empty or missing = unknown. */
      name?: string | null;
      /** The node labels. */
      labels?: Labels | null;
      /** Absent in the flat form. */
      metadata?: undefined;
    }
  | {
      /** The node's metadata, as in a Node object. */
      metadata?: {
        /** The node name; empty or missing = unknown. */
        name?: string | null;
        /** The node labels. */
        labels?: Labels | null;
      } | null;
    };

/**
 * The operators of a parsed {@link Requirement}, spelled as `k8s.io/apimachinery/pkg/selection`
 * spells them: `exists` is a bare key, `!` is `!key` (does not exist), `gt` / `lt` are `>` / `<`.
 *
 * @example
 * ```ts
 * const op: Operator = "notin";
 * ```
 */
export type Operator = "=" | "==" | "!=" | "in" | "notin" | "exists" | "!" | "gt" | "lt";
