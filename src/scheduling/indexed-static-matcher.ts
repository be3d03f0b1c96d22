/**
 * The static matcher `filterNodes` uses (placeholder: the linear matcher until the grouped one lands).
 *
 * @module
 */
export { LinearStaticMatcher as IndexedStaticMatcher } from "./static-matcher.js";
