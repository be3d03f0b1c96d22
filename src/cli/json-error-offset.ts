/**
 * Where malformed JSON goes wrong. Node 20's `JSON.parse` errors carry no position, and a
 * cluster dump can be megabytes long, so the CLI re-scans failed input to name the line.
 * An iterative validator: no recursion, so deeply nested garbage cannot overflow the stack.
 */

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

/**
 * The offset of the first syntax error in `text`, or `undefined` when it is valid JSON.
 *
 * @example
 * ```ts
 * jsonErrorOffset('{"a": }'); // 6
 * jsonErrorOffset('{"a": 1}'); // undefined
 * ```
 */
export function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const skip = () => {
    while (i < text.length && WS.has(text.charCodeAt(i))) i++;
  };
  const match = (re: RegExp): boolean => {
    re.lastIndex = i;
    if (!re.test(text)) return false;
    i = re.lastIndex;
    return true;
  };
  // Stack of open containers: "{" or "[". `expect` is what may come next.
  const stack: string[] = [];
  let expect: "value" | "key" | "after-value" = "value";
  for (;;) {
    skip();
    if (expect === "value") {
      const c = text[i];
      if (c === "{") {
        stack.push("{");
        i++;
        skip();
        if (text[i] === "}") {
          stack.pop();
          i++;
          expect = "after-value";
        } else expect = "key";
        continue;
      }
      if (c === "[") {
        stack.push("[");
        i++;
        skip();
        if (text[i] === "]") {
          stack.pop();
          i++;
          expect = "after-value";
        } else expect = "value";
        continue;
      }
      if (
        c === '"'
          ? match(STRING)
          : c === "-" || (c !== undefined && c >= "0" && c <= "9")
            ? match(NUMBER)
            : ["true", "false", "null"].some((w) => text.startsWith(w, i) && ((i += w.length), true))
      ) {
        expect = "after-value";
        continue;
      }
      return i;
    }
    if (expect === "key") {
      if (text[i] !== '"' || !match(STRING)) return i;
      skip();
      if (text[i] !== ":") return i;
      i++;
      expect = "value";
      continue;
    }
    // after-value
    const top = stack[stack.length - 1];
    if (top === undefined) return i < text.length ? i : undefined;
    const c = text[i];
    if (c === ",") {
      i++;
      expect = top === "{" ? "key" : "value";
    } else if ((c === "}" && top === "{") || (c === "]" && top === "[")) {
      stack.pop();
      i++;
    } else return i;
  }
}
