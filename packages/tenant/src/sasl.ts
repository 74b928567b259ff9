/**
 * The SASL messages both the broker and the proxy read: PLAIN's one message (RFC 4616) and
 * SCRAM's saslname encoding (RFC 5802). The broker runs the exchanges; the proxy only learns
 * whose credentials a connection presents.
 */

export interface PlainToken {
  readonly authzid: string;
  readonly authcid: string;
  readonly password: string;
}

/** Kafka's answers to a bad PLAIN exchange. */
export const PLAIN_ERRORS = {
  malformed: "Authentication failed: Invalid SASL/PLAIN response: expected 3 tokens separated by NUL",
  authzid: "Authentication failed: Client requested an authorization id that is different from username",
  credentials: "Authentication failed: Invalid username or password",
} as const;

/** Parses a PLAIN message, or returns why it is refused. */
export function parsePlainToken(bytes: Uint8Array): PlainToken | { readonly error: string } {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  const parts = text.split("\0");
  if (parts.length !== 3) return { error: PLAIN_ERRORS.malformed };
  const [authzid, authcid, password] = parts as [string, string, string];
  if (authcid === "") return { error: "Authentication failed: username not specified" };
  if (password === "") return { error: "Authentication failed: password not specified" };
  if (authzid !== "" && authzid !== authcid) return { error: PLAIN_ERRORS.authzid };
  return { authzid, authcid, password };
}

/** Decodes a saslname (`=2C` → `,`, `=3D` → `=`); undefined when malformed. */
export function decodeSaslName(s: string): string | undefined {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (c !== "=") {
      out += c;
      continue;
    }
    const code = s.slice(i + 1, i + 3);
    if (code === "2C") out += ",";
    else if (code === "3D") out += "=";
    else return undefined;
    i += 2;
  }
  return out;
}
