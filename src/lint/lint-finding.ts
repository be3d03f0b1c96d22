/**
 * The shapes of the storage lint: rules with stable codes, and findings pointing at one object and
 * one field.
 *
 * @module
 */
import type { Node, PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from "../api/index.js";

/**
 * How bad a finding is: `error` (it will not work), `warning` (it probably will not do what you expect), `info`.
 *
 * @example
 * ```ts
 * lintObjects(objects, { minSeverity: "warning" as LintSeverity });
 * ```
 */
export type LintSeverity = "error" | "warning" | "info";

/**
 * Which object a finding is about.
 *
 * @example
 * ```ts
 * const ref: LintObjectRef = { kind: "PersistentVolumeClaim", name: "data", namespace: "db", index: 3 };
 * ```
 */
export interface LintObjectRef {
  kind: string;
  name: string;
  namespace?: string;
  /** Position of the object in the input list. */
  index: number;
}

/**
 * One problem found in one object.
 *
 * @example
 * ```ts
 * const f: LintFinding = lintObjects(objects)[0]!;
 * console.log(`${f.code} ${f.object.name} ${f.field}: ${f.message}`);
 * ```
 */
export interface LintFinding {
  /** Stable code, e.g. `KV001`. */
  code: string;
  /** Stable rule name, e.g. `claim-ref-without-namespace`. */
  rule: string;
  severity: LintSeverity;
  /** What is wrong, in one sentence. */
  message: string;
  /** How to fix it. */
  hint: string;
  object: LintObjectRef;
  /** The field path (`spec.claimRef.namespace`), in the API server's path syntax. */
  field: string;
}

/**
 * A rule's identity and documentation (the check itself lives in the rule table).
 *
 * @example
 * ```ts
 * const rule: LintRuleInfo = LINT_RULES[0]!; // { code: "KV001", rule: "claim-ref-without-namespace", ... }
 * ```
 */
export interface LintRuleInfo {
  code: string;
  rule: string;
  severity: LintSeverity;
  /** One line: what the rule catches. */
  summary: string;
  /** Whether the rule needs a cluster snapshot (or the related objects in the input) to run. */
  needsCluster: boolean;
}

/**
 * The cluster the linted objects will meet: everything already there.
 *
 * @example
 * ```ts
 * const cluster: LintCluster = { storageClasses, volumes, nodes };
 * lintObjects(manifests, { cluster });
 * ```
 */
export interface LintCluster {
  volumes?: readonly PersistentVolume[];
  claims?: readonly PersistentVolumeClaim[];
  storageClasses?: readonly StorageClass[];
  nodes?: readonly Node[];
  pods?: readonly Pod[];
}

/**
 * Options of {@link lintObjects}.
 *
 * @example
 * ```ts
 * const options: LintOptions = { disable: ["KV013"], minSeverity: "warning" };
 * ```
 */
export interface LintOptions {
  /** A cluster snapshot: enables the rules that need to know what else exists. */
  cluster?: LintCluster;
  /** Codes or rule names to skip. */
  disable?: readonly string[];
  /** Only findings at least this severe (`error` > `warning` > `info`). Default `info` (all). */
  minSeverity?: LintSeverity;
}

/**
 * Order of severities, most severe first.
 *
 * @example
 * ```ts
 * SEVERITY_RANK.error < SEVERITY_RANK.info; // true
 * ```
 */
export const SEVERITY_RANK: Readonly<Record<LintSeverity, number>> = { error: 0, warning: 1, info: 2 };
