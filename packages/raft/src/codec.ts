import type { NodeId, PersistedState } from "./types.js";

/**
 * Payloads of the entries Raft writes itself. Both are arrays of unsigned 32-bit big-endian ids,
 * so the shell can map them onto `ConfigChangeEntry` and `LeaderChangeEntry` without knowing more.
 */

/** A `config` entry's data: the whole new voter set (not a delta), sorted. */
export function encodeConfig(voters: readonly NodeId[]): Uint8Array {
  return encodeIds([...voters].sort((a, b) => a - b));
}

export function decodeConfig(data: Uint8Array): NodeId[] {
  return decodeIds(data);
}

/** A `leader-change` entry's data: the new leader, then the voters it led when it was elected. */
export function encodeLeaderChange(leaderId: NodeId, voters: readonly NodeId[]): Uint8Array {
  return encodeIds([leaderId, ...[...voters].sort((a, b) => a - b)]);
}

export function decodeLeaderChange(data: Uint8Array): { leaderId: NodeId; voters: NodeId[] } {
  const ids = decodeIds(data);
  const [leaderId, ...voters] = ids;
  if (leaderId === undefined) throw new Error("leader-change entry without a leader id");
  return { leaderId, voters };
}

/**
 * What a fresh node persists before its first start. A founding member of a cluster passes the
 * initial voters: its log starts with the same committed config entry (index 1, term 0) on every
 * founder, so the initial voter set is part of the log that later members receive. A node that
 * will join an existing cluster passes no voters: it starts with an empty log, is no voter, and
 * learns everything (that first entry included) from the leader.
 */
export function bootstrapState(voters: readonly NodeId[]): PersistedState {
  const empty = { index: 0, term: 0, voters: [], data: new Uint8Array(0) };
  if (voters.length === 0)
    return { hardState: { term: 0, votedFor: 0, commit: 0 }, snapshot: empty, entries: [] };
  return {
    hardState: { term: 0, votedFor: 0, commit: 1 },
    snapshot: empty,
    entries: [{ index: 1, term: 0, type: "config", data: encodeConfig(voters) }],
  };
}

export function assertNodeId(id: number): void {
  if (!Number.isInteger(id) || id <= 0 || id > 0x7fff_ffff) {
    throw new RangeError(`node ids are integers in [1, 2^31), got ${id}`);
  }
}

function encodeIds(ids: readonly number[]): Uint8Array {
  const out = new Uint8Array(ids.length * 4);
  const view = new DataView(out.buffer);
  ids.forEach((id, i) => {
    assertNodeId(id);
    view.setUint32(i * 4, id);
  });
  return out;
}

function decodeIds(data: Uint8Array): number[] {
  if (data.length % 4 !== 0) throw new Error(`id list of ${data.length} bytes is not a multiple of 4`);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const ids: number[] = [];
  for (let i = 0; i < data.length; i += 4) ids.push(view.getUint32(i));
  return ids;
}
