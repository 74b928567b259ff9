import { create, type MessageInitShape } from "@bufbuild/protobuf";
import * as grpc from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BrokerRegistrationResponse,
  BrokerRegistrationResponseSchema,
  Code,
  ControllerService,
  createClient,
  detail,
  grpcTransport,
  type HandlerContext,
  InProcessServer,
  inProcessTransport,
  type MetadataRecordSchema,
  NotLeaderSchema,
  notLeaderError,
  notLeaderOf,
  RaftService,
  ReplicationService,
  RpcError,
  type ServiceImpl,
  serve,
  type Transport,
  type WatchEvent,
  type WatchEventSchema,
  WatchRequestSchema,
} from "../src/index.js";

/** A promise with its resolver exposed, to sequence the test and the handler without timers. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** Resolves when the signal fires (immediately if it already has). */
function aborted(signal: AbortSignal): Promise<unknown> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve(signal.reason);
    } else {
      signal.addEventListener("abort", () => resolve(signal.reason), { once: true });
    }
  });
}

async function rejection(promise: Promise<unknown>): Promise<RpcError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(RpcError);
    return error as RpcError;
  }
  throw new Error("expected the call to fail");
}

async function streamRejection(stream: AsyncIterable<unknown>, seen: unknown[] = []): Promise<RpcError> {
  return rejection(
    (async () => {
      for await (const item of stream) {
        seen.push(item);
      }
    })(),
  );
}

/**
 * A controller whose behaviour each test steers through request fields. It records what
 * handlers observed so tests can assert server-side effects (cancellation, metadata).
 */
class FakeController {
  lastContext: HandlerContext | undefined;
  handlerStarted = deferred<HandlerContext>();
  handlerAborted = deferred<unknown>();
  streamClosed = deferred();
  readonly stored = create(BrokerRegistrationResponseSchema, { brokerEpoch: 42n });

  reset(): void {
    this.lastContext = undefined;
    this.handlerStarted = deferred<HandlerContext>();
    this.handlerAborted = deferred<unknown>();
    this.streamClosed = deferred();
  }

  /** Waits for the caller to go away, records that, then fails. */
  private async park(context: HandlerContext): Promise<never> {
    this.handlerStarted.resolve(context);
    this.handlerAborted.resolve(await aborted(context.signal));
    throw new RpcError(Code.Aborted, "gave up");
  }

  impl(): ServiceImpl<typeof ControllerService> {
    return {
      brokerRegistration: async (request, context) => {
        this.lastContext = context;
        switch (request.clusterId) {
          case "not-leader":
            throw notLeaderError(
              { leaderId: 2, leaderAddress: "10.1.2.3:9093", leaderEpoch: 7 },
              "node 1 is a follower",
            );
          case "boom":
            throw new Error("disk on fire");
          case "park":
            return this.park(context);
          case "stored":
            return this.stored;
          default:
            if (request.brokerId < 0) {
              throw new RpcError(Code.InvalidArgument, "broker id must be non-negative");
            }
            return {
              brokerEpoch: BigInt(request.brokerId) * 1000n + BigInt(request.incarnationId.length),
            };
        }
      },
      brokerHeartbeat: async (request, context) => {
        if (request.wantsShutdown) {
          return this.park(context);
        }
        return {
          isCaughtUp: request.metadataOffset >= 10n,
          isFenced: request.wantsFence,
          shouldShutdown: false,
        };
      },
      watch: (request, context) => this.watch(request.fromOffset, request.watcher, context),
    };
  }

  private async *watch(
    fromOffset: bigint,
    mode: string,
    context: HandlerContext,
  ): AsyncGenerator<MessageInitShape<typeof WatchEventSchema>> {
    this.lastContext = context;
    try {
      const topic = (name: string): MessageInitShape<typeof MetadataRecordSchema> => ({
        record: { case: "topic" as const, value: { name, topicId: new Uint8Array(16).fill(name.length) } },
      });
      yield {
        event: { case: "snapshot", value: { endOffset: fromOffset, epoch: 3, records: [topic("a")] } },
      };
      yield {
        event: {
          case: "snapshot",
          value: { endOffset: fromOffset, epoch: 3, records: [topic("bb")], last: true },
        },
      };
      if (mode === "fail") {
        throw new RpcError(Code.OutOfRange, "log truncated", {
          details: [detail(WatchRequestSchema, { fromOffset: 5n, watcher: "hint" })],
        });
      }
      if (mode === "forever") {
        this.handlerStarted.resolve(context);
        this.handlerAborted.resolve(await aborted(context.signal));
        return;
      }
      for (let i = 0n; i < 3n; i++) {
        yield {
          event: { case: "deltas", value: { offset: fromOffset + i, epoch: 4, records: [topic(`d${i}`)] } },
        };
      }
    } finally {
      this.streamClosed.resolve();
    }
  }
}

interface Harness {
  transport: Transport;
  /** A transport to a server that hosts no Raft service and an empty replication service. */
  close(): Promise<void>;
}

async function grpcHarness(controller: FakeController): Promise<Harness> {
  const server = new grpc.Server();
  serve(server, ControllerService, controller.impl());
  serve(server, ReplicationService, {});
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    );
  });
  const transport = grpcTransport(`127.0.0.1:${port}`);
  return {
    transport,
    close: async () => {
      transport.close();
      server.forceShutdown();
    },
  };
}

async function inProcessHarness(controller: FakeController): Promise<Harness> {
  const server = new InProcessServer();
  serve(server, ControllerService, controller.impl());
  serve(server, ReplicationService, {});
  const transport = inProcessTransport(server);
  return { transport, close: async () => transport.close() };
}

describe.each([
  ["grpc-js over 127.0.0.1", grpcHarness],
  ["in-process", inProcessHarness],
])("transport: %s", (_name, makeHarness) => {
  const controller = new FakeController();
  let harness: Harness;
  let client: ReturnType<typeof createClient<typeof ControllerService>>;

  beforeAll(async () => {
    harness = await makeHarness(controller);
    client = createClient(ControllerService, harness.transport);
  });
  afterAll(async () => {
    await harness.close();
  });

  it("round-trips a unary call with int64, bytes and metadata", async () => {
    controller.reset();
    const response = await client.brokerRegistration(
      { brokerId: 3, clusterId: "c1", incarnationId: new Uint8Array(16), zone: "z1" },
      { metadata: { "X-Request-Id": "req-1" } },
    );
    expect(response.$typeName).toBe("runnel.v1.BrokerRegistrationResponse");
    expect(response.brokerEpoch).toBe(3016n);
    expect(controller.lastContext?.metadata["x-request-id"]).toBe("req-1");
    expect(controller.lastContext?.method.name).toBe("BrokerRegistration");
    expect(controller.lastContext?.signal.aborted).toBe(false);

    const heartbeat = await client.brokerHeartbeat({ brokerId: 3, metadataOffset: 12n, wantsFence: true });
    expect(heartbeat).toMatchObject({ isCaughtUp: true, isFenced: true, shouldShutdown: false });
  });

  it("hands the caller a copy, never the server's object", async () => {
    controller.reset();
    const first: BrokerRegistrationResponse = await client.brokerRegistration({ clusterId: "stored" });
    expect(first).not.toBe(controller.stored);
    first.brokerEpoch = -1n;
    const second = await client.brokerRegistration({ clusterId: "stored" });
    expect(second.brokerEpoch).toBe(42n);
    expect(controller.stored.brokerEpoch).toBe(42n);
  });

  it("streams a snapshot then deltas, in order, and ends", async () => {
    controller.reset();
    const events: WatchEvent[] = [];
    for await (const event of client.watch({ fromOffset: 100n, watcher: "finite" })) {
      events.push(event);
    }
    expect(events.map((e) => e.event.case)).toEqual(["snapshot", "snapshot", "deltas", "deltas", "deltas"]);
    const [first, second, third] = events;
    expect(first?.event.case === "snapshot" && first.event.value.last).toBe(false);
    expect(second?.event.case === "snapshot" && second.event.value.last).toBe(true);
    const record = third?.event.case === "deltas" ? third.event.value.records[0]?.record : undefined;
    expect(record?.case).toBe("topic");
    expect(record?.case === "topic" && record.value.name).toBe("d0");
    const id = second?.event.case === "snapshot" ? second.event.value.records[0]?.record : undefined;
    expect(id?.case === "topic" && id.value.topicId).toEqual(new Uint8Array(16).fill(2));
    expect(events.map((e) => (e.event.case === "deltas" ? e.event.value.offset : undefined))).toEqual([
      undefined,
      undefined,
      100n,
      101n,
      102n,
    ]);
    await controller.streamClosed.promise;
  });

  it("fails with the handler's code, message and NotLeader detail", async () => {
    controller.reset();
    const error = await rejection(client.brokerRegistration({ clusterId: "not-leader" }));
    expect(error.code).toBe(Code.Unavailable);
    expect(error.rawMessage).toBe("node 1 is a follower");
    const leader = notLeaderOf(error);
    expect(leader).toBeDefined();
    expect(leader?.leaderId).toBe(2);
    expect(leader?.leaderAddress).toBe("10.1.2.3:9093");
    expect(leader?.leaderEpoch).toBe(7);
    expect(error.findDetail(NotLeaderSchema)?.leaderAddress).toBe("10.1.2.3:9093");
    expect(error.findDetail(WatchRequestSchema)).toBeUndefined();
  });

  it("maps a plain RpcError and an unexpected exception", async () => {
    const invalid = await rejection(client.brokerRegistration({ brokerId: -1 }));
    expect(invalid.code).toBe(Code.InvalidArgument);
    expect(invalid.rawMessage).toBe("broker id must be non-negative");
    expect(invalid.details).toEqual([]);

    const unknown = await rejection(client.brokerRegistration({ clusterId: "boom" }));
    expect(unknown.code).toBe(Code.Unknown);
    expect(unknown.rawMessage).toBe("disk on fire");
  });

  it("delivers messages sent before a stream fails, then the error with details", async () => {
    controller.reset();
    const seen: WatchEvent[] = [];
    const error = await streamRejection(client.watch({ fromOffset: 1n, watcher: "fail" }), seen);
    expect(seen).toHaveLength(2);
    expect(error.code).toBe(Code.OutOfRange);
    expect(error.rawMessage).toBe("log truncated");
    expect(error.findDetail(WatchRequestSchema)).toMatchObject({ fromOffset: 5n, watcher: "hint" });
  });

  it("cancels a unary call through its AbortSignal; the handler sees its signal fire", async () => {
    controller.reset();
    const abort = new AbortController();
    const call = client.brokerRegistration({ clusterId: "park" }, { signal: abort.signal });
    const context = await controller.handlerStarted.promise;
    expect(context.signal.aborted).toBe(false);
    abort.abort();
    const error = await rejection(call);
    expect(error.code).toBe(Code.Cancelled);
    await controller.handlerAborted.promise;
    expect(context.signal.aborted).toBe(true);
  });

  it("refuses to start a call whose signal is already aborted", async () => {
    controller.reset();
    const error = await rejection(
      client.brokerRegistration({ brokerId: 1 }, { signal: AbortSignal.abort() }),
    );
    expect(error.code).toBe(Code.Cancelled);
    expect(controller.lastContext).toBeUndefined();
  });

  it("cancels a stream when the caller leaves the loop; the handler's generator is closed", async () => {
    controller.reset();
    const received: WatchEvent[] = [];
    for await (const event of client.watch({ fromOffset: 7n, watcher: "forever" })) {
      received.push(event);
      if (received.length === 2) {
        break;
      }
    }
    expect(received).toHaveLength(2);
    // The network may have run the handler ahead into its wait; in-process it is still
    // suspended after its second message. Either way its generator is closed and its
    // signal has fired.
    await controller.streamClosed.promise;
    expect(controller.lastContext?.signal.aborted).toBe(true);
  });

  it("cancels a stream through its AbortSignal while the caller waits", async () => {
    controller.reset();
    const abort = new AbortController();
    const stream = client.watch({ watcher: "forever" }, { signal: abort.signal })[Symbol.asyncIterator]();
    expect((await stream.next()).done).toBe(false);
    expect((await stream.next()).done).toBe(false);
    const waiting = stream.next();
    const context = await controller.handlerStarted.promise;
    abort.abort();
    const error = await rejection(waiting);
    expect(error.code).toBe(Code.Cancelled);
    await controller.handlerAborted.promise;
    expect(context.signal.aborted).toBe(true);
    await controller.streamClosed.promise;
  });

  it("fails with DeadlineExceeded when the deadline passes; the handler sees its signal fire", async () => {
    controller.reset();
    const call = client.brokerHeartbeat({ brokerId: 1, wantsShutdown: true }, { timeoutMs: 50 });
    const context = await controller.handlerStarted.promise;
    expect(context.deadline).toBeTypeOf("number");
    const error = await rejection(call);
    expect(error.code).toBe(Code.DeadlineExceeded);
    await controller.handlerAborted.promise;
    expect(context.signal.aborted).toBe(true);
  });

  it("answers Unimplemented for a method without a handler and for a service not served", async () => {
    const replication = createClient(ReplicationService, harness.transport);
    const missing = await rejection(replication.replicaFetch({ replicaId: 1 }));
    expect(missing.code).toBe(Code.Unimplemented);

    const raft = createClient(RaftService, harness.transport);
    const absent = await rejection(raft.vote({ candidateId: 1, term: 2, preVote: true }));
    expect(absent.code).toBe(Code.Unimplemented);
  });

  it("rejects metadata keys reserved by gRPC", async () => {
    const error = await rejection(client.brokerRegistration({}, { metadata: { "grpc-timeout": "1S" } }));
    expect(error.code).toBe(Code.InvalidArgument);
  });
});

describe("in-process specifics", () => {
  it("serves a single service without a server object, and stops after close", async () => {
    const transport = inProcessTransport(ControllerService, {
      brokerHeartbeat: (request) => ({ isFenced: request.brokerId === 9 }),
    });
    const client = createClient(ControllerService, transport);
    expect((await client.brokerHeartbeat({ brokerId: 9 })).isFenced).toBe(true);
    transport.close();
    expect((await rejection(client.brokerHeartbeat({ brokerId: 9 }))).code).toBe(Code.Unavailable);
  });

  it("refuses to register a service twice", () => {
    const server = new InProcessServer();
    serve(server, RaftService, {});
    expect(() => serve(server, RaftService, {})).toThrow(/already registered/);
  });

  it("does not let the caller's later changes reach the handler", async () => {
    const started = deferred<string>();
    const release = deferred();
    const transport = inProcessTransport(ControllerService, {
      brokerRegistration: async (request) => {
        await release.promise;
        started.resolve(request.zone);
        return { brokerEpoch: 1n };
      },
    });
    const request = create(ControllerService.method.brokerRegistration.input, { zone: "z1" });
    const call = createClient(ControllerService, transport).brokerRegistration(request);
    request.zone = "changed";
    release.resolve();
    await call;
    expect(await started.promise).toBe("z1");
  });
});
