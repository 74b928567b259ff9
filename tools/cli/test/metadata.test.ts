import * as grpc from "@grpc/grpc-js";
import { QuorumAdminService, RaftRole, serve } from "@runnel/rpc";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchStatuses, parseVoters, renderStatus, statusRows } from "../src/metadata.js";
import { renderTable } from "../src/table.js";

/** Two fake voters on loopback: 1 leads with progress for both, 2 follows. */
const servers: grpc.Server[] = [];
const addresses: string[] = [];

async function start(nodeId: number, role: RaftRole): Promise<void> {
  const server = new grpc.Server();
  serve(server, QuorumAdminService, {
    status: () => ({
      nodeId,
      role,
      term: 4,
      leaderId: 1,
      commitIndex: 120n,
      appliedIndex: nodeId === 1 ? 120n : 118n,
      lastIndex: nodeId === 1 ? 121n : 119n,
      voters: [1, 2, 3],
      progress:
        role === RaftRole.LEADER
          ? [
              { voterId: 1, matchIndex: 121n, lag: 0n, lastContactMs: 0n },
              { voterId: 2, matchIndex: 119n, lag: 2n, lastContactMs: 12n },
              { voterId: 3, matchIndex: 0n, lag: 121n, lastContactMs: -1n },
            ]
          : [],
    }),
    dumpImage: () => ({ nodeId, appliedOffset: 120n, json: '{"brokers":[]}' }),
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) =>
      e ? reject(e) : resolve(p),
    ),
  );
  servers.push(server);
  addresses.push(`127.0.0.1:${port}`);
}

beforeAll(async () => {
  await start(1, RaftRole.LEADER);
  await start(2, RaftRole.FOLLOWER);
});
afterAll(() => {
  for (const s of servers) s.forceShutdown();
});

describe("runnel metadata status", () => {
  it("parses voter lists and refuses malformed ones", () => {
    expect(parseVoters("1@a:1, 2@b:2")).toEqual([
      { id: 1, address: "a:1" },
      { id: 2, address: "b:2" },
    ]);
    expect(() => parseVoters("1@nohostport")).toThrow(/id@host:port/);
  });

  it("shows each voter's role, term, leader, commit index and the leader's view of its lag", async () => {
    const voters = parseVoters(`1@${addresses[0]},2@${addresses[1]},3@127.0.0.1:1`);
    const statuses = await fetchStatuses(voters, 2000);
    const rows = statusRows(statuses);
    expect(rows[0]).toEqual(["1", addresses[0], "leader", "4", "1", "120", "120", "121", "0"]);
    expect(rows[1]).toEqual(["2", addresses[1], "follower", "4", "1", "120", "118", "119", "2"]);
    expect(rows[2]?.slice(0, 3)).toEqual(["3", "127.0.0.1:1", "unreachable"]);
    const table = renderStatus(statuses, "table");
    expect(table.split("\n")[0]).toMatch(
      /^VOTER\s+ADDRESS\s+ROLE\s+TERM\s+LEADER\s+COMMIT\s+APPLIED\s+LAST\s+LAG$/,
    );
    const json = JSON.parse(renderStatus(statuses, "json")) as { status?: { commitIndex?: string } }[];
    expect(json[0]?.status?.commitIndex).toBe("120");
  });
});

describe("renderTable", () => {
  it("aligns columns", () => {
    expect(renderTable(["A", "BB"], [["xxx", "y"]])).toBe("A    BB\nxxx  y");
  });
});
