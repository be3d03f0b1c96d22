/**
 * `metav1.LabelSelector` (matchLabels + matchExpressions): conversion to a {@link Selector},
 * conversion to the old map form, and the API server's validation of selectors and label maps.
 *
 * @module
 */
import { aggregateMessage, child, forbidden, goQuote, index, invalid, required, type FieldError } from "../field/index.js";
import { validateQualifiedName } from "./label-key.js";
import { validateLabelValue } from "./label-value.js";
import { tryRequirement, type Requirement } from "./requirement.js";
import { SelectorError } from "./selector-error.js";
import { everything, nothing, selectorOf, type Selector } from "./selector.js";
import { compareStrings } from "./strings.js";
import type { LabelSelector, LabelSelectorRequirement, Operator } from "./types.js";

const LABEL_SELECTOR_OPERATORS: Readonly<Record<string, Operator>> = {
  In: "in",
  NotIn: "notin",
  Exists: "exists",
  DoesNotExist: "!",
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The values of an expression as Go would see them: `null` for a missing or empty list. */
function expressionValues(expr: LabelSelectorRequirement, where: string): string[] | null {
  const values: unknown = expr.values;
  if (values == null) return null;
  if (!Array.isArray(values) || values.some((v) => typeof v !== "string")) {
    throw new SelectorError(`${where}: values must be a list of strings`);
  }
  return values.length === 0 ? null : (values as string[]).slice();
}

/**
 * Convert a `metav1.LabelSelector` to a {@link Selector} (apimachinery's `LabelSelectorAsSelector`):
 * `null`/`undefined` → Nothing, `{}` (no labels, no expressions) → Everything; each matchLabels
 * entry becomes `key=value`, each expression `in` / `notin` / `exists` / `!`. Requirements are
 * sorted by key; matchLabels are taken in key order. Throws a {@link SelectorError} with
 * Kubernetes' message for an unknown operator (`"Foo" is not a valid label selector operator`) or
 * the first invalid requirement (`values: Invalid value: null: for 'in', 'notin' operators, ...`).
 *
 * Note that the PV binder only filters by `pvc.spec.selector` when it is set: callers that mean
 * "missing selector = no filter" must check for `null` themselves.
 *
 * @example
 * ```ts
 * labelSelectorAsSelector({ matchLabels: { foo: "bar" }, matchExpressions: [{ key: "baz", operator: "In", values: ["qux", "norf"] }] })
 *   .toString();                              // "baz in (norf,qux),foo=bar"
 * labelSelectorAsSelector(null).matches({});  // false (Nothing)
 * labelSelectorAsSelector({}).matches({});    // true (Everything)
 * ```
 */
export function labelSelectorAsSelector(selector: LabelSelector | null | undefined): Selector {
  if (selector == null) return nothing();
  if (!isRecord(selector)) throw new SelectorError("a label selector must be an object");
  const matchLabels: unknown = selector.matchLabels ?? {};
  const matchExpressions: unknown = selector.matchExpressions ?? [];
  if (!isRecord(matchLabels)) throw new SelectorError("matchLabels must be a map of strings");
  if (!Array.isArray(matchExpressions)) throw new SelectorError("matchExpressions must be a list");
  const keys = Object.keys(matchLabels).sort(compareStrings);
  if (keys.length + matchExpressions.length === 0) return everything();
  const reqs: Requirement[] = [];
  for (const k of keys) {
    const v = matchLabels[k];
    if (typeof v !== "string") throw new SelectorError(`matchLabels[${k}]: value must be a string`);
    reqs.push(requirementOrThrow(k, "=", [v]));
  }
  matchExpressions.forEach((expr: unknown, i) => reqs.push(expressionRequirement(expr, `matchExpressions[${i}]`)));
  return selectorOf(reqs);
}

/** One matchExpressions entry as a requirement, or the SelectorError Kubernetes would return. */
function expressionRequirement(expr: unknown, where: string): Requirement {
  if (!isRecord(expr)) throw new SelectorError(`${where}: must be an object`);
  // Go's zero value for a missing string field is ""
  const key = expr.key ?? "";
  const opName = expr.operator ?? "";
  if (typeof key !== "string") throw new SelectorError(`${where}: key must be a string`);
  if (typeof opName !== "string") throw new SelectorError(`${where}: operator must be a string`);
  const op = Object.hasOwn(LABEL_SELECTOR_OPERATORS, opName) ? LABEL_SELECTOR_OPERATORS[opName] : undefined;
  if (op === undefined) throw new SelectorError(`${goQuote(opName)} is not a valid label selector operator`);
  return requirementOrThrow(key, op, expressionValues(expr as unknown as LabelSelectorRequirement, where));
}

function requirementOrThrow(key: string, op: Operator, values: string[] | null): Requirement {
  const r = tryRequirement(key, op, values);
  if (r.requirement === undefined) throw new SelectorError(aggregateMessage(r.errors), r.errors);
  return r.requirement;
}

/**
 * Convert a LabelSelector to the old `map[string]string` form (apimachinery's
 * `LabelSelectorAsMap`): matchLabels plus every `In` expression with exactly one value. Throws a
 * {@link SelectorError} with Kubernetes' message for anything else. `null` → `undefined`.
 *
 * @example
 * ```ts
 * labelSelectorAsMap({ matchLabels: { a: "1" }, matchExpressions: [{ key: "b", operator: "In", values: ["2"] }] });
 * // { a: "1", b: "2" }
 * ```
 */
export function labelSelectorAsMap(selector: LabelSelector | null | undefined): Record<string, string> | undefined {
  if (selector == null) return undefined;
  if (!isRecord(selector)) throw new SelectorError("a label selector must be an object");
  const exprs: unknown = selector.matchExpressions ?? [];
  if (!Array.isArray(exprs)) throw new SelectorError("matchExpressions must be a list");
  const out: Record<string, string> = { ...(selector.matchLabels ?? {}) };
  for (const raw of exprs as unknown[]) {
    if (!isRecord(raw)) throw new SelectorError("a matchExpressions entry must be an object");
    const expr = raw as unknown as LabelSelectorRequirement;
    switch (expr.operator) {
      case "In":
        if (!Array.isArray(expr.values) || expr.values.length !== 1) {
          throw new SelectorError(
            `operator ${goQuote(expr.operator)} without a single value cannot be converted into the old label selector format`,
          );
        }
        // defineProperty: a "__proto__" key must become a plain entry, not a prototype
        Object.defineProperty(out, String(expr.key ?? ""), { value: expr.values[0], enumerable: true, writable: true, configurable: true });
        break;
      case "NotIn":
      case "Exists":
      case "DoesNotExist":
        throw new SelectorError(`operator ${goQuote(expr.operator)} cannot be converted into the old label selector format`);
      default:
        throw new SelectorError(`${goQuote(String(expr.operator ?? ""))} is not a valid selector operator`);
    }
  }
  return out;
}

/**
 * Options of {@link validateLabelSelector} (apimachinery's `LabelSelectorValidationOptions`).
 *
 * @example
 * ```ts
 * const opts: LabelSelectorValidationOptions = { allowInvalidLabelValueInSelector: true };
 * ```
 */
export interface LabelSelectorValidationOptions {
  /** Skip the label-value check of expression values (backward compatibility on update). */
  allowInvalidLabelValueInSelector?: boolean;
  /** Accept operators other than In / NotIn / Exists / DoesNotExist. */
  allowUnknownOperatorInRequirement?: boolean;
}

/**
 * API validation of a label map (`metadata.labels`, `matchLabels`): every key must be a qualified
 * name and every value a valid label value. Errors are reported at `path` itself (no `[key]`),
 * one per message, keys taken in sorted order (Go iterates the map in random order).
 *
 * @example
 * ```ts
 * validateLabels({ "a b": "c" }, "metadata.labels")[0]?.toString();
 * // 'metadata.labels: Invalid value: "a b": name part must consist of alphanumeric characters, ...'
 * ```
 */
export function validateLabels(labels: Record<string, string> | null | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (labels == null || typeof labels !== "object") return errs;
  for (const k of Object.keys(labels).sort(compareStrings)) {
    errs.push(...validateQualifiedName(k, path));
    const v: unknown = labels[k];
    if (typeof v !== "string") {
      errs.push(invalid(path, v, "must be a string"));
      continue;
    }
    for (const msg of validateLabelValue(v)) errs.push(invalid(path, v, msg));
  }
  return errs;
}

/**
 * API validation of a `metav1.LabelSelector` at `path` (apimachinery's `ValidateLabelSelector`);
 * `null` is valid. matchLabels are checked as a label map at `path.matchLabels`; each expression
 * gets the operator / value-count check, the key check and (unless allowed) value checks.
 *
 * @example
 * ```ts
 * validateLabelSelector({ matchExpressions: [{ key: "a", operator: "In" }] }, "spec.selector").map(String);
 * // ["spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"]
 * ```
 */
export function validateLabelSelector(
  selector: LabelSelector | null | undefined,
  path: string,
  opts: LabelSelectorValidationOptions = {},
): FieldError[] {
  const errs: FieldError[] = [];
  if (selector == null || typeof selector !== "object") return errs;
  errs.push(...validateLabels(selector.matchLabels, child(path, "matchLabels")));
  const exprs = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  exprs.forEach((expr, i) => errs.push(...validateLabelSelectorRequirement(expr, index(child(path, "matchExpressions"), i), opts)));
  return errs;
}

/**
 * API validation of one LabelSelector expression at `path` (apimachinery's
 * `ValidateLabelSelectorRequirement`).
 *
 * @example
 * ```ts
 * validateLabelSelectorRequirement({ key: "a", operator: "Exists", values: ["x"] }, "e").map(String);
 * // ["e.values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"]
 * ```
 */
export function validateLabelSelectorRequirement(
  expr: LabelSelectorRequirement,
  path: string,
  opts: LabelSelectorValidationOptions = {},
): FieldError[] {
  const errs: FieldError[] = [];
  if (!isRecord(expr)) expr = { key: "", operator: "" };
  const values: unknown[] = Array.isArray(expr.values) ? expr.values : [];
  switch (expr.operator) {
    case "In":
    case "NotIn":
      if (values.length === 0) errs.push(required(child(path, "values"), "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case "Exists":
    case "DoesNotExist":
      if (values.length > 0)
        errs.push(forbidden(child(path, "values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    default:
      if (!opts.allowUnknownOperatorInRequirement)
        errs.push(invalid(child(path, "operator"), expr.operator ?? "", "not a valid selector operator"));
  }
  errs.push(...validateQualifiedName(typeof expr.key === "string" ? expr.key : "", child(path, "key")));
  if (!opts.allowInvalidLabelValueInSelector) {
    values.forEach((v, j) => {
      const p = index(child(path, "values"), j);
      if (typeof v !== "string") errs.push(invalid(p, v, "must be a string"));
      else for (const msg of validateLabelValue(v)) errs.push(invalid(p, v, msg));
    });
  }
  return errs;
}
