import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { claims, pool } from "../../src/testing/index.js";
import { ROOT } from "./helpers.js";

describe("the executable", () => {
  it("stops quietly when its reader closes the pipe early (`| head`)", () => {
    // Enough output (hundreds of KB) that the pipe fills and a write meets the closed end.
    const dir = mkdtempSync(join(tmpdir(), "kubevol-pipe-"));
    const file = join(dir, "cluster.json");
    writeFileSync(file, JSON.stringify({ apiVersion: "v1", kind: "List", items: [...pool(3000, 1), ...claims(3000, 2)] }));
    const script = `set -o pipefail; "${process.execPath}" --import tsx src/cli/main.ts explain -f "${file}" 2>"${dir}/err" | head -c 100 >/dev/null; echo "status=$?"; cat "${dir}/err"`;
    const r = spawnSync("bash", ["-c", script], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
    expect(r.stdout).toMatch(/^status=0\n$/);
  }, 120_000);
});
