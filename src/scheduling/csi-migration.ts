/**
 * CSI migration of in-tree volumes as the scheduler applies it to bound volumes
 * (kubernetes/kubernetes `pkg/scheduler/framework/plugins/volumebinding/binder.go`
 * `tryTranslatePVToCSI`, kubernetes/csi-translation-lib `plugins/*.go`): a PV of an in-tree plugin
 * whose migration is on, on a node whose CSINode lists the plugin in
 * `storage.alpha.kubernetes.io/migrated-plugins`, is checked in its CSI form — the zone key of its
 * node affinity rewritten to the driver's topology key.
 *
 * @module
 */
import type { CSINode, PersistentVolume } from "../api/index.js";
import type { SchedulingOptions } from "./options.js";
import { featureEnabled } from "./options.js";

/**
 * The CSINode annotation listing the in-tree plugins migrated on the node (comma separated).
 *
 * @example
 * ```ts
 * csiNode.metadata.annotations?.[AnnMigratedPlugins]; // "kubernetes.io/gce-pd,kubernetes.io/aws-ebs"
 * ```
 */
export const AnnMigratedPlugins = "storage.alpha.kubernetes.io/migrated-plugins";

const ZONE_GA = "topology.kubernetes.io/zone";
const ZONE_BETA = "failure-domain.beta.kubernetes.io/zone";
const REGION_GA = "topology.kubernetes.io/region";
const REGION_BETA = "failure-domain.beta.kubernetes.io/region";

/**
 * An in-tree plugin the translation library knows: its PV source field, plugin name, CSI driver,
 * the driver's zone topology key (none: the translation keeps the node affinity) and the gate.
 */
interface InTreePlugin {
  readonly source: string;
  readonly plugin: string;
  readonly driver: string;
  readonly topologyKey?: string;
  readonly gate?: string;
}

/**
 * The in-tree plugins with CSI migration (csi-translation-lib): source field → plugin.
 *
 * @example
 * ```ts
 * IN_TREE_PLUGINS.find((p) => p.source === "gcePersistentDisk")?.driver; // "pd.csi.storage.gke.io"
 * ```
 */
export const IN_TREE_PLUGINS: readonly InTreePlugin[] = Object.freeze([
  { source: "gcePersistentDisk", plugin: "kubernetes.io/gce-pd", driver: "pd.csi.storage.gke.io", topologyKey: "topology.gke.io/zone" },
  {
    source: "awsElasticBlockStore",
    plugin: "kubernetes.io/aws-ebs",
    driver: "ebs.csi.aws.com",
    topologyKey: "topology.ebs.csi.aws.com/zone",
  },
  {
    source: "azureDisk",
    plugin: "kubernetes.io/azure-disk",
    driver: "disk.csi.azure.com",
    topologyKey: "topology.disk.csi.azure.com/zone",
  },
  { source: "azureFile", plugin: "kubernetes.io/azure-file", driver: "file.csi.azure.com" },
  {
    source: "cinder",
    plugin: "kubernetes.io/cinder",
    driver: "cinder.csi.openstack.org",
    topologyKey: "topology.cinder.csi.openstack.org/zone",
  },
  { source: "vsphereVolume", plugin: "kubernetes.io/vsphere-volume", driver: "csi.vsphere.vmware.com" },
  { source: "portworxVolume", plugin: "kubernetes.io/portworx-volume", driver: "pxd.portworx.com", gate: "CSIMigrationPortworx" },
]);

/**
 * The in-tree plugin of a PV (`GetInTreePluginNameFromSpec`), or undefined for CSI and other sources.
 *
 * @example
 * ```ts
 * inTreePluginOf({ spec: { gcePersistentDisk: { pdName: "d" } } } as PersistentVolume)?.plugin; // "kubernetes.io/gce-pd"
 * ```
 */
export function inTreePluginOf(pv: PersistentVolume): InTreePlugin | undefined {
  const spec = pv.spec as unknown as Record<string, unknown> | undefined;
  if (typeof spec !== "object" || spec === null) return undefined;
  return IN_TREE_PLUGINS.find((p) => typeof spec[p.source] === "object" && spec[p.source] !== null);
}

/**
 * Whether the CSINode lists the plugin as migrated (`isPluginMigratedToCSIOnNode`).
 *
 * @example
 * ```ts
 * pluginMigratedOnNode("kubernetes.io/gce-pd", csiNode); // true when the annotation lists it
 * ```
 */
export function pluginMigratedOnNode(plugin: string, csiNode: CSINode | undefined): boolean {
  const a: unknown = csiNode?.metadata?.annotations?.[AnnMigratedPlugins];
  if (typeof a !== "string") return false;
  return a.split(",").some((p) => p.trim() === plugin);
}

type Terms = { matchExpressions?: { key: string; operator: string; values?: string[] }[]; matchFields?: unknown[] }[];

function termsOf(pv: PersistentVolume): Terms {
  const t: unknown = (pv.spec?.nodeAffinity?.required as { nodeSelectorTerms?: unknown } | null | undefined)?.nodeSelectorTerms;
  return Array.isArray(t) ? (t as Terms) : [];
}

function affinityHasKey(pv: PersistentVolume, key: string): boolean {
  return termsOf(pv).some((t) => (t?.matchExpressions ?? []).some((e) => e?.key === key));
}

function labelOf(pv: PersistentVolume, key: string): string | undefined {
  const v: unknown = pv.metadata?.labels?.[key];
  return typeof v === "string" ? v : undefined;
}

function withTerms(pv: PersistentVolume, terms: Terms): PersistentVolume {
  return { ...pv, spec: { ...pv.spec, nodeAffinity: { required: { nodeSelectorTerms: terms as never } } } };
}

function replaceKey(pv: PersistentVolume, from: string, to: string): PersistentVolume {
  const terms = termsOf(pv).map((t) => ({
    ...t,
    matchExpressions: (t?.matchExpressions ?? []).map((e) => (e?.key === from ? { ...e, key: to } : e)),
  }));
  return withTerms(pv, terms);
}

/**
 * The CSI form of an in-tree PV's topology (`translateTopologyFromInTreeToCSI`): the zone key
 * (GA if the PV uses it in labels or affinity, else beta if it uses that) in the node affinity
 * becomes the driver's key; without one in the affinity, a zone label becomes an affinity term
 * (`__`-separated zones); a beta region key in the affinity becomes the GA key.
 */
function translateTopology(pv: PersistentVolume, csiKey: string): PersistentVolume {
  const usesGa = labelOf(pv, ZONE_GA) !== undefined || affinityHasKey(pv, ZONE_GA);
  const usesBeta = !usesGa && (labelOf(pv, ZONE_BETA) !== undefined || affinityHasKey(pv, ZONE_BETA));
  const zoneKey = usesBeta ? ZONE_BETA : ZONE_GA;
  const regionKey = usesBeta ? REGION_BETA : REGION_GA;
  let out = pv;
  if (affinityHasKey(pv, zoneKey)) out = replaceKey(out, zoneKey, csiKey);
  else {
    const label = labelOf(pv, zoneKey);
    if (label !== undefined) {
      const zones = label.split("__");
      const expr = { key: csiKey, operator: "In", values: zones };
      const terms = termsOf(out);
      out = withTerms(
        out,
        terms.length === 0
          ? [{ matchExpressions: [expr] }]
          : terms.map((t) => ({ ...t, matchExpressions: [...(t?.matchExpressions ?? []), expr] })),
      );
    }
  }
  if (regionKey === REGION_BETA && affinityHasKey(out, REGION_BETA)) out = replaceKey(out, REGION_BETA, REGION_GA);
  return out;
}

/**
 * `tryTranslatePVToCSI`: the PV as the scheduler checks it on a node — translated to its CSI form
 * when it is an in-tree PV whose plugin is migrated (gate on, listed by the node's CSINode), else
 * unchanged. Never mutates the PV.
 *
 * @example
 * ```ts
 * const checked = translatePVForNode(gcePv, csiNodeWithGcePdMigrated);
 * checked.spec.nodeAffinity?.required?.nodeSelectorTerms[0]?.matchExpressions?.[0]?.key; // "topology.gke.io/zone"
 * ```
 */
export function translatePVForNode(pv: PersistentVolume, csiNode: CSINode | undefined, opts?: SchedulingOptions): PersistentVolume {
  const p = inTreePluginOf(pv);
  if (p === undefined) return pv;
  if (p.gate !== undefined && !featureEnabled(opts, p.gate)) return pv;
  if (!pluginMigratedOnNode(p.plugin, csiNode)) return pv;
  return p.topologyKey === undefined ? pv : translateTopology(pv, p.topologyKey);
}
