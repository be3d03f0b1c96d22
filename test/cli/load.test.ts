import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expandPaths, InputError, LoadedInput, loadInputs, parseManifests } from "../../src/cli/load.js";
import { jsonErrorOffset } from "../../src/cli/json-error-offset.js";

describe("parseManifests", () => {
  it("reads multi-document YAML with the line of each document", () => {
    const text = "# comment\nkind: PersistentVolume\nmetadata: {name: a}\n---\nkind: StorageClass\nmetadata: {name: b}\n---\n";
    const out = parseManifests(text, "x.yaml");
    expect(out.map((o) => o.object["kind"])).toEqual(["PersistentVolume", "StorageClass"]);
    expect(out.map((o) => o.source.line)).toEqual([2, 5]);
  });
  it("flattens kubectl's List output and typed lists, and JSON arrays", () => {
    const list = JSON.stringify({
      apiVersion: "v1",
      kind: "List",
      items: [{ kind: "PersistentVolume" }, { kind: "PersistentVolumeClaim" }],
    });
    expect(parseManifests(list, "l.json")).toHaveLength(2);
    const typed = "apiVersion: v1\nkind: PersistentVolumeList\nitems:\n- kind: PersistentVolume\n";
    expect(parseManifests(typed, "t.yaml")).toHaveLength(1);
    expect(parseManifests('[{"kind":"Node"},{"kind":"Pod"}]', "a.json")).toHaveLength(2);
  });
  it("skips empty documents and accepts empty input", () => {
    expect(parseManifests("", "e.yaml")).toEqual([]);
    expect(parseManifests("---\n---\n", "e.yaml")).toEqual([]);
  });
  it("reports malformed YAML with file and line", () => {
    const text = "kind: PersistentVolume\nmetadata:\n  name: [unclosed\n";
    expect(() => parseManifests(text, "bad.yaml")).toThrow(InputError);
    try {
      parseManifests(text, "bad.yaml");
    } catch (e) {
      expect((e as InputError).file).toBe("bad.yaml");
      expect((e as InputError).line).toBeGreaterThanOrEqual(3);
      expect((e as Error).message).toMatch(/^bad\.yaml:\d+: malformed YAML/);
    }
  });
  it("reports malformed JSON with file and line", () => {
    expect(() => parseManifests('{\n"kind": "PersistentVolume",\n"metadata": }', "bad.json")).toThrow(/^bad\.json:3: malformed JSON/);
  });
  it("rejects documents that are not objects", () => {
    expect(() => parseManifests("just a string\n", "s.yaml")).toThrow(/s\.yaml:1: expected a Kubernetes object, found string/);
  });
  it("does not expand YAML alias bombs", () => {
    const bomb = [
      "a: &a [x,x,x,x,x,x,x,x,x,x]",
      ...Array.from(
        { length: 12 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
      ),
    ].join("\n");
    expect(() => parseManifests(bomb, "bomb.yaml")).toThrow(InputError);
  });
});

describe("loadInputs", () => {
  it("reads directories recursively in name order, and stdin for -", () => {
    const dir = mkdtempSync(join(tmpdir(), "kubevol-load-"));
    mkdirSync(join(dir, "sub"));
    writeFileSync(join(dir, "b.yaml"), "kind: StorageClass\nmetadata: {name: b}\n");
    writeFileSync(join(dir, "sub", "a.json"), '{"kind":"PersistentVolume","metadata":{"name":"a"}}');
    writeFileSync(join(dir, "notes.txt"), "not a manifest");
    expect(expandPaths([dir]).map((p) => p.slice(dir.length))).toEqual(["/b.yaml", "/sub/a.json"]);
    const out = loadInputs([dir, "-"], () => "kind: Node\nmetadata: {name: n}\n");
    expect(out.map((o) => o.object["kind"])).toEqual(["StorageClass", "PersistentVolume", "Node"]);
    expect(out[2]!.source.file).toBe("-");
  });
  it("reports a missing file", () => {
    expect(() => loadInputs(["/nonexistent/x.yaml"], () => "")).toThrow("/nonexistent/x.yaml: no such file or directory");
  });
});

describe("jsonErrorOffset", () => {
  it.each([
    ['{"a": }', 6],
    ["[1, 2,]", 6],
    ['{"a" 1}', 5],
    ["{} x", 3],
    ['"unterminated', 0],
    ["[", 1],
  ])("%j fails at %i", (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
  });
  it.each(['{"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"], "b": {}}', "[]", " 1 "])("%j is valid", (text) => {
    expect(jsonErrorOffset(text)).toBeUndefined();
    expect(() => JSON.parse(text)).not.toThrow();
  });
  it("handles deep nesting without recursion", () => {
    expect(jsonErrorOffset("[".repeat(200_000))).toBe(200_000);
  });
});

describe("LoadedInput", () => {
  const objects = parseManifests("kind: PersistentVolume\nmetadata: {name: pv-1}\n", "a.yaml");

  it("gives its objects to one taker, then holds them no longer", () => {
    const input = new LoadedInput(objects);
    expect(input.take()).toBe(objects);
    expect(() => input.take()).toThrow("already taken");
  });
});
