/**
 * Every public export has TSDoc with an `@example` (the API reference is built from them).
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const LAYERS = [
  "quantity",
  "labels",
  "api",
  "validation",
  "matching",
  "lifecycle",
  "scheduling",
  "engine",
  "binding",
  "lint",
  "admission",
  "testing",
];

it("every export of every layer has an @example", () => {
  const files = LAYERS.map((l) => join(ROOT, "src", l, "index.ts"));
  const config = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, "tsconfig.build.json"),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  )!;
  const program = ts.createProgram(files, { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const missing: string[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file)!;
    const moduleSymbol = checker.getSymbolAtLocation(source)!;
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const tags = symbol.getJsDocTags(checker);
      const documented =
        tags.some((t) => t.name === "example") ||
        (symbol.declarations ?? []).some((d) => ts.getJSDocTags(d).some((t) => t.tagName.text === "example"));
      if (!documented) missing.push(`${file.slice(ROOT.length)}: ${exported.name}`);
    }
  }
  expect(missing).toEqual([]);
}, 120_000);
