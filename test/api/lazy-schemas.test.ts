/**
 * The zod schemas are built on first use (`lazySchema`, `lazyKubeObject`): importing kubevol
 * constructs only a few primitive schemas, and the first parse builds the object graph it needs.
 * Each case runs in a fresh process (count-schemas.ts), since module state is what is measured.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { lazyKubeObject, lazySchema, PersistentVolumeClaimSchema, PersistentVolumeSchema, PodSchema } from "../../src/api/index.js";

const COUNTER = fileURLToPath(new URL("./count-schemas.ts", import.meta.url));
const src = (p: string) => fileURLToPath(new URL(`../../src/${p}`, import.meta.url));

interface Counts {
  atImport: number;
  afterParse: number;
  parsed: Record<string, boolean>;
}

function count(module: string, ...uses: string[]): Counts {
  const r = spawnSync(process.execPath, ["--import", "tsx", COUNTER, module, ...uses], { encoding: "utf8", timeout: 60_000 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Counts;
}

const PV = JSON.stringify({ metadata: { name: "pv" }, spec: { capacity: { storage: "1Gi" }, hostPath: { path: "/x" } } });

describe("schemas built on first use", () => {
  it("importing the root constructs no object schema (before: 1,551 schemas)", () => {
    const c = count(src("index.ts"));
    // What remains eager: the primitive exports (Int32Schema, Int64Schema, StringListSchema,
    // AccessModeSchema) and persistentVolumeSourceShape's 22 `.nullish()` wrappers.
    expect(c.atImport).toBeLessThanOrEqual(60);
  });

  it("the first parse builds what it needs, and the schema accepts the object", () => {
    const c = count(src("api/index.ts"), `PersistentVolumeSchema=${PV}`);
    expect(c.parsed).toEqual({ PersistentVolumeSchema: true });
    expect(c.afterParse - c.atImport).toBeGreaterThan(200);
  });

  it("admission's envelope schemas are lazy too", () => {
    const c = count(src("admission/index.ts"), `AdmissionReviewRequestSchema={}`);
    expect(c.parsed).toEqual({ AdmissionReviewRequestSchema: false });
    expect(c.afterParse).toBeGreaterThan(c.atImport);
  });
});

describe("lazySchema / lazyKubeObject", () => {
  it("build once, on the first parse, and accept exactly what the built schema accepts", () => {
    let builds = 0;
    const S = lazySchema(() => {
      builds++;
      return z.array(z.string().min(1));
    });
    expect(builds).toBe(0);
    expect(S.safeParse(["a"]).success).toBe(true);
    expect(S.safeParse([""]).success).toBe(false);
    expect(builds).toBe(1);
  });

  it("lazyKubeObject keeps unknown fields and drops nulls of non-nullable fields, like kubeObject", () => {
    const S = lazyKubeObject(() => ({ name: z.string().optional(), ref: z.string().nullish() }));
    expect(S.parse({ name: null, ref: null, extra: 1 })).toEqual({ ref: null, extra: 1 });
  });

  it("a built schema holds no placeholders: nested schemas are parsed directly, as when they were eager", () => {
    const lazies: string[] = [];
    const seen = new Set<unknown>();
    const walk = (schema: z.ZodType, path: string): void => {
      if (seen.has(schema)) return;
      seen.add(schema);
      const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
      if (def.type === "lazy") lazies.push(path);
      for (const key of ["innerType", "element", "in", "out"]) if (def[key]) walk(def[key] as z.ZodType, `${path}/${key}`);
      for (const [k, v] of Object.entries((def["shape"] ?? {}) as Record<string, z.ZodType>)) walk(v, `${path}.${k}`);
      for (const o of (def["options"] ?? []) as z.ZodType[]) walk(o, `${path}|`);
    };
    for (const [name, schema] of [
      ["PersistentVolumeSchema", PersistentVolumeSchema],
      ["PersistentVolumeClaimSchema", PersistentVolumeClaimSchema],
      ["PodSchema", PodSchema],
    ] as const) {
      schema.safeParse({});
      walk((schema as unknown as z.ZodLazy)._zod.innerType as z.ZodType, name);
    }
    expect(lazies).toEqual([]);
    expect(seen.size).toBeGreaterThan(500);
  });

  it("issues keep their paths through nested lazy schemas", () => {
    const r = PersistentVolumeSchema.safeParse({ metadata: { name: "pv" }, spec: { capacity: { storage: "1GB" } } });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path)).toEqual([["spec", "capacity", "storage"]]);
  });
});
