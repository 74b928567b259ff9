/**
 * The metadata follower against a scripted controller: it registers with its
 * own and its data directory's previous incarnation id, keeps trying while
 * the controller refuses the registration, and `whenUnfenced()` settles only
 * once a heartbeat comes back unfenced (or rejects when it stops first).
 */
import { create } from "@bufbuild/protobuf";
import {
  type BrokerRegistrationRequest,
  Code,
  ControllerService,
  EndpointSchema,
  InProcessServer,
  inProcessTransport,
  RpcError,
  serve,
} from "@runnel/rpc";
import { createLogger, SeededRandom, SystemClock } from "@runnel/runtime";
import { afterEach, describe, expect, it } from "vitest";
import { MetadataFollower } from "../src/metadata-follower.js";

const clock = new SystemClock();
const logger = createLogger({ service: "test", instanceId: "t", level: "silent", clock });

/**
 * Refuses the first `refuseRegistrations` registrations with DUPLICATE_BROKER_REGISTRATION's
 * status, and answers heartbeats fenced until `unfence()`.
 */
function controller(refuseRegistrations: number) {
  const registrations: BrokerRegistrationRequest[] = [];
  let heartbeats = 0;
  let fenced = true;
  const server = new InProcessServer();
  serve(server, ControllerService, {
    brokerRegistration: (req) => {
      registrations.push(req);
      if (registrations.length <= refuseRegistrations)
        throw new RpcError(Code.FailedPrecondition, "Another incarnation of broker 1 is registered");
      return { brokerEpoch: 7n };
    },
    brokerHeartbeat: () => {
      heartbeats++;
      return { isCaughtUp: true, isFenced: fenced };
    },
    // A quiet log: the stream stays open until the follower stops.
    watch: async function* (_req, ctx) {
      await new Promise<void>((resolve) => ctx.signal.addEventListener("abort", () => resolve()));
      yield* [];
    },
  });
  return {
    server,
    registrations,
    heartbeats: () => heartbeats,
    unfence: () => {
      fenced = false;
    },
  };
}

let follower: MetadataFollower | undefined;

afterEach(() => {
  follower?.stop();
  follower = undefined;
});

function start(server: InProcessServer, previousIncarnationId?: Uint8Array): MetadataFollower {
  follower = new MetadataFollower({
    brokerId: 1,
    clusterId: "c",
    zone: "a",
    cell: "",
    endpoints: [create(EndpointSchema, { name: "PLAINTEXT", host: "127.0.0.1", port: 9999 })],
    voters: ["v1"],
    transport: () => inProcessTransport(server),
    incarnationId: new Uint8Array(16).fill(2),
    previousIncarnationId,
    heartbeatIntervalMs: 5,
    clock,
    random: new SeededRandom(1),
    logger,
  });
  follower.start();
  return follower;
}

describe("MetadataFollower", () => {
  it("registers with the previous incarnation id and settles whenUnfenced at the first unfenced heartbeat", async () => {
    const c = controller(2);
    const f = start(c.server, new Uint8Array(16).fill(1));
    let unfenced = false;
    void f.whenUnfenced().then(() => {
      unfenced = true;
    });
    await expect.poll(() => c.heartbeats()).toBeGreaterThanOrEqual(3);
    expect(unfenced).toBe(false);
    expect(f.isFenced).toBe(true);
    c.unfence();
    await f.whenUnfenced();
    expect(f.isFenced).toBe(false);
    // Refused twice, accepted the third time; every attempt names both incarnations.
    expect(c.registrations).toHaveLength(3);
    for (const r of c.registrations) {
      expect(r.incarnationId).toEqual(new Uint8Array(16).fill(2));
      expect(r.previousIncarnationId).toEqual(new Uint8Array(16).fill(1));
    }
    expect(f.brokerEpoch).toBe(7n);
  });

  it("sends no previous incarnation id when none is known", async () => {
    const c = controller(0);
    c.unfence();
    await start(c.server).whenUnfenced();
    expect(c.registrations[0]?.previousIncarnationId).toEqual(new Uint8Array(0));
  });

  it("rejects whenUnfenced when it stops before the controller unfences it", async () => {
    const c = controller(0);
    const f = start(c.server);
    await expect.poll(() => c.heartbeats()).toBeGreaterThanOrEqual(1);
    f.stop();
    await expect(f.whenUnfenced()).rejects.toThrow(/stopped before the controller unfenced it/);
  });
});
