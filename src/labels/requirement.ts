/**
 * One label requirement (`key in (a,b)`, `!key`, `key>3`, ...): Kubernetes' `NewRequirement`
 * checks, and a matcher compiled once so that matching allocates nothing.
 *
 * @module
 */
import { aggregateMessage, child, index, invalid, key as keyPath, notSupported, type FieldError } from "../field/index.js";
import { parseInt64, compareInt64 } from "./int64.js";
import { isQualifiedName } from "./label-key.js";
import { validateLabelValue } from "./label-value.js";
import { SelectorError } from "./selector-error.js";
import { sortedUnique } from "./strings.js";
import type { Labels, Operator } from "./types.js";

/**
 * A parsed, validated label requirement. `values` are sorted (byte order) and unique.
 *
 * @example
 * ```ts
 * const r = parseSelector("disktype in (ssd,nvme)").requirements()[0]!;
 * r.key;      // "disktype"
 * r.operator; // "in"
 * r.values;   // ["nvme", "ssd"]
 * r.matches({ disktype: "ssd" }); // true
 * ```
 */
export interface Requirement {
  /** The label key. */
  readonly key: string;
  /** The operator (`in`, `notin`, `=`, `==`, `!=`, `exists`, `!`, `gt`, `lt`). */
  readonly operator: Operator;
  /** Sorted (byte order), unique. Empty for `exists` and `!`. */
  readonly values: readonly string[];
  /** Whether a label map satisfies this requirement (`undefined` = no labels). */
  matches(labels: Labels | undefined): boolean;
  /** The canonical string form (`key in (a,b)`, `!key`, `key=`, ...). */
  toString(): string;
}

/**
 * The operators `NewRequirement` accepts, in the order its NotSupported message lists them.
 *
 * @example
 * ```ts
 * REQUIREMENT_OPERATORS.includes("notin"); // true
 * ```
 */
export const REQUIREMENT_OPERATORS: readonly Operator[] = ["in", "notin", "=", "==", "!=", "gt", "lt", "exists", "!"];

const OPERATOR_SET: ReadonlySet<string> = new Set(REQUIREMENT_OPERATORS);

/** Up to this many values a linear scan beats a Set lookup. */
const LINEAR_MAX = 8;

type Matcher = (labels: Labels | undefined) => boolean;

/**
 * Run `NewRequirement`'s checks: all of them, accumulated, with paths under `base`
 * (`""` = no base path: `key`, `values`, `values[0][k]`). `values` is rendered as given in errors
 * (`null` for a missing list, as Go renders a nil slice).
 *
 * @example
 * ```ts
 * requirementErrors("x", "in", null, "").map(String);
 * // ["values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty"]
 * ```
 */
export function requirementErrors(key: string, op: string, values: readonly string[] | null, base: string): FieldError[] {
  const errs: FieldError[] = [];
  // Paths are built from `base` and `key` as text: anything else (a JS caller can pass anything) reads as "".
  if (typeof base !== "string") base = "";
  const keyMsgs = isQualifiedName(key);
  if (keyMsgs.length > 0) errs.push(invalid(child(base, "key"), key, keyMsgs.join("; ")));
  const valuesPath = child(base, "values");
  // A value that is not a list (JSON can hold one) is one error, then checked as an empty list.
  if (values != null && !Array.isArray(values)) errs.push(invalid(valuesPath, values, "must be a list of strings"));
  const vals: readonly string[] = Array.isArray(values) ? values : [];
  switch (op) {
    case "in":
    case "notin":
      if (vals.length === 0) errs.push(invalid(valuesPath, values, "for 'in', 'notin' operators, values set can't be empty"));
      break;
    case "=":
    case "==":
    case "!=":
      if (vals.length !== 1) errs.push(invalid(valuesPath, values, "exact-match compatibility requires one single value"));
      break;
    case "exists":
    case "!":
      if (vals.length !== 0) errs.push(invalid(valuesPath, values, "values set must be empty for exists and does not exist"));
      break;
    case "gt":
    case "lt":
      if (vals.length !== 1) errs.push(invalid(valuesPath, values, "for 'Gt', 'Lt' operators, exactly one value is required"));
      vals.forEach((v, i) => {
        if (parseInt64(v) === undefined) {
          errs.push(invalid(index(valuesPath, i), v, "for 'Gt', 'Lt' operators, the value must be an integer"));
        }
      });
      break;
    default:
      errs.push(notSupported(child(base, "operator"), op, REQUIREMENT_OPERATORS));
  }
  vals.forEach((v, i) => {
    const msgs = validateLabelValue(v);
    if (msgs.length > 0) errs.push(invalid(keyPath(index(valuesPath, i), typeof key === "string" ? key : ""), v, msgs.join("; ")));
  });
  return errs;
}

/** A requirement object; its `matches` is a closure specialised for the operator and value count. */
class LabelRequirement implements Requirement {
  readonly matches: Matcher;

  constructor(
    readonly key: string,
    readonly operator: Operator,
    readonly values: readonly string[],
  ) {
    this.matches = compileMatcher(key, operator, values);
    Object.freeze(values);
  }

  toString(): string {
    const { key, operator, values } = this;
    switch (operator) {
      case "!":
        return `!${key}`;
      case "exists":
        return key;
      case "in":
      case "notin":
        return `${key} ${operator} (${values.join(",")})`;
      case "gt":
        return `${key}>${values.join(",")}`;
      case "lt":
        return `${key}<${values.join(",")}`;
      default:
        return `${key}${operator}${values.join(",")}`;
    }
  }
}

/**
 * Build a requirement from already validated parts (values are sorted and de-duplicated here).
 *
 * @example
 * ```ts
 * makeRequirement("zone", "in", ["b", "a"]).toString(); // "zone in (a,b)"
 * ```
 */
export function makeRequirement(key: string, op: Operator, values: readonly string[]): Requirement {
  return new LabelRequirement(key, op, sortedUnique(values));
}

/**
 * Validate and build a requirement; `{ errors }` (non-empty) when Kubernetes would refuse it.
 * Internal building block of the parser and the converters.
 *
 * @example
 * ```ts
 * tryRequirement("zone", "=", ["a"]).requirement?.toString(); // "zone=a"
 * tryRequirement("zone", "=", []).errors.length;              // 1
 * ```
 */
export function tryRequirement(
  key: string,
  op: string,
  values: readonly string[] | null,
  base = "",
): { requirement: Requirement; errors: [] } | { requirement: undefined; errors: FieldError[] } {
  const errors = requirementErrors(key, op, values, base);
  if (errors.length > 0 || !OPERATOR_SET.has(op)) return { requirement: undefined, errors };
  return { requirement: makeRequirement(key, op as Operator, values ?? []), errors: [] };
}

/**
 * Kubernetes' `NewRequirement`: validate the key, the operator, the value count and every value,
 * and build a requirement. Throws a {@link SelectorError} whose message is the aggregate of all
 * problems (`key: Invalid value: ...`, `values: Invalid value: ...`), paths under `path` if given.
 *
 * @example
 * ```ts
 * newRequirement("zone", "in", ["b", "a", "a"]).toString(); // "zone in (a,b)"
 * newRequirement("zone", "in", []);
 * // throws SelectorError: "values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty"
 * ```
 */
export function newRequirement(key: string, operator: Operator | string, values: readonly string[] | null = [], path = ""): Requirement {
  const r = tryRequirement(key, operator, values, path);
  if (r.requirement === undefined) throw new SelectorError(aggregateMessage(r.errors), r.errors);
  return r.requirement;
}

function compileMatcher(key: string, op: Operator, values: readonly string[]): Matcher {
  switch (op) {
    case "in":
    case "=":
    case "==":
      return inMatcher(key, values);
    case "notin":
    case "!=": {
      const inner = inMatcher(key, values);
      return (labels) => !inner(labels);
    }
    case "exists":
      return (labels) => labels != null && typeof labels[key] === "string";
    case "!":
      return (labels) => labels == null || typeof labels[key] !== "string";
    case "gt":
    case "lt":
      return intMatcher(key, op, values);
  }
}

/** Key present with one of the values. `typeof` guards against inherited properties (`constructor`). */
function inMatcher(key: string, values: readonly string[]): Matcher {
  if (values.length === 0) return () => false;
  if (values.length === 1) {
    const v0 = values[0]!;
    return (labels) => labels != null && labels[key] === v0;
  }
  if (values.length === 2) {
    const v0 = values[0]!;
    const v1 = values[1]!;
    return (labels) => {
      if (labels == null) return false;
      const v = labels[key];
      return v === v0 || v === v1;
    };
  }
  if (values.length <= LINEAR_MAX) {
    const arr = values.slice();
    return (labels) => {
      if (labels == null) return false;
      const v = labels[key];
      if (typeof v !== "string") return false;
      for (let i = 0; i < arr.length; i++) if (arr[i] === v) return true;
      return false;
    };
  }
  const set: ReadonlySet<string> = new Set(values);
  return (labels) => {
    if (labels == null) return false;
    const v = labels[key];
    return typeof v === "string" && set.has(v);
  };
}

/** Key present, both sides parse as int64, strict inequality holds; anything else is false. */
function intMatcher(key: string, op: "gt" | "lt", values: readonly string[]): Matcher {
  const operand = values.length === 1 ? parseInt64(values[0]!) : undefined;
  if (operand === undefined) return () => false;
  const sign = op === "gt" ? 1 : -1;
  return (labels) => {
    if (labels == null) return false;
    const v = labels[key];
    if (typeof v !== "string") return false;
    const x = parseInt64(v);
    return x !== undefined && compareInt64(x, operand) * sign > 0;
  };
}
