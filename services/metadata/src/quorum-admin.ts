/**
 * QuorumAdminService: each voter's view of the quorum (`runnel metadata
 * status`) and its applied image (`runnel metadata dump`).
 */

import type { NodeId, Role } from "@runnel/raft";
import { type QuorumAdminService, RaftRole, type ServiceImpl } from "@runnel/rpc";
import { encodeDelimited, imageToJson, imageToRecords } from "./controller/index.js";
import type { RaftDriver } from "./raft/driver.js";
import type { MetadataStateMachine } from "./state-machine.js";

const ROLES: Record<Role, RaftRole> = {
  follower: RaftRole.FOLLOWER,
  "pre-candidate": RaftRole.PRE_CANDIDATE,
  candidate: RaftRole.CANDIDATE,
  leader: RaftRole.LEADER,
};

export function quorumAdminImpl(o: {
  readonly driver: RaftDriver;
  readonly stateMachine: MetadataStateMachine;
  readonly voterAddresses: ReadonlyMap<NodeId, string>;
}): ServiceImpl<typeof QuorumAdminService> {
  return {
    status: () => {
      const s = o.driver.status();
      const progress = o.driver.progress();
      return {
        nodeId: s.id,
        role: ROLES[s.role],
        term: s.term,
        leaderId: s.leaderId,
        leaderAddress: o.voterAddresses.get(s.leaderId) ?? "",
        commitIndex: BigInt(s.commit),
        appliedIndex: BigInt(s.applied),
        lastIndex: BigInt(s.lastIndex),
        snapshotIndex: BigInt(s.snapshotIndex),
        voters: [...s.voters],
        progress:
          progress === undefined
            ? []
            : s.voters.map((voterId) => {
                // The leader holds its own log in full.
                const match = voterId === s.id ? s.lastIndex : (progress.get(voterId)?.match ?? 0);
                return {
                  voterId,
                  matchIndex: BigInt(match),
                  lag: BigInt(Math.max(0, s.lastIndex - match)),
                  lastContactMs: BigInt(voterId === s.id ? 0 : o.driver.lastContactMs(voterId)),
                };
              }),
      };
    },
    dumpImage: () => {
      const image = o.stateMachine.image;
      return {
        nodeId: o.driver.status().id,
        appliedOffset: image.lastOffset,
        records: encodeDelimited(imageToRecords(image)),
        json: JSON.stringify(imageToJson(image), null, 2),
      };
    },
  };
}
