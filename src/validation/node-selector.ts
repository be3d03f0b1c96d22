/**
 * NodeSelector and TopologySelectorTerm validation (kubernetes/kubernetes pkg/apis/core/validation/validation.go, `ValidateNodeSelector`, `validateTopologySelectorTerm`): PV node affinity and
 * StorageClass allowedTopologies.
 *
 * @module
 */
import { child, duplicate, forbidden, index, invalid, required, type FieldError } from "../field/index.js";
import { isDNS1123Subdomain, validateLabelValue, validateQualifiedName } from "../labels/index.js";
import type { Reader, Rec } from "./reader.js";

/** One node-selector expression (`matchExpressions[j]`). */
function requirementErrors(r: Reader, rq: Rec, allowInvalidLabelValue: boolean, path: string, errs: FieldError[]): void {
  const operator = r.s(rq, "operator", path);
  const values = r.strList(rq, "values", path) ?? [];
  switch (operator) {
    case "In":
    case "NotIn":
      if (values.length === 0) errs.push(required(child(path, "values"), "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case "Exists":
    case "DoesNotExist":
      if (values.length > 0)
        errs.push(forbidden(child(path, "values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    case "Gt":
    case "Lt":
      if (values.length !== 1) errs.push(required(child(path, "values"), "must be specified single value when `operator` is 'Lt' or 'Gt'"));
      break;
    default:
      errs.push(invalid(child(path, "operator"), operator, "not a valid selector operator"));
  }
  errs.push(...validateQualifiedName(r.s(rq, "key", path), child(path, "key")));
  if (!allowInvalidLabelValue) {
    const vp = child(path, "values");
    values.forEach((v, k) => {
      for (const msg of validateLabelValue(v)) errs.push(invalid(index(vp, k), v, msg));
    });
  }
}

/** One node field-selector expression (`matchFields[j]`): only `metadata.name` In/NotIn one value. */
function fieldRequirementErrors(r: Reader, rq: Rec, path: string, errs: FieldError[]): void {
  const operator = r.s(rq, "operator", path);
  const values = r.strList(rq, "values", path) ?? [];
  if (operator === "In" || operator === "NotIn") {
    if (values.length !== 1) {
      errs.push(required(child(path, "values"), "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
    }
  } else {
    errs.push(invalid(child(path, "operator"), operator, "not a valid selector operator"));
  }
  const key = r.s(rq, "key", path);
  if (key !== "metadata.name") {
    errs.push(invalid(child(path, "key"), key, "not a valid field selector key"));
    return;
  }
  const vp = child(path, "values");
  values.forEach((v, i) => {
    for (const msg of isDNS1123Subdomain(v)) errs.push(invalid(index(vp, i), v, msg));
  });
}

/**
 * `ValidateNodeSelector` at `path` (e.g. `spec.nodeAffinity.required`), appended to `errs`.
 * An empty term is valid here (it simply matches nothing).
 * @internal
 */
export function nodeSelectorErrors(r: Reader, sel: Rec, allowInvalidLabelValue: boolean, path: string, errs: FieldError[]): void {
  const termsPath = child(path, "nodeSelectorTerms");
  const terms = r.objList(sel, "nodeSelectorTerms", path) ?? [];
  if (terms.length === 0) {
    errs.push(required(termsPath, "must have at least one node selector term"));
    return;
  }
  terms.forEach((term, i) => {
    const tp = index(termsPath, i);
    (r.objList(term, "matchExpressions", tp) ?? []).forEach((rq, j) =>
      requirementErrors(r, rq, allowInvalidLabelValue, index(child(tp, "matchExpressions"), j), errs),
    );
    (r.objList(term, "matchFields", tp) ?? []).forEach((rq, j) => fieldRequirementErrors(r, rq, index(child(tp, "matchFields"), j), errs));
  });
}

/**
 * `true` when some required term of a node selector has a value that is not a valid label value
 * (then, on update, such values stay tolerated: `AllowInvalidLabelValueInRequiredNodeAffinity`).
 * @internal
 */
export function hasInvalidLabelValueInNodeSelectorTerms(terms: unknown): boolean {
  if (!Array.isArray(terms)) return false;
  for (const term of terms) {
    const exprs = (term as Rec | null)?.matchExpressions;
    if (!Array.isArray(exprs)) continue;
    for (const e of exprs) {
      const values = (e as Rec | null)?.values;
      if (!Array.isArray(values)) continue;
      for (const v of values) if (typeof v === "string" && validateLabelValue(v).length > 0) return true;
    }
  }
  return false;
}

/**
 * `ValidateTopologySelectorTerm`: each expression needs values (no duplicates) and a valid key;
 * a key may appear once per term. Returns the term reduced to key → set of values.
 * @internal
 */
export function topologySelectorTermErrors(r: Reader, term: Rec, path: string, errs: FieldError[]): Map<string, Set<string>> {
  const exprMap = new Map<string, Set<string>>();
  const exprPath = child(path, "matchLabelExpressions");
  (r.objList(term, "matchLabelExpressions", path) ?? []).forEach((rq, i) => {
    const ip = index(exprPath, i);
    const valuesPath = child(ip, "values");
    const values = r.strList(rq, "values", ip) ?? [];
    if (values.length === 0) errs.push(required(valuesPath));
    const set = new Set<string>();
    values.forEach((v, k) => {
      if (set.has(v)) errs.push(duplicate(index(valuesPath, k), v));
      set.add(v);
    });
    const key = r.s(rq, "key", ip);
    errs.push(...validateQualifiedName(key, child(ip, "key")));
    if (exprMap.has(key)) errs.push(duplicate(child(ip, "key"), key));
    exprMap.set(key, set);
  });
  return exprMap;
}

/**
 * Deep equality of two reduced topology terms (an empty map equals a nil one).
 * @internal
 */
export function sameTopology(a: Map<string, Set<string>>, b: Map<string, Set<string>>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, va] of a) {
    const vb = b.get(k);
    if (vb === undefined || vb.size !== va.size) return false;
    for (const v of va) if (!vb.has(v)) return false;
  }
  return true;
}
