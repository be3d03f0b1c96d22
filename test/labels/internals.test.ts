import { describe, expect, it } from "vitest";
import { compareInt64, parseInt64 } from "../../src/labels/int64.js";
import { compareStrings, sortedUnique, utf8Length } from "../../src/labels/strings.js";
import { parseSelector, selectorFromSet, type Labels } from "../../src/labels/index.js";

describe("Go-compatible string helpers", () => {
  it("measures UTF-8 bytes", () => {
    expect(utf8Length("")).toBe(0);
    expect(utf8Length("abc")).toBe(3);
    expect(utf8Length("é")).toBe(2);
    expect(utf8Length("€")).toBe(3);
    expect(utf8Length("𝒳")).toBe(4);
    expect(utf8Length("\ud800")).toBe(3);
  });

  it("orders by code point (UTF-8 bytes), not UTF-16 units", () => {
    expect(compareStrings("\uFFFD", "𝒳")).toBeLessThan(0); // "𝒳" < "\uFFFD" in UTF-16 order
    expect(compareStrings("a", "ab")).toBeLessThan(0);
    expect(compareStrings("b", "a")).toBeGreaterThan(0);
    expect(compareStrings("x", "x")).toBe(0);
    expect(sortedUnique(["𝒳", "\uFFFD", "a", "a"])).toEqual(["a", "\uFFFD", "𝒳"]);
    expect(selectorFromSet({ 𝒳: "1", "\uFFFD": "2" }).toString()).toBe("\uFFFD=2,𝒳=1");
  });

  it("parses int64 as strconv.ParseInt(s, 10, 64)", () => {
    expect(parseInt64("0")).toBe(0);
    expect(parseInt64("+5")).toBe(5);
    expect(parseInt64("-05")).toBe(-5);
    expect(parseInt64("9223372036854775807")).toBe(9223372036854775807n);
    expect(parseInt64("-9223372036854775808")).toBe(-9223372036854775808n);
    expect(parseInt64("9223372036854775808")).toBeUndefined();
    expect(parseInt64("-9223372036854775809")).toBeUndefined();
    expect(parseInt64("00000000000000000000000001")).toBe(1n);
    for (const bad of ["", "+", "-", " 1", "1 ", "1e3", "0x10", "1_000", "1.0", "١"]) expect(parseInt64(bad)).toBeUndefined();
    expect(compareInt64(1n, 2)).toBeLessThan(0);
    expect(compareInt64(9007199254740993n, 9007199254740992n)).toBeGreaterThan(0);
  });
});

describe("robust matching", () => {
  it("treats null labels, non-string values and inherited properties as absent", () => {
    const s = parseSelector("a,b!=x,!c");
    expect(s.matches(null as unknown as Labels)).toBe(false);
    expect(parseSelector("!a").matches(null as unknown as Labels)).toBe(true);
    expect(s.matches({ a: 1 } as unknown as Labels)).toBe(false);
    expect(parseSelector("hasOwnProperty").matches({})).toBe(false);
    const proto = selectorFromSet(JSON.parse('{"__proto__":"x"}') as Labels); // not a valid key, but selectorFromSet does not validate
    expect(proto.matches({})).toBe(false);
    expect(proto.matches(JSON.parse('{"__proto__":"x"}') as Labels)).toBe(true);
  });

  it("returns immutable requirement lists", () => {
    const s = parseSelector("a in (x,y)");
    expect(Object.isFrozen(s.requirements())).toBe(true);
    expect(Object.isFrozen(s.requirements()[0]!.values)).toBe(true);
  });
});

describe("str and safeString", async () => {
  const { safeString, str } = await import("../../src/labels/strings.js");
  it("str keeps strings and reads anything else as the empty string", () => {
    expect([str("a"), str(""), str(42), str(null), str(undefined), str({}), str(["a"])]).toEqual(["a", "", "", "", "", "", ""]);
  });
  it("is String(x), except that it never throws", () => {
    expect(safeString("a")).toBe("a");
    expect(safeString(42)).toBe("42");
    expect(safeString(null)).toBe("null");
    expect(safeString(Object.create(null))).toBe("[object Object]");
    expect(
      safeString({
        toString() {
          throw new Error("no");
        },
      }),
    ).toBe("[object Object]");
  });
});
