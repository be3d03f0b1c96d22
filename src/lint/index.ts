/**
 * `kubevol/lint`: storage findings the API server accepts but that will not do what their author
 * expects (`KV001`…), as data: {@link lintObjects}, the rule table {@link LINT_RULES}, and the volume
 * plugin and provisioner tables the rules read. The rules themselves and their context are internal.
 *
 * @module
 */
export {
  SEVERITY_RANK,
  type LintCluster,
  type LintFinding,
  type LintObjectRef,
  type LintOptions,
  type LintRuleInfo,
  type LintSeverity,
} from "./lint-finding.js";
export { VOLUME_PLUGINS, volumePluginBySource, volumePluginOf, type VolumePluginInfo } from "./volume-plugins.js";
export { SINGLE_NODE_PROVISIONERS, singleNodeProvisioner, type ProvisionerInfo } from "./provisioners.js";
export { pickDefaultStorageClass, type DefaultStorageClassChoice } from "./default-storage-class.js";
export { LINT_RULES, lintRule } from "./rule-table.js";
export { formatFinding, lintObjects } from "./lint-objects.js";
