/**
 * Which StorageClass is the default (the rule lives in `api/helpers`; the lifecycle re-exports it).
 *
 * @module
 */
export { defaultStorageClass } from "../api/helpers/index.js";
