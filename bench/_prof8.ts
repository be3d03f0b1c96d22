import { pool } from "../src/testing/index.js";
import { VolumeFacts } from "../src/matching/decoded-volume.js";
import { CapacityTexts } from "../src/matching/capacity-texts.js";
import { VolumeStore } from "../src/matching/volume-index/volume-store.js";
import { NameTable, NameGroups } from "../src/matching/volume-index/name-table.js";
const N = 1_000_000;
const vols = pool(N, 42);
(globalThis as any).gc();
for (let r = 0; r < 2; r++) {
  const texts = new CapacityTexts();
  const f = new VolumeFacts();
  const store = new VolumeStore(N, texts);
  const names = new NameTable((s) => store.names[s]!, N);
  const claimed = new NameGroups((s) => store.refName[s]!, N);
  const lab = new Map<object, number>();
  const aff = new Map<object, number>();
  const T: number[] = [0, 0, 0, 0, 0, 0];
  let t = performance.now();
  for (let i = 0; i < N; i++) f.read(vols[i]!, texts);
  T[0] = performance.now() - t;
  t = performance.now();
  for (let i = 0; i < N; i++) store.sig[i] = store.signatureId(f.read(vols[i]!, texts));
  T[1] = performance.now() - t - T[0];
  t = performance.now();
  for (let i = 0; i < N; i++) {
    const v = f.read(vols[i]!, texts);
    const l = v.labels;
    if (l !== undefined) {
      let id = lab.get(l);
      if (id === undefined) lab.set(l, (id = store.labelSetId(l)));
      store.labelId[i] = id;
    }
    const a = v.affinity;
    if (a !== undefined) {
      let id = aff.get(a);
      if (id === undefined) aff.set(a, (id = store.affinityIdOf(a)));
      store.affinityId[i] = id;
    }
  }
  T[2] = performance.now() - t - T[0];
  t = performance.now();
  for (let i = 0; i < N; i++) {
    store.names[i] = vols[i]!.metadata!.name!;
    names.set(i);
  }
  T[3] = performance.now() - t;
  t = performance.now();
  for (let i = 0; i < N; i++) {
    const v = f.read(vols[i]!, texts);
    const ref = v.claimRef as any;
    if (ref) {
      store.refName[i] = ref.name;
      store.refNamespace[i] = ref.namespace;
      store.refUid[i] = ref.uid ?? "";
      claimed.add(i);
    }
  }
  T[4] = performance.now() - t - T[0];
  console.log(
    "read",
    T[0].toFixed(0),
    "sig",
    T[1].toFixed(0),
    "labels+aff",
    T[2].toFixed(0),
    "names",
    T[3].toFixed(0),
    "claims",
    T[4].toFixed(0),
  );
}
