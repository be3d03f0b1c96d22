/**
 * The `kubectl -l` selector syntax (apimachinery's `labels.Parse`): a hand-written lexer and a
 * recursive-descent parser that reproduce Kubernetes' tokens, grammar and error messages. Linear
 * time; no regular expressions.
 *
 * @module
 */
import { aggregateMessage, invalid } from "../field/index.js";
import { isQualifiedName } from "./label-key.js";
import { tryRequirement, type Requirement } from "./requirement.js";
import { SelectorError } from "./selector-error.js";
import { selectorOf, type Selector } from "./selector.js";
import { sortedUnique } from "./strings.js";
import type { Operator } from "./types.js";

// Token kinds (apimachinery's lexer tokens).
const END = 1;
const CLOSE_PAR = 2;
const COMMA = 3;
const BANG = 4; // DoesNotExist
const DOUBLE_EQUALS = 5;
const EQUALS = 6;
const GT = 7;
const IDENT = 8;
const IN = 9;
const LT = 10;
const NOT_EQUALS = 11;
const NOT_IN = 12;
const OPEN_PAR = 13;

const SINGLE: Record<string, number> = { "(": OPEN_PAR, ")": CLOSE_PAR, ",": COMMA, "!": BANG, "=": EQUALS, ">": GT, "<": LT };

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

function isSpecial(c: number): boolean {
  // = ! ( ) , > <
  return c === 0x3d || c === 0x21 || c === 0x28 || c === 0x29 || c === 0x2c || c === 0x3e || c === 0x3c;
}

interface Tokens {
  kinds: number[];
  lits: string[];
}

/**
 * Split the input into tokens. Special characters form the longest known token (`==`, `!=` or a
 * single character), so `===` is `==` `=` and `=!` is `=` `!`. Everything else up to whitespace or
 * a special character is an identifier (`in` / `notin` are keywords). A NUL byte is an ordinary
 * identifier character here, so it always ends in a validation error (Go's lexer would silently
 * stop at it).
 */
function lex(s: string): Tokens {
  const kinds: number[] = [];
  const lits: string[] = [];
  const n = s.length;
  let pos = 0;
  for (;;) {
    while (pos < n && isWhitespace(s.charCodeAt(pos))) pos++;
    if (pos >= n) {
      kinds.push(END);
      lits.push("");
      return { kinds, lits };
    }
    const c = s.charCodeAt(pos);
    if (isSpecial(c)) {
      if ((c === 0x3d || c === 0x21) && s.charCodeAt(pos + 1) === 0x3d) {
        kinds.push(c === 0x3d ? DOUBLE_EQUALS : NOT_EQUALS);
        lits.push(c === 0x3d ? "==" : "!=");
        pos += 2;
      } else {
        const lit = s[pos]!;
        kinds.push(SINGLE[lit]!);
        lits.push(lit);
        pos += 1;
      }
      continue;
    }
    const start = pos;
    while (pos < n) {
      const d = s.charCodeAt(pos);
      if (isSpecial(d) || isWhitespace(d)) break;
      pos++;
    }
    const lit = s.slice(start, pos);
    kinds.push(lit === "in" ? IN : lit === "notin" ? NOT_IN : IDENT);
    lits.push(lit);
  }
}

/** A parse failure inside one requirement; `parse` prefixes it with `unable to parse requirement: `. */
class RequirementFailure {
  constructor(
    readonly message: string,
    readonly errors: SelectorError["errors"] = [],
  ) {}
}

class Parser {
  private pos = 0;
  /** The literal of the token most recently consumed. */
  private lit = "";

  constructor(private readonly t: Tokens) {}

  /** The next token's kind; in a value context the keywords `in` / `notin` are identifiers. */
  private peek(values: boolean): number {
    const k = this.t.kinds[this.pos] ?? END;
    return values && (k === IN || k === NOT_IN) ? IDENT : k;
  }

  private peekLit(): string {
    return this.t.lits[this.pos] ?? "";
  }

  private next(values: boolean): number {
    const k = this.peek(values);
    this.lit = this.peekLit();
    if (this.pos < this.t.kinds.length) this.pos++;
    return k;
  }

  parse(): Requirement[] {
    const reqs: Requirement[] = [];
    for (;;) {
      const k = this.peek(true);
      if (k === END) return reqs;
      if (k !== IDENT && k !== BANG) {
        throw new SelectorError(`found '${this.peekLit()}', expected: !, identifier, or 'end of string'`);
      }
      reqs.push(this.requirement());
      const after = this.next(true);
      if (after === END) return reqs;
      if (after !== COMMA) throw new SelectorError(`found '${this.lit}', expected: ',' or 'end of string'`);
      const k2 = this.peek(true);
      if (k2 !== IDENT && k2 !== BANG) {
        throw new SelectorError(`found '${this.peekLit()}', expected: identifier after ','`);
      }
    }
  }

  private requirement(): Requirement {
    try {
      return this.parseRequirement();
    } catch (e) {
      if (e instanceof RequirementFailure) {
        throw new SelectorError(`unable to parse requirement: ${e.message}`, e.errors);
      }
      throw e;
    }
  }

  private parseRequirement(): Requirement {
    const { key, op } = this.keyAndInferredOperator();
    if (op === "exists" || op === "!") return build(key, op, []);
    const operator = this.operator();
    const values = operator === "in" || operator === "notin" ? this.valueSet() : this.exactValue();
    return build(key, operator, sortedUnique(values));
  }

  /** `!key` (does not exist), `key` followed by `,` / end (exists), or a key before an operator. */
  private keyAndInferredOperator(): { key: string; op: Operator | "" } {
    let op: Operator | "" = "";
    let k = this.next(true);
    if (k === BANG) {
      op = "!";
      k = this.next(true);
    }
    if (k !== IDENT) throw new RequirementFailure(`found '${this.lit}', expected: identifier`);
    const key = this.lit;
    const msgs = isQualifiedName(key);
    if (msgs.length > 0) {
      // the parser validates keys with no field path, which Go prints as <nil>
      const err = invalid("<nil>", key, msgs.join("; "));
      throw new RequirementFailure(err.toString(), [err]);
    }
    const la = this.peek(true);
    if ((la === END || la === COMMA) && op !== "!") op = "exists";
    return { key, op };
  }

  private operator(): Operator {
    switch (this.next(false)) {
      case IN:
        return "in";
      case NOT_IN:
        return "notin";
      case EQUALS:
        return "=";
      case DOUBLE_EQUALS:
        return "==";
      case NOT_EQUALS:
        return "!=";
      case GT:
        return "gt";
      case LT:
        return "lt";
      default:
        throw new RequirementFailure(`found '${this.lit}', expected: in, notin, =, ==, !=, gt, lt`);
    }
  }

  /** `( ... )` after `in` / `notin`; `()` is the set holding the empty string. */
  private valueSet(): string[] {
    if (this.next(true) !== OPEN_PAR) throw new RequirementFailure(`found '${this.lit}' expected: '('`);
    const k = this.peek(true);
    const lit = this.peekLit();
    if (k === IDENT || k === COMMA) {
      const set = this.identifierList();
      if (this.next(true) !== CLOSE_PAR) throw new RequirementFailure(`found '${lit}', expected: ')'`);
      return set;
    }
    if (k === CLOSE_PAR) {
      this.next(true);
      return [""];
    }
    throw new RequirementFailure(`found '${lit}', expected: ',', ')' or identifier`);
  }

  /**
   * A comma-separated list whose items may be empty, with Kubernetes' exact handling: a leading,
   * trailing or doubled comma adds the empty value; the closing `)` is left for the caller.
   */
  private identifierList(): string[] {
    const set: string[] = [];
    for (;;) {
      const k = this.next(true);
      if (k === IDENT) {
        set.push(this.lit);
        const k2 = this.peek(true);
        if (k2 === COMMA) continue;
        if (k2 === CLOSE_PAR) return set;
        throw new RequirementFailure(`found '${this.peekLit()}', expected: ',' or ')'`);
      }
      if (k === COMMA) {
        if (set.length === 0) set.push("");
        const k2 = this.peek(true);
        if (k2 === CLOSE_PAR) {
          set.push("");
          return set;
        }
        if (k2 === COMMA) {
          this.next(true);
          set.push("");
        }
        continue;
      }
      throw new RequirementFailure(`found '${this.lit}', expected: ',', or identifier`);
    }
  }

  /** The single value after `=`, `==`, `!=`, `>`, `<`; missing means `""`. */
  private exactValue(): string[] {
    const k = this.peek(true);
    if (k === END || k === COMMA) return [""];
    if (this.next(true) === IDENT) return [this.lit];
    throw new RequirementFailure(`found '${this.lit}', expected: identifier`);
  }
}

function build(key: string, op: Operator, values: string[]): Requirement {
  const r = tryRequirement(key, op, values);
  if (r.requirement === undefined) throw new RequirementFailure(aggregateMessage(r.errors), r.errors);
  return r.requirement;
}

/**
 * Parse the `kubectl -l` selector syntax: requirements separated by `,`, each one of `key`,
 * `!key`, `key=v`, `key==v`, `key!=v`, `key>n`, `key<n`, `key in (v1,v2)`, `key notin (v1,v2)`.
 * Value sets are de-duplicated and sorted, requirements are sorted by key (stable), and `""` (or
 * only whitespace) gives an empty selector that matches everything. Throws a
 * {@link SelectorError} with Kubernetes' exact message on bad input; never anything else.
 *
 * @example
 * ```ts
 * const s = parseSelector("zone in (b,a,a), disktype = ssd, !legacy");
 * s.toString();                                 // "disktype=ssd,!legacy,zone in (a,b)"
 * s.matches({ zone: "a", disktype: "ssd" });    // true
 * parseSelector("x in");                        // throws SelectorError: unable to parse requirement: found '' expected: '('
 * ```
 */
export function parseSelector(text: string): Selector {
  if (typeof text !== "string") throw new SelectorError(`selector must be a string, got ${typeof text}`);
  return selectorOf(new Parser(lex(text)).parse());
}

/**
 * Parse the selector syntax into its requirements (sorted by key), for callers that process them
 * one by one (apimachinery's `ParseToRequirements`).
 *
 * @example
 * ```ts
 * parseToRequirements("b,a=1").map(String); // ["a=1", "b"]
 * ```
 */
export function parseToRequirements(text: string): readonly Requirement[] {
  return parseSelector(text).requirements();
}
