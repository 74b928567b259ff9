/**
 * Follows the committed metadata log into an in-memory image over the Watch stream, for any
 * service that needs the image without being a broker (the proxy, the control plane) and for
 * the broker's own follower. It watches one voter at a time and moves to the next when the
 * stream ends, resuming from its position; a snapshot replaces the image whole.
 */
import { ControllerService, createClient, grpcTransport, type Transport } from "@runnel/rpc";
import type { Clock, Logger, Random } from "@runnel/runtime";
import {
  applyWatchEvent,
  type MetadataImage,
  newWatcher,
  type WatcherState,
  watcherPosition,
} from "./controller/index.js";

/** The voter addresses of a `host:port,...` setting (`metadataVoters`); at least one. */
export function voterAddresses(setting: string): string[] {
  const voters = setting
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (voters.length === 0) throw new Error("metadataVoters names no voter");
  return voters;
}

export interface ImageWatchOptions {
  /** The metadata voters' addresses, `host:port`. */
  readonly voters: readonly string[];
  /** Who watches, for the voters' logs (e.g. "proxy-1"). */
  readonly watcher: string;
  /** Builds the transport to a voter (default: gRPC); tests pass an in-process one. */
  readonly transport?: (address: string) => Transport;
  readonly clock: Clock;
  readonly random: Random;
  readonly logger: Logger;
}

export class ImageWatch {
  private state: WatcherState = newWatcher();
  private readonly listeners = new Set<(image: MetadataImage) => void>();
  private readonly abort = new AbortController();
  private stopped = false;

  constructor(private readonly o: ImageWatchOptions) {}

  get image(): MetadataImage {
    return this.state.image;
  }

  /** The next metadata offset the image has not applied. */
  get position(): bigint {
    return watcherPosition(this.state);
  }

  /** Calls `listener` with every new image; returns its removal. */
  onChange(listener: (image: MetadataImage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves true once the image satisfies `predicate` (now or on a change), false after `timeoutMs`. */
  waitFor(predicate: (image: MetadataImage) => boolean, timeoutMs: number): Promise<boolean> {
    if (predicate(this.image)) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      const timer = this.o.clock.setTimeout(() => {
        off();
        resolve(false);
      }, timeoutMs);
      const off = this.onChange((image) => {
        if (!predicate(image)) return;
        off();
        timer.cancel();
        resolve(true);
      });
    });
  }

  start(): void {
    void this.loop();
  }

  close(): void {
    this.stopped = true;
    this.abort.abort();
  }

  private async loop(): Promise<void> {
    let attempt = 0;
    while (!this.stopped) {
      const voter = this.o.voters[attempt++ % this.o.voters.length] as string;
      const transport = (this.o.transport ?? grpcTransport)(voter);
      try {
        const client = createClient(ControllerService, transport);
        const stream = client.watch(
          { fromOffset: watcherPosition(this.state), watcher: this.o.watcher },
          { signal: this.abort.signal },
        );
        for await (const event of stream) {
          const before = this.state.image;
          this.state = applyWatchEvent(this.state, event);
          if (this.state.image !== before) for (const l of this.listeners) l(this.state.image);
        }
      } catch (e) {
        if (this.stopped) return;
        this.o.logger.debug({ voter, error: String(e) }, "metadata watch ended; resuming");
      } finally {
        transport.close();
      }
      await this.o.clock.sleep(100 + this.o.random.int(0, 200), this.abort.signal).catch(() => {});
    }
  }
}
