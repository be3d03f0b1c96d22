/**
 * `apiequality.Semantic.DeepEqual` over JSON objects: nil and empty slices/maps are equal,
 * quantities compare by value, scalars that are plain (non-pointer) Go fields equal their zero
 * value when absent, while pointer fields and nested structs distinguish absent from zero.
 *
 * @module
 */
import { isRec, tryQuantity, type Rec } from "./reader.js";

/**
 * Which fields of a struct are pointers (presence matters) and how nested structs compare.
 * @internal
 */
export interface EqSchema {
  /** Scalar fields that are Go pointers: absent ≠ zero value. */
  readonly ptr?: ReadonlySet<string>;
  /** Struct fields that are Go values (not pointers): absent ≡ `{}`. */
  readonly values?: ReadonlySet<string>;
  /** Schemas of nested structs, by field name. */
  readonly children?: Readonly<Record<string, EqSchema>>;
}

/** JSON fields that are Go maps (absent ≡ empty). */
const MAP_FIELDS = new Set(["options", "volumeAttributes", "matchLabels", "parameters", "labels", "annotations"]);
/** JSON fields that are resource lists (maps of quantities). */
const QUANTITY_FIELDS = new Set(["capacity", "requests", "limits", "allocatedResources"]);

function zeroLike(v: unknown): unknown {
  if (typeof v === "string") return "";
  if (typeof v === "number") return 0;
  if (typeof v === "boolean") return false;
  return null;
}

/** Deeper than any Kubernetes object; guards against cyclic JavaScript input. */
const MAX_DEPTH = 64;

function arraysEqual(a: unknown[], b: unknown[], schema: EqSchema | undefined, depth: number): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!valueEqual(a[i], b[i], schema, false, false, "", depth + 1)) return false;
  return true;
}

function mapsEqual(a: Rec, b: Rec, quantities: boolean): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!Object.hasOwn(b, k)) return false;
    if (quantities) {
      const qa = tryQuantity(a[k]);
      const qb = tryQuantity(b[k]);
      if (qa && qb ? qa.cmp(qb) !== 0 : a[k] !== b[k]) return false;
    } else if (a[k] !== b[k]) return false;
  }
  return true;
}

/**
 * Compare the struct `a` with `b` field by field under `schema`.
 *
 * @example
 * ```ts
 * structEqual({ path: "/a", type: "" }, { path: "/a" }, { ptr: new Set(["type"]) }); // false
 * structEqual({ path: "/a", readOnly: false }, { path: "/a" });                     // true
 * ```
 */
export function structEqual(a: Rec, b: Rec, schema?: EqSchema, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  for (const k of Object.keys(a)) {
    if (!valueEqual(a[k], b[k], schema?.children?.[k], schema?.ptr?.has(k) ?? false, schema?.values?.has(k) ?? false, k, depth + 1))
      return false;
  }
  for (const k of Object.keys(b)) {
    if (Object.hasOwn(a, k)) continue;
    if (!valueEqual(undefined, b[k], schema?.children?.[k], schema?.ptr?.has(k) ?? false, schema?.values?.has(k) ?? false, k, depth + 1))
      return false;
  }
  return true;
}

function valueEqual(
  a: unknown,
  b: unknown,
  schema: EqSchema | undefined,
  ptr: boolean,
  valueStruct: boolean,
  name: string,
  depth: number,
): boolean {
  if (a === b) return true;
  if (depth > MAX_DEPTH) return false;
  const na = a === undefined ? null : a;
  const nb = b === undefined ? null : b;
  if (na === null && nb === null) return true;
  if (Array.isArray(na) || Array.isArray(nb)) {
    const aa = na === null ? [] : na;
    const bb = nb === null ? [] : nb;
    if (!Array.isArray(aa) || !Array.isArray(bb)) return false;
    return arraysEqual(aa, bb, schema, depth);
  }
  if (isRec(na) || isRec(nb)) {
    if (MAP_FIELDS.has(name) || QUANTITY_FIELDS.has(name)) {
      const ma = na === null ? {} : na;
      const mb = nb === null ? {} : nb;
      if (!isRec(ma) || !isRec(mb)) return false;
      return mapsEqual(ma, mb, QUANTITY_FIELDS.has(name));
    }
    if (na === null || nb === null) {
      if (!valueStruct) return false;
      return structEqual(isRec(na) ? na : {}, isRec(nb) ? nb : {}, schema, depth);
    }
    if (!isRec(na) || !isRec(nb)) return false;
    return structEqual(na, nb, schema, depth);
  }
  if (na instanceof Date || nb instanceof Date) return String(na) === String(nb);
  if (ptr) return na === nb;
  return (na ?? zeroLike(nb)) === (nb ?? zeroLike(na));
}

/**
 * A short, line-per-difference description of how `next` differs from `prev` (the text after
 * "immutable after creation"). Not go-cmp's format; the API server's diff is free text too.
 *
 * @example
 * ```ts
 * describeDiff({ nfs: { path: "/a" } }, { nfs: { path: "/b" } }, "spec");
 * // '- spec.nfs.path: "/a"\n+ spec.nfs.path: "/b"'
 * ```
 */
export function describeDiff(prev: unknown, next: unknown, path: string): string {
  const lines: string[] = [];
  diffInto(prev, next, path, lines, 0);
  return lines.slice(0, 40).join("\n");
}

function diffInto(a: unknown, b: unknown, path: string, out: string[], depth: number): void {
  if (out.length >= 40 || depth > MAX_DEPTH) return;
  if (isRec(a) && isRec(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) diffInto(a[k], b[k], path === "" ? k : `${path}.${k}`, out, depth + 1);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((x, i) => diffInto(x, b[i], `${path}[${i}]`, out, depth + 1));
    return;
  }
  const sa = show(a);
  const sb = show(b);
  if (sa === sb) return;
  if (a !== undefined) out.push(`- ${path}: ${sa}`);
  if (b !== undefined) out.push(`+ ${path}: ${sb}`);
}

function show(v: unknown): string {
  if (v === undefined) return "<absent>";
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
