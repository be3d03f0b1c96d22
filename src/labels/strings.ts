/**
 * Byte-level string helpers: Kubernetes measures lengths in UTF-8 bytes and orders strings by
 * bytes, while JavaScript strings are UTF-16. Internal to the labels layer.
 *
 * @module
 */

/**
 * The UTF-8 length of a string (lone surrogates count 3 bytes, as U+FFFD would).
 *
 * @example
 * ```ts
 * utf8Length("é"); // 2
 * ```
 */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/**
 * Compare two strings in UTF-8 byte order (= code point order), as Go's `<` on strings does.
 * UTF-16 code-unit order differs only when a surrogate meets a unit in U+E000..U+FFFF.
 *
 * @example
 * ```ts
 * ["b", "a"].sort(compareStrings); // ["a", "b"]
 * ```
 */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x < y ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

/**
 * Sorted (byte order) copy without duplicates.
 *
 * @example
 * ```ts
 * sortedUnique(["b", "a", "b"]); // ["a", "b"]
 * ```
 */
export function sortedUnique(values: readonly string[]): string[] {
  if (values.length <= 1) return values.slice();
  const out = [...new Set(values)];
  out.sort(compareStrings);
  return out;
}

/**
 * `[A-Za-z0-9]` on a UTF-16 code unit.
 *
 * @example
 * ```ts
 * isAlnum("Z".charCodeAt(0)); // true
 * ```
 */
export function isAlnum(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

/**
 * `[a-z0-9]` on a UTF-16 code unit.
 *
 * @example
 * ```ts
 * isLowerAlnum("Z".charCodeAt(0)); // false
 * ```
 */
export function isLowerAlnum(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}

/**
 * The message of the string validators for a value that is not a string (JSON can put a number or
 * an object where a name belongs; apimachinery's validators only ever see strings).
 *
 * @example
 * ```ts
 * isQualifiedName(42 as unknown as string); // [NOT_A_STRING]
 * ```
 */
export const NOT_A_STRING = "must be a string";

/**
 * The value when it is a string, else `""`: how kubevol reads a field that must be a string from
 * objects that may hold anything (JSON, a JS caller).
 *
 * @example
 * ```ts
 * str("zone-a"); // "zone-a"
 * str(42);       // ""
 * ```
 */
export function str(x: unknown): string {
  return typeof x === "string" ? x : "";
}

/**
 * `String(x)` that never throws: a prototype-less object (`Object.create(null)`) or one whose
 * `toString` throws reads as `Object.prototype.toString` says (`[object Object]`). For texts built
 * from values a JS caller passes, where a template string would throw a `TypeError`.
 *
 * @example
 * ```ts
 * safeString(Object.create(null)); // "[object Object]"
 * safeString(42);                  // "42"
 * ```
 */
export function safeString(x: unknown): string {
  if (typeof x === "string") return x;
  try {
    return String(x);
  } catch {
    return Object.prototype.toString.call(x);
  }
}
