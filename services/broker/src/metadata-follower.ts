/**
 * The broker's link to the metadata quorum: it registers, heartbeats, and
 * follows the committed metadata log over the Watch stream into an in-memory
 * image. The Kafka request path reads only this image; it never asks the
 * controller.
 *
 * It registers with the incarnation id of the process that ran on the data
 * directory before it, when known: the controller then replaces that dead
 * incarnation's registration at once instead of waiting for its lease to
 * lapse. `whenUnfenced()` settles once the controller first unfences this
 * incarnation: its image then holds its own registration, and so no longer
 * shows an earlier incarnation's leaderships, which makes it the point from
 * which the broker may serve Kafka requests.
 */
import { ImageWatch, type MetadataImage } from "@runnel/metadata";
import { Code, ControllerService, type Endpoint, LeaderClient, RpcError, type Transport } from "@runnel/rpc";
import type { Clock, Logger, Random } from "@runnel/runtime";

export interface MetadataFollowerOptions {
  readonly brokerId: number;
  readonly clusterId: string;
  readonly zone: string;
  readonly cell: string;
  readonly endpoints: readonly Endpoint[];
  /** This process's incarnation id, 16 bytes; drawn from `random` when absent. */
  readonly incarnationId?: Uint8Array;
  /** The incarnation id of the process that ran on this data directory before (see data-dir.ts). */
  readonly previousIncarnationId?: Uint8Array;
  /** The metadata voters' addresses, `host:port`. */
  readonly voters: readonly string[];
  /** Builds the transport to a voter (default: gRPC); tests pass an in-process one. */
  readonly transport?: (address: string) => Transport;
  readonly heartbeatIntervalMs: number;
  readonly clock: Clock;
  readonly random: Random;
  readonly logger: Logger;
}

export class MetadataFollower {
  private readonly watch: ImageWatch;
  private readonly controller: LeaderClient<typeof ControllerService>;
  private stopped = false;
  private readonly abort = new AbortController();
  private epoch: bigint | null = null;
  private fenced = true;
  private readonly incarnationId: Uint8Array;
  private readonly unfenced: Promise<void>;
  private settleUnfenced: { resolve(): void; reject(e: Error): void } | null = null;

  constructor(private readonly o: MetadataFollowerOptions) {
    this.controller = new LeaderClient(ControllerService, {
      addresses: o.voters,
      retryForMs: 10_000,
      transport: o.transport,
    });
    this.incarnationId = o.incarnationId ?? o.random.bytes(16);
    this.watch = new ImageWatch({
      voters: o.voters,
      watcher: `broker-${o.brokerId}`,
      transport: o.transport,
      clock: o.clock,
      random: o.random,
      logger: o.logger,
    });
    this.unfenced = new Promise<void>((resolve, reject) => {
      this.settleUnfenced = { resolve, reject };
    });
    // Whoever waits sees the rejection; nobody waiting is no error.
    this.unfenced.catch(() => {});
  }

  get image(): MetadataImage {
    return this.watch.image;
  }

  /** The broker epoch the controller gave this incarnation, once registered. */
  get brokerEpoch(): bigint | null {
    return this.epoch;
  }

  /** Whether the controller counts this broker as fenced (not yet caught up, or lease lapsed). */
  get isFenced(): boolean {
    return this.fenced;
  }

  /**
   * Resolves the first time the controller unfences this incarnation: it is
   * registered and has replayed the metadata log past its registration.
   * Rejects if the follower stops first.
   */
  whenUnfenced(): Promise<void> {
    return this.unfenced;
  }

  onChange(listener: (image: MetadataImage) => void): () => void {
    return this.watch.onChange(listener);
  }

  /** Resolves true once the image satisfies `predicate` (now or on a change), false after `timeoutMs`. */
  waitFor(predicate: (image: MetadataImage) => boolean, timeoutMs: number): Promise<boolean> {
    return this.watch.waitFor(predicate, timeoutMs);
  }

  start(): void {
    this.watch.start();
    void this.heartbeatLoop();
  }

  /**
   * Controlled shutdown: heartbeats asking to shut down until the controller
   * has moved leadership away and says so (or `timeoutMs` passes), then stops.
   */
  async shutdown(timeoutMs: number): Promise<void> {
    this.stopped = true;
    const epoch = this.epoch;
    const deadline = this.o.clock.now() + timeoutMs;
    while (epoch !== null && this.o.clock.now() < deadline) {
      try {
        const hb = await this.controller.call((c, opts) =>
          c.brokerHeartbeat(
            {
              brokerId: this.o.brokerId,
              brokerEpoch: epoch,
              metadataOffset: this.watch.position,
              wantsShutdown: true,
            },
            opts,
          ),
        );
        if (hb.shouldShutdown) {
          this.o.logger.info("controlled shutdown complete");
          break;
        }
      } catch {
        // Keep trying until the deadline.
      }
      await this.o.clock.sleep(this.o.heartbeatIntervalMs).catch(() => {});
    }
    this.stop();
  }

  stop(): void {
    this.stopped = true;
    this.settleUnfenced?.reject(new Error("the metadata follower stopped before the controller unfenced it"));
    this.settleUnfenced = null;
    this.abort.abort();
    this.watch.close();
    this.controller.close();
  }

  private async register(): Promise<void> {
    const o = this.o;
    const r = await this.controller.call(
      (c, opts) =>
        c.brokerRegistration(
          {
            brokerId: o.brokerId,
            clusterId: o.clusterId,
            incarnationId: this.incarnationId,
            previousIncarnationId: o.previousIncarnationId,
            zone: o.zone,
            cell: o.cell,
            listeners: [...o.endpoints],
          },
          opts,
        ),
      this.abort.signal,
    );
    this.epoch = r.brokerEpoch;
    o.logger.info({ brokerEpoch: r.brokerEpoch.toString() }, "registered with the controller");
  }

  private async heartbeatLoop(): Promise<void> {
    while (!this.stopped) {
      try {
        if (this.epoch === null) await this.register();
        const epoch = this.epoch as bigint;
        const hb = await this.controller.call(
          (c, opts) =>
            c.brokerHeartbeat(
              { brokerId: this.o.brokerId, brokerEpoch: epoch, metadataOffset: this.watch.position },
              opts,
            ),
          this.abort.signal,
        );
        if (hb.isFenced !== this.fenced) {
          this.fenced = hb.isFenced;
          this.o.logger.info({ fenced: hb.isFenced }, hb.isFenced ? "fenced by the controller" : "unfenced");
        }
        if (!hb.isFenced) {
          this.settleUnfenced?.resolve();
          this.settleUnfenced = null;
        }
      } catch (e) {
        if (this.stopped) return;
        // A stale epoch (another incarnation took over, or the controller forgot us): register again.
        if (e instanceof RpcError && (e.code === Code.FailedPrecondition || e.code === Code.NotFound))
          this.epoch = null;
        this.o.logger.warn({ error: String(e) }, "heartbeat failed");
      }
      await this.o.clock.sleep(this.o.heartbeatIntervalMs, this.abort.signal).catch(() => {});
    }
  }
}
