/**
 * A small client of the control plane's HTTP API: JSON in and out, the admin token as a
 * bearer token, and RFC 9457 problem documents turned into errors that say what went wrong.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { findRepoRoot } from "@runnel/fleet";

export const DEFAULT_CONTROL_PLANE_URL = "http://localhost:8080";
/** Where the local fleet writes its control plane's admin token, under the repository root. */
export const ADMIN_TOKEN_FILE = join(".data", "admin-token");

/** The control plane answered with an error (a problem document, or something else). */
export class ControlPlaneError extends Error {
  override readonly name = "ControlPlaneError";

  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
  ) {
    super(detail === "" ? title : `${title}: ${detail}`);
  }
}

/** The control plane could not be reached at all. */
export class ControlPlaneUnreachableError extends Error {
  override readonly name = "ControlPlaneUnreachableError";
}

export interface ControlPlaneClientOptions {
  /** e.g. `http://localhost:8080`. */
  readonly url: string;
  readonly token: string;
  readonly timeoutMs: number;
}

export type Query = Readonly<Record<string, string | undefined>>;

export class ControlPlaneClient {
  private readonly base: URL;

  constructor(private readonly o: ControlPlaneClientOptions) {
    this.base = new URL(o.url.endsWith("/") ? o.url : `${o.url}/`);
  }

  async request<T>(
    method: "GET" | "POST" | "PUT" | "DELETE",
    path: string,
    body?: unknown,
    query?: Query,
  ): Promise<T> {
    const url = new URL(path.replace(/^\//, ""), this.base);
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${this.o.token}`,
          accept: "application/json, application/problem+json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.o.timeoutMs),
      });
    } catch (e) {
      const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : String(e);
      throw new ControlPlaneUnreachableError(
        `cannot reach the control plane at ${this.base.origin}: ${cause}`,
      );
    }
    const text = await res.text();
    if (res.ok) return (text === "" ? undefined : JSON.parse(text)) as T;
    let title = `HTTP ${res.status}`;
    let detail = text.trim();
    try {
      const p = JSON.parse(text) as { title?: unknown; detail?: unknown };
      if (typeof p.title === "string") title = p.title;
      if (typeof p.detail === "string") detail = p.detail;
    } catch {
      // Not JSON (a proxy's page, say): the text itself is the detail.
    }
    throw new ControlPlaneError(res.status, title, detail);
  }
}

/**
 * The admin token: `--token`, else RUNNEL_ADMIN_TOKEN, else the local fleet's
 * `.data/admin-token` under the repository root; undefined when none is found.
 */
export function resolveAdminToken(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  repoRoot: () => string = findRepoRoot,
): string | undefined {
  if (flag !== undefined && flag !== "") return flag;
  const fromEnv = env.RUNNEL_ADMIN_TOKEN;
  if (fromEnv !== undefined && fromEnv !== "") return fromEnv;
  let root: string;
  try {
    root = repoRoot();
  } catch {
    return undefined;
  }
  const file = join(root, ADMIN_TOKEN_FILE);
  if (!existsSync(file)) return undefined;
  const token = readFileSync(file, "utf8").trim();
  return token === "" ? undefined : token;
}
