import { describe, expect, it } from "vitest";
import { noTimer, phaseTimer } from "../../src/cli/timer.js";

describe("phaseTimer", () => {
  it("reports every phase in order with its wall time and the heap after it, then the total and the peak RSS", () => {
    const t = phaseTimer();
    expect(t.time("parse", () => 42)).toBe(42);
    t.time("render", () => "x".repeat(10));
    const lines = t.report().trimEnd().split("\n");
    expect(lines[0]).toBe("timings:");
    expect(lines[1]).toMatch(/^ {2}parse +\d+ ms {3}heap +\d+ MiB$/);
    expect(lines[2]).toMatch(/^ {2}render +\d+ ms {3}heap +\d+ MiB$/);
    expect(lines[3]).toMatch(/^ {2}total +\d+ ms$/);
    const peak = Number(/^ {2}peak RSS (\d+) MiB$/.exec(lines[4]!)?.[1]);
    // The kernel's high-water mark: at least the memory in use now.
    expect(peak).toBeGreaterThanOrEqual(Math.floor(process.memoryUsage.rss() / 2 ** 20));
  });

  it("records a phase that throws, and rethrows", () => {
    const t = phaseTimer();
    expect(() =>
      t.time("load", () => {
        throw new Error("bad input");
      }),
    ).toThrow("bad input");
    expect(t.report()).toContain("  load ");
  });

  it("noTimer runs the phase and reports nothing", () => {
    expect(noTimer.time("x", () => 1)).toBe(1);
    expect(noTimer.report()).toBe("");
  });
});
