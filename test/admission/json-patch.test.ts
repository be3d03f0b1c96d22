import { describe, expect, it } from "vitest";
import {
  applyJsonPatch,
  base64Decode,
  base64Encode,
  decodeJsonPatch,
  encodeJsonPatch,
  escapePointerToken,
  JsonPatchBuilder,
  JsonPatchError,
  jsonPointer,
  parseJsonPointer,
  unescapePointerToken,
  type JsonPatchOperation,
} from "../../src/admission/json-patch.js";

describe("JSON Pointer escaping (RFC 6901)", () => {
  it.each([
    ["kubernetes.io/pvc-protection", "kubernetes.io~1pvc-protection"],
    ["a~b", "a~0b"],
    ["~1", "~01"],
    ["/~", "~1~0"],
    ["", ""],
    ["plain", "plain"],
  ])("escape(%j) = %j and back", (raw, escaped) => {
    expect(escapePointerToken(raw)).toBe(escaped);
    expect(unescapePointerToken(escaped)).toBe(raw);
  });

  it("builds pointers from segments", () => {
    expect(jsonPointer("metadata", "annotations", "volume.beta.kubernetes.io/storage-class")).toBe(
      "/metadata/annotations/volume.beta.kubernetes.io~1storage-class",
    );
    expect(jsonPointer("metadata", "finalizers", 0)).toBe("/metadata/finalizers/0");
    expect(jsonPointer()).toBe("");
  });

  it("parses pointers and rejects malformed ones", () => {
    expect(parseJsonPointer("")).toEqual([]);
    expect(parseJsonPointer("/")).toEqual([""]);
    expect(parseJsonPointer("/a~1b/c~0d")).toEqual(["a/b", "c~d"]);
    expect(() => parseJsonPointer("a/b")).toThrow(JsonPatchError);
    expect(() => parseJsonPointer("/a~2")).toThrow(/followed by 0 or 1/);
    expect(() => parseJsonPointer("/a~")).toThrow(JsonPatchError);
  });
});

describe("JsonPatchBuilder", () => {
  it("collects operations in order with escaped paths, and build() copies", () => {
    const b = new JsonPatchBuilder()
      .add(["spec", "storageClassName"], "fast")
      .add(["metadata", "finalizers", "-"], "kubernetes.io/pvc-protection");
    const first = b.build();
    b.remove(["metadata", "annotations", "a/b"]).replace(["spec", "x"], 1).test(["spec", "y"], 2).move(["a"], ["b"]).copy(["c"], ["d"]);
    expect(first).toHaveLength(2);
    expect(b.length).toBe(7);
    expect(b.build()).toEqual([
      { op: "add", path: "/spec/storageClassName", value: "fast" },
      { op: "add", path: "/metadata/finalizers/-", value: "kubernetes.io/pvc-protection" },
      { op: "remove", path: "/metadata/annotations/a~1b" },
      { op: "replace", path: "/spec/x", value: 1 },
      { op: "test", path: "/spec/y", value: 2 },
      { op: "move", from: "/a", path: "/b" },
      { op: "copy", from: "/c", path: "/d" },
    ]);
  });
});

describe("base64 encoding", () => {
  it.each([[[]], [[{ op: "add", path: "/a", value: "é☃😀" }]], [[{ op: "remove", path: "/x" }]]] as JsonPatchOperation[][][])(
    "matches Buffer's base64 and round-trips %#",
    (ops) => {
      const text = encodeJsonPatch(ops);
      expect(text).toBe(Buffer.from(JSON.stringify(ops), "utf8").toString("base64"));
      expect(decodeJsonPatch(text)).toEqual(ops);
    },
  );

  it("the portable base64 codec agrees with Buffer", () => {
    for (const text of ["", "a", "ab", "abc", "abcd", "é☃😀", "x".repeat(1000)]) {
      const bytes = new TextEncoder().encode(text);
      const b64 = Buffer.from(text, "utf8").toString("base64");
      expect(base64Encode(bytes)).toBe(b64);
      expect(Buffer.from(base64Decode(b64)).toString("utf8")).toBe(text);
      expect(Buffer.from(base64Decode(b64.replace(/=+$/, ""))).toString("utf8")).toBe(text);
    }
    expect(() => base64Decode("a")).toThrow();
    expect(() => base64Decode("ab$d")).toThrow();
  });

  it("rejects text that is not base64 of a JSON array", () => {
    expect(() => decodeJsonPatch("!!!")).toThrow(JsonPatchError);
    expect(() => decodeJsonPatch(Buffer.from("{}").toString("base64"))).toThrow(/not a JSON array/);
    expect(() => decodeJsonPatch(Buffer.from("nope").toString("base64"))).toThrow(JsonPatchError);
  });
});

describe("applyJsonPatch (RFC 6902 semantics)", () => {
  const doc = { metadata: { name: "c", finalizers: ["a"] }, spec: { accessModes: ["ReadWriteOnce"] } };

  it("adds members, appends with '-', inserts at an index, and never mutates the input", () => {
    const before = structuredClone(doc);
    const out = applyJsonPatch<typeof doc & { spec: { storageClassName?: string } }>(doc, [
      { op: "add", path: "/spec/storageClassName", value: "fast" },
      { op: "add", path: "/metadata/finalizers/-", value: "b" },
      { op: "add", path: "/metadata/finalizers/0", value: "z" },
    ]);
    expect(out.spec.storageClassName).toBe("fast");
    expect(out.metadata.finalizers).toEqual(["z", "a", "b"]);
    expect(doc).toEqual(before);
  });

  it("add replaces an existing member; replace requires it", () => {
    expect(applyJsonPatch({ a: 1 }, [{ op: "add", path: "/a", value: 2 }])).toEqual({ a: 2 });
    expect(applyJsonPatch({ a: 1 }, [{ op: "replace", path: "/a", value: 3 }])).toEqual({ a: 3 });
    expect(() => applyJsonPatch({}, [{ op: "replace", path: "/a", value: 3 }])).toThrow(/operation 0/);
  });

  it("remove, move, copy, test", () => {
    expect(applyJsonPatch({ a: [1, 2, 3] }, [{ op: "remove", path: "/a/1" }])).toEqual({ a: [1, 3] });
    expect(applyJsonPatch({ a: { x: 1 }, b: {} }, [{ op: "move", from: "/a/x", path: "/b/y" }])).toEqual({ a: {}, b: { y: 1 } });
    expect(applyJsonPatch({ a: { x: [1] } }, [{ op: "copy", from: "/a", path: "/b" }])).toEqual({ a: { x: [1] }, b: { x: [1] } });
    expect(applyJsonPatch({ a: { k: [1, { z: 2 }] } }, [{ op: "test", path: "/a", value: { k: [1, { z: 2 }] } }])).toEqual({
      a: { k: [1, { z: 2 }] },
    });
    expect(() => applyJsonPatch({ a: 1 }, [{ op: "test", path: "/a", value: 2 }])).toThrow(/test failed/);
    expect(() => applyJsonPatch({ a: { b: 1 } }, [{ op: "move", from: "/a", path: "/a/b/c" }])).toThrow(/into itself/);
  });

  it("fails the whole patch on a missing parent or a bad index, naming the operation", () => {
    const bad: JsonPatchOperation[][] = [
      [{ op: "add", path: "/missing/x", value: 1 }],
      [{ op: "add", path: "/a/5", value: 1 }],
      [{ op: "add", path: "/a/01", value: 1 }],
      [{ op: "remove", path: "/a/-" }],
      [{ op: "remove", path: "/nope" }],
      [
        { op: "add", path: "/ok", value: 1 },
        { op: "add", path: "/a/x", value: 1 },
      ],
    ];
    for (const ops of bad) {
      try {
        applyJsonPatch({ a: [1] }, ops);
        expect.fail("should throw");
      } catch (e) {
        expect(e).toBeInstanceOf(JsonPatchError);
        expect((e as JsonPatchError).operationIndex).toBe(ops.length - 1);
      }
    }
  });

  it("escaped keys address the right member, and __proto__ stays a plain key", () => {
    const out = applyJsonPatch<Record<string, Record<string, string>>>({ metadata: { annotations: {} } }, [
      { op: "add", path: "/metadata/annotations/volume.beta.kubernetes.io~1storage-class", value: "x" },
      { op: "add", path: "/metadata/annotations/a~0b", value: "y" },
      { op: "add", path: "/metadata/__proto__", value: { polluted: true } },
    ]);
    expect(out.metadata!.annotations).toEqual({ "volume.beta.kubernetes.io/storage-class": "x", "a~b": "y" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(out.metadata!)).toContain("__proto__");
  });

  it("an empty path replaces the whole document", () => {
    expect(applyJsonPatch({ a: 1 }, [{ op: "replace", path: "", value: [1] }])).toEqual([1]);
  });
});
