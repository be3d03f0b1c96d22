/** `kubevol plan`: the strategies side by side, as a table, JSON and YAML, from a file or stdin. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { humanBytes } from "../../src/cli/plan.js";
import { ROOT, runInProcess } from "./helpers.js";

const FIXTURE = join(ROOT, "test/cli/fixtures/plan.yaml");
/** Times vary from run to run (and with them the column widths): blank them, collapse the padding. */
const untimed = (s: string) => s.replace(/\d+(\.\d+)?ms/g, "Tms").replace(/ {2,}/g, "  ");

describe("kubevol plan", () => {
  it("prints the strategies and the claims whose fate differs", () => {
    const r = runInProcess(["plan", "-f", FIXTURE]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(untimed(r.stdout)).toBe(
      [
        "Strategies",
        "STRATEGY  BOUND  PENDING  WASTE  TIME  VS OPTIMAL",
        "kubernetes  1  1  6Gi  Tms  1 claim fewer",
        "best-fit-decreasing  2  0  3Gi  Tms  optimal",
        "optimal  2  0  3Gi  Tms  -",
        "",
        "Claims whose fate differs (2)",
        "CLAIM  KUBERNETES  BEST-FIT-DECREASING  OPTIMAL",
        "default/a  v10  v5  v5",
        "default/b  -  v10  v10",
        "",
      ].join("\n"),
    );
  });

  it("-o json and -o yaml carry the same data, bytes as integer strings", () => {
    const json = JSON.parse(runInProcess(["plan", "-f", FIXTURE, "-o", "json"]).stdout);
    const yaml = parse(runInProcess(["plan", "-f", FIXTURE, "-o", "yaml"]).stdout);
    for (const d of [json, yaml]) {
      expect(
        d.strategies.map((s: { strategy: string; bound: number; wastedBytes: string; boundBelowOptimal: number }) => [
          s.strategy,
          s.bound,
          s.wastedBytes,
          s.boundBelowOptimal,
        ]),
      ).toEqual([
        ["kubernetes", 1, String(6 * 2 ** 30), 1],
        ["best-fit-decreasing", 2, String(3 * 2 ** 30), 0],
        ["optimal", 2, String(3 * 2 ** 30), 0],
      ]);
      expect(d.differences).toEqual([
        { claim: "default/a", volumes: { kubernetes: "v10", "best-fit-decreasing": "v5", optimal: "v5" } },
        { claim: "default/b", volumes: { kubernetes: null, "best-fit-decreasing": "v10", optimal: "v10" } },
      ]);
      expect(d.pending.kubernetes).toEqual([
        { claim: "default/b", reason: "NoMatch", message: "no persistent volumes available for this claim and no storage class is set" },
      ]);
    }
  });

  it("reads stdin, and an empty input plans nothing", () => {
    const r = runInProcess(["plan", "-f", "-"], readFileSync(FIXTURE, "utf8"), {});
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Claims whose fate differs (2)");
    const empty = runInProcess(["plan", "-f", "-"], "", {});
    expect(empty.status).toBe(0);
    expect(empty.stdout).toContain("(none: every strategy binds every claim to the same volume)");
  });

  it("is in the help text, and rejects unknown flags", () => {
    expect(runInProcess(["help"]).stdout).toContain("kubevol plan     [INPUT]");
    expect(runInProcess(["plan", "-f", FIXTURE, "--bogus"]).status).toBe(2);
  });

  it("formats bytes in binary units", () => {
    expect([humanBytes(0n), humanBytes(1023n), humanBytes(1536n), humanBytes(3n << 30n), humanBytes(-(1n << 40n))]).toEqual([
      "0",
      "1023",
      "1.5Ki",
      "3Gi",
      "-1Ti",
    ]);
  });
});
