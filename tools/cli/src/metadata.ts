/**
 * `runnel metadata status` and `runnel metadata dump`: operator views of the
 * metadata quorum, read from each voter's QuorumAdminService.
 */
import { toJson } from "@bufbuild/protobuf";
import {
  createClient,
  grpcTransport,
  QuorumAdminService,
  RaftRole,
  type StatusResponse,
  StatusResponseSchema,
} from "@runnel/rpc";
import { renderTable } from "./table.js";

export interface VoterAddress {
  readonly id: number;
  readonly address: string;
}

/** The local fleet's voters, used when neither `--voters` nor RUNNEL_METADATA_VOTERS is given. */
export const LOCAL_VOTERS = "1@127.0.0.1:9301,2@127.0.0.1:9302,3@127.0.0.1:9303";

/** Parses `id@host:port,...`. */
export function parseVoters(text: string): VoterAddress[] {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map((s) => {
      const m = /^(\d+)@(.+:\d+)$/.exec(s);
      if (m === null) throw new Error(`bad voter "${s}": expected id@host:port`);
      return { id: Number(m[1]), address: m[2] as string };
    });
}

export type VoterStatus =
  | { readonly voter: VoterAddress; readonly ok: true; readonly status: StatusResponse }
  | { readonly voter: VoterAddress; readonly ok: false; readonly error: string };

export async function fetchStatuses(
  voters: readonly VoterAddress[],
  timeoutMs: number,
): Promise<VoterStatus[]> {
  return Promise.all(
    voters.map(async (voter): Promise<VoterStatus> => {
      const transport = grpcTransport(voter.address);
      try {
        const client = createClient(QuorumAdminService, transport);
        const status = await client.status({}, { timeoutMs });
        return { voter, ok: true, status };
      } catch (e) {
        return { voter, ok: false, error: (e instanceof Error ? e.message : String(e)).split(". ")[0] ?? "" };
      } finally {
        transport.close();
      }
    }),
  );
}

const ROLE_NAMES: Record<number, string> = {
  [RaftRole.FOLLOWER]: "follower",
  [RaftRole.PRE_CANDIDATE]: "pre-candidate",
  [RaftRole.CANDIDATE]: "candidate",
  [RaftRole.LEADER]: "leader",
};

/** One row per voter; lag comes from the leader's view when a reachable voter leads. */
export function statusRows(statuses: readonly VoterStatus[]): string[][] {
  const leader = statuses.find((s) => s.ok && s.status.role === RaftRole.LEADER);
  const progress = new Map(
    leader?.ok === true ? leader.status.progress.map((p) => [p.voterId, p] as const) : [],
  );
  return statuses.map((s) => {
    if (!s.ok) return [String(s.voter.id), s.voter.address, "unreachable", "", "", "", "", "", s.error];
    const st = s.status;
    const p = progress.get(st.nodeId);
    return [
      String(st.nodeId),
      s.voter.address,
      ROLE_NAMES[st.role] ?? "unknown",
      String(st.term),
      st.leaderId === 0 ? "none" : String(st.leaderId),
      String(st.commitIndex),
      String(st.appliedIndex),
      String(st.lastIndex),
      p === undefined ? "" : String(p.lag),
    ];
  });
}

export const STATUS_HEADER = [
  "VOTER",
  "ADDRESS",
  "ROLE",
  "TERM",
  "LEADER",
  "COMMIT",
  "APPLIED",
  "LAST",
  "LAG",
];

export function renderStatus(statuses: readonly VoterStatus[], output: "table" | "json"): string {
  if (output === "json") {
    return JSON.stringify(
      statuses.map((s) =>
        s.ok
          ? { voter: s.voter, status: toJson(StatusResponseSchema, s.status) }
          : { voter: s.voter, error: s.error },
      ),
      null,
      2,
    );
  }
  return renderTable(STATUS_HEADER, statusRows(statuses));
}

export async function dumpImage(
  voters: readonly VoterAddress[],
  timeoutMs: number,
): Promise<{ voter: VoterAddress; json: string; appliedOffset: bigint }> {
  // Prefer the leader's image; any voter's applied image is a committed prefix.
  const statuses = await fetchStatuses(voters, timeoutMs);
  const leader = statuses.find((s) => s.ok && s.status.role === RaftRole.LEADER);
  const order = [leader, ...statuses.filter((s) => s !== leader)].filter(
    (s): s is VoterStatus & { ok: true } => s?.ok === true,
  );
  for (const s of order) {
    const transport = grpcTransport(s.voter.address);
    try {
      const dump = await createClient(QuorumAdminService, transport).dumpImage({}, { timeoutMs });
      return { voter: s.voter, json: dump.json, appliedOffset: dump.appliedOffset };
    } catch {
      // Try the next voter.
    } finally {
      transport.close();
    }
  }
  throw new Error(`no voter answered (${voters.map((v) => `${v.id}@${v.address}`).join(", ")})`);
}
