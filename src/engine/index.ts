/**
 * The engine: the controllers run together to a fixpoint — the one model of what a cluster does —
 * and the views of a run (`explainCluster`; `simulate` is the run itself).
 *
 * @module
 */
export { runCluster, type EngineOptions, type EngineRun, type ObjectTrace } from "./run.js";
export {
  explainCluster,
  explainRun,
  type ClaimStatus,
  type ClaimReport,
  type ClaimPath,
  type WriteStep,
  type VolumeReport,
  type ClusterExplanation,
  type ExplainClusterOptions,
} from "./explain-cluster.js";
export { podReport, type PodReport, type PodReportStatus, type PodNodeVerdict } from "./pod-report.js";
