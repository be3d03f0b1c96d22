/**
 * The table of lint rules: stable codes, names, severities and one-line summaries. Codes are never
 * reused or renumbered; docs/lint.md documents each one with an example and its fix.
 *
 * @module
 */
import { safeString } from "../labels/strings.js";
import type { LintFinding, LintRuleInfo } from "./lint-finding.js";
import type { LintSubject } from "./lint-context.js";

function rule(code: string, name: string, severity: LintRuleInfo["severity"], summary: string, needsCluster = false): LintRuleInfo {
  return Object.freeze({ code, rule: name, severity, summary, needsCluster });
}

/**
 * Every lint rule, by code.
 *
 * @example
 * ```ts
 * LINT_RULES.find((r) => r.code === "KV001")?.rule; // "claim-ref-without-namespace"
 * ```
 */
export const LINT_RULES: readonly LintRuleInfo[] = Object.freeze([
  rule(
    "KV001",
    "claim-ref-without-namespace",
    "error",
    "A volume's spec.claimRef lacks a namespace or name, so it can never match a claim.",
  ),
  rule(
    "KV002",
    "access-mode-unsupported-by-plugin",
    "error",
    "A volume offers an access mode its volume plugin cannot provide (e.g. ReadWriteMany on RBD or EBS).",
  ),
  rule("KV003", "read-write-once-pod-requires-csi", "error", "ReadWriteOncePod is only supported for CSI volumes."),
  rule(
    "KV004",
    "recycle-without-recycler",
    "error",
    "Recycle on a source other than NFS or hostPath: the controller fails the volume when it is released.",
  ),
  rule("KV005", "local-volume-without-node", "error", "A local volume's node affinity does not pin it to a node."),
  rule("KV006", "local-volume-unknown-node", "warning", "A local volume's node affinity names only nodes that do not exist.", true),
  rule(
    "KV007",
    "selector-with-dynamic-provisioning",
    "warning",
    "A claim with a selector in a class that provisions dynamically: provisioners refuse selectors.",
  ),
  rule(
    "KV008",
    "wait-for-first-consumer-with-volume-name",
    "warning",
    "A claim sets spec.volumeName in a WaitForFirstConsumer class: binding bypasses the scheduler.",
  ),
  rule("KV009", "storage-class-not-found", "error", "A claim names a StorageClass that does not exist.", true),
  rule("KV010", "claim-never-binds", "error", "No volume can satisfy the claim and its class cannot provision one.", true),
  rule("KV011", "multiple-default-classes", "warning", "More than one StorageClass is marked default; only the newest is used."),
  rule(
    "KV012",
    "no-provisioner-immediate-binding",
    "warning",
    "A kubernetes.io/no-provisioner class binds Immediately: local volumes need WaitForFirstConsumer.",
  ),
  rule(
    "KV013",
    "claim-without-class-no-default",
    "info",
    "A claim without storageClassName while no default class exists: it binds only class-less volumes.",
    true,
  ),
  rule(
    "KV014",
    "volume-name-mismatch",
    "error",
    "A claim's spec.volumeName names a volume that cannot satisfy it or is bound elsewhere.",
    true,
  ),
  rule("KV015", "volume-name-not-found", "warning", "A claim's spec.volumeName names a volume that does not exist.", true),
  rule(
    "KV016",
    "released-volume-keeps-claim-ref",
    "info",
    "A Released volume keeps its old claimRef.uid and will not bind again until it is cleared.",
  ),
  rule(
    "KV017",
    "delete-policy-without-deleter",
    "warning",
    "Delete on a static hostPath or local volume: there is no deleter, the volume goes Failed.",
  ),
  rule(
    "KV018",
    "read-write-many-on-single-node-provisioner",
    "error",
    "A ReadWriteMany filesystem claim in a class whose provisioner makes single-node volumes (EBS, PD, Azure Disk, ...).",
  ),
]);

const BY_CODE = new Map(LINT_RULES.map((r) => [r.code, r]));

/**
 * A rule's info by code (throws on an unknown code: a programming error in a rule).
 *
 * @example
 * ```ts
 * lintRule("KV004").severity; // "error"
 * ```
 */
export function lintRule(code: string): LintRuleInfo {
  const r = BY_CODE.get(code);
  if (!r) throw new Error(`unknown lint rule ${safeString(code)}`);
  return r;
}

/**
 * Build a finding of rule `code` about `subject` at `field`, with the rule's default severity
 * unless `severity` overrides it.
 *
 * @example
 * ```ts
 * finding("KV001", subject, "spec.claimRef.namespace", "claimRef has no namespace", "Set spec.claimRef.namespace.");
 * ```
 */
export function finding(
  code: string,
  subject: LintSubject<unknown>,
  field: string,
  message: string,
  hint: string,
  severity?: LintFinding["severity"],
): LintFinding {
  const r = lintRule(code);
  return { code: r.code, rule: r.rule, severity: severity ?? r.severity, message, hint, object: { ...subject.ref }, field };
}
