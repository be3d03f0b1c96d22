import { describe, expect, it } from "vitest";
import { palette, renderTable } from "../../src/cli/table.js";

describe("renderTable", () => {
  it("pads every column but the last to its widest cell and three spaces, kubectl style", () => {
    expect(
      renderTable(
        ["name", "phase"],
        [
          ["pv-1", "Bound"],
          ["pv-long-name", "Available"],
        ],
      ),
    ).toBe(["NAME           PHASE", "pv-1           Bound", "pv-long-name   Available"].join("\n"));
  });

  it("measures coloured cells by what is visible", () => {
    const p = palette(true);
    const t = renderTable(
      ["status", "x"],
      [
        [p.green("Bound"), "a"],
        ["Pending", "b"],
      ],
    );
    expect(t.split("\n")[1]).toBe(`${p.green("Bound")}     a`);
    expect(t.split("\n")[2]).toBe("Pending   b");
  });

  it("trims trailing blanks and leaves a cell beyond the headers unpadded", () => {
    expect(
      renderTable(
        ["a", "b"],
        [
          ["x", ""],
          ["y", "z", "extra", "last"],
        ],
      ),
    ).toBe("A   B\nx\ny   z   extralast");
  });

  it("renders 600,000 rows (a spread of every cell into Math.max throws past ~120,000 in the main thread, ~500,000 in a worker)", () => {
    const rows = Array.from({ length: 600_000 }, (_, i) => [`pv-${i}`, "Bound"]);
    const lines = renderTable(["name", "phase"], rows).split("\n");
    expect(lines).toHaveLength(600_001);
    expect(lines[600_000]).toBe("pv-599999   Bound");
    expect(lines[0]).toBe("NAME        PHASE");
  });
});
