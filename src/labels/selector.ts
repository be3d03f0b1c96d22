/**
 * Compiled label selectors: an AND of requirements sorted by key, plus the two special selectors
 * Everything (no requirements) and Nothing (matches no object).
 *
 * @module
 */
import { makeRequirement, type Requirement } from "./requirement.js";
import { compareStrings, safeString } from "./strings.js";
import type { Labels } from "./types.js";

/**
 * A compiled label selector. Build one with {@link parseSelector}, {@link labelSelectorAsSelector},
 * {@link selectorFromSet}, {@link everything} or {@link nothing}; then call `matches` as often as
 * you like — it allocates nothing.
 *
 * @example
 * ```ts
 * const s = parseSelector("zone in (a,b),!deprecated");
 * s.matches({ zone: "a" });               // true
 * s.matches({ zone: "a", deprecated: "" }); // false
 * s.toString();                          // "!deprecated,zone in (a,b)"
 * s.requirements().map((r) => r.key);    // ["deprecated", "zone"]
 * ```
 */
export interface Selector {
  /** Whether the labels satisfy every requirement (`undefined` = an object without labels). */
  matches(labels: Labels | undefined): boolean;
  /** True for a selector without requirements (Everything); false for Nothing. */
  isEmpty(): boolean;
  /** The canonical string form; `""` for Everything and for Nothing. */
  toString(): string;
  /** The requirements, sorted by key (stable). Nothing has none. */
  requirements(): readonly Requirement[];
  /** True only for Nothing (the conversion of a `null` LabelSelector). */
  matchesNothing(): boolean;
  /**
   * If the first requirement on `key` pins a single value (`=`, `==`, or `in` with one value),
   * that value; otherwise `undefined` (apimachinery's `RequiresExactMatch`).
   */
  requiresExactMatch(key: string): string | undefined;
  /** A new selector with more requirements (re-sorted by key); Nothing stays Nothing. */
  add(...requirements: Requirement[]): Selector;
}

type Matcher = (labels: Labels | undefined) => boolean;

const matchAll: Matcher = () => true;

/** An AND of requirements; `matches` is specialised for 0, 1, 2 and n requirements. */
class RequirementsSelector implements Selector {
  readonly matches: Matcher;
  private readonly reqs: readonly Requirement[];

  constructor(reqs: readonly Requirement[]) {
    this.reqs = Object.freeze(reqs.slice());
    this.matches = compile(this.reqs);
  }

  isEmpty(): boolean {
    return this.reqs.length === 0;
  }

  toString(): string {
    return this.reqs.map((r) => r.toString()).join(",");
  }

  requirements(): readonly Requirement[] {
    return this.reqs;
  }

  matchesNothing(): boolean {
    return false;
  }

  requiresExactMatch(key: string): string | undefined {
    for (const r of this.reqs) {
      if (r.key !== key) continue;
      const pins = r.operator === "=" || r.operator === "==" || r.operator === "in";
      return pins && r.values.length === 1 ? r.values[0] : undefined;
    }
    return undefined;
  }

  add(...requirements: Requirement[]): Selector {
    return selectorOf([...this.reqs, ...requirements]);
  }
}

function compile(reqs: readonly Requirement[]): Matcher {
  switch (reqs.length) {
    case 0:
      return matchAll;
    case 1:
      return reqs[0]!.matches;
    case 2: {
      const m0 = reqs[0]!.matches;
      const m1 = reqs[1]!.matches;
      return (labels) => m0(labels) && m1(labels);
    }
    default: {
      const ms = reqs.map((r) => r.matches);
      return (labels) => {
        for (let i = 0; i < ms.length; i++) if (!ms[i]!(labels)) return false;
        return true;
      };
    }
  }
}

/** The selector that matches nothing (what a `null` LabelSelector converts to). */
class NothingSelector implements Selector {
  matches(_labels: Labels | undefined): boolean {
    return false;
  }
  isEmpty(): boolean {
    return false;
  }
  toString(): string {
    return "";
  }
  requirements(): readonly Requirement[] {
    return [];
  }
  matchesNothing(): boolean {
    return true;
  }
  requiresExactMatch(_key: string): string | undefined {
    return undefined;
  }
  add(..._requirements: Requirement[]): Selector {
    return this;
  }
}

const EVERYTHING: Selector = new RequirementsSelector([]);
const NOTHING: Selector = new NothingSelector();

/**
 * A selector over the given requirements, stably sorted by key (byte order) as Kubernetes sorts
 * them for a deterministic string form.
 *
 * @example
 * ```ts
 * selectorOf([newRequirement("b", "exists"), newRequirement("a", "=", ["x"])]).toString(); // "a=x,b"
 * ```
 */
export function selectorOf(requirements: readonly Requirement[]): Selector {
  if (requirements.length === 0) return EVERYTHING;
  const sorted = requirements.slice().sort((x, y) => compareStrings(x.key, y.key));
  return new RequirementsSelector(sorted);
}

/**
 * The selector with no requirements: matches every object (also objects without labels) and prints
 * as `""`.
 *
 * @example
 * ```ts
 * everything().matches(undefined); // true
 * everything().isEmpty();          // true
 * ```
 */
export function everything(): Selector {
  return EVERYTHING;
}

/**
 * The selector that matches no object; prints as `""`, `isEmpty()` is false and adding
 * requirements keeps it Nothing.
 *
 * @example
 * ```ts
 * nothing().matches({ a: "b" }); // false
 * nothing().matchesNothing();    // true
 * ```
 */
export function nothing(): Selector {
  return NOTHING;
}

/**
 * A selector requiring every `key=value` of a label map (no validation, as apimachinery's
 * `SelectorFromSet`); an empty or missing map gives Everything.
 *
 * @example
 * ```ts
 * selectorFromSet({ zone: "a", disktype: "ssd" }).toString(); // "disktype=ssd,zone=a"
 * selectorFromSet({}).isEmpty();                              // true
 * ```
 */
export function selectorFromSet(set: Labels | null | undefined): Selector {
  if (set == null) return EVERYTHING;
  const reqs: Requirement[] = [];
  for (const k of Object.keys(set)) reqs.push(makeRequirement(k, "=", [safeString(set[k])]));
  return selectorOf(reqs);
}

/**
 * Render a label map as `k=v` pairs sorted by key and joined by `,` (`<none>` when empty), as
 * apimachinery's `FormatLabels` does.
 *
 * @example
 * ```ts
 * formatLabels({ b: "2", a: "1" }); // "a=1,b=2"
 * formatLabels({});                 // "<none>"
 * ```
 */
export function formatLabels(labels: Labels | null | undefined): string {
  const keys = labels == null ? [] : Object.keys(labels).sort(compareStrings);
  if (keys.length === 0) return "<none>";
  return keys.map((k) => `${k}=${safeString(labels![k])}`).join(",");
}
