/**
 * The CLI on a 100,000-object cluster dump (50,000 PVs and 50,000 claims of the seeded benchmark
 * workload), as a subprocess with a capped heap: it must finish, within the time limit, without
 * running out of memory, and say something about every claim. These are limits, not benchmarks:
 * docs/benchmarks.md has the measured times.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claims, pool } from "../../src/testing/index.js";
import { runSubprocess } from "./helpers.js";

const N = 50_000;
let dir: string;
let file: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "kubevol-large-"));
  file = join(dir, "cluster.json");
  writeFileSync(file, JSON.stringify({ apiVersion: "v1", kind: "List", items: [...pool(N, 1), ...claims(N, 2)] }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("100,000 objects", () => {
  it("explain answers for every claim within 1.5 GiB of heap", () => {
    const r = runSubprocess(["explain", "-f", file, "-o", "json"], { maxOldSpaceMb: 1536, timeoutMs: 400_000 });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { claims: { status: string; reason: string; volume?: string }[] };
    expect(out.claims).toHaveLength(N);
    for (const c of out.claims) expect(c.reason.length).toBeGreaterThan(0);
    const taken = out.claims.filter((c) => c.status === "WillBind").map((c) => c.volume);
    expect(new Set(taken).size).toBe(taken.length);
    expect(taken.length).toBeGreaterThan(N / 2);
  }, 420_000);

  it("simulate converges within 1.5 GiB of heap", () => {
    const r = runSubprocess(["simulate", "-f", file, "-o", "json"], { maxOldSpaceMb: 1536, timeoutMs: 300_000 });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { converged: boolean; claims: unknown[] };
    expect(out.converged).toBe(true);
    expect(out.claims).toHaveLength(N);
  }, 320_000);
});
