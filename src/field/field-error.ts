/**
 * The API server's field-error model: one error per offending field, rendered exactly as
 * `k8s.io/apimachinery/pkg/util/validation/field` renders it.
 *
 * @module
 */

/**
 * The machine-readable kind of a {@link FieldError}; it becomes `StatusCause.reason`.
 *
 * @example
 * ```ts
 * const kind: FieldErrorType = "FieldValueRequired";
 * ```
 */
export type FieldErrorType =
  | "FieldValueRequired"
  | "FieldValueInvalid"
  | "FieldValueNotSupported"
  | "FieldValueForbidden"
  | "FieldValueDuplicate"
  | "FieldValueNotFound"
  | "FieldValueTooLong"
  | "FieldValueTooMany"
  | "FieldValueTooFew"
  | "FieldValueTooShort"
  | "FieldValueTypeInvalid"
  | "InternalError";

const DISPLAY: Record<FieldErrorType, string> = {
  FieldValueRequired: "Required value",
  FieldValueInvalid: "Invalid value",
  FieldValueNotSupported: "Unsupported value",
  FieldValueForbidden: "Forbidden",
  FieldValueDuplicate: "Duplicate value",
  FieldValueNotFound: "Not found",
  FieldValueTooLong: "Too long",
  FieldValueTooMany: "Too many",
  FieldValueTooFew: "Too few",
  FieldValueTooShort: "Too short",
  FieldValueTypeInvalid: "Invalid value",
  InternalError: "Internal error",
};

/** Kinds whose rendering never shows the offending value. */
const VALUELESS: ReadonlySet<FieldErrorType> = new Set<FieldErrorType>([
  "FieldValueRequired",
  "FieldValueForbidden",
  "FieldValueTooLong",
  "FieldValueTooShort",
  "InternalError",
]);

/**
 * The display text of an error kind, e.g. `"Required value"` for `FieldValueRequired`.
 *
 * @example
 * ```ts
 * fieldErrorDisplay("FieldValueNotSupported"); // "Unsupported value"
 * ```
 */
export function fieldErrorDisplay(type: FieldErrorType): string {
  return DISPLAY[type];
}

/**
 * One validation error on one field, as the Kubernetes API server reports it.
 *
 * `toString()` renders byte-for-byte like the API server (`spec.capacity: Required value`,
 * `spec.accessModes[0]: Unsupported value: "RWO": supported values: ...`).
 *
 * @example
 * ```ts
 * const e = new FieldError("FieldValueRequired", "spec.capacity", undefined, "");
 * e.toString(); // "spec.capacity: Required value"
 * ```
 */
export class FieldError {
  constructor(
    /** The machine-readable kind. */
    readonly type: FieldErrorType,
    /** The field path, e.g. `spec.accessModes[0]`; `"<nil>"` when there is no path. */
    readonly field: string,
    /** The offending value (not shown for Required, Forbidden, TooLong, TooShort, Internal). */
    readonly badValue: unknown,
    /** Extra explanation appended after the value; may be empty. */
    readonly detail: string,
  ) {}

  /**
   * The body without the path: `Invalid value: "x": detail`. This is what a `StatusCause.message`
   * carries.
   *
   * @example
   * ```ts
   * invalid("spec.capacity[storage]", -1, "must be a valid resource quantity").body();
   * // 'Invalid value: -1: must be a valid resource quantity'
   * ```
   */
  body(): string {
    let s = DISPLAY[this.type];
    if (!VALUELESS.has(this.type)) s += `: ${renderValue(this.badValue)}`;
    if (this.detail !== "") s += `: ${this.detail}`;
    return s;
  }

  /**
   * `<path>: <body>` exactly as the API server prints it.
   *
   * @example
   * ```ts
   * required("spec.accessModes", "").toString(); // "spec.accessModes: Required value"
   * ```
   */
  toString(): string {
    return `${this.field}: ${this.body()}`;
  }

  /**
   * A plain JSON form (`{ type, field, badValue, detail, message }`).
   *
   * @example
   * ```ts
   * JSON.stringify(required("spec.capacity", "")); // includes "message":"spec.capacity: Required value"
   * ```
   */
  toJSON(): { type: FieldErrorType; field: string; badValue?: unknown; detail: string; message: string } {
    const out: { type: FieldErrorType; field: string; badValue?: unknown; detail: string; message: string } = {
      type: this.type,
      field: this.field,
      detail: this.detail,
      message: this.toString(),
    };
    // JSON has no BigInt: huge exact quantities travel as their decimal text.
    if (this.badValue !== undefined) out.badValue = jsonSafe(this.badValue);
    return out;
  }
}

function jsonSafe(v: unknown): unknown {
  if (typeof v === "bigint") return v.toString();
  if (v !== null && typeof v === "object") return JSON.parse(stableJson(v)) as unknown;
  return v;
}

/**
 * Render a bad value the way Go's `field` package does: strings Go-quoted, numbers and booleans
 * bare, everything else as JSON with sorted object keys (`null` for missing values).
 *
 * @example
 * ```ts
 * renderValue("a\"b");          // '"a\\"b"'
 * renderValue(-1);              // '-1'
 * renderValue({ b: 1, a: "x" }); // '{"a":"x","b":1}'
 * ```
 */
export function renderValue(v: unknown): string {
  if (typeof v === "string") return goQuote(v);
  if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean") return String(v);
  if (v === undefined || v === null) return "null";
  return stableJson(v);
}

function stableJson(v: unknown): string {
  return (
    JSON.stringify(v, (_key, value: unknown) => {
      if (typeof value === "bigint") return value.toString();
      if (value && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date)) {
        const toJSON = (value as { toJSON?: unknown }).toJSON;
        if (typeof toJSON === "function") return value;
        const sorted: Record<string, unknown> = {};
        for (const k of Object.keys(value).sort()) sorted[k] = (value as Record<string, unknown>)[k];
        return sorted;
      }
      return value;
    }) ?? "null"
  );
}

/**
 * Quote a string as Go's `%q` does (escapes `"`, `\`, control characters and invalid text).
 *
 * @example
 * ```ts
 * goQuote('a"b\n'); // '"a\\"b\\n"'
 * ```
 */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case "\\":
        out += "\\\\";
        continue;
      case "\n":
        out += "\\n";
        continue;
      case "\t":
        out += "\\t";
        continue;
      case "\r":
        out += "\\r";
        continue;
      case "\x07":
        out += "\\a";
        continue;
      case "\b":
        out += "\\b";
        continue;
      case "\f":
        out += "\\f";
        continue;
      case "\v":
        out += "\\v";
        continue;
    }
    if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, "0")}`;
    else if (c >= 0xd800 && c <= 0xdfff)
      out += "\\ufffd"; // lone surrogate: Go sees invalid UTF-8
    else if (c >= 0x80 && c < 0xa0) out += `\\u${c.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return out + '"';
}

/**
 * Go-quote each value and join with `, `: the detail text of an Unsupported-value error.
 *
 * @example
 * ```ts
 * supportedValues(["Retain", "Delete"]); // 'supported values: "Retain", "Delete"'
 * ```
 */
export function supportedValues(values: readonly string[]): string {
  return values.length === 0 ? "" : `supported values: ${values.map(goQuote).join(", ")}`;
}

/** @example `required("spec.capacity").toString() // "spec.capacity: Required value"` */
export function required(field: string, detail = ""): FieldError {
  return new FieldError("FieldValueRequired", field, undefined, detail);
}
/** @example `invalid("spec.x", "a", "bad").toString() // 'spec.x: Invalid value: "a": bad'` */
export function invalid(field: string, value: unknown, detail = ""): FieldError {
  return new FieldError("FieldValueInvalid", field, value, detail);
}
/**
 * An Unsupported-value error listing the supported values in the order given.
 *
 * @example
 * ```ts
 * notSupported("spec.volumeMode", "Raw", ["Block", "Filesystem"]).toString();
 * // 'spec.volumeMode: Unsupported value: "Raw": supported values: "Block", "Filesystem"'
 * ```
 */
export function notSupported(field: string, value: unknown, valid: readonly string[]): FieldError {
  return new FieldError("FieldValueNotSupported", field, value, supportedValues(valid));
}
/**
 * A wrong JSON type (the API server's decoding error, as a field error).
 *
 * @example
 * ```ts
 * typeInvalid("spec.accessModes", "x", "must be an array").toString(); // 'spec.accessModes: Invalid value: "x": must be an array'
 * ```
 */
export function typeInvalid(field: string, value: unknown, detail = ""): FieldError {
  return new FieldError("FieldValueTypeInvalid", field, value, detail);
}
/** @example `forbidden("spec", "nope").toString() // "spec: Forbidden: nope"` */
export function forbidden(field: string, detail = ""): FieldError {
  return new FieldError("FieldValueForbidden", field, undefined, detail);
}
/** @example `duplicate("spec.x[1]", "a").toString() // 'spec.x[1]: Duplicate value: "a"'` */
export function duplicate(field: string, value: unknown): FieldError {
  return new FieldError("FieldValueDuplicate", field, value, "");
}
/** @example `notFound("spec.x", "a").toString() // 'spec.x: Not found: "a"'` */
export function notFound(field: string, value: unknown): FieldError {
  return new FieldError("FieldValueNotFound", field, value, "");
}
/**
 * A Too-long error: `may not be more than N bytes` (`byte` when N is 1).
 *
 * @example
 * ```ts
 * tooLong("parameters", 512).toString(); // "parameters: Too long: may not be more than 512 bytes"
 * ```
 */
export function tooLong(field: string, max: number): FieldError {
  return new FieldError("FieldValueTooLong", field, undefined, `may not be more than ${max} ${max === 1 ? "byte" : "bytes"}`);
}
/**
 * A Too-many error: `must have at most N items`.
 *
 * @example
 * ```ts
 * tooMany("allowedTopologies", 3, 2).toString(); // "allowedTopologies: Too many: 3: must have at most 2 items"
 * ```
 */
export function tooMany(field: string, actual: number, max: number): FieldError {
  return new FieldError("FieldValueTooMany", field, actual, `must have at most ${max} ${max === 1 ? "item" : "items"}`);
}
/** @example `internalError("spec", "boom").toString() // "spec: Internal error: boom"` */
export function internalError(field: string, detail: string): FieldError {
  return new FieldError("InternalError", field, undefined, detail);
}

/**
 * Join a parent path and a child name with `.`; an empty or `<nil>` parent starts a new root.
 *
 * @example
 * ```ts
 * child("spec", "accessModes"); // "spec.accessModes"
 * child("", "spec");            // "spec"
 * ```
 */
export function child(parent: string, name: string): string {
  // A path that is not text (a JS caller's stray argument) is the root.
  return typeof parent !== "string" || parent === "" || parent === "<nil>" ? name : `${parent}.${name}`;
}

/**
 * An index element: `spec.accessModes[0]`.
 *
 * @example
 * ```ts
 * index("spec.accessModes", 0); // "spec.accessModes[0]"
 * ```
 */
export function index(parent: string, i: number): string {
  return `${typeof parent !== "string" || parent === "<nil>" ? "" : parent}[${i}]`;
}

/**
 * A map-key element, the key inserted raw: `spec.capacity[storage]`.
 *
 * @example
 * ```ts
 * key("metadata.annotations", "a/b"); // "metadata.annotations[a/b]"
 * ```
 */
export function key(parent: string, k: string): string {
  return `${typeof parent !== "string" || parent === "<nil>" ? "" : parent}[${typeof k === "string" ? k : ""}]`;
}

/**
 * Whether a value is a {@link FieldError} of this or any other copy of kubevol (duck-typed, so that
 * errors made by the CommonJS build are recognised by the ESM one).
 *
 * @example
 * ```ts
 * isFieldErrorLike(required("spec")); // true
 * isFieldErrorLike({ message: "x" }); // false
 * ```
 */
export function isFieldErrorLike(e: unknown): e is FieldError {
  const x = e as Partial<FieldError> | null;
  return typeof x === "object" && x !== null && typeof x.body === "function" && typeof x.type === "string" && typeof x.field === "string";
}

/**
 * Aggregate a list into one message as the API server does: duplicates (by rendered text) removed,
 * one error alone, several as `[a, b]`; `""` for an empty list.
 *
 * @example
 * ```ts
 * aggregateMessage([required("a"), required("a"), required("b")]); // "[a: Required value, b: Required value]"
 * ```
 */
export function aggregateMessage(errors: readonly FieldError[]): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  // Anything that is not a list aggregates to nothing; an entry that is not a FieldError reads as its value.
  for (const e of Array.isArray(errors) ? errors : []) {
    const s = isFieldErrorLike(e) ? e.toString() : typeof e === "string" ? e : renderValue(e);
    if (!seen.has(s)) {
      seen.add(s);
      parts.push(s);
    }
  }
  if (parts.length === 0) return "";
  return parts.length === 1 ? parts[0]! : `[${parts.join(", ")}]`;
}
