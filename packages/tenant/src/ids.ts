/**
 * Logical-cluster ids: `lkc-` followed by six characters of lower-case
 * base 32 (digits and letters without i, l, o, u, so ids read back
 * unambiguously), as Confluent Cloud shows them (`lkc-7x2k9q`).
 */
import { randomInt } from "node:crypto";

export const LOGICAL_CLUSTER_PREFIX = "lkc-";
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
const LENGTH = 6;
const PATTERN = new RegExp(`^${LOGICAL_CLUSTER_PREFIX}[${ALPHABET}]{${LENGTH}}$`);

/** A new random logical-cluster id; `random(n)` returns an integer in [0, n) (crypto by default). */
export function newLogicalClusterId(random: (n: number) => number = (n) => randomInt(n)): string {
  let id = LOGICAL_CLUSTER_PREFIX;
  for (let i = 0; i < LENGTH; i++) id += ALPHABET[random(ALPHABET.length)];
  return id;
}

/** Whether `id` is a well-formed logical-cluster id. */
export function isLogicalClusterId(id: string): boolean {
  return PATTERN.test(id);
}
