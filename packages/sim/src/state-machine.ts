import type { Entry, Snapshot } from "@runnel/raft";

/**
 * The replicated state machine the simulation runs: a running FNV-1a hash over every applied
 * entry (index, term, type and data). Two nodes that applied the same prefix hold the same hash,
 * so comparing hashes compares whole histories, and a snapshot is just (index, hash).
 */
export interface MachineState {
  readonly index: number;
  readonly hash: number;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const TYPE_CODE = { normal: 1, config: 2, "leader-change": 3 } as const;

export const INITIAL_STATE: MachineState = { index: 0, hash: FNV_OFFSET };

function mixU32(hash: number, x: number): number {
  let h = hash;
  for (let i = 0; i < 4; i++) {
    h ^= (x >>> (i * 8)) & 0xff;
    h = Math.imul(h, FNV_PRIME) >>> 0;
  }
  return h;
}

export function applyEntry(state: MachineState, e: Entry): MachineState {
  let h = mixU32(state.hash, e.index);
  h = mixU32(h, e.term);
  h = mixU32(h, TYPE_CODE[e.type]);
  for (const b of e.data) h = Math.imul(h ^ b, FNV_PRIME) >>> 0;
  return { index: e.index, hash: h };
}

export function encodeState(state: MachineState): Uint8Array {
  const out = new Uint8Array(12);
  const view = new DataView(out.buffer);
  view.setFloat64(0, state.index);
  view.setUint32(8, state.hash);
  return out;
}

/** The state a snapshot holds; the bootstrap snapshot (empty data) is the initial state. */
export function decodeState(snapshot: Snapshot): MachineState {
  if (snapshot.data.length === 0) return INITIAL_STATE;
  const view = new DataView(snapshot.data.buffer, snapshot.data.byteOffset, snapshot.data.byteLength);
  return { index: view.getFloat64(0), hash: view.getUint32(8) };
}
