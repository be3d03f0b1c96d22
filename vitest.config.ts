import { defineConfig } from "vitest/config";

/**
 * `npm test` runs every `*.test.ts` except the large-input suites (`*.slow.test.ts`), which
 * `npm run test:slow` runs (CI runs both; see `.ci/run`), and type-checks the type tests
 * (`*.test-d.ts`: `expectTypeOf` assertions and `@ts-expect-error` lines, which fail when a
 * type accepts what it should reject).
 */
const slow = process.env["KUBEVOL_SLOW"] === "1";

export default defineConfig({
  test: {
    include: slow ? ["test/**/*.slow.test.ts"] : ["test/**/*.test.ts"],
    exclude: slow ? [] : ["test/**/*.slow.test.ts", "**/node_modules/**"],
    testTimeout: 60_000,
    pool: "threads",
    typecheck: {
      enabled: !slow,
      include: ["test/**/*.test-d.ts"],
      // Only the type tests and what they import (the whole project is `tsc -p tsconfig.json`).
      tsconfig: "./tsconfig.typecheck.json",
    },
  },
});
