export * from "./format.js";
export * from "./limits.js";
export { QuantityError, QUANTITY_FORMAT_MESSAGE, QUANTITY_SUFFIX_MESSAGE, type QuantityErrorReason } from "./quantity-error.js";
export { Quantity } from "./quantity.js";
export { parseQuantity } from "./parse-quantity.js";
export { decodeQuantity, trimGoSpace } from "./decode-quantity.js";
export { quantityIntegerValue } from "./integer-value.js";
