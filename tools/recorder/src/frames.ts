/** Largest frame the splitter accepts; anything bigger means the stream is not Kafka. */
export const MAX_FRAME_SIZE = 256 * 1024 * 1024;

/**
 * Splits a Kafka byte stream into frames. Each frame is an int32 big-endian
 * size followed by that many bytes; the frames returned include the 4-byte
 * size prefix, so they are the exact bytes that crossed the wire.
 *
 * Chunks may hold part of a frame (even part of the size prefix) or several
 * frames; `push` returns every frame completed by the chunk, in order.
 */
export class FrameSplitter {
  #chunks: Buffer[] = [];
  #buffered = 0;
  /** Total length (prefix included) of the frame being assembled, or -1 if not yet known. */
  #frameLength = -1;

  /** Bytes received but not yet returned as part of a frame. */
  get buffered(): number {
    return this.#buffered;
  }

  push(chunk: Buffer): Buffer[] {
    if (chunk.length === 0) return [];
    this.#chunks.push(chunk);
    this.#buffered += chunk.length;
    const frames: Buffer[] = [];
    for (;;) {
      if (this.#frameLength < 0) {
        if (this.#buffered < 4) break;
        const head = this.#head(4);
        const size = head.readInt32BE(0);
        if (size < 0 || size > MAX_FRAME_SIZE) {
          throw new Error(`invalid frame size ${size}`);
        }
        this.#frameLength = 4 + size;
      }
      if (this.#buffered < this.#frameLength) break;
      frames.push(this.#take(this.#frameLength));
      this.#frameLength = -1;
    }
    return frames;
  }

  /** Makes sure the first chunk holds at least `n` bytes and returns it. */
  #head(n: number): Buffer {
    let first = this.#chunks[0] as Buffer;
    if (first.length < n) {
      first = Buffer.concat(this.#chunks);
      this.#chunks = [first];
    }
    return first;
  }

  /** Removes and returns a copy of the first `n` buffered bytes. */
  #take(n: number): Buffer {
    const all = this.#chunks.length === 1 ? (this.#chunks[0] as Buffer) : Buffer.concat(this.#chunks);
    const frame = Buffer.from(all.subarray(0, n));
    const rest = all.subarray(n);
    this.#chunks = rest.length > 0 ? [rest] : [];
    this.#buffered = rest.length;
    return frame;
  }
}
