/**
 * Building blocks of the zod schemas: loose objects that keep unknown fields, timestamps, integers,
 * enum-typed strings.
 *
 * @module
 */
import * as z from "zod";
import type { Time } from "../types/meta.js";

/**
 * A schema built on first use: `build` runs once, when the schema first parses (or when a schema
 * that contains it is built), so importing kubevol builds no zod object graph. Parsing, issues,
 * paths and output are those of the built schema, which is kept for later parses. Every exported
 * schema of `kubevol/api` made of more than one zod call is built this way.
 *
 * @param build - makes the schema
 * @returns a schema that accepts exactly what the built one accepts
 * @example
 * ```ts
 * const NamesSchema = lazySchema(() => z.array(z.string().min(1)));
 * NamesSchema.parse(["a"]); // built now: ["a"]
 * ```
 */
export function lazySchema<Output, Input = unknown>(build: () => z.ZodType<Output, Input>): z.ZodType<Output, Input> {
  return z.lazy(build);
}

/**
 * {@link kubeObject} built on first use (see {@link lazySchema}): the shape is a function, so not
 * even the field schemas exist before the first parse.
 *
 * @param shape - returns the known fields
 * @returns the schema
 * @example
 * ```ts
 * const S = lazyKubeObject(() => ({ name: z.string().optional() }));
 * S.parse({ name: null, extra: 1 }); // { extra: 1 }
 * ```
 */
export function lazyKubeObject<Shape extends z.ZodRawShape>(shape: () => Shape) {
  return z.lazy(() => kubeObject(shape()));
}

/**
 * A JSON object schema that keeps unknown fields (zod `looseObject`) and treats `null` like an
 * absent field for every known field whose schema does not itself accept `null` — as the API
 * server's decoder does for non-pointer fields (`annotations: null`, `resources: null`). Fields
 * whose schema accepts `null` (Go pointers such as `claimRef`, `storageClassName` on a claim) keep
 * it. The input is never mutated.
 *
 * @param shape - the known fields
 * @returns the schema
 * @example
 * ```ts
 * const S = kubeObject({ name: z.string().optional() });
 * S.parse({ name: null, extra: 1 }); // { extra: 1 }
 * ```
 */
export function kubeObject<Shape extends z.ZodRawShape>(shape: Shape) {
  const strip: string[] = [];
  const fields: Record<string, z.ZodType> = {};
  for (const [key, schema] of Object.entries(shape)) {
    if (!(schema as z.ZodType).safeParse(null).success) strip.push(key);
    fields[key] = direct(schema as z.ZodType);
  }
  // The object is built from `fields` (same output types as `shape`), so the cast only restores the name.
  const object = z.looseObject(fields) as unknown as z.ZodObject<Shape, z.core.$loose>;
  return z.preprocess((value) => (strip.length === 0 ? value : withoutNulls(value, strip)), object);
}

const PLAIN_DEF_KEYS = new Set(["type", "innerType", "element", "checks"]);

/**
 * `schema` without the {@link lazySchema} placeholders in it: a lazy schema is replaced by the
 * schema it built, and `.optional()`, `.nullable()` and `z.array()` around one are rebuilt around
 * that, so a built object schema parses its fields directly, as it did when every schema was built
 * at import (placeholders on the nested fields cost about a third of the parse time). Anything else
 * is returned as it is.
 */
function direct(schema: z.ZodType): z.ZodType {
  const def = schema._zod.def as { type: string; innerType?: z.ZodType; element?: z.ZodType; checks?: unknown[] };
  if (def.type === "lazy") return direct((schema as z.ZodLazy)._zod.innerType as z.ZodType);
  // Only plain wrappers are rebuilt: one with checks, a custom error or a default is kept as it is.
  if ((def.checks?.length ?? 0) > 0 || Object.keys(def).some((k) => !PLAIN_DEF_KEYS.has(k))) return schema;
  switch (def.type) {
    case "optional":
    case "nullable": {
      const inner = direct(def.innerType!);
      if (inner === def.innerType) return schema;
      return def.type === "optional" ? inner.optional() : inner.nullable();
    }
    case "array": {
      const element = direct(def.element!);
      return element === def.element ? schema : z.array(element);
    }
    default:
      return schema;
  }
}

function withoutNulls(value: unknown, keys: readonly string[]): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key of keys) {
    if (Object.hasOwn(record, key) && record[key] === null) {
      copy ??= { ...record };
      delete copy[key];
    }
  }
  return copy ?? value;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-](\d{2}):(\d{2}))$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days of `month` (1–12) in the proleptic Gregorian `year`, as Go's `time` package counts them. */
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1]!;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

function isRfc3339(text: string): boolean {
  const m = RFC3339.exec(text);
  if (m === null) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59) return false;
  if (day > daysInMonth(year, month)) return false;
  const offHour = m[7] === undefined ? 0 : Number(m[7]);
  const offMinute = m[8] === undefined ? 0 : Number(m[8]);
  return offHour <= 23 && offMinute <= 59;
}

const TIME_MESSAGE = "Invalid input: expected an RFC 3339 date-time such as 2024-05-01T10:00:00Z, or a valid Date";

/**
 * A `metav1.Time`: an RFC 3339 string (`2024-05-01T10:00:00Z`, fractional seconds and offsets
 * allowed, as Go's `time.RFC3339` parser reads them) or a valid `Date`. The value is output as it
 * came in (strings stay strings, dates stay dates).
 *
 * @example
 * ```ts
 * TimeSchema.parse("2024-05-01T10:00:00Z");     // "2024-05-01T10:00:00Z"
 * TimeSchema.parse(new Date(0));                // Date
 * TimeSchema.safeParse("yesterday").success;    // false
 * ```
 */
export const TimeSchema: z.ZodType<Time> = lazySchema(() =>
  z.union([z.string().refine(isRfc3339, { error: TIME_MESSAGE }), z.date()], {
    error: TIME_MESSAGE,
  }),
);

/**
 * A 32-bit signed integer field (Go `int32`).
 *
 * @example
 * ```ts
 * Int32Schema.parse(255); // 255
 * ```
 */
export const Int32Schema = z.int32();

/**
 * A 64-bit integer field (Go `int64`). JSON numbers beyond 2^53 are accepted as JavaScript read
 * them (already rounded), since rejecting them would refuse valid objects.
 *
 * @example
 * ```ts
 * Int64Schema.parse(1714557600000000000); // accepted
 * ```
 */
export const Int64Schema = z.number().refine(Number.isInteger, { message: "Invalid input: expected int, received number" });

/**
 * A string field whose type is an enum. Any string is accepted (validation, not the schema,
 * reports Kubernetes' "Unsupported value" errors), but the output is typed as the enum.
 *
 * @returns the schema
 * @example
 * ```ts
 * const AccessModeSchema = enumString<AccessMode>();
 * ```
 */
export function enumString<T extends string>(): z.ZodType<T, string> {
  return z.string() as unknown as z.ZodType<T, string>;
}

/**
 * A JSON object used as a map (`map[string]V` in Go) whose values are checked by `value`. Unlike
 * `z.record`, every own key is kept — including `__proto__`, which is a legal key in, for example,
 * StorageClass `parameters` — and the output is a plain object built without assignment, so no key
 * can change its prototype. Issues carry the key in their path.
 *
 * @param valueSchema - the schema of one value
 * @returns the map schema
 * @example
 * ```ts
 * stringKeyedRecord(z.string()).parse(JSON.parse('{"__proto__": "x"}')); // { ["__proto__"]: "x" } as an own key
 * ```
 */
export function stringKeyedRecord<V>(valueSchema: z.ZodType<V>): z.ZodType<Record<string, V>> {
  const value = direct(valueSchema) as z.ZodType<V>;
  return z.unknown().transform((input, ctx) => {
    if (typeof input !== "object" || input === null || Array.isArray(input) || input instanceof Date) {
      ctx.issues.push({ code: "custom", message: `Invalid input: expected record, received ${describeType(input)}`, input });
      return z.NEVER;
    }
    const entries: [string, V][] = [];
    let failed = false;
    for (const key of Object.keys(input)) {
      const result = value.safeParse((input as Record<string, unknown>)[key]);
      if (result.success) {
        entries.push([key, result.data]);
        continue;
      }
      failed = true;
      for (const issue of result.error.issues) {
        ctx.issues.push({ code: "custom", message: issue.message, input: undefined, path: [key, ...issue.path] });
      }
    }
    return failed ? z.NEVER : (Object.fromEntries(entries) as Record<string, V>);
  }) as unknown as z.ZodType<Record<string, V>>;
}

/**
 * The type of a value as zod's messages name it (`string`, `number`, `array`, `null`, …).
 *
 * @param value - any value
 * @returns its type name
 * @example
 * ```ts
 * describeType([]); // "array"
 * ```
 */
export function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (value instanceof Date) return "Date";
  return typeof value;
}

/**
 * A `map[string]string` field (labels, annotations, parameters).
 *
 * @example
 * ```ts
 * StringMapSchema.parse({ a: "b" });
 * ```
 */
export const StringMapSchema: z.ZodType<Record<string, string>> = lazySchema(() => stringKeyedRecord(z.string()));

/**
 * A `[]string` field.
 *
 * @example
 * ```ts
 * StringListSchema.parse(["a"]);
 * ```
 */
export const StringListSchema = z.array(z.string());

/**
 * An opaque JSON object (a field kubevol does not interpret), kept verbatim.
 *
 * @example
 * ```ts
 * OpaqueObjectSchema.parse({ anything: [1, 2] });
 * ```
 */
export const OpaqueObjectSchema: z.ZodType<Record<string, unknown>> = lazySchema(() => stringKeyedRecord(z.unknown()));
