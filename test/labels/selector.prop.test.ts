import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkVolumeNodeAffinity,
  compileNodeSelector,
  isDNS1123Label,
  isDNS1123Subdomain,
  labelSelectorAsMap,
  labelSelectorAsSelector,
  nodeSelectorMatches,
  parseSelector,
  requiredNodeAffinityMatches,
  SelectorError,
  topologySelectorMatches,
  validateLabelKey,
  validateLabels,
  validateLabelSelector,
  validateLabelValue,
  type LabelSelector,
  type Labels,
  type NodeSelector,
  type TopologySelectorTerm,
} from "../../src/labels/index.js";

// Small alphabets so that keys collide and values repeat.
const keyArb = fc.constantFrom<string>("a", "b", "zone", "example.com/tier", "in", "notin", "x.y_z-1");
const valueArb = fc.constantFrom<string>("", "1", "2", "10", "-", "a", "b", "ssd", "in", "007");
const labelsArb: fc.Arbitrary<Labels> = fc.dictionary(keyArb, valueArb, { maxKeys: 5 });

type Op = "=" | "==" | "!=" | "in" | "notin" | "exists" | "!" | ">" | "<";
interface ReqModel {
  key: string;
  op: Op;
  values: string[];
}

const intValueArb = fc.constantFrom<string>("0", "1", "2", "10", "007", "9223372036854775807");
const reqArb: fc.Arbitrary<ReqModel> = fc.oneof(
  fc.record({
    key: keyArb,
    op: fc.constantFrom<Op>("=", "==", "!="),
    values: fc.tuple(fc.constantFrom<string>("", "1", "2", "a", "ssd")).map((t) => [...t]),
  }),
  // Go's list grammar refuses a doubled comma right before ')' ("(a,,)"), so the generator lists each
  // value once, the empty value first ("(,a)"); the odd spellings are covered by the example tables.
  fc.record({
    key: keyArb,
    op: fc.constantFrom<Op>("in", "notin"),
    values: fc.uniqueArray(fc.constantFrom<string>("", "1", "a", "b", "ssd", "in"), { minLength: 1, maxLength: 4 }).map((v) => v.sort()),
  }),
  fc.record({ key: keyArb, op: fc.constantFrom<Op>("exists", "!"), values: fc.constant<string[]>([]) }),
  fc.record({ key: keyArb, op: fc.constantFrom<Op>(">", "<"), values: fc.tuple(intValueArb).map((t) => [...t]) }),
);

function render(r: ReqModel, ws: string): string {
  switch (r.op) {
    case "exists":
      return r.key;
    case "!":
      return `!${ws}${r.key}`;
    case "in":
    case "notin":
      return `${r.key} ${r.op}${ws}(${r.values.join(`${ws},`)})`;
    default:
      return `${r.key}${ws}${r.op}${ws}${r.values[0]}`;
  }
}

/** An independent model of selector.go Requirement.Matches. */
function int64(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]{1,25}$/.test(s)) return undefined;
  const b = BigInt(s);
  return b >= -(2n ** 63n) && b <= 2n ** 63n - 1n ? b : undefined;
}
function modelMatches(r: ReqModel, labels: Labels): boolean {
  const has = Object.hasOwn(labels, r.key);
  const v = labels[r.key];
  switch (r.op) {
    case "=":
    case "==":
    case "in":
      return has && r.values.includes(v!);
    case "!=":
    case "notin":
      return !has || !r.values.includes(v!);
    case "exists":
      return has;
    case "!":
      return !has;
    case ">":
    case "<": {
      if (!has) return false;
      const x = int64(v!);
      const y = int64(r.values[0]!);
      if (x === undefined || y === undefined) return false;
      return r.op === ">" ? x > y : x < y;
    }
  }
}

const selectorArb = fc.tuple(fc.array(reqArb, { maxLength: 5 }), fc.constantFrom<string>("", " ", "\t", "  \n"));

describe("selector properties", () => {
  it("toString() re-parses to an equal selector (same string, same matching)", () => {
    fc.assert(
      fc.property(selectorArb, fc.array(labelsArb, { maxLength: 6 }), ([reqs, ws], samples) => {
        const s = parseSelector(reqs.map((r) => render(r, ws)).join(`${ws},${ws}`));
        const again = parseSelector(s.toString());
        expect(again.toString()).toBe(s.toString());
        expect(again.requirements().map((r) => [r.key, r.operator, r.values])).toEqual(
          s.requirements().map((r) => [r.key, r.operator, r.values]),
        );
        for (const l of samples) expect(again.matches(l)).toBe(s.matches(l));
      }),
      { numRuns: 300 },
    );
  });

  it("matches is the AND of the requirements, and agrees with an independent model", () => {
    fc.assert(
      fc.property(selectorArb, labelsArb, ([reqs, ws], labels) => {
        const s = parseSelector(reqs.map((r) => render(r, ws)).join(","));
        const and = s.requirements().every((r) => r.matches(labels));
        expect(s.matches(labels)).toBe(and);
        expect(s.matches(labels)).toBe(reqs.every((r) => modelMatches(r, labels)));
      }),
      { numRuns: 500 },
    );
  });

  it("requirements are sorted by key and their values sorted and unique", () => {
    fc.assert(
      fc.property(selectorArb, ([reqs]) => {
        const rs = parseSelector(reqs.map((r) => render(r, "")).join(",")).requirements();
        const keys = rs.map((r) => r.key);
        expect(keys).toEqual([...keys].sort());
        for (const r of rs) expect(r.values).toEqual([...new Set(r.values)].sort());
      }),
      { numRuns: 200 },
    );
  });

  it("random strings never throw anything but SelectorError", () => {
    const alphabet = fc.constantFrom<string>(
      "a",
      "b",
      "x",
      "1",
      "-",
      "_",
      ".",
      "/",
      " ",
      "\t",
      "=",
      "!",
      "(",
      ")",
      ",",
      ">",
      "<",
      "in",
      "notin",
      "\u0000",
      "é",
      "𝒳",
      "\ud800",
    );
    const soup = fc.array(alphabet, { maxLength: 30 }).map((a) => a.join(""));
    fc.assert(
      fc.property(fc.oneof(soup, fc.string({ maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 20 })), (text) => {
        try {
          const s = parseSelector(text);
          // whatever parses must print and re-parse to itself
          expect(parseSelector(s.toString()).toString()).toBe(s.toString());
        } catch (e) {
          if (!(e instanceof SelectorError)) throw e;
          expect(e.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("garbage LabelSelectors never throw anything but SelectorError", () => {
    const anyValue = fc.oneof(
      fc.string({ maxLength: 5 }),
      fc.integer(),
      fc.constant(null),
      fc.constant(undefined),
      fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }),
    );
    const exprArb = fc.oneof(
      fc.record(
        {
          key: fc.oneof(keyArb, anyValue),
          operator: fc.oneof(fc.constantFrom<string>("In", "NotIn", "Exists", "DoesNotExist", "Gt", "in", "constructor"), anyValue),
          values: fc.oneof(anyValue, fc.array(valueArb, { maxLength: 3 })),
        },
        { requiredKeys: [] },
      ),
      anyValue,
    );
    const selArb = fc.oneof(
      fc.record(
        {
          matchLabels: fc.oneof(
            fc.dictionary(fc.oneof(keyArb, fc.string({ maxLength: 4 })), fc.oneof(valueArb, anyValue), { maxKeys: 3 }),
            anyValue,
          ),
          matchExpressions: fc.oneof(fc.array(exprArb, { maxLength: 3 }), anyValue),
        },
        { requiredKeys: [] },
      ),
      anyValue,
    );
    fc.assert(
      fc.property(selArb, labelsArb, (sel, labels) => {
        try {
          const s = labelSelectorAsSelector(sel as LabelSelector);
          s.matches(labels);
        } catch (e) {
          if (!(e instanceof SelectorError)) throw e;
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("valid LabelSelectors convert to the AND of their parts", () => {
    const exprArb = fc
      .record({
        key: keyArb,
        operator: fc.constantFrom<string>("In", "NotIn", "Exists", "DoesNotExist"),
        values: fc.array(fc.constantFrom<string>("", "1", "a", "b"), { minLength: 1, maxLength: 3 }),
      })
      .map((e) => (e.operator === "Exists" || e.operator === "DoesNotExist" ? { key: e.key, operator: e.operator } : e));
    fc.assert(
      fc.property(
        fc.dictionary(keyArb, fc.constantFrom<string>("", "1", "a", "ssd"), { maxKeys: 3 }),
        fc.array(exprArb, { maxLength: 3 }),
        labelsArb,
        (matchLabels, matchExpressions, labels) => {
          const s = labelSelectorAsSelector({ matchLabels, matchExpressions });
          const expected =
            Object.entries(matchLabels).every(([k, v]) => Object.hasOwn(labels, k) && labels[k] === v) &&
            matchExpressions.every((e) => {
              const has = Object.hasOwn(labels, e.key);
              const vals = "values" in e ? e.values : [];
              switch (e.operator) {
                case "In":
                  return has && vals.includes(labels[e.key]!);
                case "NotIn":
                  return !has || !vals.includes(labels[e.key]!);
                case "Exists":
                  return has;
                default:
                  return !has;
              }
            });
          expect(s.matches(labels)).toBe(expected);
          // the canonical string of a converted selector parses back to the same selector
          const again = parseSelector(s.toString());
          expect(again.toString()).toBe(s.toString());
          expect(again.matches(labels)).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("node selectors OR their terms", () => {
    const termArb = fc.array(
      fc
        .record({
          key: keyArb,
          operator: fc.constantFrom<string>("In", "NotIn", "Exists", "DoesNotExist"),
          values: fc.array(fc.constantFrom<string>("1", "a"), { minLength: 1, maxLength: 2 }),
        })
        .map((e) => (e.operator === "Exists" || e.operator === "DoesNotExist" ? { key: e.key, operator: e.operator } : e)),
      { maxLength: 3 },
    );
    fc.assert(
      fc.property(fc.array(termArb, { maxLength: 3 }), labelsArb, (terms, labels) => {
        const sel: NodeSelector = { nodeSelectorTerms: terms.map((t) => ({ matchExpressions: t })) };
        const expected = terms.some((t) => t.length > 0 && labelSelectorAsSelector({ matchExpressions: t }).matches(labels));
        expect(nodeSelectorMatches(sel, { labels })).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe("name validation agrees with the anchored regexes", () => {
  const chars = fc.constantFrom<string>("a", "Z", "0", "-", "_", ".", "/", "é", " ");
  const str = fc.array(chars, { maxLength: 12 }).map((a) => a.join(""));
  const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
  const SUB = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
  const LAB = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

  it("label keys", () => {
    fc.assert(
      fc.property(str, (k) => {
        const parts = k.split("/");
        const valid = parts.length === 1 ? NAME.test(k) : parts.length === 2 && SUB.test(parts[0]!) && NAME.test(parts[1]!);
        expect(validateLabelKey(k).length === 0).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });

  it("label values, subdomains and labels", () => {
    fc.assert(
      fc.property(str, (v) => {
        expect(validateLabelValue(v).length === 0).toBe(v === "" || NAME.test(v));
        expect(isDNS1123Subdomain(v).length === 0).toBe(SUB.test(v));
        expect(isDNS1123Label(v).length === 0).toBe(LAB.test(v));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("garbage input never crashes", () => {
  const junk = fc.anything({ maxDepth: 3, maxKeys: 3, withNullPrototype: false });
  const reqLike = fc.oneof(
    fc.record(
      {
        key: fc.oneof(keyArb, junk),
        operator: fc.oneof(fc.constantFrom<string>("In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt", "Foo"), junk),
        values: fc.oneof(fc.array(fc.oneof(valueArb, junk), { maxLength: 3 }), junk),
      },
      { requiredKeys: [] },
    ),
    junk,
  );
  const termLike = fc.oneof(
    fc.record(
      {
        matchExpressions: fc.oneof(fc.array(reqLike, { maxLength: 3 }), junk),
        matchFields: fc.oneof(fc.array(reqLike, { maxLength: 2 }), junk),
      },
      { requiredKeys: [] },
    ),
    junk,
  );
  const nodeSelLike = fc.oneof(fc.record({ nodeSelectorTerms: fc.oneof(fc.array(termLike, { maxLength: 3 }), junk) }), junk);
  const nodeLike = fc.oneof(
    fc.record({ name: fc.oneof(fc.string({ maxLength: 5 }), junk), labels: fc.oneof(labelsArb, junk) }, { requiredKeys: [] }),
    fc.record({ metadata: fc.oneof(fc.record({ name: fc.string({ maxLength: 5 }), labels: labelsArb }, { requiredKeys: [] }), junk) }),
    junk,
  );

  it("node selectors, topology terms and PV affinity", () => {
    fc.assert(
      fc.property(
        nodeSelLike,
        nodeLike,
        fc.oneof(
          fc.array(fc.record({ matchLabelExpressions: fc.oneof(fc.array(reqLike, { maxLength: 2 }), junk) }), { maxLength: 2 }),
          junk,
        ),
        (sel, node, topo) => {
          const m = compileNodeSelector(sel as NodeSelector);
          expect(typeof m.matches(node as Parameters<typeof m.matches>[0])).toBe("boolean");
          expect(typeof nodeSelectorMatches(sel as NodeSelector, node as Parameters<typeof nodeSelectorMatches>[1])).toBe("boolean");
          const err = checkVolumeNodeAffinity(
            { spec: { nodeAffinity: { required: sel as NodeSelector } } },
            (node as { labels?: Labels } | null)?.labels,
          );
          expect(err === undefined || typeof err === "string").toBe(true);
          expect(typeof topologySelectorMatches(topo as TopologySelectorTerm[], (node as { labels?: Labels } | null)?.labels)).toBe(
            "boolean",
          );
          expect(
            typeof requiredNodeAffinityMatches(
              { spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: sel as NodeSelector } } } },
              node as Parameters<typeof nodeSelectorMatches>[1],
            ),
          ).toBe("boolean");
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("validation of label maps and selectors", () => {
    fc.assert(
      fc.property(
        junk,
        fc.oneof(
          fc.record({ matchLabels: junk, matchExpressions: fc.oneof(fc.array(reqLike, { maxLength: 3 }), junk) }, { requiredKeys: [] }),
          junk,
        ),
        (labels, sel) => {
          expect(Array.isArray(validateLabels(labels as Record<string, string>, "l"))).toBe(true);
          expect(Array.isArray(validateLabelSelector(sel as LabelSelector, "s"))).toBe(true);
          try {
            labelSelectorAsMap(sel as LabelSelector);
          } catch (e) {
            if (!(e instanceof SelectorError)) throw e;
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
