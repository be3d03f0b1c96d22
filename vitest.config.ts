import { defineConfig } from "vitest/config";

/**
 * `npm test` runs every `*.test.ts` except the large-input suites (`*.slow.test.ts`), which
 * `npm run test:slow` runs (CI runs both; see `.ci/run`).
 */
const slow = process.env["KUBEVOL_SLOW"] === "1";

export default defineConfig({
  test: {
    include: slow ? ["test/**/*.slow.test.ts"] : ["test/**/*.test.ts"],
    exclude: slow ? [] : ["test/**/*.slow.test.ts", "**/node_modules/**"],
    testTimeout: 60_000,
    pool: "threads",
  },
});
