/** The CLI's input limits and small output rules: clear errors, right words, right counts. */
import { describe, expect, it } from "vitest";
import { runInProcess } from "./helpers.js";

describe("input the CLI refuses clearly", () => {
  it("JSON and YAML nested 100,000 levels deep: one clear line, exit 2", () => {
    const d = 100_000;
    for (const text of ["[".repeat(d) + "]".repeat(d), `a: ${"[".repeat(d)}${"]".repeat(d)}`]) {
      const r = runInProcess(["explain", "-f", "-"], text);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^error: -:1: nested deeper than 200 levels\n$/);
    }
  });
  it("duplicate YAML keys are an error, as kubectl makes them", () => {
    const r = runInProcess(
      ["explain", "-f", "-"],
      "apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: a}\nmetadata: {name: b}\nspec: {}\n",
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("-:4: malformed YAML: Map keys must be unique");
  });
});

describe("words and counts", () => {
  const one =
    "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: myclaim}\nspec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}, storageClassName: ''}\n";
  it("a claim without a namespace is in namespace default; singular counts read right", () => {
    const r = runInProcess(["explain", "-f", "-"], one);
    expect(r.stdout).toContain("Claim default/myclaim requests 1Gi");
    expect(r.stdout).not.toContain("Claim /myclaim");
    expect(r.stdout).toContain("1 claim: 1 Pending.");
    expect(r.stdout).not.toMatch(/\b1 (claims|volumes|rounds)\b/);
  });
  it("simulate says 'after 1 round' / 'after 2 rounds'", () => {
    expect(runInProcess(["simulate", "-f", "-"], one).stdout).toMatch(/Converged after \d+ rounds?\./);
    expect(runInProcess(["simulate", "-f", "-"], one).stdout).not.toContain("after 1 rounds");
  });
  it("-o wide shows the access modes of every claim, Bound ones too", () => {
    const bound =
      "apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: pv}\nspec: {capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], claimRef: {namespace: default, name: myclaim, uid: u1}, hostPath: {path: /x}}\nstatus: {phase: Bound}\n---\n" +
      one
        .replace("{name: myclaim}", "{name: myclaim, uid: u1, annotations: {pv.kubernetes.io/bind-completed: 'yes'}}")
        .replace("storageClassName: ''}", "storageClassName: '', volumeName: pv}\nstatus: {phase: Bound}");
    const r = runInProcess(["explain", "-f", "-", "-o", "wide"], bound);
    expect(r.stdout).toMatch(/myclaim\s+Bound\s+pv\s+1Gi\s+""\s+ReadWriteOnce\s+bound/);
  });
  it("kubevol help explain prints help; help for validate lists -o wide", () => {
    const r = runInProcess(["help", "explain"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("kubevol validate [INPUT] [-o table|wide|json|yaml]");
    expect(runInProcess(["help", "nope"]).status).toBe(2);
  });
  it("validate counts notes apart from warnings", () => {
    const r = runInProcess(["validate", "-f", "-"], one.replace("myclaim", "c"));
    expect(r.stdout).not.toMatch(/\(\d+ warnings?\)/);
  });
});

describe("the nesting limit, exactly", () => {
  // The top-level value is level 0: 201 nested arrays or objects are the deepest input read.
  const arrays = (n: number) => "[".repeat(n) + "]".repeat(n);
  const objects = (n: number) => '{"a":'.repeat(n - 1) + "{}" + "}".repeat(n - 1);
  it.each([
    ["arrays", arrays],
    ["objects", objects],
  ])("%s: 201 levels are read, 202 are refused", (_, nest) => {
    const ok = runInProcess(["explain", "-f", "-"], nest(201));
    expect(ok.stderr).not.toContain("nested deeper");
    const deep = runInProcess(["explain", "-f", "-"], nest(202));
    expect(deep.status).toBe(2);
    expect(deep.stderr).toBe("error: -:1: nested deeper than 200 levels\n");
  });
});
