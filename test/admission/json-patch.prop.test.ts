import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyJsonPatch, escapePointerToken, jsonPointer, parseJsonPointer, unescapePointerToken } from "../../src/admission/json-patch.js";
import { fitWarning } from "../../src/admission/warnings.js";

const token = fc.string({ unit: fc.constantFrom("a", "b", "~", "/", "0", "1", "-", ".", "é"), maxLength: 8 });

describe("JSON Pointer laws", () => {
  it("unescape(escape(t)) = t and escaped tokens hold no '/' and only ~0/~1", () => {
    fc.assert(
      fc.property(token, (t) => {
        const e = escapePointerToken(t);
        expect(unescapePointerToken(e)).toBe(t);
        expect(e.includes("/")).toBe(false);
        expect(/~(?![01])/.test(e)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("parseJsonPointer(jsonPointer(...tokens)) = tokens", () => {
    fc.assert(
      fc.property(fc.array(token, { maxLength: 5 }), (ts) => {
        expect(parseJsonPointer(jsonPointer(...ts))).toEqual(ts);
      }),
      { numRuns: 300 },
    );
  });

  it("adding under any key of a fresh object then reading it back gives the value", () => {
    fc.assert(
      fc.property(token, fc.jsonValue(), (k, v) => {
        const out = applyJsonPatch<{ m: Record<string, unknown> }>({ m: {} }, [{ op: "add", path: jsonPointer("m", k), value: v }]);
        expect(Object.keys(out.m)).toEqual([k]);
        expect(JSON.stringify(out.m[k])).toBe(JSON.stringify(v));
      }),
      { numRuns: 200 },
    );
  });

  it("a random patch either applies or throws JsonPatchError, never anything else", () => {
    const op = fc.oneof(
      fc.record({ op: fc.constant("add" as const), path: fc.string({ maxLength: 8 }), value: fc.jsonValue({ maxDepth: 2 }) }),
      fc.record({ op: fc.constant("remove" as const), path: fc.string({ maxLength: 8 }) }),
      fc.record({ op: fc.constant("replace" as const), path: fc.string({ maxLength: 8 }), value: fc.jsonValue({ maxDepth: 2 }) }),
      fc.record({ op: fc.constant("move" as const), from: fc.string({ maxLength: 8 }), path: fc.string({ maxLength: 8 }) }),
    );
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.array(op, { maxLength: 4 }), (doc, ops) => {
        try {
          applyJsonPatch(doc, ops);
        } catch (e) {
          expect((e as Error).name).toBe("JsonPatchError");
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("fitWarning", () => {
  it("always fits in the limit and keeps short text unchanged", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.integer({ min: 2, max: 200 }), (s, max) => {
        const w = fitWarning(s, max);
        expect(Array.from(w).length).toBeLessThanOrEqual(max);
        const collapsed = s.replace(/\s+/g, " ").trim();
        if (Array.from(collapsed).length <= max && !/^warning:/i.test(collapsed)) expect(w).toBe(collapsed);
      }),
      { numRuns: 300 },
    );
  });
});
