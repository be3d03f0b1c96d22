/**
 * Typed reading of untrusted JSON. Validators receive `unknown` (a parsed manifest, an
 * AdmissionReview payload, garbage); every field is read through a {@link Reader}, which returns a
 * value of the expected JSON type or `undefined`, and records a type error when a field is present
 * with the wrong type. The API server rejects such a body while decoding (HTTP 400) and never runs
 * validation, so the validators report *only* the type errors when there are any.
 *
 * @module
 */
import { utf8Length } from "../labels/strings.js";
import { child, FieldError, key as keyPath } from "../field/index.js";
import { decodeQuantity, type Quantity } from "../quantity/index.js";

/**
 * A JSON object as read from untrusted input.
 */
export type Rec = Record<string, unknown>;

/**
 * `true` for a plain JSON object (not an array, not null).
 * @internal
 */
export function isRec(v: unknown): v is Rec {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * A type error: the field holds a JSON value of the wrong type (`FieldValueTypeInvalid`, rendered
 * `Invalid value: <v>: must be of type <t>`).
 *
 * @example
 * ```ts
 * typeError("spec.accessModes", "RWO", "array").toString();
 * // 'spec.accessModes: Invalid value: "RWO": must be of type array'
 * ```
 */
export function typeError(path: string, value: unknown, expected: string): FieldError {
  return new FieldError("FieldValueTypeInvalid", path === "" ? "<nil>" : path, safeValue(value), `must be of type ${expected}`);
}

/** Keep error values renderable: functions, symbols and cyclic objects become a short text. */
function safeValue(v: unknown): unknown {
  if (typeof v === "function" || typeof v === "symbol") return String(typeof v);
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  if (typeof v === "object" && v !== null) {
    try {
      JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? x.toString() : x));
      return v;
    } catch {
      return "<unrenderable value>";
    }
  }
  return v;
}

/**
 * Collects the type errors of one validation run. All accessors take the parent object, the
 * field's JSON name and the parent's path; the path string is only built when an error is
 * recorded, so reading well-typed input allocates nothing.
 * @internal
 */
export class Reader {
  /** Type errors found so far, one per field path. */
  readonly typeErrors: FieldError[] = [];
  // Created on first use: most runs read well-typed input and parse one or two resource lists.
  private seenPaths: Set<string> | undefined;
  private quantities: Map<Rec, Map<string, Quantity>> | undefined;

  private get seen(): Set<string> {
    return (this.seenPaths ??= new Set<string>());
  }

  private memo: Map<object, Map<string, FieldError[]>> | undefined;

  /**
   * The result of `compute` for this input object and tag, computed once per run: upstream
   * validates the same metadata several times on update (generic registry, update rules, create
   * rules), always with the same result.
   */
  once(input: object, tag: string, compute: () => FieldError[]): FieldError[] {
    const byTag = (this.memo ??= new Map()).get(input) ?? new Map<string, FieldError[]>();
    if (byTag.size === 0) this.memo.set(input, byTag);
    let out = byTag.get(tag);
    if (out === undefined) {
      out = compute();
      byTag.set(tag, out);
    }
    return out;
  }

  /** Record a type error at `path` (once per path). */
  fail(path: string, value: unknown, expected: string): undefined {
    if (!this.seen.has(path)) {
      this.seen.add(path);
      this.typeErrors.push(typeError(path, value, expected));
    }
    return undefined;
  }

  /** `true` when the field is present (neither absent nor JSON null). */
  has(parent: Rec | undefined, name: string): boolean {
    return parent !== undefined && parent[name] !== undefined && parent[name] !== null;
  }

  /** An object field; `{}`-less: absent/null → undefined. */
  obj(parent: Rec | undefined, name: string, path: string): Rec | undefined {
    const v = parent?.[name];
    if (v === undefined || v === null) return undefined;
    return isRec(v) ? v : this.fail(child(path, name), v, "object");
  }

  /** A string field. */
  str(parent: Rec | undefined, name: string, path: string): string | undefined {
    const v = parent?.[name];
    if (v === undefined || v === null) return undefined;
    return typeof v === "string" ? v : this.fail(child(path, name), v, "string");
  }

  /** A string field with Go's zero value: absent → `""`. */
  s(parent: Rec | undefined, name: string, path: string): string {
    return this.str(parent, name, path) ?? "";
  }

  /** A boolean field (absent → false). */
  bool(parent: Rec | undefined, name: string, path: string): boolean {
    const v = parent?.[name];
    if (v === undefined || v === null) return false;
    return typeof v === "boolean" ? v : (this.fail(child(path, name), v, "boolean") ?? false);
  }

  /** An integer field (int32 when `bits` is 32); absent → undefined. */
  int(parent: Rec | undefined, name: string, path: string, bits: 32 | 64 = 32): number | undefined {
    const v = parent?.[name];
    if (v === undefined || v === null) return undefined;
    const limit = bits === 32 ? 2 ** 31 : 2 ** 63;
    if (typeof v === "number" && Number.isInteger(v) && v >= -limit && v < limit) return v;
    return this.fail(child(path, name), v, bits === 32 ? "int32" : "int64");
  }

  /** An array field; absent → undefined. Elements are not checked. */
  list(parent: Rec | undefined, name: string, path: string): unknown[] | undefined {
    const v = parent?.[name];
    if (v === undefined || v === null) return undefined;
    return Array.isArray(v) ? v : this.fail(child(path, name), v, "array");
  }

  /** An array of strings; wrong elements are type errors (and dropped). */
  strList(parent: Rec | undefined, name: string, path: string): string[] | undefined {
    const arr = this.list(parent, name, path);
    if (arr === undefined) return undefined;
    let ok = true;
    for (const x of arr) if (typeof x !== "string") ok = false;
    if (ok) return arr as string[];
    const out: string[] = [];
    arr.forEach((x, i) => {
      if (typeof x === "string") out.push(x);
      else this.fail(`${child(path, name)}[${i}]`, x, "string");
    });
    return out;
  }

  /** An array of objects; wrong elements are type errors (and replaced by `{}`). */
  objList(parent: Rec | undefined, name: string, path: string): Rec[] | undefined {
    const arr = this.list(parent, name, path);
    if (arr === undefined) return undefined;
    return arr.map((x, i) => {
      if (isRec(x)) return x;
      if (x !== null) this.fail(`${child(path, name)}[${i}]`, x, "object");
      return {};
    });
  }

  /** A `map[string]string` field; absent → undefined. */
  strMap(parent: Rec | undefined, name: string, path: string): Record<string, string> | undefined {
    const m = this.obj(parent, name, path);
    if (m === undefined) return undefined;
    for (const k of Object.keys(m)) {
      const v = m[k];
      if (typeof v !== "string") this.fail(keyPath(child(path, name), k), v, "string");
    }
    return m as Record<string, string>;
  }

  /**
   * A resource map (`capacity`, `requests`, ...): keys to quantities. Strings and numbers are
   * accepted (as the API server does); an unparseable quantity is a decode error carrying the
   * quantity parser's message. Parsed once per map object.
   */
  quantityMap(parent: Rec | undefined, name: string, path: string): Map<string, Quantity> | undefined {
    const m = this.obj(parent, name, path);
    if (m === undefined) return undefined;
    const cached = this.quantities?.get(m);
    if (cached) return cached;
    const out = new Map<string, Quantity>();
    for (const k of Object.keys(m)) {
      const q = this.quantity(m[k], keyPath(child(path, name), k));
      if (q !== undefined) out.set(k, q);
    }
    (this.quantities ??= new Map()).set(m, out);
    return out;
  }

  /**
   * Decode one quantity value as the API server does (string, JSON number, or null = zero);
   * records a type error carrying the quantity parser's message when it cannot.
   */
  quantity(v: unknown, path: string): Quantity | undefined {
    if (typeof v === "number" && !Number.isFinite(v)) return this.fail(path, v, "quantity");
    if (v !== null && v !== undefined && typeof v !== "string" && typeof v !== "number") return this.fail(path, v, "quantity");
    try {
      return decodeQuantity(v);
    } catch (e) {
      if (!this.seen.has(path)) {
        this.seen.add(path);
        const msg = e instanceof Error ? e.message : String(e);
        this.typeErrors.push(new FieldError("FieldValueTypeInvalid", path, v, msg));
      }
      return undefined;
    }
  }
}

/**
 * Decode a quantity without recording anything; `undefined` when it cannot be decoded. Used where
 * a value was already checked (or where a malformed value simply means "no value").
 *
 * @example
 * ```ts
 * tryQuantity("10Gi")?.toString(); // "10Gi"
 * tryQuantity("ten");              // undefined
 * ```
 */
export function tryQuantity(v: unknown): Quantity | undefined {
  if (v !== null && v !== undefined && typeof v !== "string" && !(typeof v === "number" && Number.isFinite(v))) return undefined;
  try {
    return decodeQuantity(v);
  } catch {
    return undefined;
  }
}

/**
 * UTF-8 byte length (Go's `len` on a string): the labels layer's `utf8Length`.
 * @internal
 */
export const byteLength = utf8Length;
