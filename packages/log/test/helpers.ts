export function hex(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, "hex"));
}

export function utf8(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

/** A plain copy, so views and Buffers compare by content only. */
export function plain(b: Uint8Array | null): number[] | null {
  return b === null ? null : Array.from(b);
}
