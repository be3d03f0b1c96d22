/**
 * Deterministic UIDs for objects that arrive without one (the API server would assign a random
 * UUID; kubevol must stay deterministic).
 *
 * @module
 */

function fnv1a(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * A UUID-shaped (version 4 layout) identifier derived from `seed` text: the same text gives the
 * same UID, different texts give different UIDs with overwhelming probability. Create actions
 * seed it with the kind, key and the cluster revision, so a re-created object gets a new UID.
 *
 * @example
 * ```ts
 * deterministicUid("PersistentVolumeClaim/default/data"); // "xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx"
 * ```
 */
export function deterministicUid(seed: string): string {
  const hex = [1, 2, 3, 4].map((s) => fnv1a(seed, s).toString(16).padStart(8, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
