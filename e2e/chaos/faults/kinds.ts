/**
 * The fault kinds a chaos run (e2e/chaos/run.ts) rotates through, and what
 * each does, for the command line's help, the report and the README.
 */
export const FAULT_KINDS = [
  "kill-leader",
  "kill-follower",
  "kill-metadata-leader",
  "pause",
  "partition",
  "slow-disk",
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const FAULT_DESCRIPTIONS: Readonly<Record<FaultKind, string>> = {
  "kill-leader": "kill -9 a broker that leads partitions of the topic; restart it on its data after the hold",
  "kill-follower":
    "kill -9 a broker that hosts replicas of the topic but leads none (of the followers, one leading the fewest if each leads some); restart it on its data after the hold",
  "kill-metadata-leader": "kill -9 the metadata quorum's leader; restart it on its data after the hold",
  pause: "SIGSTOP a broker that leads partitions of the topic; SIGCONT after the hold",
  partition:
    "cut a broker that leads partitions of the topic off from the other brokers, the metadata quorum and the clients (every packet dropped, both ways); restore after the hold",
  "slow-disk":
    "delay every write and fsync of files by a broker that leads partitions of the topic (the slow-disk shim); back to normal after the hold",
};
