/**
 * `kubevol/quantity`: Kubernetes' `resource.Quantity`, exact (BigInt): parsing with Kubernetes'
 * messages, the canonical text, comparison and arithmetic. No runtime dependencies.
 *
 * @module
 */
export {
  QUANTITY_FORMATS,
  type QuantityFormat,
} from "./format.js";
export {
  MAX_QUANTITY_EXPONENT,
  MAX_QUANTITY_LENGTH,
} from "./limits.js";
export { QuantityError, QUANTITY_FORMAT_MESSAGE, QUANTITY_SUFFIX_MESSAGE, type QuantityErrorReason } from "./quantity-error.js";
export { Quantity, isQuantity } from "./quantity.js";
export { parseQuantity } from "./parse-quantity.js";
export { decodeQuantity, trimGoSpace } from "./decode-quantity.js";
export { quantityIntegerValue } from "./integer-value.js";
