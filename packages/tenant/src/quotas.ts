/**
 * A tenant's quotas and limits: Kafka's client quota keys and Runnel's
 * tenant limits, stored as key → number (the metadata log keeps one
 * double per key). A key that is absent sets no limit, as an absent Kafka
 * quota does; there are no defaults to fall back on.
 *
 * `quotaSpecProblem` checks a value when it is written (INVALID_REQUEST, as
 * Kafka answers AlterClientQuotas); `readTenantQuotas` checks the stored
 * values again when they are read and throws on one that could not have
 * been written.
 */

/** Kafka's INVALID_REQUEST error code. */
const INVALID_REQUEST = 42;

export interface QuotaSpec {
  /** Whether only whole numbers are meaningful (counts, bytes). */
  readonly integer: boolean;
  /** The smallest value allowed. */
  readonly min: number;
  /** Whether `min` itself is allowed. */
  readonly minInclusive: boolean;
  /** The unit, last: "bytes/s", "connections". */
  readonly unit: string;
  readonly about: string;
}

/**
 * Every key, what it takes and what it limits. Rates must be above zero (a
 * zero rate would throttle without end; to stop a tenant, suspend it);
 * counts may be zero, which allows none.
 */
export const QUOTA_SPECS = {
  producer_byte_rate: {
    integer: true,
    min: 0,
    minInclusive: false,
    unit: "bytes/s",
    about: "Kafka client quota: the rate at which the tenant's producers may send",
  },
  consumer_byte_rate: {
    integer: true,
    min: 0,
    minInclusive: false,
    unit: "bytes/s",
    about: "Kafka client quota: the rate at which the tenant's consumers may fetch",
  },
  request_percentage: {
    integer: false,
    min: 0,
    minInclusive: false,
    unit: "percent",
    about:
      "Kafka client quota: request-handling time the tenant may use in each quota window, as a percentage of one thread (above 100 is more than one thread)",
  },
  max_partitions: {
    integer: true,
    min: 0,
    minInclusive: true,
    unit: "partitions",
    about: "The most partitions the tenant's topics may have in all",
  },
  max_connections: {
    integer: true,
    min: 0,
    minInclusive: true,
    unit: "connections",
    about: "The most connections the tenant may hold open at once on each broker and through each proxy",
  },
  connection_creation_rate: {
    integer: false,
    min: 0,
    minInclusive: false,
    unit: "connections/s",
    about: "The rate at which the tenant may open new connections through each proxy",
  },
  max_request_bytes: {
    integer: true,
    min: 0,
    minInclusive: false,
    unit: "bytes",
    about: "The largest request the tenant may send",
  },
} as const satisfies Record<string, QuotaSpec>;

export type QuotaKey = keyof typeof QUOTA_SPECS;

/** Every key, in a fixed order. */
export const QUOTA_KEYS: readonly QuotaKey[] = Object.keys(QUOTA_SPECS) as QuotaKey[];

/** Whether `key` is a quota or limit key. */
export function isQuotaKey(key: string): key is QuotaKey {
  return Object.hasOwn(QUOTA_SPECS, key);
}

/** Why `value` cannot be stored under `key`, or undefined if it can. */
export function quotaSpecProblem(key: string, value: number): { code: number; message: string } | undefined {
  if (!isQuotaKey(key)) {
    return {
      code: INVALID_REQUEST,
      message: `unknown quota key ${JSON.stringify(key)}; known: ${QUOTA_KEYS.join(", ")}`,
    };
  }
  const spec: QuotaSpec = QUOTA_SPECS[key];
  const problem = (why: string) => ({ code: INVALID_REQUEST, message: `${key} ${why}, not ${value}` });
  if (!Number.isFinite(value)) return problem("must be a finite number");
  if (spec.integer && !Number.isSafeInteger(value)) return problem(`must be a whole number of ${spec.unit}`);
  if (spec.minInclusive ? value < spec.min : value <= spec.min) {
    return problem(`must be ${spec.minInclusive ? "at least" : "greater than"} ${spec.min} ${spec.unit}`);
  }
  return undefined;
}

/** A tenant's quotas and limits; an absent field sets no limit. */
export interface TenantQuotas {
  readonly producerByteRate?: number;
  readonly consumerByteRate?: number;
  readonly requestPercentage?: number;
  readonly maxPartitions?: number;
  readonly maxConnections?: number;
  readonly connectionCreationRate?: number;
  readonly maxRequestBytes?: number;
}

const FIELDS: Readonly<Record<QuotaKey, keyof TenantQuotas>> = {
  producer_byte_rate: "producerByteRate",
  consumer_byte_rate: "consumerByteRate",
  request_percentage: "requestPercentage",
  max_partitions: "maxPartitions",
  max_connections: "maxConnections",
  connection_creation_rate: "connectionCreationRate",
  max_request_bytes: "maxRequestBytes",
};

/**
 * The typed quotas of a tenant's stored key → value map. A known key with a
 * value `quotaSpecProblem` refuses throws (the store holds only checked
 * values, so this is corruption or a bug). An unknown key is skipped: it was
 * written by a newer version, whose limit this one does not enforce.
 */
export function readTenantQuotas(stored: ReadonlyMap<string, number>): TenantQuotas {
  const out: { -readonly [F in keyof TenantQuotas]: number } = {};
  for (const [key, value] of stored) {
    if (!isQuotaKey(key)) continue;
    const problem = quotaSpecProblem(key, value);
    if (problem) throw new RangeError(`stored tenant quota is invalid: ${problem.message}`);
    out[FIELDS[key]] = value;
  }
  return out;
}
