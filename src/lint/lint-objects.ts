/**
 * `lintObjects`: run every storage lint rule over a list of Kubernetes objects.
 *
 * @module
 */
import {
  claimNeverBinds,
  claimWithoutClassNoDefault,
  readWriteManyOnSingleNodeProvisioner,
  selectorWithDynamicProvisioning,
  storageClassNotFound,
  volumeNameChecks,
  waitForFirstConsumerWithVolumeName,
} from "./claim-rules.js";
import { multipleDefaultClasses, noProvisionerImmediateBinding } from "./class-rules.js";
import { buildLintContext } from "./lint-context.js";
import { SEVERITY_RANK, type LintFinding, type LintOptions } from "./lint-finding.js";
import { lintRule } from "./rule-table.js";
import {
  accessModesUnsupported,
  claimRefWithoutNamespace,
  deletePolicyWithoutDeleter,
  localVolumeWithoutNode,
  recycleWithoutRecycler,
  releasedVolumeKeepsClaimRef,
} from "./volume-rules.js";

/**
 * Lint storage objects (PersistentVolumes, PersistentVolumeClaims, StorageClasses; `List`s are
 * flattened, other kinds ignored) for mistakes the API server accepts but that never work or
 * surprise: see `LINT_RULES` and docs/lint.md. With `cluster`, rules that need to know what else
 * exists (classes, volumes, nodes) run too; classes in the input count as known as well.
 *
 * Findings come in input order, then by code. Pure and deterministic; never throws on garbage
 * (non-objects are skipped, a rule that cannot read an object reports nothing for it).
 *
 * @example
 * ```ts
 * const findings = lintObjects([pv, claim], { cluster: { storageClasses, volumes, nodes } });
 * for (const f of findings) console.log(`${f.code} ${f.severity} ${f.object.kind}/${f.object.name} ${f.field}: ${f.message}`);
 * ```
 */
export function lintObjects(objects: readonly unknown[], options: LintOptions = {}): LintFinding[] {
  const o: LintOptions = options ?? {};
  const ctx = buildLintContext(Array.isArray(objects) ? objects : [], o.cluster);
  const disabled = new Set(Array.isArray(o.disable) ? o.disable : []);
  const enabled = (codes: string[]) => codes.some((c) => !disabled.has(c) && !disabled.has(lintRule(c).rule));
  const out: LintFinding[] = [];
  const run = (codes: string[], f: () => LintFinding[]) => {
    if (!enabled(codes)) return;
    try {
      out.push(...f());
    } catch {
      // a rule meeting an object it cannot read stays silent; validation is the place for shape errors
    }
  };
  for (const s of ctx.volumes) {
    run(["KV001"], () => claimRefWithoutNamespace(s));
    run(["KV002", "KV003"], () => accessModesUnsupported(s));
    run(["KV004"], () => recycleWithoutRecycler(s));
    run(["KV005", "KV006"], () => localVolumeWithoutNode(s, ctx));
    run(["KV016"], () => releasedVolumeKeepsClaimRef(s));
    run(["KV017"], () => deletePolicyWithoutDeleter(s));
  }
  for (const s of ctx.claims) {
    run(["KV007"], () => selectorWithDynamicProvisioning(s, ctx));
    run(["KV008"], () => waitForFirstConsumerWithVolumeName(s, ctx));
    run(["KV009"], () => storageClassNotFound(s, ctx));
    run(["KV010"], () => claimNeverBinds(s, ctx));
    run(["KV013"], () => claimWithoutClassNoDefault(s, ctx));
    run(["KV014", "KV015"], () => volumeNameChecks(s, ctx));
    run(["KV018"], () => readWriteManyOnSingleNodeProvisioner(s, ctx));
  }
  for (const s of ctx.classes) {
    run(["KV011"], () => multipleDefaultClasses(s, ctx));
    run(["KV012"], () => noProvisionerImmediateBinding(s));
  }
  const min = SEVERITY_RANK[o.minSeverity ?? "info"];
  return out
    .filter((f) => !disabled.has(f.code) && !disabled.has(f.rule) && SEVERITY_RANK[f.severity] <= min)
    .sort((a, b) => a.object.index - b.object.index || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/**
 * Render a finding as one line, kubectl-style: `KV001 error PersistentVolume/pv1 spec.claimRef.namespace: ...`.
 *
 * @example
 * ```ts
 * lintObjects(objs).map(formatFinding).join("\n");
 * ```
 */
export function formatFinding(f: LintFinding): string {
  if (typeof f !== "object" || f === null) return String(f);
  // A finding from JSON may lack its object: every missing part reads as "?".
  const text = (x: unknown) => (typeof x === "string" ? x : "?");
  const o: Partial<LintFinding["object"]> = typeof f.object === "object" && f.object !== null ? f.object : {};
  const obj = `${text(o.kind)}/${o.namespace ? `${text(o.namespace)}/` : ""}${text(o.name)}`;
  return `${text(f.code)} ${text(f.severity)} ${obj} ${text(f.field)}: ${text(f.message)} (fix: ${text(f.hint)})`;
}
