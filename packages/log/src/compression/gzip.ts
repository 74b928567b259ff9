import { constants as bufferConstants } from "node:buffer";
import { gunzipSync, gzipSync } from "node:zlib";
import { fail, ok, type Result } from "../errors.js";
import { tooLarge } from "./output.js";

/** gzip at `level` (1-9; -1, the default, is zlib's own default, 6, as Java's Deflater). */
export function gzipCompress(data: Uint8Array, level = -1): Uint8Array {
  return gzipSync(data, { level });
}

/**
 * Gunzips with zlib's own output ceiling (`maxOutputLength`), so a bomb stops
 * at the bound instead of being inflated in full. Concatenated members are
 * accepted, as `GZIPInputStream` does.
 */
export function gzipDecompress(data: Uint8Array, maxBytes: number): Result<Uint8Array> {
  try {
    return ok(
      gunzipSync(data, { maxOutputLength: Math.min(Math.max(1, maxBytes), bufferConstants.MAX_LENGTH) }),
    );
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === "ERR_BUFFER_TOO_LARGE") return { ok: false, error: tooLarge(maxBytes, "gzip") };
    return fail("CORRUPT_MESSAGE", `gzip: ${(e as Error).message}`);
  }
}
