/**
 * `QuantitySchema`: a `resource.Quantity` field as the API server decodes it from JSON.
 *
 * @module
 */
import * as z from "zod";
import { parseQuantity, QuantityError } from "../quantity/index.js";
import { quantityText } from "./helpers/quantity-text.js";
import { lazySchema } from "./schemas/common.js";

/**
 * A quantity-valued field: accepts a string or a finite number (the OpenAPI type is
 * string-or-number), checks it with `parseQuantity`, and outputs quantity **text**:
 *
 * - a string is output as written, minus surrounding whitespace (which the API server's decoder
 *   trims too), so `"1.500k"` stays `"1.500k"` — kubevol never rewrites a user's quantity;
 * - a number is written out as plain decimal text without an exponent, from JavaScript's shortest
 *   round-trip digits: `10` → `"10"`, `1.5` → `"1.5"`, `1e21` → `"1000000000000000000000"`,
 *   `1.5e-7` → `"0.00000015"` (see `numberToQuantityText`). Non-integers are kept exactly as those
 *   digits; `parseQuantity` then rounds sub-nano digits up as Kubernetes does when the value is used.
 *
 * A malformed value fails with the `QuantityError` message (Kubernetes' text, e.g.
 * `quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`);
 * `NaN`, `Infinity`, booleans, objects and `null` fail too.
 *
 * @example
 * ```ts
 * QuantitySchema.parse("10Gi");   // "10Gi"
 * QuantitySchema.parse(" 1G ");   // "1G"
 * QuantitySchema.parse(1024);     // "1024"
 * QuantitySchema.safeParse("10GB").success; // false
 * ```
 */
export const QuantitySchema: z.ZodType<string, string | number> = lazySchema(() => quantityTextSchema(false));

/**
 * Like {@link QuantitySchema} but also accepting `null`, read as `"0"` — how the API server decodes
 * a `null` quantity inside a resource map (`capacity: { storage: null }`).
 *
 * @example
 * ```ts
 * QuantityOrNullSchema.parse(null); // "0"
 * ```
 */
export const QuantityOrNullSchema: z.ZodType<string, string | number | null> = lazySchema(() => quantityTextSchema(true));

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function quantityTextSchema(nullIsZero: boolean): z.ZodType<string, never> {
  return z.unknown().transform((value, ctx) => {
    if (value === null && nullIsZero) return "0";
    if (typeof value !== "string" && typeof value !== "number") {
      ctx.issues.push({
        code: "custom",
        message: `Invalid input: expected quantity (string or number), received ${describe(value)}`,
        input: value,
      });
      return z.NEVER;
    }
    try {
      const text = quantityText(value);
      parseQuantity(text);
      return text;
    } catch (e) {
      if (!(e instanceof QuantityError)) throw e;
      ctx.issues.push({ code: "custom", message: e.message, input: value });
      return z.NEVER;
    }
  }) as unknown as z.ZodType<string, never>;
}
