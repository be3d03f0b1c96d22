/**
 * Conformance tables re-expressed from apimachinery's `pkg/labels/selector_test.go`,
 * `pkg/util/validation/validation_test.go`, `pkg/apis/meta/v1/helpers_test.go` and component-helpers'
 * `scheduling/corev1/nodeaffinity/nodeaffinity_test.go`, with upstream's exact message texts
 * (`pkg/labels/selector.go`, `pkg/util/validation/validation.go`).
 */
import { describe, expect, it } from "vitest";
import {
  SelectorError,
  checkVolumeNodeAffinity,
  compileNodeSelector,
  everything,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  labelSelectorAsSelector,
  newRequirement,
  nodeSelectorMatches,
  nothing,
  parseSelector,
  requiredNodeAffinityMatches,
  selectorFromSet,
  selectorOf,
  topologySelectorMatches,
  validateLabelKey,
  validateLabelValue,
  type LabelSelector,
  type Labels,
  type NodeSelector,
  type NodeSelectorTerm,
  type TopologySelectorTerm,
} from "../../src/labels/index.js";
import { LABEL_MSG, NAME_PART_MSG, SUBDOMAIN_MSG, THREE_PARTS_MSG, VALUE_MSG } from "./messages.js";

const OPS = "in, notin, =, ==, !=, gt, lt";
const REQ = "unable to parse requirement: ";

function parseError(text: string): string {
  try {
    parseSelector(text);
  } catch (e) {
    expect(e).toBeInstanceOf(SelectorError);
    return (e as Error).message;
  }
  throw new Error(`parseSelector(${JSON.stringify(text)}) did not throw`);
}

function requirementError(key: string, op: string, values: string[] | null): string {
  try {
    newRequirement(key, op, values);
  } catch (e) {
    expect(e).toBeInstanceOf(SelectorError);
    return (e as Error).message;
  }
  throw new Error(`newRequirement(${key}, ${op}) did not throw`);
}

describe("TestSelectorParse", () => {
  it.each(["x=a,y=b,z=c", "", "x!=a,y=b", "x=", "x= ", "x=,z= ", "x= ,z= ", "!x", "x>1", "x>1,z<5"])(
    "%j parses and prints back without spaces",
    (s) => {
      expect(parseSelector(s).toString()).toBe(s.replaceAll(" ", ""));
    },
  );

  it.each(["x=a||y=b", "x==a==b", "!x=a", "x<a"])("%j is rejected", (s) => {
    expect(() => parseSelector(s)).toThrow(SelectorError);
  });

  it("TestDeterministicParse: key order does not matter", () => {
    expect(parseSelector("x=a,a=x").toString()).toBe(parseSelector("a=x,x=a").toString());
    expect(parseSelector("x=a,a=x").toString()).toBe("a=x,x=a");
  });
});

describe("TestSelectorMatches", () => {
  const cases: Array<[string, Labels, boolean]> = [
    ["", { x: "y" }, true],
    ["x=y", { x: "y" }, true],
    ["x=y,z=w", { x: "y", z: "w" }, true],
    ["x!=y,z!=w", { x: "z", z: "a" }, true],
    ["notin=in", { notin: "in" }, true],
    ["x", { x: "z" }, true],
    ["!x", { y: "z" }, true],
    ["x>1", { x: "2" }, true],
    ["x<1", { x: "0" }, true],
    ["x=z", {}, false],
    ["x=y", { x: "z" }, false],
    ["x=y,z=w", { x: "w", z: "w" }, false],
    ["x!=y,z!=w", { x: "z", z: "w" }, false],
    ["x", { y: "z" }, false],
    ["!x", { x: "z" }, false],
    ["x>1", { x: "0" }, false],
    ["x<1", { x: "2" }, false],
    ["foo=bar", { foo: "bar", baz: "blah" }, true],
    ["baz=blah", { foo: "bar", baz: "blah" }, true],
    ["foo=bar,baz=blah", { foo: "bar", baz: "blah" }, true],
    ["foo=blah", { foo: "bar", baz: "blah" }, false],
    ["baz=bar", { foo: "bar", baz: "blah" }, false],
    ["foo=bar,foobar=bar,baz=blah", { foo: "bar", baz: "blah" }, false],
    // selector.go Requirement.Matches
    ["x", { x: "" }, true],
    ["x>1", { x: "+5" }, true],
    ["x>1", { x: "01" }, false],
    ["x>01", { x: "2" }, true],
    ["x<5", { x: "-3" }, true],
    ["x>1", { x: "v2" }, false],
    ["x>1", {}, false],
    ["x>1", { x: " 2" }, false],
    ["x>1", { x: "99999999999999999999" }, false],
    ["x=a,x=b", { x: "a" }, false],
    ["x in (a),x notin (a)", { x: "a" }, false],
    ["x notin (a)", {}, true],
    ["x!=a", {}, true],
    ["x in ()", { x: "" }, true],
    ["x=", { x: "" }, true],
    ["x=", {}, false],
    ["in in (in)", { in: "in" }, true],
    // Gt/Lt compare int64 exactly (doubles cannot tell these apart).
    ["x>9223372036854775806", { x: "9223372036854775807" }, true],
    ["x<9223372036854775807", { x: "9223372036854775806" }, true],
    ["x>9223372036854775806", { x: "9223372036854775806" }, false],
    ["x>9007199254740992", { x: "9007199254740993" }, true],
    ["x<9007199254740993", { x: "9007199254740992" }, true],
    ["x>1", { x: "9223372036854775808" }, false],
    ["x<1", { x: "-9223372036854775808" }, true],
    ["x<1", { x: "-9223372036854775809" }, false],
    ["x>1", { x: "2.0" }, false],
    ["x>1", { x: "" }, false],
    ["x>0", { x: "-0" }, false],
    ["x<1", { x: "-0" }, true],
  ];
  it.each(cases)("%j against %j → %s", (sel, labels, want) => {
    expect(parseSelector(sel).matches(labels)).toBe(want);
  });

  it("undefined labels behave as an empty set", () => {
    expect(parseSelector("!x").matches(undefined)).toBe(true);
    expect(parseSelector("x").matches(undefined)).toBe(false);
    expect(parseSelector("").matches(undefined)).toBe(true);
  });
});

describe("TestSetMatches / TestNilMapIsValid / TestSetIsEmpty / TestEverything", () => {
  const labelset = { foo: "bar", baz: "blah" };
  it.each<Labels>([{}, { foo: "bar" }, { baz: "blah" }, { foo: "bar", baz: "blah" }])("selectorFromSet(%j) matches", (set) => {
    expect(selectorFromSet(set).matches(labelset)).toBe(true);
  });
  it("a set with another value does not match", () => {
    expect(selectorFromSet({ foo: "blah" }).matches(labelset)).toBe(false);
    expect(selectorFromSet({ foo: "bar", foobar: "bar" }).matches(labelset)).toBe(false);
  });
  it("nil/empty sets are Everything", () => {
    expect(selectorFromSet({}).isEmpty()).toBe(true);
    expect(selectorFromSet(null as unknown as Labels).isEmpty()).toBe(true);
    expect(selectorFromSet({}).matches({ x: "y" })).toBe(true);
  });
  it("set selectors are sorted `=` requirements", () => {
    expect(selectorFromSet({ z: "1", a: "2", m: "" }).toString()).toBe("a=2,m=,z=1");
    expect(
      selectorFromSet({ key: "val" })
        .requirements()
        .map((r) => [r.key, r.operator, [...r.values]]),
    ).toEqual([["key", "=", ["val"]]]);
  });
  it("Everything matches everything and is empty; Nothing matches nothing and is not", () => {
    expect(everything().matches({ x: "y" })).toBe(true);
    expect(everything().isEmpty()).toBe(true);
    expect(everything().toString()).toBe("");
    expect(nothing().matches({ x: "y" })).toBe(false);
    expect(nothing().matches({})).toBe(false);
    expect(nothing().isEmpty()).toBe(false);
    expect(nothing().toString()).toBe("");
    expect(nothing().matchesNothing()).toBe(true);
    expect(
      nothing()
        .add(newRequirement("x", "exists", []))
        .matches({ x: "1" }),
    ).toBe(false);
  });
  it("only whitespace parses as Everything", () => {
    expect(parseSelector("  \t\n ").isEmpty()).toBe(true);
  });
});

describe("TestParseOperator (operator position errors)", () => {
  it.each([
    ["x !", "!"],
    ["x exists", "exists"],
    ["x (", "("],
    ["a (", "("],
    ["x nott in (y)", "nott"],
  ])("%j → found %j", (s, lit) => {
    expect(parseError(s)).toBe(`${REQ}found '${lit}', expected: ${OPS}`);
  });
  it.each(["x in (a)", "x=a", "x==a", "x>1", "x<1", "x notin (a)", "x!=a"])("%j is accepted", (s) => {
    expect(() => parseSelector(s)).not.toThrow();
  });
});

describe("TestRequirementConstructor", () => {
  const ok: Array<[string, string, string[] | null, string]> = [
    ["x3", "in", ["foo"], "x3 in (foo)"],
    ["x4", "notin", ["foo"], "x4 notin (foo)"],
    ["x6", "exists", [], "x6"],
    ["x7", "!", [], "!x7"],
    ["x6", "exists", null, "x6"],
    ["x9", "in", ["bar"], "x9 in (bar)"],
    ["x11", "gt", ["1"], "x11>1"],
    ["x12", "lt", ["6"], "x12<6"],
    ["x", "=", ["a"], "x=a"],
    ["x", "==", ["a"], "x==a"],
    ["x", "!=", ["a"], "x!=a"],
    ["x", "in", ["b", "a", "a"], "x in (a,b)"],
    ["x", "gt", ["01"], "x>01"],
  ];
  it.each(ok)("newRequirement(%j, %j, %j) prints %j", (k, op, vals, s) => {
    expect(newRequirement(k, op, vals).toString()).toBe(s);
  });

  const a254 = "a".repeat(254);
  const bad: Array<[string, string, string[] | null, string]> = [
    ["x1", "in", [], "values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty"],
    ["x2", "notin", [], "values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty"],
    ["x5", "=", ["bar", "foo"], 'values: Invalid value: ["bar","foo"]: exact-match compatibility requires one single value'],
    ["x8", "exists", ["foo"], 'values: Invalid value: ["foo"]: values set must be empty for exists and does not exist'],
    ["x13", "gt", [], "values: Invalid value: []: for 'Gt', 'Lt' operators, exactly one value is required"],
    ["x14", "gt", ["bar"], "values[0]: Invalid value: \"bar\": for 'Gt', 'Lt' operators, the value must be an integer"],
    ["x15", "lt", ["bar"], "values[0]: Invalid value: \"bar\": for 'Gt', 'Lt' operators, the value must be an integer"],
    [a254, "exists", [], `key: Invalid value: "${a254}": name part must be no more than 63 bytes`],
    ["x16", "=", [a254], `values[0][x16]: Invalid value: "${a254}": must be no more than 63 bytes`],
    ["x17", "=", ["a b"], `values[0][x17]: Invalid value: "a b": ${VALUE_MSG}`],
    [
      "x18",
      "unsupportedOp",
      [],
      'operator: Unsupported value: "unsupportedOp": supported values: "in", "notin", "=", "==", "!=", "gt", "lt", "exists", "!"',
    ],
    [
      "x",
      "gt",
      ["99999999999999999999"],
      "values[0]: Invalid value: \"99999999999999999999\": for 'Gt', 'Lt' operators, the value must be an integer",
    ],
  ];
  it.each(bad)("newRequirement(%j, %j, %j) fails: %s", (k, op, vals, msg) => {
    expect(requirementError(k, op, vals)).toBe(msg);
  });

  it("x>-1 fails on the label-value rule (and the integer rule does not fire)", () => {
    expect(requirementError("x", "gt", ["-1"])).toBe(`values[0][x]: Invalid value: "-1": ${VALUE_MSG}`);
  });
});

describe("TestToString", () => {
  const r = newRequirement;
  const table: Array<[ReturnType<typeof newRequirement>[], string]> = [
    [[r("x", "in", ["abc", "def"]), r("y", "notin", ["jkl"]), r("z", "exists", [])], "x in (abc,def),y notin (jkl),z"],
    [[r("x", "notin", ["abc", "def"]), r("y", "!=", ["jkl"]), r("z", "!", [])], "x notin (abc,def),y!=jkl,!z"],
    [[r("x", "notin", ["abc"]), r("y", "in", ["jkl", "mno"]), r("z", "notin", [""])], "x notin (abc),y in (jkl,mno),z notin ()"],
    [[r("x", "=", ["abc"]), r("y", "==", ["jkl"]), r("z", "!=", ["a"]), r("z", "exists", [])], "x=abc,y==jkl,z!=a,z"],
    [[r("x", "gt", ["2"]), r("y", "lt", ["8"]), r("z", "exists", [])], "x>2,y<8,z"],
  ];
  it.each(table.map(([reqs, s]) => [s, reqs] as const))("%s", (s, reqs) => {
    expect(selectorOf(reqs).toString()).toBe(s);
    // and the string parses back to the same selector
    expect(parseSelector(s).toString()).toBe(s);
  });
  it("the empty value prints as nothing", () => {
    expect(r("x", "in", ["", "abc"]).toString()).toBe("x in (,abc)");
    expect(r("x", "=", [""]).toString()).toBe("x=");
    expect(r("x", "!=", [""]).toString()).toBe("x!=");
  });
});

describe("TestRequirementSelectorMatching", () => {
  const r = newRequirement;
  const table: Array<[Labels, ReturnType<typeof newRequirement>[], boolean]> = [
    [{ x: "foo", y: "baz" }, [r("x", "in", ["foo"]), r("y", "notin", ["alpha"])], true],
    [{ x: "foo", y: "baz" }, [r("x", "in", ["foo"]), r("y", "in", ["alpha"])], false],
    [{ y: "" }, [r("x", "notin", [""]), r("y", "exists", [])], true],
    [{ y: "" }, [r("x", "!", []), r("y", "exists", [])], true],
    [{ y: "" }, [r("x", "notin", [""]), r("y", "!", [])], false],
    [{ y: "baz" }, [r("x", "in", [""])], false],
    [{ z: "2" }, [r("z", "gt", ["1"])], true],
    [{ z: "v2" }, [r("z", "gt", ["1"])], false],
  ];
  it.each(table.map(([l, reqs, m], i) => [i, l, reqs, m] as const))("case %i", (_i, labels, reqs, want) => {
    expect(selectorOf(reqs).matches(labels)).toBe(want);
  });
});

describe("TestSetSelectorParser (valid inputs and their canonical form)", () => {
  const valid: Array<[string, string]> = [
    ["", ""],
    ["\rx", "x"],
    ["this-is-a-dns.domain.com/key-with-dash", "this-is-a-dns.domain.com/key-with-dash"],
    ["this-is-another-dns.domain.com/key-with-dash in (so,what)", "this-is-another-dns.domain.com/key-with-dash in (so,what)"],
    ["0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)", "0.1.2.domain/99 notin (10.10.100.1,tick.tack.clock)"],
    ["foo  in\t (abc)", "foo in (abc)"],
    ["x notin\n (abc)", "x notin (abc)"],
    ["x  notin\t\t\t(abc,def)", "x notin (abc,def)"],
    ["x in (abc,def)", "x in (abc,def)"],
    ["x in (abc,)", "x in (,abc)"],
    ["x in ()", "x in ()"],
    ["x notin (abc,,def),bar,z in (),w", "bar,w,x notin (,abc,def),z in ()"],
    ["x,y in (a)", "x,y in (a)"],
    ["x=a", "x=a"],
    ["x>1", "x>1"],
    ["x<7", "x<7"],
    ["x=a,y!=b", "x=a,y!=b"],
    ["x=a,y!=b,z in (h,i,j)", "x=a,y!=b,z in (h,i,j)"],
    ["x notin ( )", "x notin ()"],
    ["x notin (, a)", "x notin (,a)"],
    ["a ", "a"],
    ["a in (x,y,notin, z,in)", "a in (in,notin,x,y,z)"],
    // selector.go Parse / String
    ["x = a , y = b", "x=a,y=b"],
    ["x in (b,a,b)", "x in (a,b)"],
    ["x in (,)", "x in ()"],
    ["x>1,x<5", "x>1,x<5"],
    ["x<5,x>1", "x<5,x>1"],
    ["in in (in)", "in in (in)"],
    ["notin=in", "notin=in"],
    ["x==a", "x==a"],
    ["x!=", "x!="],
    ["x>01", "x>01"],
    ["a.b/c_d-e", "a.b/c_d-e"],
    ["x=in", "x=in"],
    ["x in (notin)", "x in (notin)"],
    ["notin notin (in)", "notin notin (in)"],
    ["y,!x", "!x,y"],
    ["x>1,!y", "x>1,!y"],
    ["b=1,a=2,b!=3", "a=2,b=1,b!=3"],
    ["x in (c,b,a,b,c)", "x in (a,b,c)"],
    ["x in(a)", "x in (a)"],
    ["x notin(a,b)", "x notin (a,b)"],
    ["!x,x", "!x,x"],
    ["x=a,x=b", "x=a,x=b"],
    ["example.com/x=a", "example.com/x=a"],
    ["a=b,c", "a=b,c"],
  ];
  it.each(valid)("%j → %j", (input, canonical) => {
    const s = parseSelector(input);
    expect(s.toString()).toBe(canonical);
    expect(parseSelector(s.toString()).toString()).toBe(canonical);
  });

  it("x,y in (a) has its requirements sorted by key", () => {
    expect(
      parseSelector("x,y in (a)")
        .requirements()
        .map((r) => r.key),
    ).toEqual(["x", "y"]);
    expect(
      parseSelector("x notin (abc,,def),bar,z in (),w")
        .requirements()
        .map((r) => [r.key, r.operator, [...r.values]]),
    ).toEqual([
      ["bar", "exists", []],
      ["w", "exists", []],
      ["x", "notin", ["", "abc", "def"]],
      ["z", "in", [""]],
    ]);
  });
});

describe("parse error messages (TestSetSelectorParser invalid inputs, selector.go Parse)", () => {
  const table: Array<[string, string]> = [
    // The value is validated as soon as the requirement is read, before the next token.
    ["x=a||y=b", `${REQ}values[0][x]: Invalid value: "a||y": ${VALUE_MSG}`],
    ["x==a==b", "found '==', expected: ',' or 'end of string'"],
    ["!x=a", "found '=', expected: ',' or 'end of string'"],
    ["x<a", `${REQ}values[0]: Invalid value: "a": for 'Gt', 'Lt' operators, the value must be an integer`],
    ["x,,y", "found ',', expected: identifier after ','"],
    [",x,y", "found ',', expected: !, identifier, or 'end of string'"],
    ["x nott in (y)", `${REQ}found 'nott', expected: ${OPS}`],
    ["a in (xyz),", "found '', expected: identifier after ','"],
    ["a in (xyz)b notin ()", "found 'b', expected: ',' or 'end of string'"],
    ["a in (xyz abc)", `${REQ}found 'abc', expected: ',' or ')'`],
    ["a notin(", `${REQ}found '', expected: ',', ')' or identifier`],
    ["a (", `${REQ}found '(', expected: ${OPS}`],
    ["(", "found '(', expected: !, identifier, or 'end of string'"],
    [")", "found ')', expected: !, identifier, or 'end of string'"],
    ["x,", "found '', expected: identifier after ','"],
    ["x in a", `${REQ}found 'a' expected: '('`],
    ["x in", `${REQ}found '' expected: '('`],
    ["!!x", `${REQ}found '!', expected: identifier`],
    ["x=!a", `${REQ}found '!', expected: identifier`],
    ["x in (a,=)", `${REQ}found '=', expected: ',', or identifier`],
    ["x in (=)", `${REQ}found '=', expected: ',', ')' or identifier`],
    ["x/y/z", `${REQ}<nil>: Invalid value: "x/y/z": ${THREE_PARTS_MSG}`],
    ["-x", `${REQ}<nil>: Invalid value: "-x": ${NAME_PART_MSG}`],
    ["x=-1", `${REQ}values[0][x]: Invalid value: "-1": ${VALUE_MSG}`],
    ["x>-1", `${REQ}values[0][x]: Invalid value: "-1": ${VALUE_MSG}`],
    ["x=a b", "found 'b', expected: ',' or 'end of string'"],
    ["x===a", `${REQ}found '=', expected: identifier`],
    ["x=(a)", `${REQ}found '(', expected: identifier`],
    ["x notin", `${REQ}found '' expected: '('`],
    ["x!", `${REQ}found '!', expected: ${OPS}`],
    ["x!=a!=b", "found '!=', expected: ',' or 'end of string'"],
    ["x in (a),", "found '', expected: identifier after ','"],
    ["x>1.5", `${REQ}values[0]: Invalid value: "1.5": for 'Gt', 'Lt' operators, the value must be an integer`],
    ["x=a$b", `${REQ}values[0][x]: Invalid value: "a$b": ${VALUE_MSG}`],
    ["x>+1", `${REQ}values[0][x]: Invalid value: "+1": ${VALUE_MSG}`],
    ["=a", "found '=', expected: !, identifier, or 'end of string'"],
    ["x in (a)(", "found '(', expected: ',' or 'end of string'"],
    ["x>", `${REQ}values[0]: Invalid value: "": for 'Gt', 'Lt' operators, the value must be an integer`],
    // Several construction errors are aggregated as "[e1, e2]".
    [
      "x>-a",
      `${REQ}[values[0]: Invalid value: "-a": for 'Gt', 'Lt' operators, the value must be an integer, values[0][x]: Invalid value: "-a": ${VALUE_MSG}]`,
    ],
    // The parser validates the key before reading the operator.
    ["-x=-y", `${REQ}<nil>: Invalid value: "-x": ${NAME_PART_MSG}`],
    ["x\u000b=a", `${REQ}<nil>: Invalid value: "x\\v": ${NAME_PART_MSG}`], // Go %q escapes VT as \v
  ];
  it.each(table)("%j → %s", (input, msg) => {
    expect(parseError(input)).toBe(msg);
  });

  it("a NUL byte is never accepted", () => {
    expect(() => parseSelector("x\u0000=a")).toThrow(SelectorError);
    expect(() => parseSelector("x=a\u0000")).toThrow(SelectorError);
  });
});

describe("TestRequiresExactMatch", () => {
  const r = newRequirement;
  const table: Array<[string, ReturnType<typeof newRequirement>[], string, string | undefined]> = [
    ["in, one value", [r("key", "in", ["value"])], "key", "value"],
    ["in, two values", [r("key", "in", ["value", "value2"])], "key", undefined],
    ["second key", [r("key", "in", ["value", "value1"]), r("key2", "in", ["value2"])], "key2", "value2"],
    ["=", [r("key", "=", ["value"])], "key", "value"],
    ["==", [r("key", "==", ["value"])], "key", "value"],
    ["!=", [r("key", "!=", ["value"])], "key", undefined],
    ["first of two", [r("key", "in", ["value"]), r("key2", "in", ["value2"])], "key", "value"],
    ["absent key", [r("key", "in", ["value"])], "other", undefined],
  ];
  it.each(table)("%s", (_name, reqs, key, want) => {
    expect(selectorOf(reqs).requiresExactMatch(key)).toBe(want);
  });
});

describe("TestIsQualifiedName (label keys)", () => {
  const good = [
    "simple",
    "now-with-dashes",
    "1-starts-with-num",
    "1234",
    "simple/simple",
    "now-with-dashes/simple",
    "now-with-dashes/now-with-dashes",
    "now.with.dots/simple",
    "now-with.dashes-and.dots/simple",
    "1-num.2-num/3-num",
    "1234/5678",
    "1.2.3.4/5678",
    "Uppercase_Is_OK_123",
    "example.com/Uppercase_Is_OK_123",
    "requests.storage-foo",
    "a".repeat(63),
    `${"a".repeat(253)}/${"b".repeat(63)}`,
    "a..b",
    "a_b",
    // A prefix label may exceed 63 characters: only the subdomain's total length is limited.
    `${"a".repeat(64)}/b`,
  ];
  it.each(good)("%s is valid", (k) => {
    expect(isQualifiedName(k)).toEqual([]);
    expect(validateLabelKey(k)).toEqual([]);
  });

  const bad: Array<[string, string[]]> = [
    ["nospecialchars%^=@", [NAME_PART_MSG]],
    ["cantendwithadash-", [NAME_PART_MSG]],
    ["-cantstartwithadash-", [NAME_PART_MSG]],
    ["only/one/slash", [THREE_PARTS_MSG]],
    ["Example.com/abc", [`prefix part ${SUBDOMAIN_MSG}`]],
    ["example_com/abc", [`prefix part ${SUBDOMAIN_MSG}`]],
    ["example.com/", ["name part must be non-empty", NAME_PART_MSG]],
    ["/simple", ["prefix part must be non-empty"]],
    ["a".repeat(64), ["name part must be no more than 63 bytes"]],
    [`${"a".repeat(254)}/abc`, ["prefix part must be no more than 253 bytes"]],
    ["", ["name part must be non-empty", NAME_PART_MSG]],
    ["a..b/c", [`prefix part ${SUBDOMAIN_MSG}`]],
    ["ünicode", [NAME_PART_MSG]],
    ["ü".repeat(32), ["name part must be no more than 63 bytes", NAME_PART_MSG]],
  ];
  it.each(bad)("%j is invalid", (k, msgs) => {
    expect(isQualifiedName(k)).toEqual(msgs);
    expect(validateLabelKey(k)).toEqual(msgs);
  });
});

describe("TestIsValidLabelValue", () => {
  it.each(["simple", "now-with-dashes", "1-starts-with-num", "end-with-num-1", "1234", "a".repeat(63), "", "A_b.C-1"])(
    "%j is valid",
    (v) => {
      expect(validateLabelValue(v)).toEqual([]);
    },
  );
  it.each([
    ["nospecialchars%^=@", [VALUE_MSG]],
    ["Tama-nui-te-rā.is.Māori.sun", [VALUE_MSG]],
    ["\\backslashes\\are\\bad", [VALUE_MSG]],
    ["-starts-with-dash", [VALUE_MSG]],
    ["ends-with-dash-", [VALUE_MSG]],
    [".starts.with.dot", [VALUE_MSG]],
    ["ends.with.dot.", [VALUE_MSG]],
    ["a".repeat(64), ["must be no more than 63 bytes"]],
    [`-${"a".repeat(63)}`, ["must be no more than 63 bytes", VALUE_MSG]],
    ["a/b", [VALUE_MSG]],
    ["a b", [VALUE_MSG]],
    ["+1", [VALUE_MSG]],
    // Lengths are UTF-8 bytes: 32 × "é" is 64 bytes.
    ["é".repeat(32), ["must be no more than 63 bytes", VALUE_MSG]],
  ] as Array<[string, string[]]>)("%j is invalid", (v, msgs) => {
    expect(validateLabelValue(v)).toEqual(msgs);
  });
});

describe("TestIsDNS1123Label / TestIsDNS1123Subdomain", () => {
  const labelGood = ["a", "ab", "abc", "a1", "a-1", "a--1--2--b", "0", "01", "012", "1a", "1-a", "1--a--b--2", "a".repeat(63)];
  const labelBad = [
    "",
    "A",
    "ABC",
    "aBc",
    "A1",
    "A-1",
    "1-A",
    "-",
    "a-",
    "-a",
    "1-",
    "-1",
    "_",
    "a_",
    "_a",
    "a_b",
    "1_",
    "_1",
    "1_2",
    ".",
    "a.",
    ".a",
    "1.",
    ".1",
    " ",
    "a ",
    " a",
    "a b",
    "1 ",
    " 1",
    "1 2",
  ];
  it.each(labelGood)("label %j is valid", (v) => expect(isDNS1123Label(v)).toEqual([]));
  it.each(labelBad)("label %j is invalid", (v) => expect(isDNS1123Label(v)).toEqual([LABEL_MSG]));
  // A valid subdomain that is not a label (newer apimachinery wording).
  it.each(["a.b", "1.2"])("label %j must not contain dots", (v) => expect(isDNS1123Label(v)).toEqual(["must not contain dots"]));
  it("a 64-character label is too long", () => {
    expect(isDNS1123Label("a".repeat(64))).toEqual(["must be no more than 63 characters"]);
  });

  const subGood = [
    "a",
    "ab",
    "abc",
    "a1",
    "a-1",
    "a--1--2--b",
    "0",
    "01",
    "012",
    "1a",
    "1-a",
    "1--a--b--2",
    "a.a",
    "ab.a",
    "abc.a",
    "a1.a",
    "a-1.a",
    "a--1--2--b.a",
    "a.1",
    "ab.1",
    "abc.1",
    "a1.1",
    "a-1.1",
    "a--1--2--b.1",
    "0.a",
    "01.a",
    "012.a",
    "1a.a",
    "1-a.a",
    "1--a--b--2",
    "0.1",
    "01.1",
    "012.1",
    "1a.1",
    "1-a.1",
    "1--a--b--2.1",
    "a.b.c.d.e",
    "aa.bb.cc.dd.ee",
    "1.2.3.4.5",
    "11.22.33.44.55",
    "a".repeat(253),
  ];
  const subBad = [
    "",
    "A",
    "ABC",
    "aBc",
    "A1",
    "A-1",
    "1-A",
    "-",
    "a-",
    "-a",
    "1-",
    "-1",
    "_",
    "a_",
    "_a",
    "a_b",
    "1_",
    "_1",
    "1_2",
    ".",
    "a.",
    ".a",
    "a..b",
    "1.",
    ".1",
    "1..2",
    " ",
    "a ",
    " a",
    "a b",
    "1 ",
    " 1",
    "1 2",
    "A.a",
    "aB.a",
    "ab.A",
    "A1.a",
    "a1.A",
    "A.1",
    "aB.1",
    "A1.1",
    "1A.1",
    "0.A",
    "01.A",
    "012.A",
    "1A.a",
    "1a.A",
    "A.B.C.D.E",
    "AA.BB.CC.DD.EE",
    "a.B.c.d.e",
    "aa.bB.cc.dd.ee",
    "a@b",
    "a,b",
    "a;b",
    "a:b",
    "a%b",
    "a?b",
    "a$b",
  ];
  it.each(subGood)("subdomain %j is valid", (v) => expect(isDNS1123Subdomain(v)).toEqual([]));
  it.each(subBad)("subdomain %j is invalid", (v) => expect(isDNS1123Subdomain(v)).toEqual([SUBDOMAIN_MSG]));
  it("a 254-character subdomain is too long", () => {
    expect(isDNS1123Subdomain("a".repeat(254))).toEqual(["must be no more than 253 characters"]);
  });
});

describe("TestLabelSelectorAsSelector (metav1 helpers)", () => {
  it("nil is Nothing, {} is Everything", () => {
    expect(labelSelectorAsSelector(null).matchesNothing()).toBe(true);
    expect(labelSelectorAsSelector(undefined).matches({})).toBe(false);
    expect(labelSelectorAsSelector({}).isEmpty()).toBe(true);
    expect(labelSelectorAsSelector({}).matches({ a: "b" })).toBe(true);
    expect(labelSelectorAsSelector({ matchLabels: {}, matchExpressions: [] }).isEmpty()).toBe(true);
  });

  const ok: Array<[LabelSelector, string]> = [
    [
      { matchLabels: { foo: "bar" }, matchExpressions: [{ key: "baz", operator: "In", values: ["qux", "norf"] }] },
      "baz in (norf,qux),foo=bar",
    ],
    [{ matchLabels: { foo: "bar" } }, "foo=bar"],
    [{ matchExpressions: [{ key: "a", operator: "NotIn", values: ["x"] }] }, "a notin (x)"],
    [{ matchExpressions: [{ key: "a", operator: "Exists" }] }, "a"],
    [{ matchExpressions: [{ key: "a", operator: "DoesNotExist" }] }, "!a"],
    [{ matchExpressions: [{ key: "a", operator: "In", values: ["b", "a", "b"] }] }, "a in (a,b)"],
    [{ matchLabels: { z: "1", a: "2" } }, "a=2,z=1"],
  ];
  it.each(ok)("%j → %j", (sel, s) => {
    expect(labelSelectorAsSelector(sel).toString()).toBe(s);
  });

  it.each([
    [
      { matchLabels: { foo: "bar" }, matchExpressions: [{ key: "baz", operator: "Exists", values: ["qux", "norf"] }] },
      'values: Invalid value: ["qux","norf"]: values set must be empty for exists and does not exist',
    ],
    // Go copies the values with append([]string(nil), ...): no values is a nil slice, rendered null.
    [
      { matchExpressions: [{ key: "a", operator: "In" }] },
      "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty",
    ],
    [{ matchExpressions: [{ key: "a", operator: "Gt", values: ["1"] }] }, '"Gt" is not a valid label selector operator'],
    [{ matchExpressions: [{ key: "a", operator: "in", values: ["1"] }] }, '"in" is not a valid label selector operator'],
    [{ matchExpressions: [{ key: "bad key", operator: "Exists" }] }, `key: Invalid value: "bad key": ${NAME_PART_MSG}`],
    [{ matchLabels: { foo: "bad value" } }, `values[0][foo]: Invalid value: "bad value": ${VALUE_MSG}`],
  ] as Array<[LabelSelector, string]>)("%j fails: %s", (sel, msg) => {
    expect(() => labelSelectorAsSelector(sel)).toThrow(SelectorError);
    expect(() => labelSelectorAsSelector(sel)).toThrow(msg);
  });

  it("matchExpressions semantics", () => {
    const s = labelSelectorAsSelector({
      matchLabels: { app: "db" },
      matchExpressions: [{ key: "tier", operator: "NotIn", values: ["cache"] }],
    });
    expect(s.matches({ app: "db" })).toBe(true);
    expect(s.matches({ app: "db", tier: "cache" })).toBe(false);
    expect(s.matches({ app: "web" })).toBe(false);
  });
});

// Node selector records: component-helpers nodeaffinity_test.go (TestPodMatchesNodeSelectorAndAffinityTerms, TestNodeSelectorMatch).
type Expr = { key: string; op: string; values?: string[] };
function term(me?: Expr[], mf?: Expr[]): NodeSelectorTerm {
  const conv = (e: Expr) => ({ key: e.key, operator: e.op, ...(e.values ? { values: e.values } : {}) });
  return { ...(me ? { matchExpressions: me.map(conv) } : {}), ...(mf ? { matchFields: mf.map(conv) } : {}) };
}

describe("node affinity (nodeaffinity_test.go records)", () => {
  const mfName = (v: string): Expr => ({ key: "metadata.name", op: "In", values: [v] });
  // [name, terms (undefined = no required affinity), pod nodeSelector, node name, node labels, match]
  const records: Array<[string, NodeSelectorTerm[] | undefined, Record<string, string> | undefined, string | undefined, Labels, boolean]> =
    [
      ["no selector at all", undefined, undefined, undefined, {}, true],
      ["nodeSelector, no labels", undefined, { foo: "bar" }, undefined, {}, false],
      ["nodeSelector equal", undefined, { foo: "bar" }, undefined, { foo: "bar" }, true],
      ["nodeSelector subset", undefined, { foo: "bar" }, undefined, { foo: "bar", baz: "blah" }, true],
      ["nodeSelector superset", undefined, { foo: "bar", baz: "blah" }, undefined, { foo: "bar" }, false],
      ["In matches", [term([{ key: "foo", op: "In", values: ["bar", "value2"] }])], undefined, undefined, { foo: "bar" }, true],
      [
        "Gt with leading zeros",
        [term([{ key: "kernel-version", op: "Gt", values: ["0204"] }])],
        undefined,
        undefined,
        { "kernel-version": "0206" },
        true,
      ],
      ["NotIn", [term([{ key: "mem-type", op: "NotIn", values: ["DDR", "DDR2"] }])], undefined, undefined, { "mem-type": "DDR3" }, true],
      ["Exists", [term([{ key: "GPU", op: "Exists" }])], undefined, undefined, { GPU: "NVIDIA-GRID-K1" }, true],
      ["In does not match", [term([{ key: "foo", op: "In", values: ["value1", "value2"] }])], undefined, undefined, { foo: "bar" }, false],
      ["empty term list", [], undefined, undefined, { foo: "bar" }, false],
      ["empty term", [term([])], undefined, undefined, { foo: "bar" }, false],
      [
        "Exists and NotIn",
        [
          term([
            { key: "GPU", op: "Exists" },
            { key: "GPU", op: "NotIn", values: ["AMD", "INTER"] },
          ]),
        ],
        undefined,
        undefined,
        { GPU: "NVIDIA-GRID-K1" },
        true,
      ],
      [
        "Exists and In",
        [
          term([
            { key: "GPU", op: "Exists" },
            { key: "GPU", op: "In", values: ["AMD", "INTER"] },
          ]),
        ],
        undefined,
        undefined,
        { GPU: "NVIDIA-GRID-K1" },
        false,
      ],
      [
        "terms are ORed",
        [term([{ key: "foo", op: "In", values: ["bar", "value2"] }]), term([{ key: "diffkey", op: "In", values: ["wrong", "value2"] }])],
        undefined,
        undefined,
        { foo: "bar" },
        true,
      ],
      ["nodeSelector AND affinity", [term([{ key: "foo", op: "Exists" }])], { foo: "bar" }, undefined, { foo: "bar" }, true],
      [
        "nodeSelector fails, affinity passes",
        [term([{ key: "foo", op: "Exists" }])],
        { foo: "bar" },
        undefined,
        { foo: "barrrrrr" },
        false,
      ],
      [
        "invalid term value",
        [term([{ key: "foo", op: "NotIn", values: ["invalid value: ___@#$%^"] }])],
        undefined,
        undefined,
        { foo: "bar" },
        false,
      ],
      ["matchFields name", [term(undefined, [mfName("node_1")])], undefined, "node_1", {}, true],
      ["matchFields other name", [term(undefined, [mfName("node_1")])], undefined, "node_2", {}, false],
      [
        "fields OR labels",
        [term(undefined, [mfName("node_1")]), term([{ key: "foo", op: "In", values: ["bar"] }])],
        undefined,
        "node_2",
        { foo: "bar" },
        true,
      ],
      [
        "fields AND labels, wrong name",
        [term([{ key: "foo", op: "In", values: ["bar"] }], [mfName("node_1")])],
        undefined,
        "node_2",
        { foo: "bar" },
        false,
      ],
      [
        "fields AND labels",
        [term([{ key: "foo", op: "In", values: ["bar"] }], [mfName("node_1")])],
        undefined,
        "node_1",
        { foo: "bar" },
        true,
      ],
      [
        "fields OR labels, neither",
        [term(undefined, [mfName("node_1")]), term([{ key: "foo", op: "In", values: ["not-match-to-bar"] }])],
        undefined,
        "node_2",
        { foo: "bar" },
        false,
      ],
      [
        "labels AND fields, no labels",
        [term([{ key: "label_1", op: "In", values: ["label_1_val"] }], [mfName("host_1")])],
        undefined,
        "host_1",
        {},
        false,
      ],
      [
        "labels AND fields",
        [term([{ key: "label_1", op: "In", values: ["label_1_val"] }], [mfName("host_1")])],
        undefined,
        "host_1",
        { label_1: "label_1_val" },
        true,
      ],
      [
        "labels OR fields",
        [term([{ key: "label_1", op: "In", values: ["label_1_val"] }]), term(undefined, [mfName("host_1")])],
        undefined,
        "host_1",
        {},
        true,
      ],
      // Gt / Lt
      ["Gt true", [term([{ key: "n", op: "Gt", values: ["5"] }])], undefined, undefined, { n: "6" }, true],
      ["Gt equal", [term([{ key: "n", op: "Gt", values: ["5"] }])], undefined, undefined, { n: "5" }, false],
      ["Lt true", [term([{ key: "n", op: "Lt", values: ["5"] }])], undefined, undefined, { n: "4" }, true],
      ["Lt negative label", [term([{ key: "n", op: "Lt", values: ["5"] }])], undefined, undefined, { n: "-4" }, true],
      ["Gt non-integer label", [term([{ key: "n", op: "Gt", values: ["5"] }])], undefined, undefined, { n: "six" }, false],
      [
        "Gt compares int64 exactly",
        [term([{ key: "n", op: "Gt", values: ["9223372036854775806"] }])],
        undefined,
        undefined,
        { n: "9223372036854775807" },
        true,
      ],
      ["Lt with a leading plus on the label", [term([{ key: "n", op: "Lt", values: ["5"] }])], undefined, undefined, { n: "+4" }, true],
      ["Gt operand must be a valid label value", [term([{ key: "n", op: "Gt", values: ["-1"] }])], undefined, undefined, { n: "6" }, false],
      ["Gt missing label", [term([{ key: "n", op: "Gt", values: ["5"] }])], undefined, undefined, {}, false],
      ["Gt two values (invalid term)", [term([{ key: "n", op: "Gt", values: ["1", "2"] }])], undefined, undefined, { n: "6" }, false],
      ["DoesNotExist", [term([{ key: "n", op: "DoesNotExist" }])], undefined, undefined, { m: "1" }, true],
      ["DoesNotExist fails", [term([{ key: "n", op: "DoesNotExist" }])], undefined, undefined, { n: "1" }, false],
      [
        "unknown operator (invalid term) OR valid term",
        [term([{ key: "n", op: "Foo", values: ["1"] }]), term([{ key: "n", op: "Exists" }])],
        undefined,
        undefined,
        { n: "1" },
        true,
      ],
      ["lowercase operator is unknown", [term([{ key: "n", op: "in", values: ["1"] }])], undefined, undefined, { n: "1" }, false],
      ["matchFields NotIn", [term(undefined, [{ key: "metadata.name", op: "NotIn", values: ["a"] }])], undefined, "b", {}, true],
      ["matchFields NotIn same", [term(undefined, [{ key: "metadata.name", op: "NotIn", values: ["a"] }])], undefined, "a", {}, false],
      [
        "matchFields two values (invalid)",
        [term(undefined, [{ key: "metadata.name", op: "In", values: ["a", "b"] }])],
        undefined,
        "a",
        {},
        false,
      ],
      ["matchFields unknown field", [term(undefined, [{ key: "metadata.uid", op: "In", values: ["a"] }])], undefined, "a", {}, false],
    ];

  it.each(records)("%s", (_name, terms, nodeSelector, nodeName, labels, want) => {
    const node = { ...(nodeName !== undefined ? { name: nodeName } : {}), labels };
    const pod = {
      spec: {
        ...(nodeSelector ? { nodeSelector } : {}),
        ...(terms ? { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } } } : {}),
      },
    };
    expect(requiredNodeAffinityMatches(pod, node)).toBe(want);
    if (terms !== undefined && nodeSelector === undefined) {
      expect(nodeSelectorMatches({ nodeSelectorTerms: terms }, node)).toBe(want);
      // Also through the Node object shape.
      expect(
        nodeSelectorMatches({ nodeSelectorTerms: terms }, { metadata: { ...(nodeName !== undefined ? { name: nodeName } : {}), labels } }),
      ).toBe(want);
    }
  });

  it("the strict constructor reports every invalid term (TestNodeSelectorMatch strict record)", () => {
    const m = compileNodeSelector({
      nodeSelectorTerms: [
        term(undefined, [{ key: "metadata.name", op: "In", values: ["host_1", "host_2"] }]),
        term([{ key: "label_1", op: "In", values: ["label_1_val"] }], [mfName("host_1")]),
        term([{ key: "invalid key", op: "In", values: ["label_value"] }]),
      ],
    });
    expect(m.errors.map((e) => e.toString())).toEqual([
      'nodeSelectorTerms[0].matchFields[0].values: Invalid value: ["host_1","host_2"]: must have one element',
      `nodeSelectorTerms[2].matchExpressions[0].key: Invalid value: "invalid key": ${NAME_PART_MSG}`,
    ]);
    // The lazy matcher still evaluates the valid term 1.
    expect(m.matches({ name: "host_1", labels: { label_1: "label_1_val" } })).toBe(true);
    expect(m.match({ name: "host_1", labels: { label_1: "label_1_val" } }).errors).toEqual([]);
    expect(m.match({ name: "host_2", labels: {} }).errors.length).toBe(2);
  });

  it("matchFields with an unsupported operator", () => {
    const m = compileNodeSelector({ nodeSelectorTerms: [term(undefined, [{ key: "metadata.name", op: "Exists" }])] });
    expect(m.errors.map((e) => e.toString())).toEqual([
      'nodeSelectorTerms[0].matchFields[0].operator: Unsupported value: "Exists": supported values: "In", "NotIn"',
    ]);
  });

  it("a null node never matches", () => {
    expect(nodeSelectorMatches({ nodeSelectorTerms: [term([{ key: "a", op: "Exists" }])] }, null)).toBe(false);
  });
});

describe("CheckNodeAffinity (PV node affinity against node labels)", () => {
  const pv = (required: NodeSelector | null | undefined, withAffinity = true) => ({
    spec: withAffinity ? { nodeAffinity: required === undefined ? {} : { required } } : {},
  });
  const hostIn = (...v: string[]) => term([{ key: "kubernetes.io/hostname", op: "In", values: v }]);

  it("no nodeAffinity, or no required, fits any node", () => {
    expect(checkVolumeNodeAffinity(pv(undefined, false), {})).toBeUndefined();
    expect(checkVolumeNodeAffinity(pv(undefined), {})).toBeUndefined();
    expect(checkVolumeNodeAffinity(pv(null), { a: "b" })).toBeUndefined();
    expect(checkVolumeNodeAffinity({ spec: { nodeAffinity: null } }, {})).toBeUndefined();
  });

  it.each([
    ["matching host", [hostIn("node-1")], { "kubernetes.io/hostname": "node-1" }, undefined],
    ["other host", [hostIn("node-1")], { "kubernetes.io/hostname": "node-2" }, "no matching NodeSelectorTerms"],
    ["one of two terms", [hostIn("node-1"), hostIn("node-2")], { "kubernetes.io/hostname": "node-2" }, undefined],
    ["empty term list", [], { "kubernetes.io/hostname": "node-1" }, "no matching NodeSelectorTerms"],
    ["only empty terms", [term([]), term()], { "kubernetes.io/hostname": "node-1" }, "no matching NodeSelectorTerms"],
    ["no labels", [hostIn("node-1")], undefined, "no matching NodeSelectorTerms"],
    // matchFields are ignored: the synthetic node has no name, so a fields-only term matches.
    [
      "fields-only term",
      [term(undefined, [{ key: "metadata.name", op: "In", values: ["node-1"] }])],
      { "kubernetes.io/hostname": "node-2" },
      undefined,
    ],
    [
      "zone and host ANDed",
      [
        term([
          { key: "zone", op: "In", values: ["a"] },
          { key: "kubernetes.io/hostname", op: "In", values: ["n1"] },
        ]),
      ],
      { zone: "a", "kubernetes.io/hostname": "n2" },
      "no matching NodeSelectorTerms",
    ],
    ["Gt on a label", [term([{ key: "disk-gb", op: "Gt", values: ["100"] }])], { "disk-gb": "200" }, undefined],
  ] as Array<[string, NodeSelectorTerm[], Labels | undefined, string | undefined]>)("%s", (_n, terms, labels, want) => {
    expect(checkVolumeNodeAffinity(pv({ nodeSelectorTerms: terms }), labels)).toBe(want);
  });

  it("an invalid term that is the only one reports its error instead of no-match", () => {
    const msg = checkVolumeNodeAffinity(pv({ nodeSelectorTerms: [term([{ key: "invalid key", op: "In", values: ["v"] }])] }), { a: "b" });
    expect(msg).toBe(`nodeSelectorTerms[0].matchExpressions[0].key: Invalid value: "invalid key": ${NAME_PART_MSG}`);
  });

  it("an unknown operator reports the NotSupported error", () => {
    const msg = checkVolumeNodeAffinity(pv({ nodeSelectorTerms: [term([{ key: "k", op: "Foo", values: ["v"] }])] }), { k: "v" });
    expect(msg).toBe(
      'nodeSelectorTerms[0].matchExpressions[0].operator: Unsupported value: "Foo": supported values: "In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"',
    );
  });

  it("required without terms fits no node", () => {
    expect(checkVolumeNodeAffinity({ spec: { nodeAffinity: { required: {} as NodeSelector } } }, { a: "b" })).toBe(
      "no matching NodeSelectorTerms",
    );
    expect(
      checkVolumeNodeAffinity({ spec: { nodeAffinity: { required: { nodeSelectorTerms: null } as unknown as NodeSelector } } }, { a: "b" }),
    ).toBe("no matching NodeSelectorTerms");
  });

  it("In without values makes the term invalid, with Kubernetes' message", () => {
    const msg = checkVolumeNodeAffinity(pv({ nodeSelectorTerms: [term([{ key: "k", op: "In" }])] }), { k: "v" });
    expect(msg).toBe(
      "nodeSelectorTerms[0].matchExpressions[0].values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty",
    );
  });

  it("an invalid term does not hide a later matching term", () => {
    const msg = checkVolumeNodeAffinity(
      pv({ nodeSelectorTerms: [term([{ key: "invalid key", op: "In", values: ["v"] }]), hostIn("n1")] }),
      { "kubernetes.io/hostname": "n1" },
    );
    expect(msg).toBeUndefined();
  });
});

describe("MatchTopologySelectorTerms (StorageClass allowedTopologies against node labels)", () => {
  const zone = "topology.kubernetes.io/zone";
  const host = "kubernetes.io/hostname";
  const t = (...exprs: Array<[string, string[]]>): TopologySelectorTerm => ({
    matchLabelExpressions: exprs.map(([key, values]) => ({ key, values })),
  });
  it.each([
    ["no terms: everything", undefined, { [zone]: "a" }, true],
    ["empty list: everything", [], {}, true],
    ["zone in (a)", [t([zone, ["a"]])], { [zone]: "a" }, true],
    ["zone in (a,b) with b", [t([zone, ["a", "b"]])], { [zone]: "b" }, true],
    ["zone in (a) with c", [t([zone, ["a"]])], { [zone]: "c" }, false],
    ["zone missing", [t([zone, ["a"]])], {}, false],
    ["no labels", [t([zone, ["a"]])], undefined, false],
    ["expressions ANDed", [t([zone, ["a"]], [host, ["n1"]])], { [zone]: "a", [host]: "n2" }, false],
    ["expressions ANDed, both", [t([zone, ["a"]], [host, ["n1"]])], { [zone]: "a", [host]: "n1" }, true],
    ["terms ORed", [t([zone, ["a"]]), t([zone, ["b"]])], { [zone]: "b" }, true],
    ["an empty term selects nothing", [{ matchLabelExpressions: [] }], { [zone]: "a" }, false],
    ["a nil term selects nothing", [{}], { [zone]: "a" }, false],
    ["an empty term does not hide a matching one", [{}, t([zone, ["a"]])], { [zone]: "a" }, true],
    ["empty values make the term invalid", [t([zone, []])], { [zone]: "a" }, false],
    ["an invalid key makes the term invalid", [t(["bad key", ["a"]])], { "bad key": "a" }, false],
  ] as Array<[string, TopologySelectorTerm[] | undefined, Labels | undefined, boolean]>)("%s", (_n, terms, labels, want) => {
    expect(topologySelectorMatches(terms, labels)).toBe(want);
  });
});
