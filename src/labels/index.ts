/**
 * Labels and selectors: label key/value validation, the `kubectl -l` selector syntax,
 * `metav1.LabelSelector` conversion and validation, node selectors, topology terms and the PV
 * node-affinity check — with Kubernetes' exact semantics and messages. No runtime dependencies.
 *
 * @module
 */
export type {
  LabelSelector,
  LabelSelectorRequirement,
  Labels,
  NodeLike,
  NodeSelector,
  NodeSelectorRequirement,
  NodeSelectorTerm,
  Operator,
  TopologySelectorLabelRequirement,
  TopologySelectorTerm,
} from "./types.js";
export { SelectorError } from "./selector-error.js";
export { isDNS1123Subdomain, isDNS1123Label } from "./dns1123.js";
export { isQualifiedName, validateLabelKey, validateQualifiedName } from "./label-key.js";
export { validateLabelValue, isValidLabelValue } from "./label-value.js";
export { newRequirement, REQUIREMENT_OPERATORS, type Requirement } from "./requirement.js";
export { everything, nothing, selectorFromSet, selectorOf, formatLabels, type Selector } from "./selector.js";
export { parseSelector, parseToRequirements } from "./parse-selector.js";
export {
  labelSelectorAsSelector,
  labelSelectorAsMap,
  validateLabels,
  validateLabelSelector,
  validateLabelSelectorRequirement,
  type LabelSelectorValidationOptions,
} from "./label-selector.js";
export {
  compileNodeSelector,
  nodeParts,
  nodeSelectorMatches,
  requiredNodeAffinityMatches,
  topologySelectorMatches,
  checkVolumeNodeAffinity,
  nodeAffinityError,
  type NodeSelectorMatch,
  type NodeSelectorMatcher,
} from "./node-selector.js";
