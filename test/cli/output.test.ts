/** `writeOutput`: what reaches stdout is the text joined, plus one final newline, in bounded slices. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type OutputText, outputString, writeOutput } from "../../src/cli/output.js";

function written(output: OutputText, chunk?: number): string[] {
  const out: string[] = [];
  writeOutput((t) => out.push(t), output, chunk);
  return out;
}

const text = fc.string({ unit: fc.constantFrom("a", "é", "\n", "😀", "→"), maxLength: 40 });

describe("writeOutput", () => {
  it("lines print as their join with a newline between each two, and one final newline", () => {
    expect(written(["a", "b"]).join("")).toBe("a\nb\n");
    expect(written(["a", "b\n"]).join("")).toBe("a\nb\n");
    expect(written([]).join("")).toBe("\n");
    expect(written([""]).join("")).toBe("\n");
    // As for the joined string: "a\n" already ends with a newline.
    expect(written(["a", ""]).join("")).toBe("a\n");
    expect(written(["", ""]).join("")).toBe("\n");
    expect(written("x").join("")).toBe("x\n");
    expect(written("x\n").join("")).toBe("x\n");
  });

  it("for any lines and slice size: the same text as the joined string, slices bounded, no surrogate pair split", () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 30 }), fc.integer({ min: 1, max: 12 }), (lines, chunk) => {
        const joined = outputString(lines);
        const expected = joined.endsWith("\n") ? joined : `${joined}\n`;
        for (const output of [lines, joined] as OutputText[]) {
          const out = written(output, chunk);
          expect(out.join("")).toBe(expected);
          for (const piece of out) {
            // A slice of one long line may take one more code unit to keep a pair whole; a batch
            // of short lines stops at the first line that reaches the size (plus its newline).
            expect(piece.length).toBeLessThanOrEqual(2 * chunk + 1);
            const last = piece.charCodeAt(piece.length - 1);
            expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
          }
        }
      }),
    );
  });

  it("a 3-million-character report goes out in slices of about a million characters", () => {
    const lines = Array.from({ length: 30_000 }, (_, i) => `line ${i} ${"x".repeat(90)}`);
    const out = written(lines);
    expect(out.length).toBeGreaterThan(2);
    expect(Math.max(...out.map((s) => s.length))).toBeLessThan((1 << 20) + 200);
    expect(out.join("")).toBe(`${lines.join("\n")}\n`);
  });
});
