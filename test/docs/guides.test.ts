/**
 * Every guide's code examples compile and run. A fenced block whose info string is `ts` is a
 * self-contained module: it is type-checked against the sources (imports of `kubevol` and
 * `kubevol/<layer>` resolve to `src/`) and then run. `ts no-run` blocks (servers, long loops) are
 * only type-checked; `ts fragment` blocks (parts of a larger program) are neither.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import { describe, expect, it, vi } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DOCS = join(ROOT, "docs");
const OUT = join(ROOT, "test/docs/.generated");

interface Block {
  guide: string;
  index: number;
  line: number;
  run: boolean;
  file: string;
}

function extract(): Block[] {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const blocks: Block[] = [];
  for (const guide of readdirSync(DOCS)
    .filter((f) => f.endsWith(".md"))
    .sort()) {
    const lines = readFileSync(join(DOCS, guide), "utf8").split("\n");
    let n = 0;
    for (let i = 0; i < lines.length; i++) {
      const m = /^```ts(?:\s+(no-run|fragment))?\s*$/.exec(lines[i]!);
      if (!m) continue;
      const start = i + 1;
      let end = start;
      while (end < lines.length && !lines[end]!.startsWith("```")) end++;
      i = end;
      if (m[1] === "fragment") continue;
      const code = lines
        .slice(start, end)
        .join("\n")
        .replace(/from "kubevol"/g, `from ${JSON.stringify(join(ROOT, "src/index.js"))}`)
        .replace(/from "kubevol\/([a-z]+)"/g, (_, layer: string) => `from ${JSON.stringify(join(ROOT, `src/${layer}/index.js`))}`);
      const file = join(OUT, `${guide.replace(/\.md$/, "")}-${++n}.ts`);
      writeFileSync(file, `${code}\nexport {};\n`);
      blocks.push({ guide, index: n, line: start, run: m[1] !== "no-run", file });
    }
  }
  return blocks;
}

const blocks = extract();

describe("guide examples", () => {
  it("there are examples to check", () => {
    expect(blocks.length).toBeGreaterThan(5);
  });

  it("type-check", () => {
    const config = ts.getParsedCommandLineOfConfigFile(
      join(ROOT, "tsconfig.json"),
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
    );
    const program = ts.createProgram(
      blocks.map((b) => b.file),
      { ...config!.options, noEmit: true, noUnusedLocals: false },
    );
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file?.fileName.startsWith(OUT))
      .map((d) => {
        const block = blocks.find((b) => b.file === d.file!.fileName)!;
        const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
        return `docs/${block.guide}:${block.line + line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
      });
    expect(problems).toEqual([]);
  }, 120_000);

  for (const b of blocks.filter((x) => x.run)) {
    it(`runs docs/${b.guide} block ${b.index} (line ${b.line})`, async () => {
      const log = vi.spyOn(console, "log").mockImplementation(() => {});
      try {
        await import(pathToFileURL(b.file).href);
      } finally {
        log.mockRestore();
      }
    });
  }
});
