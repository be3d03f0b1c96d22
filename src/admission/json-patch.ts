/**
 * A small JSON Patch (RFC 6902) toolkit: JSON Pointer (RFC 6901) escaping, a builder for the
 * operations a mutating webhook sends, base64 encoding for `AdmissionResponse.patch`, and a pure
 * `applyJsonPatch` (so tests can check what the API server would do with a patch).
 *
 * @module
 */

/**
 * One RFC 6902 operation.
 *
 * @example
 * ```ts
 * const op: JsonPatchOperation = { op: "add", path: "/spec/storageClassName", value: "fast" };
 * ```
 */
export type JsonPatchOperation =
  | { op: "add"; path: string; value: unknown }
  | { op: "remove"; path: string }
  | { op: "replace"; path: string; value: unknown }
  | { op: "move"; from: string; path: string }
  | { op: "copy"; from: string; path: string }
  | { op: "test"; path: string; value: unknown };

/**
 * Thrown by {@link applyJsonPatch} and {@link parseJsonPointer} with RFC 6902's failure reason.
 *
 * @example
 * ```ts
 * try { applyJsonPatch({}, [{ op: "remove", path: "/x" }]); } catch (e) { if (e instanceof JsonPatchError) e.operationIndex; // 0
 * }
 * ```
 */
export class JsonPatchError extends Error {
  override readonly name = "JsonPatchError";
  constructor(
    message: string,
    /** The index of the failing operation, when applying a patch. */
    readonly operationIndex?: number,
  ) {
    super(message);
  }
}

/**
 * Escape one reference token for a JSON Pointer: `~` → `~0`, then `/` → `~1` (RFC 6901, section 3; the
 * order matters so `~1` in a key stays `~01`).
 *
 * @example
 * ```ts
 * escapePointerToken("kubernetes.io/pvc-protection"); // "kubernetes.io~1pvc-protection"
 * escapePointerToken("a~b");                          // "a~0b"
 * ```
 */
export function escapePointerToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * Unescape one reference token: `~1` → `/`, then `~0` → `~`.
 *
 * @example
 * ```ts
 * unescapePointerToken("a~01"); // "a~1"
 * ```
 */
export function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

/**
 * Build a JSON Pointer from raw path segments (numbers for array indexes, `"-"` for "append").
 *
 * @example
 * ```ts
 * jsonPointer("metadata", "annotations", "volume.beta.kubernetes.io/storage-class");
 * // "/metadata/annotations/volume.beta.kubernetes.io~1storage-class"
 * jsonPointer(); // "" (the whole document)
 * ```
 */
export function jsonPointer(...segments: ReadonlyArray<string | number>): string {
  let out = "";
  for (const s of segments) out += "/" + escapePointerToken(String(s));
  return out;
}

/**
 * Split a JSON Pointer into unescaped tokens. Throws {@link JsonPatchError} when the pointer is
 * neither empty nor starts with `/`, or contains a `~` not followed by `0` or `1`.
 *
 * @example
 * ```ts
 * parseJsonPointer("/metadata/finalizers/0"); // ["metadata", "finalizers", "0"]
 * ```
 */
export function parseJsonPointer(pointer: string): string[] {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) throw new JsonPatchError(`invalid JSON pointer ${JSON.stringify(pointer)}: must start with "/"`);
  return pointer
    .slice(1)
    .split("/")
    .map((t) => {
      if (/~(?![01])/.test(t)) throw new JsonPatchError(`invalid JSON pointer ${JSON.stringify(pointer)}: "~" must be followed by 0 or 1`);
      return unescapePointerToken(t);
    });
}

/**
 * Collects patch operations in order. Every method returns the builder, and `build()` returns a
 * copy of the operations, so one builder can be extended after a build.
 *
 * @example
 * ```ts
 * const ops = new JsonPatchBuilder()
 *   .add(["spec", "storageClassName"], "fast")
 *   .add(["metadata", "finalizers", "-"], "kubernetes.io/pvc-protection")
 *   .build();
 * encodeJsonPatch(ops); // base64, ready for AdmissionResponse.patch
 * ```
 */
export class JsonPatchBuilder {
  private readonly ops: JsonPatchOperation[] = [];

  /** `add` at the pointer made of `path` segments (strings are escaped for you). */
  add(path: ReadonlyArray<string | number>, value: unknown): this {
    this.ops.push({ op: "add", path: jsonPointer(...path), value });
    return this;
  }
  /** `replace` at `path`. */
  replace(path: ReadonlyArray<string | number>, value: unknown): this {
    this.ops.push({ op: "replace", path: jsonPointer(...path), value });
    return this;
  }
  /** `remove` at `path`. */
  remove(path: ReadonlyArray<string | number>): this {
    this.ops.push({ op: "remove", path: jsonPointer(...path) });
    return this;
  }
  /** `test` that `path` equals `value` (the whole patch fails otherwise). */
  test(path: ReadonlyArray<string | number>, value: unknown): this {
    this.ops.push({ op: "test", path: jsonPointer(...path), value });
    return this;
  }
  /** `move` from one path to another. */
  move(from: ReadonlyArray<string | number>, path: ReadonlyArray<string | number>): this {
    this.ops.push({ op: "move", from: jsonPointer(...from), path: jsonPointer(...path) });
    return this;
  }
  /** `copy` from one path to another. */
  copy(from: ReadonlyArray<string | number>, path: ReadonlyArray<string | number>): this {
    this.ops.push({ op: "copy", from: jsonPointer(...from), path: jsonPointer(...path) });
    return this;
  }
  /** The number of operations so far. */
  get length(): number {
    return this.ops.length;
  }
  /** A copy of the operations collected so far. */
  build(): JsonPatchOperation[] {
    return this.ops.map((o) => ({ ...o }));
  }
}

/**
 * Base64 of the JSON text of a patch, as `AdmissionResponse.patch` carries it (UTF-8; no I/O; uses
 * `Buffer` when the runtime has it, a portable encoder otherwise).
 *
 * @example
 * ```ts
 * encodeJsonPatch([{ op: "add", path: "/spec/storageClassName", value: "fast" }]);
 * // "W3sib3AiOiJhZGQiLCJwYXRoIjoiL3NwZWMvc3RvcmFnZUNsYXNzTmFtZSIsInZhbHVlIjoiZmFzdCJ9XQ=="
 * ```
 */
export function encodeJsonPatch(ops: readonly JsonPatchOperation[]): string {
  const text = JSON.stringify(ops);
  // Node's Buffer is several times faster; the portable encoder serves browsers and other runtimes.
  if (NodeBuffer) return NodeBuffer.from(text, "utf8").toString("base64");
  return base64Encode(new TextEncoder().encode(text));
}

const NodeBuffer: { from(s: string, enc: "utf8"): { toString(enc: "base64"): string } } | undefined = (
  globalThis as { Buffer?: { from(s: string, enc: "utf8"): { toString(enc: "base64"): string } } }
).Buffer;

/**
 * Decode an `AdmissionResponse.patch` back into operations (for tests and debugging). Throws
 * {@link JsonPatchError} when the text is not base64 of a JSON array.
 *
 * @example
 * ```ts
 * decodeJsonPatch(response.patch!)[0]?.op; // "add"
 * ```
 */
export function decodeJsonPatch(patch: string): JsonPatchOperation[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(base64Decode(patch)));
  } catch (e) {
    throw new JsonPatchError(`patch is not base64-encoded JSON: ${(e as Error).message}`);
  }
  if (!Array.isArray(parsed)) throw new JsonPatchError("patch is not a JSON array");
  return parsed as JsonPatchOperation[];
}

/**
 * Apply a patch to a document, returning a new document (the input is never mutated). Follows
 * RFC 6902: operations run in order, any failure aborts the whole patch with a
 * {@link JsonPatchError} naming the operation index.
 *
 * @example
 * ```ts
 * applyJsonPatch({ metadata: {} }, [{ op: "add", path: "/metadata/finalizers", value: ["x"] }]);
 * // { metadata: { finalizers: ["x"] } }
 * ```
 */
export function applyJsonPatch<T = unknown>(doc: unknown, ops: readonly JsonPatchOperation[]): T {
  let root = structuredClone(doc);
  ops.forEach((op, i) => {
    try {
      root = applyOne(root, op);
    } catch (e) {
      if (e instanceof JsonPatchError) throw new JsonPatchError(`operation ${i} (${op.op} ${op.path}): ${e.message}`, i);
      throw e;
    }
  });
  return root as T;
}

function applyOne(root: unknown, op: JsonPatchOperation): unknown {
  switch (op.op) {
    case "add":
      return addAt(root, parseJsonPointer(op.path), structuredClone(op.value));
    case "remove":
      return removeAt(root, parseJsonPointer(op.path)).root;
    case "replace": {
      const tokens = parseJsonPointer(op.path);
      getAt(root, tokens); // must exist
      return tokens.length === 0 ? structuredClone(op.value) : addAt(removeAt(root, tokens).root, tokens, structuredClone(op.value));
    }
    case "move": {
      const from = parseJsonPointer(op.from);
      const to = parseJsonPointer(op.path);
      if (to.length > from.length && from.every((t, i) => to[i] === t)) throw new JsonPatchError("cannot move a value into itself");
      const { root: without, value } = removeAt(root, from);
      return addAt(without, to, value);
    }
    case "copy":
      return addAt(root, parseJsonPointer(op.path), structuredClone(getAt(root, parseJsonPointer(op.from))));
    case "test":
      if (!jsonEqual(getAt(root, parseJsonPointer(op.path)), op.value)) throw new JsonPatchError("test failed");
      return root;
    default:
      throw new JsonPatchError(`unknown op ${JSON.stringify((op as { op: unknown }).op)}`);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function arrayIndex(arr: unknown[], token: string, forAdd: boolean): number {
  if (forAdd && token === "-") return arr.length;
  if (!/^(0|[1-9][0-9]*)$/.test(token)) throw new JsonPatchError(`invalid array index ${JSON.stringify(token)}`);
  const i = Number(token);
  if (i > arr.length || (!forAdd && i === arr.length)) throw new JsonPatchError(`array index ${i} out of bounds`);
  return i;
}

function getAt(root: unknown, tokens: readonly string[]): unknown {
  let cur = root;
  for (const t of tokens) {
    if (Array.isArray(cur)) cur = cur[arrayIndex(cur, t, false)];
    else if (isObject(cur) && Object.hasOwn(cur, t)) cur = cur[t];
    else throw new JsonPatchError(`path not found at ${JSON.stringify(t)}`);
  }
  return cur;
}

function parentOf(root: unknown, tokens: readonly string[]): unknown {
  return getAt(root, tokens.slice(0, -1));
}

function addAt(root: unknown, tokens: readonly string[], value: unknown): unknown {
  if (tokens.length === 0) return value;
  const parent = parentOf(root, tokens);
  const last = tokens[tokens.length - 1]!;
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, last, true), 0, value);
  else if (isObject(parent)) defineOwn(parent, last, value);
  else throw new JsonPatchError("parent is not a container");
  return root;
}

function removeAt(root: unknown, tokens: readonly string[]): { root: unknown; value: unknown } {
  if (tokens.length === 0) return { root: undefined, value: root };
  const parent = parentOf(root, tokens);
  const last = tokens[tokens.length - 1]!;
  if (Array.isArray(parent)) {
    const [value] = parent.splice(arrayIndex(parent, last, false), 1);
    return { root, value };
  }
  if (isObject(parent) && Object.hasOwn(parent, last)) {
    const value = parent[last];
    delete parent[last];
    return { root, value };
  }
  throw new JsonPatchError(`path not found at ${JSON.stringify(last)}`);
}

// Keys such as "__proto__" must become plain own properties, never touch the prototype.
function defineOwn(obj: Record<string, unknown>, k: string, value: unknown): void {
  Object.defineProperty(obj, k, { value, enumerable: true, writable: true, configurable: true });
}

function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
  }
  return false;
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/**
 * Standard base64 (RFC 4648, with padding) of bytes, without `Buffer` (portable).
 *
 * @example
 * ```ts
 * base64Encode(new TextEncoder().encode("hi")); // "aGk="
 * ```
 */
export function base64Encode(bytes: Uint8Array): string {
  let out = "";
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + B64[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + "==";
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + "=";
  }
  return out;
}

/**
 * Decode standard base64 (padding optional) into bytes, without `Buffer`. Throws on characters
 * outside the alphabet or an impossible length.
 *
 * @example
 * ```ts
 * new TextDecoder().decode(base64Decode("aGk=")); // "hi"
 * ```
 */
export function base64Decode(text: string): Uint8Array {
  const clean = text.replace(/=+$/, "");
  if (clean.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(clean)) throw new Error("invalid base64");
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (const ch of clean) {
    acc = (acc << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}
