/**
 * Lint rules about PersistentVolumes (KV001–KV006, KV016, KV017).
 *
 * @module
 */
import type { PersistentVolume } from "../api/index.js";
import { AnnDynamicallyProvisioned, LabelHostname } from "../api/constants/index.js";
import type { LintContext, LintSubject } from "./lint-context.js";
import type { LintFinding } from "./lint-finding.js";
import { finding } from "./rule-table.js";
import { volumePluginOf } from "./volume-plugins.js";

type Subject = LintSubject<PersistentVolume>;

/**
 * KV001: a `claimRef` without namespace (or name) never equals any claim's namespace/name.
 *
 * @example
 * ```ts
 * claimRefWithoutNamespace(subject); // [finding KV001 at spec.claimRef.namespace]
 * ```
 */
export function claimRefWithoutNamespace(s: Subject): LintFinding[] {
  const ref = s.obj.spec?.claimRef;
  if (!ref || typeof ref !== "object") return [];
  const out: LintFinding[] = [];
  if (!ref.namespace) {
    out.push(
      finding(
        "KV001",
        s,
        "spec.claimRef.namespace",
        `spec.claimRef names claim "${ref.name ?? ""}" without a namespace; the volume can never bind to it`,
        "Set spec.claimRef.namespace to the claim's namespace (claims are namespaced; there is no default here).",
      ),
    );
  }
  if (!ref.name) {
    out.push(
      finding(
        "KV001",
        s,
        "spec.claimRef.name",
        "spec.claimRef has no name; the volume can never bind",
        "Set spec.claimRef.name, or remove spec.claimRef.",
      ),
    );
  }
  return out;
}

/**
 * KV002 and KV003: access modes the volume's plugin cannot provide, and ReadWriteOncePod on a
 * non-CSI volume.
 *
 * @example
 * ```ts
 * accessModesUnsupported(rbdRwxSubject)[0]?.code; // "KV002"
 * ```
 */
export function accessModesUnsupported(s: Subject): LintFinding[] {
  const plugin = volumePluginOf(s.obj);
  const modes = s.obj.spec?.accessModes;
  if (!plugin || !Array.isArray(modes)) return [];
  const out: LintFinding[] = [];
  modes.forEach((mode, i) => {
    const field = `spec.accessModes[${i}]`;
    if (mode === "ReadWriteOncePod") {
      if (plugin.source !== "csi") {
        out.push(
          finding(
            "KV003",
            s,
            field,
            `ReadWriteOncePod on a ${plugin.plugin} volume; it is only supported for CSI volumes`,
            "Use ReadWriteOnce, or migrate the volume to its CSI driver.",
          ),
        );
      }
      return;
    }
    if (plugin.accessModes && !(plugin.accessModes as readonly string[]).includes(mode)) {
      out.push(
        finding(
          "KV002",
          s,
          field,
          `${plugin.plugin} volumes cannot provide ${mode} (supported: ${plugin.accessModes.join(", ")})${plugin.note ? `; ${plugin.note}` : ""}`,
          mode === "ReadWriteMany"
            ? "Use a shared file system (NFS, CephFS, Glusterfs, AzureFile, or a CSI driver with multi-node support) for ReadWriteMany."
            : `Offer only ${plugin.accessModes.join(", ")}.`,
        ),
      );
    }
  });
  return out;
}

/**
 * KV004: `Recycle` where the PV controller has no recycler (only NFS and hostPath have one).
 *
 * @example
 * ```ts
 * recycleWithoutRecycler(ebsRecycleSubject)[0]?.field; // "spec.persistentVolumeReclaimPolicy"
 * ```
 */
export function recycleWithoutRecycler(s: Subject): LintFinding[] {
  if (s.obj.spec?.persistentVolumeReclaimPolicy !== "Recycle") return [];
  const plugin = volumePluginOf(s.obj);
  if (!plugin || plugin.recyclable) return [];
  return [
    finding(
      "KV004",
      s,
      "spec.persistentVolumeReclaimPolicy",
      `Recycle on a ${plugin.plugin} volume: there is no recycler for it, the volume goes Failed ("No recycler plugin found for the volume!") when released`,
      "Use Retain (and clean up by hand) or Delete with a provisioner; Recycle is deprecated anyway.",
    ),
  ];
}

interface Pin {
  pinned: boolean;
  hosts: string[];
}

function termPins(term: { matchExpressions?: unknown; matchFields?: unknown } | null | undefined): Pin {
  const hosts: string[] = [];
  let pinned = false;
  const exprs = Array.isArray(term?.matchExpressions) ? term!.matchExpressions : [];
  for (const e of exprs as { key?: string; operator?: string; values?: unknown }[]) {
    if (e?.key === LabelHostname && e.operator === "In" && Array.isArray(e.values) && e.values.length > 0) {
      pinned = true;
      hosts.push(...e.values.map(String));
    }
  }
  const fields = Array.isArray(term?.matchFields) ? term!.matchFields : [];
  for (const f of fields as { key?: string; operator?: string; values?: unknown }[]) {
    if (f?.key === "metadata.name" && f.operator === "In" && Array.isArray(f.values) && f.values.length > 0) {
      pinned = true;
      hosts.push(...f.values.map(String));
    }
  }
  return { pinned, hosts };
}

/**
 * KV005 and KV006: a local volume must be pinned to a node by every node-selector term (a
 * `kubernetes.io/hostname In` expression or a `metadata.name In` field), and with a node list the
 * named nodes should exist.
 *
 * @example
 * ```ts
 * localVolumeWithoutNode(localNoAffinity, ctx)[0]?.code; // "KV005"
 * ```
 */
export function localVolumeWithoutNode(s: Subject, ctx: LintContext): LintFinding[] {
  if (!s.obj.spec?.local) return [];
  const terms = s.obj.spec.nodeAffinity?.required?.nodeSelectorTerms;
  if (!Array.isArray(terms) || terms.length === 0) {
    return [
      finding(
        "KV005",
        s,
        "spec.nodeAffinity.required",
        "local volume without node affinity: no node is named, so pods could land where the disk is not",
        `Add spec.nodeAffinity.required.nodeSelectorTerms with ${LabelHostname} In [<node>].`,
      ),
    ];
  }
  const out: LintFinding[] = [];
  const hosts: string[] = [];
  terms.forEach((t, i) => {
    const pin = termPins(t);
    hosts.push(...pin.hosts);
    if (!pin.pinned) {
      out.push(
        finding(
          "KV005",
          s,
          `spec.nodeAffinity.required.nodeSelectorTerms[${i}]`,
          `local volume node-selector term ${i} names no node; it allows every node it matches`,
          `Add a ${LabelHostname} In [<node>] expression to the term (terms are ORed, each must pin the node).`,
          "warning",
        ),
      );
    }
  });
  if (ctx.nodes && hosts.length > 0) {
    const known = new Set<string>();
    for (const [name, node] of ctx.nodes) {
      known.add(name);
      const h = node.metadata?.labels?.[LabelHostname];
      if (h) known.add(h);
    }
    if (!hosts.some((h) => known.has(h))) {
      out.push(
        finding(
          "KV006",
          s,
          "spec.nodeAffinity.required",
          `local volume names node ${hosts
            .slice(0, 3)
            .map((h) => `"${h}"`)
            .join(", ")}, which does not exist in the cluster`,
          "Fix the node name (it is the node's kubernetes.io/hostname label), or delete the volume if the node is gone.",
        ),
      );
    }
  }
  return out;
}

/**
 * KV016: a Released `Retain` volume keeps `claimRef.uid` of its deleted claim; nothing binds to it
 * again. (Delete and Recycle volumes leave Released by themselves.)
 *
 * @example
 * ```ts
 * releasedVolumeKeepsClaimRef(releasedSubject)[0]?.field; // "spec.claimRef.uid"
 * ```
 */
export function releasedVolumeKeepsClaimRef(s: Subject): LintFinding[] {
  const ref = s.obj.spec?.claimRef;
  if (s.obj.status?.phase !== "Released" || !ref?.uid) return [];
  // Delete and Recycle volumes leave Released on their own (deleted / recycled); Retain ones stay.
  const policy = s.obj.spec?.persistentVolumeReclaimPolicy ?? "Retain";
  if (policy !== "Retain") return [];
  return [
    finding(
      "KV016",
      s,
      "spec.claimRef.uid",
      `volume is Released and still points at the deleted claim ${ref.namespace ?? ""}/${ref.name ?? ""} (uid ${ref.uid}); no claim will bind to it`,
      "After saving the data, remove spec.claimRef (or only spec.claimRef.uid to keep it reserved for a claim of that name).",
    ),
  ];
}

/**
 * KV017: `Delete` on a static hostPath or local volume: the in-tree deleter handles only
 * provisioned hostPath volumes under /tmp, and local volumes have none.
 *
 * @example
 * ```ts
 * deletePolicyWithoutDeleter(localDeleteSubject)[0]?.code; // "KV017"
 * ```
 */
export function deletePolicyWithoutDeleter(s: Subject): LintFinding[] {
  if (s.obj.spec?.persistentVolumeReclaimPolicy !== "Delete") return [];
  if (s.obj.metadata?.annotations?.[AnnDynamicallyProvisioned]) return [];
  const plugin = volumePluginOf(s.obj);
  if (plugin?.source !== "hostPath" && plugin?.source !== "local") return [];
  return [
    finding(
      "KV017",
      s,
      "spec.persistentVolumeReclaimPolicy",
      `Delete on a statically created ${plugin.plugin} volume: no deleter exists for it, the volume goes Failed when released`,
      "Use Retain, or let a provisioner (e.g. the local static provisioner, which annotates pv.kubernetes.io/provisioned-by) own the volume.",
    ),
  ];
}
