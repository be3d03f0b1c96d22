import { describe, expect, it } from "vitest";
import { everything, newRequirement, parseSelector, parseToRequirements, SelectorError, type Labels } from "../../src/labels/index.js";
import { NAME_PART_MSG, THREE_PARTS_MSG, VALUE_MSG } from "./messages.js";

function parseError(text: string): string {
  try {
    parseSelector(text);
  } catch (e) {
    expect(e).toBeInstanceOf(SelectorError);
    return (e as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(text)} to fail`);
}

describe("parseSelector: canonical form (selector.go String)", () => {
  it.each<[string, string]>([
    ["", ""],
    ["   \t\r\n ", ""],
    ["x=a,y=b,z=c", "x=a,y=b,z=c"],
    ["x!=a,y=b", "x!=a,y=b"],
    ["x=", "x="],
    ["x= ", "x="],
    ["x=,z= ", "x=,z="],
    ["x= ,z= ", "x=,z="],
    ["!x", "!x"],
    ["x>1", "x>1"],
    ["x>1,z<5", "x>1,z<5"],
    ["x>01", "x>01"],
    ["x==a", "x==a"],
    ["x", "x"],
    ["\rx", "x"],
    ["a ", "a"],
    ["foo  in\t (abc)", "foo in (abc)"],
    ["x notin\n (abc)", "x notin (abc)"],
    ["x  notin\t\t\t(abc,def)", "x notin (abc,def)"],
    [" x = a , y = b ", "x=a,y=b"],
    ["x in (abc,)", "x in (,abc)"],
    ["x in ()", "x in ()"],
    ["x in ( )", "x in ()"],
    ["x in (,)", "x in ()"],
    ["x notin (, a)", "x notin (,a)"],
    ["x in (a,,b)", "x in (,a,b)"],
    ["x in (,,a)", "x in (,a)"],
    ["x in (c,b,a,b,c)", "x in (a,b,c)"],
    ["x notin (abc,,def),bar,z in (),w", "bar,w,x notin (,abc,def),z in ()"],
    ["x,y in (a)", "x,y in (a)"],
    ["y in (a),x", "x,y in (a)"],
    ["x=a,a=x", "a=x,x=a"],
    ["x<5,x>1", "x<5,x>1"], // stable for equal keys
    ["x>1,x<5", "x>1,x<5"],
    ["in in (in)", "in in (in)"],
    ["notin=in", "notin=in"],
    ["a in (x,y,notin, z,in)", "a in (in,notin,x,y,z)"],
    ["this-is-a-dns.domain.com/key-with-dash", "this-is-a-dns.domain.com/key-with-dash"],
    ["0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)", "0.1.2.domain/99 notin (10.10.100.1,tick.tack.clock)"],
    ["disktype=ssd,!legacy,zone in (b,a,a)", "disktype=ssd,!legacy,zone in (a,b)"],
  ])("%j → %j", (text, canonical) => {
    const s = parseSelector(text);
    expect(s.toString()).toBe(canonical);
    expect(parseSelector(canonical).toString()).toBe(canonical);
  });

  it("sorts and de-duplicates value sets and sorts requirements by key", () => {
    const reqs = parseToRequirements("z in (b,a,b),!y,a notin (q,p)");
    expect(reqs.map((r) => [r.key, r.operator, r.values])).toEqual([
      ["a", "notin", ["p", "q"]],
      ["y", "!", []],
      ["z", "in", ["a", "b"]],
    ]);
  });

  it("maps every operator", () => {
    const ops = parseToRequirements("a=1,b==1,c!=1,d in (1),e notin (1),f,!g,h>1,i<1").map((r) => r.operator);
    expect(ops).toEqual(["=", "==", "!=", "in", "notin", "exists", "!", "gt", "lt"]);
  });

  it("parses the empty string to a selector equivalent to Everything", () => {
    const s = parseSelector("");
    expect(s.isEmpty()).toBe(true);
    expect(s.matchesNothing()).toBe(false);
    expect(s.matches(undefined)).toBe(true);
    expect(s.toString()).toBe(everything().toString());
  });
});

describe("parseSelector: errors (selector.go Parse, NewRequirement)", () => {
  const R = "unable to parse requirement: ";
  it.each<[string, string]>([
    ["x=a||y=b", `${R}values[0][x]: Invalid value: "a||y": ${VALUE_MSG}`], // '|' is an identifier character
    ["x==a==b", `found '==', expected: ',' or 'end of string'`],
    ["!x=a", `found '=', expected: ',' or 'end of string'`],
    ["a in (xyz)b notin ()", `found 'b', expected: ',' or 'end of string'`],
    ["x,", `found '', expected: identifier after ','`],
    ["x,,y", `found ',', expected: identifier after ','`],
    ["a in (xyz),", `found '', expected: identifier after ','`],
    ["x,=a", `found '=', expected: identifier after ','`],
    [",x,y", `found ',', expected: !, identifier, or 'end of string'`],
    ["(", `found '(', expected: !, identifier, or 'end of string'`],
    ["=a", `found '=', expected: !, identifier, or 'end of string'`],
    ["!!x", `${R}found '!', expected: identifier`],
    ["!", `${R}found '', expected: identifier`],
    ["! =", `${R}found '=', expected: identifier`],
    ["x=!a", `${R}found '!', expected: identifier`],
    ["x===a", `${R}found '=', expected: identifier`],
    ["x=(a,b)", `${R}found '(', expected: identifier`],
    ["x y", `${R}found 'y', expected: in, notin, =, ==, !=, gt, lt`],
    ["x nott in (y)", `${R}found 'nott', expected: in, notin, =, ==, !=, gt, lt`],
    ["a (", `${R}found '(', expected: in, notin, =, ==, !=, gt, lt`],
    ["x !", `${R}found '!', expected: in, notin, =, ==, !=, gt, lt`],
    ["x in", `${R}found '' expected: '('`],
    ["x in a", `${R}found 'a' expected: '('`],
    ["x in in", `${R}found 'in' expected: '('`],
    ["a notin(", `${R}found '', expected: ',', ')' or identifier`],
    ["x in (=", `${R}found '=', expected: ',', ')' or identifier`],
    ["x in (a", `${R}found '', expected: ',' or ')'`],
    ["x in (a b)", `${R}found 'b', expected: ',' or ')'`],
    ["a in (xyz abc)", `${R}found 'abc', expected: ',' or ')'`],
    ["x in (a,b", `${R}found '', expected: ',' or ')'`],
    ["x in (a,", `${R}found '', expected: ',', or identifier`],
    ["x in (a,=)", `${R}found '=', expected: ',', or identifier`],
    ["x in (a,,)", `${R}found ')', expected: ',', or identifier`], // Go's list parser: a doubled comma must be followed by a value
    ["x in (,,)", `${R}found ')', expected: ',', or identifier`],
    ["x in .", `${R}found '.' expected: '('`],
    ["a/b/c", `${R}<nil>: Invalid value: "a/b/c": ${THREE_PARTS_MSG}`],
    ["x. in (a,b)", `${R}<nil>: Invalid value: "x.": ${NAME_PART_MSG}`],
    [". in (a)", `${R}<nil>: Invalid value: ".": ${NAME_PART_MSG}`],
    ["!-x", `${R}<nil>: Invalid value: "-x": ${NAME_PART_MSG}`],
    ["/=a", `${R}<nil>: Invalid value: "/": prefix part must be non-empty; name part must be non-empty; ${NAME_PART_MSG}`],
    ["x<a", `${R}values[0]: Invalid value: "a": for 'Gt', 'Lt' operators, the value must be an integer`],
    ["x>", `${R}values[0]: Invalid value: "": for 'Gt', 'Lt' operators, the value must be an integer`],
    [
      "x>99999999999999999999",
      `${R}values[0]: Invalid value: "99999999999999999999": for 'Gt', 'Lt' operators, the value must be an integer`,
    ],
    ["x>-1", `${R}values[0][x]: Invalid value: "-1": ${VALUE_MSG}`],
    ["x>+1", `${R}values[0][x]: Invalid value: "+1": ${VALUE_MSG}`],
    ["x>1.5", `${R}values[0]: Invalid value: "1.5": for 'Gt', 'Lt' operators, the value must be an integer`],
    [
      "x>-a",
      `${R}[values[0]: Invalid value: "-a": for 'Gt', 'Lt' operators, the value must be an integer, values[0][x]: Invalid value: "-a": ${VALUE_MSG}]`,
    ],
    ["x=a b", `found 'b', expected: ',' or 'end of string'`],
    ["x=-", `${R}values[0][x]: Invalid value: "-": ${VALUE_MSG}`],
    ["x in (a,-b)", `${R}values[0][x]: Invalid value: "-b": ${VALUE_MSG}`],
    [`x=${"a".repeat(64)}`, `${R}values[0][x]: Invalid value: "${"a".repeat(64)}": must be no more than 63 bytes`],
    ["x=a\u0000", `${R}values[0][x]: Invalid value: "a\\x00": ${VALUE_MSG}`],
    ["x \u0000", `${R}found '\u0000', expected: in, notin, =, ==, !=, gt, lt`],
    ["x=a||y", `${R}values[0][x]: Invalid value: "a||y": ${VALUE_MSG}`],
  ])("%j → %j", (text, message) => {
    expect(parseError(text)).toBe(message);
  });

  it("carries the field errors behind a requirement failure", () => {
    try {
      parseSelector("x>-a");
      expect.unreachable();
    } catch (e) {
      const err = e as SelectorError;
      expect(err.name).toBe("SelectorError");
      expect(err.errors.map((f) => f.field)).toEqual(["values[0]", "values[0][x]"]);
    }
  });

  it("indexes value errors in the sorted value list, as Go does", () => {
    expect(parseError("x in (a,-b)")).toContain("values[0][x]");
  });

  it("rejects non-string input with a SelectorError", () => {
    expect(() => parseSelector(42 as unknown as string)).toThrow(SelectorError);
  });
});

describe("matching (selector.go Requirement.Matches)", () => {
  it.each<[string, Labels | undefined, boolean]>([
    ["", { x: "y" }, true],
    ["", undefined, true],
    ["x=y", { x: "y" }, true],
    ["x=y,z=w", { x: "y", z: "w" }, true],
    ["x!=y,z!=w", { x: "z", z: "a" }, true],
    ["notin=in", { notin: "in" }, true],
    ["x", { x: "z" }, true],
    ["x", { x: "" }, true],
    ["!x", { y: "z" }, true],
    ["!x", undefined, true],
    ["x>1", { x: "2" }, true],
    ["x<1", { x: "0" }, true],
    ["x<1", { x: "-5" }, true],
    ["x>1", { x: "+5" }, true],
    ["x>1", { x: "0002" }, true],
    ["x=z", {}, false],
    ["x=z", undefined, false],
    ["x=y", { x: "z" }, false],
    ["x=y,z=w", { x: "w", z: "w" }, false],
    ["x!=y,z!=w", { x: "z", z: "w" }, false],
    ["x", { y: "z" }, false],
    ["!x", { x: "z" }, false],
    ["!x", { x: "" }, false],
    ["x>1", { x: "0" }, false],
    ["x>1", { x: "1" }, false],
    ["x<1", { x: "2" }, false],
    ["x>1", { x: "v2" }, false],
    ["x>1", { x: "2.0" }, false],
    ["x>1", { x: " 2" }, false],
    ["x>1", { x: "" }, false],
    ["x>1", {}, false],
    ["x<1", {}, false],
    ["x>1", { x: "99999999999999999999" }, false], // beyond int64: not an integer for Go
    ["x>9223372036854775806", { x: "9223372036854775807" }, true],
    ["x<9223372036854775807", { x: "-9223372036854775808" }, true],
    ["x>1000000000000000", { x: "1000000000000001" }, true], // 16 digits: exact
    ["x>9007199254740993", { x: "9007199254740992" }, false], // beyond 2^53: still exact
    ["x!=y", {}, true],
    ["x notin (a)", {}, true],
    ["x notin ()", { y: "" }, true],
    ["x notin ()", { x: "" }, false],
    ["x in ()", { x: "" }, true],
    ["x in ()", { y: "baz" }, false],
    ["x in (a,b,c,d,e,f,g,h,i,j)", { x: "j" }, true],
    ["x in (a,b,c,d,e,f,g,h,i,j)", { x: "k" }, false],
    ["x notin (a,b,c,d,e,f,g,h,i,j)", { x: "k" }, true],
    ["x in (a,b,c)", { x: "b" }, true],
    ["x=a,x=b", { x: "a" }, false], // contradictions are not detected
    ["x in (a),x notin (a)", { x: "a" }, false],
    ["foo=bar,foobar=bar,baz=blah", { foo: "bar", baz: "blah" }, false],
    ["constructor", {}, false], // inherited properties are not labels
    ["!constructor", {}, true],
    ["toString in (a)", {}, false],
    ["constructor", { constructor: "x" } as Labels, true],
  ])("%j matches %j: %s", (text, labels, expected) => {
    expect(parseSelector(text).matches(labels)).toBe(expected);
  });

  it("matches Go's requirement-level examples", () => {
    expect(newRequirement("x", "in", ["foo"]).matches({ x: "foo", y: "baz" })).toBe(true);
    expect(newRequirement("y", "notin", ["alpha"]).matches({ x: "foo", y: "baz" })).toBe(true);
    expect(newRequirement("x", "notin", [""]).matches({ y: "" })).toBe(true);
    expect(newRequirement("x", "!", []).matches({ y: "" })).toBe(true);
    expect(newRequirement("z", "gt", ["1"]).matches({ z: "2" })).toBe(true);
    expect(newRequirement("z", "gt", ["1"]).matches({ z: "v2" })).toBe(false);
  });

  it("exposes requirements whose own matches agree with the selector", () => {
    const s = parseSelector("a in (1,2),b");
    expect(s.requirements().every((r) => r.matches({ a: "1", b: "" }))).toBe(true);
    expect(s.matches({ a: "1", b: "" })).toBe(true);
  });

  it("answers requiresExactMatch as apimachinery does", () => {
    const s = parseSelector("a=1,b in (2),c in (3,4),d!=5,e==6");
    expect(s.requiresExactMatch("a")).toBe("1");
    expect(s.requiresExactMatch("b")).toBe("2");
    expect(s.requiresExactMatch("c")).toBeUndefined();
    expect(s.requiresExactMatch("d")).toBeUndefined();
    expect(s.requiresExactMatch("e")).toBe("6");
    expect(s.requiresExactMatch("z")).toBeUndefined();
  });
});

describe("newRequirement (selector.go NewRequirement)", () => {
  it.each<[string, string, string[] | null, string]>([
    ["x", "in", null, "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty"],
    ["x", "notin", [], "values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty"],
    ["x", "=", ["a", "b"], 'values: Invalid value: ["a","b"]: exact-match compatibility requires one single value'],
    ["x", "!=", [], "values: Invalid value: []: exact-match compatibility requires one single value"],
    ["x", "exists", ["a"], 'values: Invalid value: ["a"]: values set must be empty for exists and does not exist'],
    ["x", "gt", ["1", "2"], `values: Invalid value: ["1","2"]: for 'Gt', 'Lt' operators, exactly one value is required`],
    ["foo", "gt", ["bar"], `values[0]: Invalid value: "bar": for 'Gt', 'Lt' operators, the value must be an integer`],
    ["x", "like", [], 'operator: Unsupported value: "like": supported values: "in", "notin", "=", "==", "!=", "gt", "lt", "exists", "!"'],
    ["a".repeat(254), "exists", [], `key: Invalid value: "${"a".repeat(254)}": name part must be no more than 63 bytes`],
    [
      "",
      "in",
      [],
      `[key: Invalid value: "": name part must be non-empty; ${NAME_PART_MSG}, values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty]`,
    ],
  ])("newRequirement(%j, %j, %j) fails with %j", (key, op, values, message) => {
    let thrown: unknown;
    try {
      newRequirement(key, op, values);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(SelectorError);
    expect((thrown as SelectorError).message).toBe(message);
  });

  it.each<[string, string, string[]]>([
    ["x", "in", ["foo"]],
    ["x", "notin", ["foo"]],
    ["x", "exists", []],
    ["x", "!", []],
    ["1foo", "in", ["bar"]],
    ["1234", "in", ["bar"]],
    ["y", "gt", ["1"]],
    ["z", "lt", ["6"]],
  ])("newRequirement(%j, %j, %j) succeeds", (key, op, values) => {
    expect(newRequirement(key, op, values).key).toBe(key);
  });

  it("uses the base path when given", () => {
    expect(() => newRequirement("k", "in", [], "spec.x")).toThrow(
      "spec.x.values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty",
    );
  });

  it("prints requirements canonically", () => {
    expect(newRequirement("x", "in", ["def", "abc"]).toString()).toBe("x in (abc,def)");
    expect(newRequirement("y", "notin", ["jkl"]).toString()).toBe("y notin (jkl)");
    expect(newRequirement("z", "notin", [""]).toString()).toBe("z notin ()");
    expect(newRequirement("x", "=", ["abc"]).toString()).toBe("x=abc");
    expect(newRequirement("y", "==", ["jkl"]).toString()).toBe("y==jkl");
    expect(newRequirement("z", "!=", ["a"]).toString()).toBe("z!=a");
    expect(newRequirement("x", "gt", ["2"]).toString()).toBe("x>2");
    expect(newRequirement("y", "lt", ["8"]).toString()).toBe("y<8");
    expect(newRequirement("z", "exists").toString()).toBe("z");
    expect(newRequirement("z", "!").toString()).toBe("!z");
  });
});
