/**
 * Credentials of a tenant's principals, stored only as salted hashes.
 *
 * API keys (SASL/PLAIN: the key id is the username, the secret the
 * password), as Confluent Cloud issues them: a 16-character key id of
 * upper-case letters and digits, and a 64-character secret shown once. The
 * secret is kept as scrypt(secret, 16-byte salt); `verifyApiKeySecret`
 * compares in constant time, and a check against no stored key spends the
 * same work on a dummy hash, so an unknown key and a wrong secret take
 * alike and answer alike.
 *
 * SCRAM-SHA-256/512 (RFC 5802, RFC 7677): the server keeps the salt, the
 * iteration count, StoredKey = H(HMAC(SaltedPassword, "Client Key")) and
 * ServerKey = HMAC(SaltedPassword, "Server Key"); a client's proof is
 * checked against StoredKey in constant time and the server's signature
 * comes from ServerKey, so the password itself is never stored.
 */
import {
  createHash,
  createHmac,
  pbkdf2Sync,
  randomBytes,
  randomInt,
  scrypt as scryptCallback,
  scryptSync,
  timingSafeEqual,
} from "node:crypto";

const KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const KEY_LENGTH = 16;
const SECRET_LENGTH = 64;
const SCRYPT = { N: 16_384, r: 8, p: 1, keylen: 32 } as const;

export interface ApiKey {
  readonly key: string;
  /** Shown to its owner once; never stored. */
  readonly secret: string;
}

/** What is stored of an API key's secret. */
export interface StoredSecret {
  readonly salt: Uint8Array;
  readonly hash: Uint8Array;
}

function pick(alphabet: string, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** A new API key and secret. */
export function newApiKey(): ApiKey {
  return { key: pick(KEY_ALPHABET, KEY_LENGTH), secret: pick(SECRET_ALPHABET, SECRET_LENGTH) };
}

/** Whether `key` looks like an API key id (before any lookup). */
export function isApiKeyId(key: string): boolean {
  return key.length === KEY_LENGTH && [...key].every((c) => KEY_ALPHABET.includes(c));
}

function scrypt(secret: string, salt: Uint8Array): Buffer {
  return scryptSync(secret, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
}

/** The salted hash to store for `secret`. */
export function hashApiKeySecret(secret: string, salt: Uint8Array = randomBytes(16)): StoredSecret {
  return { salt: new Uint8Array(salt), hash: new Uint8Array(scrypt(secret, salt)) };
}

const DUMMY: StoredSecret = hashApiKeySecret("no such key", new Uint8Array(16));

/**
 * Whether `secret` is the one `stored` was made from; with no stored
 * secret (an unknown key) the same work is done and the answer is false.
 */
export function verifyApiKeySecret(stored: StoredSecret | undefined, secret: string): boolean {
  const s = stored ?? DUMMY;
  const given = scrypt(secret, s.salt);
  const same = given.length === s.hash.length && timingSafeEqual(given, s.hash);
  return stored !== undefined && same;
}

/**
 * `verifyApiKeySecret` off the event loop: scrypt runs on the thread pool, so a
 * server checking a secret (some 50 ms of work) goes on serving meanwhile.
 */
export function verifyApiKeySecretAsync(stored: StoredSecret | undefined, secret: string): Promise<boolean> {
  const s = stored ?? DUMMY;
  return new Promise((resolve, reject) => {
    scryptCallback(secret, s.salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p }, (e, given) => {
      if (e !== null) {
        reject(e);
        return;
      }
      const same = given.length === s.hash.length && timingSafeEqual(given, s.hash);
      resolve(stored !== undefined && same);
    });
  });
}

export type ScramMechanism = "SCRAM-SHA-256" | "SCRAM-SHA-512";

/** What the server stores of a SCRAM credential. */
export interface ScramCredential {
  readonly mechanism: ScramMechanism;
  readonly salt: Uint8Array;
  readonly iterations: number;
  readonly storedKey: Uint8Array;
  readonly serverKey: Uint8Array;
}

const HASH: Record<ScramMechanism, { name: "sha256" | "sha512"; length: number }> = {
  "SCRAM-SHA-256": { name: "sha256", length: 32 },
  "SCRAM-SHA-512": { name: "sha512", length: 64 },
};
/** Kafka's lowest accepted SCRAM iteration count. */
export const SCRAM_ITERATIONS_MIN = 4096;

/** The stored form of `password` (RFC 5802: SaltedPassword, then StoredKey and ServerKey). */
export function scramCredential(
  mechanism: ScramMechanism,
  password: string,
  iterations = SCRAM_ITERATIONS_MIN,
  salt: Uint8Array = randomBytes(32),
): ScramCredential {
  if (!Number.isInteger(iterations) || iterations < SCRAM_ITERATIONS_MIN) {
    throw new RangeError(`SCRAM iterations must be at least ${SCRAM_ITERATIONS_MIN}, not ${iterations}`);
  }
  const h = HASH[mechanism];
  // As Kafka: the password's UTF-8 bytes, without SASLprep.
  const salted = pbkdf2Sync(Buffer.from(password, "utf8"), salt, iterations, h.length, h.name);
  const clientKey = createHmac(h.name, salted).update("Client Key").digest();
  return {
    mechanism,
    salt: new Uint8Array(salt),
    iterations,
    storedKey: new Uint8Array(createHash(h.name).update(clientKey).digest()),
    serverKey: new Uint8Array(createHmac(h.name, salted).update("Server Key").digest()),
  };
}

/**
 * Checks a client's proof over `authMessage` (client-first-bare, server-first
 * and client-final-without-proof, joined by commas). Returns the server's
 * signature to send back when the proof holds, else null.
 */
export function verifyScramProof(
  credential: ScramCredential,
  authMessage: string,
  proof: Uint8Array,
): Uint8Array | null {
  const h = HASH[credential.mechanism];
  if (proof.length !== h.length) return null;
  const clientSignature = createHmac(h.name, credential.storedKey).update(authMessage).digest();
  const clientKey = Buffer.alloc(h.length);
  for (let i = 0; i < h.length; i++) clientKey[i] = (proof[i] as number) ^ (clientSignature[i] as number);
  const storedKey = createHash(h.name).update(clientKey).digest();
  if (!timingSafeEqual(storedKey, credential.storedKey)) return null;
  return new Uint8Array(createHmac(h.name, credential.serverKey).update(authMessage).digest());
}
