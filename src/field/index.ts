/**
 * Field errors (`field.Error` of kubernetes/apimachinery `pkg/util/validation/field/errors.go`): the
 * error type, its constructors and its rendering. Exported through `kubevol/validation`.
 *
 * @module
 */
export {
  FieldError,
  aggregateMessage,
  isFieldErrorLike,
  child,
  duplicate,
  fieldErrorDisplay,
  forbidden,
  goQuote,
  index,
  internalError,
  invalid,
  key,
  notFound,
  notSupported,
  renderValue,
  required,
  supportedValues,
  tooLong,
  tooMany,
  typeInvalid,
  type FieldErrorType,
} from "./field-error.js";
