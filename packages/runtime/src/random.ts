import { getRandomValues, randomFillSync } from "node:crypto";

/**
 * Randomness as a dependency. Services draw random numbers only from the `Random` they are
 * handed: the crypto-backed one in production, a seeded one in tests and in simulation, where the
 * same seed must give the same run on every machine.
 */
export interface Random {
  /** A uniformly distributed unsigned 32-bit integer. */
  nextU32(): number;
  /** A uniformly distributed float in [0, 1) with 53 random bits. */
  nextFloat(): number;
  /** A uniformly distributed integer in [min, max). Both bounds must be safe integers, min < max. */
  int(min: number, max: number): number;
  /** `n` uniformly distributed bytes. */
  bytes(n: number): Uint8Array;
  /** Shuffles `items` in place (Fisher-Yates) and returns it. */
  shuffle<T>(items: T[]): T[];
  /** An independent generator; for a seeded generator it is itself seeded from this one. */
  fork(): Random;
}

const TWO_POW_32 = 0x1_0000_0000;
const TWO_POW_53 = 2 ** 53;

/** Everything but the raw 32-bit source, written once so every generator derives values alike. */
abstract class RandomBase implements Random {
  abstract nextU32(): number;
  abstract fork(): Random;

  nextFloat(): number {
    return this.next53() / TWO_POW_53;
  }

  int(min: number, max: number): number {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min >= max) {
      throw new RangeError(`int(min, max) needs safe integers with min < max, got [${min}, ${max})`);
    }
    const range = max - min;
    if (!Number.isSafeInteger(range)) {
      throw new RangeError(`int(min, max) range ${max} - ${min} exceeds 2^53`);
    }
    // Rejection sampling keeps the result unbiased: draws in the top partial bucket are retried.
    if (range <= TWO_POW_32) {
      const limit = TWO_POW_32 - (TWO_POW_32 % range);
      for (;;) {
        const x = this.nextU32();
        if (x < limit) return min + (x % range);
      }
    }
    const limit = TWO_POW_53 - (TWO_POW_53 % range);
    for (;;) {
      const x = this.next53();
      if (x < limit) return min + (x % range);
    }
  }

  bytes(n: number): Uint8Array {
    checkLength(n);
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i += 4) {
      const x = this.nextU32();
      // Little-endian, so the byte stream does not depend on the platform's endianness.
      out[i] = x & 0xff;
      if (i + 1 < n) out[i + 1] = (x >>> 8) & 0xff;
      if (i + 2 < n) out[i + 2] = (x >>> 16) & 0xff;
      if (i + 3 < n) out[i + 3] = x >>> 24;
    }
    return out;
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(0, i + 1);
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }

  /** A uniform integer in [0, 2^53): the high 27 bits of one draw and the high 26 of the next. */
  private next53(): number {
    const hi = this.nextU32() >>> 5;
    const lo = this.nextU32() >>> 6;
    return hi * 0x400_0000 + lo;
  }
}

function checkLength(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`byte count must be a non-negative safe integer, got ${n}`);
  }
}

const MASK_64 = (1n << 64n) - 1n;

/**
 * SplitMix64 (Steele, Lea and Flood): used only to expand a seed into generator state, as the
 * xoshiro authors recommend, so that similar seeds still give unrelated streams.
 */
function splitMix64(seed: bigint): () => bigint {
  let state = seed & MASK_64;
  return () => {
    state = (state + 0x9e3779b97f4a7c15n) & MASK_64;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK_64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK_64;
    return z ^ (z >> 31n);
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/**
 * xoshiro128** 1.1 (Blackman and Vigna): a small, fast generator with 128 bits of state and period
 * 2^128 - 1. All arithmetic is 32-bit integer arithmetic, so the sequence is identical on every
 * platform. Not for secrets.
 */
export class SeededRandom extends RandomBase {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;

  /**
   * @param seed a non-negative safe integer or a bigint (taken modulo 2^64). The four state words
   * are the low and high halves of the first two SplitMix64 outputs for that seed.
   */
  constructor(seed: number | bigint) {
    super();
    if (typeof seed === "number" && (!Number.isSafeInteger(seed) || seed < 0)) {
      throw new RangeError(`seed must be a non-negative safe integer or a bigint, got ${seed}`);
    }
    const next = splitMix64(BigInt(seed));
    const a = next();
    const b = next();
    this.setState([Number(a & 0xffff_ffffn), Number(a >> 32n), Number(b & 0xffff_ffffn), Number(b >> 32n)]);
  }

  /** Creates a generator with the exact given state, for reproducing a recorded stream. */
  static fromState(state: readonly [number, number, number, number]): SeededRandom {
    const r = new SeededRandom(0);
    r.setState(state);
    return r;
  }

  /** The current state; `fromState(getState())` continues the same stream. */
  getState(): [number, number, number, number] {
    return [this.s0, this.s1, this.s2, this.s3];
  }

  nextU32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (this.s1 << 9) >>> 0;
    this.s2 = (this.s2 ^ this.s0) >>> 0;
    this.s3 = (this.s3 ^ this.s1) >>> 0;
    this.s1 = (this.s1 ^ this.s2) >>> 0;
    this.s0 = (this.s0 ^ this.s3) >>> 0;
    this.s2 = (this.s2 ^ t) >>> 0;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A new generator seeded from the next 64 bits of this one. */
  fork(): SeededRandom {
    const hi = BigInt(this.nextU32());
    const lo = BigInt(this.nextU32());
    return new SeededRandom((hi << 32n) | lo);
  }

  private setState(state: readonly [number, number, number, number]): void {
    for (const word of state) {
      if (!Number.isInteger(word) || word < 0 || word >= TWO_POW_32) {
        throw new RangeError(`state words must be unsigned 32-bit integers, got ${word}`);
      }
    }
    if (state.every((w) => w === 0)) {
      // The all-zero state is a fixed point: the generator would return zero forever.
      throw new RangeError("xoshiro128** state must not be all zero");
    }
    [this.s0, this.s1, this.s2, this.s3] = state;
  }
}

const POOL_WORDS = 256;

/** Randomness from the operating system's CSPRNG, drawn in blocks to amortise the system call. */
export class CryptoRandom extends RandomBase {
  private readonly pool = new Uint32Array(POOL_WORDS);
  private next = POOL_WORDS;

  nextU32(): number {
    if (this.next === POOL_WORDS) {
      getRandomValues(this.pool);
      this.next = 0;
    }
    return this.pool[this.next++] as number;
  }

  override bytes(n: number): Uint8Array {
    checkLength(n);
    return randomFillSync(new Uint8Array(n));
  }

  fork(): CryptoRandom {
    return new CryptoRandom();
  }
}
