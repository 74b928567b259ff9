/**
 * SASL/PLAIN (RFC 4616) against API keys: the client sends
 * `authzid NUL authcid NUL password` in one message; the authcid is an API
 * key id and the password its secret.
 *
 * - The authzid must be empty or the authcid itself (Kafka allows no other).
 * - The secret is checked with scrypt on the thread pool, in constant time;
 *   an unknown key costs the same work and gets the same answer as a wrong
 *   secret.
 * - A bounded cache keeps, per key, an HMAC (under a per-process key) of the
 *   last secret that checked out, so a client opening many connections pays
 *   scrypt once. A hit needs the same stored hash as when it was cached and
 *   an equal HMAC (compared in constant time); a wrong secret always misses
 *   and pays scrypt. Entries of keys gone from the image are dropped
 *   (`forgetMissing`).
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { ApiKeyImage, MetadataImage } from "@runnel/metadata";
import { verifyApiKeySecretAsync } from "@runnel/tenant";

interface Cached {
  /** The stored hash the secret was checked against. */
  readonly hash: Uint8Array;
  readonly mac: Buffer;
}

export const PLAIN_CACHE_ENTRIES_MAX = 4096;

export class PlainVerifier {
  private readonly macKey = randomBytes(32);
  /** By key id, oldest first. */
  private readonly cache = new Map<string, Cached>();

  constructor(private readonly entriesMax = PLAIN_CACHE_ENTRIES_MAX) {}

  /**
   * The API key `key` when `secret` is its secret in the image `image()`
   * returns, else null. The image is read again after the slow check, so a
   * key revoked meanwhile does not get through.
   */
  async verify(image: () => MetadataImage, key: string, secret: string): Promise<ApiKeyImage | null> {
    const mac = createHmac("sha256", this.macKey).update(key).update("\0").update(secret).digest();
    const stored = image().apiKeys.get(key);
    const hit = stored !== undefined ? this.cache.get(key) : undefined;
    let ok: boolean;
    if (
      stored !== undefined &&
      hit !== undefined &&
      Buffer.from(hit.hash).equals(Buffer.from(stored.hash)) &&
      timingSafeEqual(hit.mac, mac)
    ) {
      ok = true;
    } else {
      ok = await verifyApiKeySecretAsync(stored, secret);
    }
    const now = image().apiKeys.get(key);
    if (
      !ok ||
      stored === undefined ||
      now === undefined ||
      !Buffer.from(now.hash).equals(Buffer.from(stored.hash))
    ) {
      return null;
    }
    this.cache.delete(key);
    this.cache.set(key, { hash: stored.hash, mac });
    if (this.cache.size > this.entriesMax) this.cache.delete(this.cache.keys().next().value as string);
    return now;
  }

  /** Drops the cached secrets of keys `image` no longer has. */
  forgetMissing(image: MetadataImage): void {
    for (const key of this.cache.keys()) if (!image.apiKeys.has(key)) this.cache.delete(key);
  }

  /** Whether a secret of `key` is cached (for tests). */
  cached(key: string): boolean {
    return this.cache.has(key);
  }
}
