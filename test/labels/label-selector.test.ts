import { describe, expect, it } from "vitest";
import {
  everything,
  formatLabels,
  labelSelectorAsMap,
  labelSelectorAsSelector,
  nothing,
  SelectorError,
  selectorFromSet,
  validateLabels,
  validateLabelSelector,
  type LabelSelector,
} from "../../src/labels/index.js";
import { NAME_PART_MSG, VALUE_MSG } from "./messages.js";

function conversionError(sel: unknown): string {
  try {
    labelSelectorAsSelector(sel as LabelSelector);
  } catch (e) {
    expect(e).toBeInstanceOf(SelectorError);
    return (e as Error).message;
  }
  throw new Error("expected a SelectorError");
}

describe("labelSelectorAsSelector (meta/v1 helpers.go)", () => {
  it("null/undefined → Nothing, {} → Everything", () => {
    for (const s of [null, undefined]) {
      const sel = labelSelectorAsSelector(s);
      expect(sel.matchesNothing()).toBe(true);
      expect(sel.matches({})).toBe(false);
      expect(sel.matches(undefined)).toBe(false);
      expect(sel.isEmpty()).toBe(false);
      expect(sel.toString()).toBe("");
      expect(sel.requirements()).toEqual([]);
    }
    for (const s of [{}, { matchLabels: {} }, { matchExpressions: [] }, { matchLabels: null, matchExpressions: null }]) {
      const sel = labelSelectorAsSelector(s);
      expect(sel.matchesNothing()).toBe(false);
      expect(sel.isEmpty()).toBe(true);
      expect(sel.matches({ any: "thing" })).toBe(true);
      expect(sel.matches(undefined)).toBe(true);
    }
  });

  it("converts matchLabels and matchExpressions, sorted by key", () => {
    const sel = labelSelectorAsSelector({
      matchLabels: { foo: "bar" },
      matchExpressions: [{ key: "baz", operator: "In", values: ["qux", "norf"] }],
    });
    expect(sel.toString()).toBe("baz in (norf,qux),foo=bar");
    expect(sel.matches({ foo: "bar", baz: "qux" })).toBe(true);
    expect(sel.matches({ foo: "bar", baz: "other" })).toBe(false);
    expect(sel.matches({ baz: "qux" })).toBe(false);
  });

  it.each<[LabelSelector, string]>([
    [{ matchExpressions: [{ key: "a", operator: "NotIn", values: ["x"] }] }, "a notin (x)"],
    [{ matchExpressions: [{ key: "a", operator: "Exists" }] }, "a"],
    [{ matchExpressions: [{ key: "a", operator: "DoesNotExist" }] }, "!a"],
    [{ matchExpressions: [{ key: "a", operator: "In", values: ["b", "a", "b"] }] }, "a in (a,b)"],
    [{ matchLabels: { z: "1", a: "2" } }, "a=2,z=1"],
    [{ matchLabels: { a: "" } }, "a="],
  ])("%j → %j", (sel, text) => {
    expect(labelSelectorAsSelector(sel).toString()).toBe(text);
  });

  it("has the PV-binder semantics of In / NotIn / Exists / DoesNotExist (metav1.LabelSelectorAsSelector)", () => {
    const sel = labelSelectorAsSelector({
      matchExpressions: [
        { key: "zone", operator: "In", values: ["a", "b"] },
        { key: "disk", operator: "NotIn", values: ["hdd"] },
        { key: "rack", operator: "Exists" },
        { key: "legacy", operator: "DoesNotExist" },
      ],
    });
    expect(sel.matches({ zone: "a", rack: "1" })).toBe(true);
    expect(sel.matches({ zone: "a", rack: "1", disk: "ssd" })).toBe(true);
    expect(sel.matches({ zone: "a", rack: "1", disk: "hdd" })).toBe(false);
    expect(sel.matches({ zone: "c", rack: "1" })).toBe(false);
    expect(sel.matches({ zone: "a" })).toBe(false);
    expect(sel.matches({ zone: "a", rack: "1", legacy: "" })).toBe(false);
  });

  it.each<[unknown, string]>([
    [{ matchExpressions: [{ key: "a", operator: "Gt", values: ["1"] }] }, '"Gt" is not a valid label selector operator'],
    [{ matchExpressions: [{ key: "a", operator: "in", values: ["1"] }] }, '"in" is not a valid label selector operator'],
    [{ matchExpressions: [{ key: "a", operator: "constructor" }] }, '"constructor" is not a valid label selector operator'],
    [
      { matchExpressions: [{ key: "a", operator: "In" }] },
      "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty",
    ],
    [
      { matchExpressions: [{ key: "a", operator: "In", values: [] }] },
      "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty",
    ],
    [
      { matchExpressions: [{ key: "a", operator: "Exists", values: ["x"] }] },
      'values: Invalid value: ["x"]: values set must be empty for exists and does not exist',
    ],
    [{ matchExpressions: [{ key: "a b", operator: "Exists" }] }, `key: Invalid value: "a b": ${NAME_PART_MSG}`],
    [{ matchLabels: { a: "-" } }, `values[0][a]: Invalid value: "-": ${VALUE_MSG}`],
    [{ matchLabels: { "b b": "x", "a a": "y" } }, `key: Invalid value: "a a": ${NAME_PART_MSG}`], // first in key order
    [{ matchExpressions: [{ key: "a", operator: "In", values: ["-x"] }] }, `values[0][a]: Invalid value: "-x": ${VALUE_MSG}`],
    [42, "a label selector must be an object"],
    [{ matchExpressions: {} }, "matchExpressions must be a list"],
    [{ matchLabels: [] }, "matchLabels must be a map of strings"],
    [{ matchLabels: { a: 1 } }, "matchLabels[a]: value must be a string"],
    [{ matchExpressions: [null] }, "matchExpressions[0]: must be an object"],
    [{ matchExpressions: [{ key: 1, operator: "In" }] }, "matchExpressions[0]: key must be a string"],
    [{ matchExpressions: [{ key: "a" }] }, '"" is not a valid label selector operator'],
    [{ matchExpressions: [{ operator: "Exists" }] }, `key: Invalid value: "": name part must be non-empty; ${NAME_PART_MSG}`],
    [{ matchExpressions: [{ key: "a", operator: "In", values: "x" }] }, "matchExpressions[0]: values must be a list of strings"],
  ])("%j fails with %j", (sel, message) => {
    expect(conversionError(sel)).toBe(message);
  });
});

describe("selectorFromSet, everything, nothing (labels.go / selector.go)", () => {
  it("builds one = requirement per entry, sorted by key", () => {
    const s = selectorFromSet({ foo: "bar", baz: "blah" });
    expect(s.toString()).toBe("baz=blah,foo=bar");
    expect(s.requirements().map((r) => r.operator)).toEqual(["=", "="]);
    expect(s.matches({ foo: "bar", baz: "blah", x: "y" })).toBe(true);
    expect(s.matches({ foo: "bar" })).toBe(false);
  });

  it("treats empty and missing maps as Everything", () => {
    expect(selectorFromSet({}).isEmpty()).toBe(true);
    expect(selectorFromSet(undefined).matches(undefined)).toBe(true);
    expect(selectorFromSet(null).isEmpty()).toBe(true);
  });

  it("does not validate (as SelectorFromSet)", () => {
    expect(selectorFromSet({ "a b": "=x" }).matches({ "a b": "=x" })).toBe(true);
  });

  it("has Everything and Nothing", () => {
    expect(everything().matches({ x: "y" })).toBe(true);
    expect(everything().isEmpty()).toBe(true);
    expect(everything().toString()).toBe("");
    expect(nothing().matches({ x: "y" })).toBe(false);
    expect(nothing().isEmpty()).toBe(false);
    expect(nothing().toString()).toBe("");
    expect(
      nothing()
        .add(...selectorFromSet({ a: "b" }).requirements())
        .matchesNothing(),
    ).toBe(true);
    expect(
      everything()
        .add(...selectorFromSet({ a: "b" }).requirements())
        .toString(),
    ).toBe("a=b");
  });

  it("formats label maps", () => {
    expect(formatLabels({ b: "2", a: "1" })).toBe("a=1,b=2");
    expect(formatLabels({})).toBe("<none>");
    expect(formatLabels(undefined)).toBe("<none>");
  });
});

describe("labelSelectorAsMap (meta/v1 helpers.go)", () => {
  it("converts matchLabels and single-value In", () => {
    expect(labelSelectorAsMap({ matchLabels: { a: "1" }, matchExpressions: [{ key: "b", operator: "In", values: ["2"] }] })).toEqual({
      a: "1",
      b: "2",
    });
    expect(labelSelectorAsMap(null)).toBeUndefined();
  });

  it.each<[LabelSelector, string]>([
    [
      { matchExpressions: [{ key: "b", operator: "In", values: ["1", "2"] }] },
      'operator "In" without a single value cannot be converted into the old label selector format',
    ],
    [
      { matchExpressions: [{ key: "b", operator: "NotIn", values: ["1"] }] },
      'operator "NotIn" cannot be converted into the old label selector format',
    ],
    [{ matchExpressions: [{ key: "b", operator: "Exists" }] }, 'operator "Exists" cannot be converted into the old label selector format'],
    [{ matchExpressions: [{ key: "b", operator: "Foo" }] }, '"Foo" is not a valid selector operator'],
  ])("%j fails with %j", (sel, message) => {
    expect(() => labelSelectorAsMap(sel)).toThrow(message);
  });
});

describe("validateLabels / validateLabelSelector (validation.go IsValidLabelValue, meta/v1 validation)", () => {
  it("reports key and value errors at the map path, one per message", () => {
    expect(validateLabels({ "a/b/c": "x", ok: "-bad", fine: "ok" }, "metadata.labels").map(String)).toEqual([
      expect.stringContaining('metadata.labels: Invalid value: "a/b/c": a valid label key must consist'),
      `metadata.labels: Invalid value: "-bad": ${VALUE_MSG}`,
    ]);
    expect(validateLabels({ "": "-".repeat(64) }, "l").map(String)).toEqual([
      'l: Invalid value: "": name part must be non-empty',
      `l: Invalid value: "": ${NAME_PART_MSG}`,
      `l: Invalid value: "${"-".repeat(64)}": must be no more than 63 bytes`,
      `l: Invalid value: "${"-".repeat(64)}": ${VALUE_MSG}`,
    ]);
    expect(validateLabels(undefined, "x")).toEqual([]);
    expect(validateLabels({ a: "b" }, "x")).toEqual([]);
  });

  it("accepts null and valid selectors", () => {
    expect(validateLabelSelector(null, "spec.selector")).toEqual([]);
    expect(validateLabelSelector({}, "spec.selector")).toEqual([]);
    expect(
      validateLabelSelector(
        {
          matchLabels: { a: "b" },
          matchExpressions: [
            { key: "c", operator: "In", values: ["d"] },
            { key: "e", operator: "DoesNotExist" },
          ],
        },
        "spec.selector",
      ),
    ).toEqual([]);
  });

  it("reports every problem with the API messages", () => {
    const errs = validateLabelSelector(
      {
        matchLabels: { "bad key": "v" },
        matchExpressions: [
          { key: "a", operator: "In" },
          { key: "b", operator: "NotIn", values: [] },
          { key: "c", operator: "Exists", values: ["x"] },
          { key: "d", operator: "DoesNotExist", values: ["x"] },
          { key: "e", operator: "Gt", values: ["1"] },
          { key: "-f", operator: "In", values: ["-1", "ok"] },
        ],
      },
      "spec.selector",
    ).map(String);
    expect(errs).toEqual([
      `spec.selector.matchLabels: Invalid value: "bad key": ${NAME_PART_MSG}`,
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      "spec.selector.matchExpressions[1].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      "spec.selector.matchExpressions[2].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      "spec.selector.matchExpressions[3].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      'spec.selector.matchExpressions[4].operator: Invalid value: "Gt": not a valid selector operator',
      `spec.selector.matchExpressions[5].key: Invalid value: "-f": ${NAME_PART_MSG}`,
      `spec.selector.matchExpressions[5].values[0]: Invalid value: "-1": ${VALUE_MSG}`,
    ]);
  });

  it("honours the backward-compatibility options", () => {
    const sel: LabelSelector = { matchExpressions: [{ key: "a", operator: "Foo", values: ["-1"] }] };
    expect(validateLabelSelector(sel, "s").map(String)).toEqual([
      's.matchExpressions[0].operator: Invalid value: "Foo": not a valid selector operator',
      `s.matchExpressions[0].values[0]: Invalid value: "-1": ${VALUE_MSG}`,
    ]);
    expect(validateLabelSelector(sel, "s", { allowInvalidLabelValueInSelector: true, allowUnknownOperatorInRequirement: true })).toEqual(
      [],
    );
  });

  it("renders the FieldError types", () => {
    const [e] = validateLabelSelector({ matchExpressions: [{ key: "a", operator: "In" }] }, "p");
    expect(e?.type).toBe("FieldValueRequired");
    expect(e?.field).toBe("p.matchExpressions[0].values");
  });
});
