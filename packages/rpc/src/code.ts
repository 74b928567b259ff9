/**
 * gRPC status codes. The numbers are the gRPC wire values and must never change.
 */
export const Code = {
  Ok: 0,
  Cancelled: 1,
  Unknown: 2,
  InvalidArgument: 3,
  DeadlineExceeded: 4,
  NotFound: 5,
  AlreadyExists: 6,
  PermissionDenied: 7,
  ResourceExhausted: 8,
  FailedPrecondition: 9,
  Aborted: 10,
  OutOfRange: 11,
  Unimplemented: 12,
  Internal: 13,
  Unavailable: 14,
  DataLoss: 15,
  Unauthenticated: 16,
} as const;

export type Code = (typeof Code)[keyof typeof Code];

const names = new Map<number, string>(Object.entries(Code).map(([name, value]) => [value, name]));

/** The name of a status code, e.g. "Unavailable"; unknown numbers print as "Code(42)". */
export function codeName(code: number): string {
  return names.get(code) ?? `Code(${code})`;
}

/** Narrows an arbitrary number to a status code; anything out of range becomes Unknown. */
export function toCode(value: number): Code {
  return names.has(value) ? (value as Code) : Code.Unknown;
}
