/**
 * Run by lazy-schemas.test.ts in a fresh process: counts the zod schemas constructed while a module
 * is imported, then after one parse with each named schema. zod calls
 * `globalThis.__zod_globalConfig.postProcessor` for every schema it constructs; `z.lazy` wrappers
 * are not counted (they are the placeholders, not the schemas).
 *
 * Usage: node --import tsx test/api/count-schemas.ts MODULE SCHEMA=JSON...
 * Prints JSON: { atImport, afterParse, parsed: { SCHEMA: success } }.
 */
let built = 0;
(globalThis as { __zod_globalConfig?: unknown }).__zod_globalConfig = {
  postProcessor: (schema: { _zod: { def: { type: string } } }) => {
    if (schema._zod.def.type !== "lazy") built++;
  },
};

const [modulePath, ...uses] = process.argv.slice(2);
const mod = (await import(modulePath!)) as Record<string, { safeParse(v: unknown): { success: boolean } }>;
const atImport = built;
const parsed: Record<string, boolean> = {};
for (const use of uses) {
  const eq = use.indexOf("=");
  const name = use.slice(0, eq);
  parsed[name] = mod[name]!.safeParse(JSON.parse(use.slice(eq + 1))).success;
}
process.stdout.write(JSON.stringify({ atImport, afterParse: built, parsed }));

export {};
