/**
 * kubevol: Kubernetes storage scheduling semantics as pure TypeScript functions.
 *
 * The root entry point re-exports every layer; each layer also has its own subpath
 * (`kubevol/quantity`, `kubevol/labels`, `kubevol/api`, `kubevol/validation`, `kubevol/matching`,
 * `kubevol/lifecycle`, `kubevol/lint`, `kubevol/admission`, `kubevol/testing`), so an application that
 * needs one layer does not load the others.
 *
 * @module
 */
export * from "./quantity/index.js";
export * from "./labels/index.js";
export * from "./api/index.js";
export * from "./validation/index.js";
export * from "./matching/index.js";
export * from "./lifecycle/index.js";
export * from "./engine/index.js";
export * from "./lint/index.js";
export * from "./admission/index.js";
// `Status` is the API's metav1.Status (the validation layer's narrower failure shape is assignable to it).
export type { Status, StatusCause, StatusDetails } from "./api/index.js";
