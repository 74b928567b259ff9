/**
 * Raft messages over gRPC (`runnel.v1.RaftService`). Outgoing requests go
 * through one sender per peer, which bounds the calls in flight and turns each
 * call's answer back into a message for the core. Incoming requests are served
 * by the driver, which answers only once the answer is durable.
 */

import { crc32c } from "@node-rs/crc32";
import type { Message, NodeId, Snapshot } from "@runnel/raft";
import { Code, createClient, RaftService, RpcError, type ServiceImpl, type Transport } from "@runnel/rpc";
import type { Logger } from "@runnel/runtime";
import {
  fromAppendRequest,
  fromAppendResponse,
  fromTimeoutNow,
  fromVoteRequest,
  fromVoteResponse,
  toAppendRequest,
  toAppendResponse,
  toTimeoutNow,
  toVoteRequest,
  toVoteResponse,
} from "./codec.js";
import type { MessageSink, RaftDriver } from "./driver.js";

/** Bytes of snapshot data per InstallSnapshot call (well under gRPC's 4 MiB message cap). */
export const SNAPSHOT_CHUNK_BYTES = 1024 * 1024;
/** Calls one peer may have in flight; more messages wait, and past the queue cap the oldest are dropped (Raft resends). */
const IN_FLIGHT_MAX = 8;
const QUEUE_MAX = 256;

type RaftClient = ReturnType<typeof createClient<typeof RaftService>>;

export interface PeerTransportOptions {
  readonly selfId: NodeId;
  readonly clusterId: string;
  readonly peers: ReadonlyMap<NodeId, Transport>;
  readonly driver: RaftDriver;
  readonly logger: Logger;
  /** Deadline of one call. */
  readonly callTimeoutMs: number;
}

/** Sends the core's messages to peers, one bounded queue per peer. */
export class PeerSenders implements MessageSink {
  private readonly senders = new Map<NodeId, PeerSender>();

  constructor(private readonly options: PeerTransportOptions) {
    for (const [id, transport] of options.peers) {
      this.senders.set(id, new PeerSender(id, createClient(RaftService, transport), options));
    }
  }

  send(message: Message): void {
    const sender = this.senders.get(message.to);
    if (sender === undefined) {
      this.options.logger.warn({ to: message.to, type: message.type }, "message to an unknown voter dropped");
      return;
    }
    sender.enqueue(message);
  }
}

class PeerSender {
  private inFlight = 0;
  private readonly queue: Message[] = [];
  private failures = 0;

  constructor(
    private readonly id: NodeId,
    private readonly client: RaftClient,
    private readonly options: PeerTransportOptions,
  ) {}

  enqueue(m: Message): void {
    if (this.queue.length >= QUEUE_MAX) this.queue.shift();
    this.queue.push(m);
    this.drain();
  }

  private drain(): void {
    while (this.inFlight < IN_FLIGHT_MAX && this.queue.length > 0) {
      const m = this.queue.shift() as Message;
      this.inFlight++;
      this.call(m)
        .then(
          () => {
            this.failures = 0;
          },
          (e: unknown) => {
            // Raft resends on its own: a failed call is just a lost message.
            if (this.failures++ % 50 === 0) {
              this.options.logger.debug(
                { peer: this.id, type: m.type, error: String(e) },
                "raft call failed",
              );
            }
          },
        )
        .finally(() => {
          this.inFlight--;
          this.drain();
        });
    }
  }

  private async call(m: Message): Promise<void> {
    const { clusterId, driver, selfId, callTimeoutMs } = this.options;
    const opts = { timeoutMs: callTimeoutMs };
    switch (m.type) {
      case "vote": {
        const r = await this.client.vote(toVoteRequest(clusterId, m), opts);
        await driver.receive(fromVoteResponse(r, selfId));
        return;
      }
      case "append": {
        const r = await this.client.appendEntries(toAppendRequest(clusterId, m), opts);
        await driver.receive(fromAppendResponse(r, selfId));
        return;
      }
      case "timeout-now":
        await this.client.timeoutNow(toTimeoutNow(clusterId, m), opts);
        return;
      case "snapshot":
        await this.sendSnapshot(m.snapshot, m.term, opts);
        return;
      default:
        // Responses are returned by the serving side, never sent as calls.
        this.options.logger.warn({ type: m.type, to: m.to }, "unexpected message type to send");
    }
  }

  private async sendSnapshot(s: Snapshot, term: number, opts: { timeoutMs: number }): Promise<void> {
    const { clusterId, driver, selfId } = this.options;
    const crc = crc32c(Buffer.from(s.data.buffer, s.data.byteOffset, s.data.byteLength));
    let offset = 0;
    for (;;) {
      const end = Math.min(offset + SNAPSHOT_CHUNK_BYTES, s.data.byteLength);
      const done = end === s.data.byteLength;
      const r = await this.client.installSnapshot(
        {
          clusterId,
          leaderId: selfId,
          toId: this.id,
          term,
          lastIncludedIndex: BigInt(s.index),
          lastIncludedTerm: s.term,
          offset: BigInt(offset),
          data: s.data.subarray(offset, end),
          done,
          crc32c: done ? crc : 0,
          voters: done ? [...s.voters] : [],
        },
        opts,
      );
      if (r.term > term) {
        // The follower knows a newer term: let the core learn it and step down.
        await driver.receive({
          type: "snapshot-response",
          from: this.id,
          to: selfId,
          term: r.term,
          installed: false,
          matchIndex: 0,
        });
        return;
      }
      if (done) {
        await driver.receive({
          type: "snapshot-response",
          from: this.id,
          to: selfId,
          term: r.term,
          installed: r.installed,
          matchIndex: Number(r.matchIndex),
        });
        return;
      }
      // Continue from what the follower holds (normally `end`).
      offset = Number(r.bytesReceived);
      if (offset <= 0 || offset > s.data.byteLength) offset = 0;
    }
  }
}

interface PartialSnapshot {
  readonly leaderId: NodeId;
  readonly term: number;
  readonly index: number;
  readonly chunks: Uint8Array[];
  received: number;
}

/** The RaftService handlers of one voter. */
export function raftServiceImpl(options: {
  readonly selfId: NodeId;
  readonly clusterId: string;
  readonly driver: RaftDriver;
  /** Largest snapshot a follower accepts, in bytes. */
  readonly snapshotBytesMax: number;
}): ServiceImpl<typeof RaftService> {
  const { selfId, clusterId, driver } = options;
  let partial: PartialSnapshot | null = null;

  const check = (cluster: string, to: number): void => {
    if (cluster !== clusterId || to !== selfId) {
      throw new RpcError(
        Code.FailedPrecondition,
        `message for cluster "${cluster}" node ${to} reached cluster "${clusterId}" node ${selfId}`,
      );
    }
  };
  const noAnswer = (): never => {
    throw new RpcError(Code.Aborted, "the message was ignored");
  };

  return {
    async vote(req) {
      check(req.clusterId, req.toId);
      const answer = await driver.serve(fromVoteRequest(req));
      return answer?.type === "vote-response" ? toVoteResponse(answer) : noAnswer();
    },
    async appendEntries(req) {
      check(req.clusterId, req.toId);
      const m = fromAppendRequest(req);
      if (typeof m === "string") throw new RpcError(Code.InvalidArgument, m);
      const answer = await driver.serve(m);
      return answer?.type === "append-response" ? toAppendResponse(answer) : noAnswer();
    },
    async timeoutNow(req) {
      check(req.clusterId, req.toId);
      await driver.receive(fromTimeoutNow(req));
      return { followerId: selfId, term: driver.status().term };
    },
    async installSnapshot(req) {
      check(req.clusterId, req.toId);
      const index = Number(req.lastIncludedIndex);
      const offset = Number(req.offset);
      if (
        offset === 0 ||
        partial === null ||
        partial.leaderId !== req.leaderId ||
        partial.term !== req.term ||
        partial.index !== index
      ) {
        partial = { leaderId: req.leaderId, term: req.term, index, chunks: [], received: 0 };
      }
      const p = partial;
      if (offset !== p.received) {
        // Out of order: tell the leader where to continue.
        return { followerId: selfId, term: driver.status().term, bytesReceived: BigInt(p.received) };
      }
      if (p.received + req.data.byteLength > options.snapshotBytesMax) {
        partial = null;
        throw new RpcError(Code.ResourceExhausted, `snapshot exceeds ${options.snapshotBytesMax} bytes`);
      }
      p.chunks.push(req.data.slice());
      p.received += req.data.byteLength;
      if (!req.done)
        return { followerId: selfId, term: driver.status().term, bytesReceived: BigInt(p.received) };
      partial = null;
      const data = Buffer.concat(p.chunks, p.received);
      if (crc32c(data) !== req.crc32c) {
        throw new RpcError(Code.DataLoss, "snapshot checksum mismatch; resend from offset 0");
      }
      const answer = await driver.serve({
        type: "snapshot",
        from: req.leaderId,
        to: selfId,
        term: req.term,
        snapshot: { index, term: req.lastIncludedTerm, voters: [...req.voters], data: new Uint8Array(data) },
      });
      if (answer?.type !== "snapshot-response") return noAnswer();
      return {
        followerId: selfId,
        term: answer.term,
        bytesReceived: BigInt(p.received),
        installed: answer.installed,
        matchIndex: BigInt(answer.matchIndex),
      };
    },
  };
}
