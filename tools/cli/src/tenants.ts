/**
 * `runnel cluster|api-key|acl|quota ...`: tenants through the control plane's HTTP API, in the
 * manner of the Confluent CLI. Tables by default; `--output json` prints exactly one JSON
 * value (the API's answer) on stdout, so scripts can read it. Errors go to stderr with the
 * problem's title and detail, and the exit code is 1 (2 for a usage error).
 */
import { parseArgs } from "node:util";
import {
  ControlPlaneClient,
  ControlPlaneError,
  ControlPlaneUnreachableError,
  DEFAULT_CONTROL_PLANE_URL,
  type Query,
  resolveAdminToken,
} from "./http.js";
import { renderTable } from "./table.js";

export const TENANT_GROUPS: readonly string[] = ["cluster", "api-key", "acl", "quota"];

export const TENANT_USAGE = `Usage: runnel <cluster|api-key|acl|quota> <command> [options]

Logical clusters:
  cluster create <name> [--cell C]     Create one (the controller picks a cell unless --cell)
  cluster list                         Every logical cluster
  cluster describe <id>                One, with its usage and quotas
  cluster delete <id>                  Delete it with its topics, keys, ACLs and quotas

API keys (SASL/PLAIN username and password):
  api-key create --cluster <id> [--description D] [--no-admin] [--principal User:x]
                                       Create one; its secret is shown only now. A key may do
                                       anything in its cluster unless --no-admin (then ACLs decide)
  api-key list --cluster <id>          Its keys (never their secrets)
  api-key delete <key> --cluster <id>  Revoke a key

ACLs:
  acl create --cluster <id> --allow|--deny --principal User:x --operation OP...
             --topic T|--group G|--transactional-id X|--cluster-scope [--prefix] [--host H]
  acl list --cluster <id> [the same flags, as a filter]
  acl delete --cluster <id> <the same flags, as a filter; at least one>

Quotas and limits:
  quota set --cluster <id> key=value...     e.g. producer_byte_rate=1048576 max_partitions=100
  quota list --cluster <id>
  quota delete --cluster <id> key...

Options:
  --url URL              The control plane (default: RUNNEL_CONTROL_PLANE_URL, else ${DEFAULT_CONTROL_PLANE_URL})
  --token T              Admin token (default: RUNNEL_ADMIN_TOKEN, else .data/admin-token of the local fleet)
  --output table|json    Output format (default: table)
  --timeout-ms N         Request timeout (default: 10000)`;

const OPTIONS = {
  url: { type: "string" },
  token: { type: "string" },
  output: { type: "string", default: "table" },
  "timeout-ms": { type: "string", default: "10000" },
  help: { type: "boolean", short: "h", default: false },
  cluster: { type: "string" },
  cell: { type: "string" },
  description: { type: "string" },
  "no-admin": { type: "boolean", default: false },
  principal: { type: "string" },
  allow: { type: "boolean", default: false },
  deny: { type: "boolean", default: false },
  operation: { type: "string", multiple: true },
  topic: { type: "string" },
  group: { type: "string" },
  "transactional-id": { type: "string" },
  "cluster-scope": { type: "boolean", default: false },
  prefix: { type: "boolean", default: false },
  host: { type: "string" },
} as const;

/** Whether `argv` is a tenant command (its first positional names one of TENANT_GROUPS). */
export function isTenantCommand(argv: readonly string[]): boolean {
  const { positionals } = parseArgs({
    args: [...argv],
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
  });
  return positionals[0] !== undefined && TENANT_GROUPS.includes(positionals[0]);
}

export interface TenantCommandIo {
  readonly out?: (text: string) => void;
  readonly err?: (text: string) => void;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Where `.data/admin-token` is looked for (default: the repository root). */
  readonly repoRoot?: () => string;
}

class UsageError extends Error {}

type Json = Record<string, unknown>;
type Values = ReturnType<typeof parse>["values"];

function parse(argv: readonly string[]) {
  return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true });
}

function str(v: unknown): string {
  if (v === undefined || v === null) return "-";
  return typeof v === "string" ? (v === "" ? "-" : v) : String(v);
}

/** `FIELD  value` lines for one object. */
function renderFields(fields: readonly [string, unknown][]): string {
  const width = Math.max(...fields.map(([k]) => k.length));
  return fields.map(([k, v]) => `${k.padEnd(width)}  ${str(v)}`).join("\n");
}

const CLUSTER_HEADER = ["ID", "NAME", "CELL", "CREATED"];
const clusterRow = (c: Json) => [str(c.id), str(c.name), str(c.cell), str(c.created_at)];
const KEY_HEADER = ["KEY", "PRINCIPAL", "ADMIN", "DESCRIPTION", "CREATED"];
const keyRow = (k: Json) => [
  str(k.key),
  str(k.principal),
  k.admin === true ? "yes" : "no",
  str(k.description),
  str(k.created_at),
];
const ACL_HEADER = [
  "PRINCIPAL",
  "PERMISSION",
  "OPERATION",
  "RESOURCE TYPE",
  "RESOURCE NAME",
  "PATTERN TYPE",
  "HOST",
];
const aclRow = (a: Json) => [
  str(a.principal),
  str(a.permission),
  str(a.operation),
  str(a.resource_type),
  str(a.resource_name),
  str(a.pattern_type),
  str(a.host),
];

function renderQuotas(q: Json): string {
  const rows = Object.entries(q).map(([k, v]) => [k, str(v)]);
  return rows.length === 0 ? "No quotas or limits are set." : renderTable(["KEY", "VALUE"], rows);
}

function clusterOf(values: Values): string {
  const id = values.cluster;
  if (id === undefined || id === "") throw new UsageError("--cluster <id> is required");
  return encodeURIComponent(id);
}

function one(positionals: readonly string[], what: string, usage: string): string {
  const [value, ...rest] = positionals;
  if (value === undefined || rest.length > 0) throw new UsageError(`usage: runnel ${usage} (one ${what})`);
  return value;
}

/** An ACL name as the API spells it: upper case, `_` for `-` ("describe-configs" → "DESCRIBE_CONFIGS"). */
function aclName(text: string): string {
  return text.trim().replace(/-/g, "_").toUpperCase();
}

/** The resource flags as `resource_type` and `resource_name`; at most one may be given. */
function aclResource(values: Values): { resource_type?: string; resource_name?: string } {
  const given: [string, string][] = [];
  if (values.topic !== undefined) given.push(["TOPIC", values.topic]);
  if (values.group !== undefined) given.push(["GROUP", values.group]);
  if (values["transactional-id"] !== undefined) given.push(["TRANSACTIONAL_ID", values["transactional-id"]]);
  if (values["cluster-scope"]) given.push(["CLUSTER", "kafka-cluster"]);
  if (given.length > 1)
    throw new UsageError("give at most one of --topic, --group, --transactional-id, --cluster-scope");
  const [r] = given;
  return r === undefined ? {} : { resource_type: r[0], resource_name: r[1] };
}

function aclPermission(values: Values): string | undefined {
  if (values.allow && values.deny) throw new UsageError("give --allow or --deny, not both");
  return values.allow ? "ALLOW" : values.deny ? "DENY" : undefined;
}

/** The ACL flags as filter query parameters (absent flags match anything). */
function aclFilters(values: Values): Query[] {
  const resource = aclResource(values);
  const operations = values.operation ?? [];
  if (values.prefix && resource.resource_name === undefined) {
    throw new UsageError("--prefix needs --topic, --group or --transactional-id");
  }
  const base = {
    ...resource,
    ...(values.prefix ? { pattern_type: "PREFIXED" } : {}),
    permission: aclPermission(values),
    principal: values.principal,
    host: values.host,
  };
  return operations.length === 0 ? [base] : operations.map((op) => ({ ...base, operation: aclName(op) }));
}

async function clusterCommand(
  api: ControlPlaneClient,
  command: string | undefined,
  args: readonly string[],
  values: Values,
): Promise<[unknown, string]> {
  switch (command) {
    case "create": {
      const name = one(args, "name", "cluster create <name> [--cell C]");
      const c = await api.request<Json>("POST", "/v1/clusters", {
        name,
        ...(values.cell === undefined ? {} : { cell: values.cell }),
      });
      return [c, renderTable(CLUSTER_HEADER, [clusterRow(c)])];
    }
    case "list": {
      if (args.length > 0) throw new UsageError("usage: runnel cluster list");
      const list = await api.request<Json[]>("GET", "/v1/clusters");
      return [
        list,
        list.length === 0 ? "No logical clusters." : renderTable(CLUSTER_HEADER, list.map(clusterRow)),
      ];
    }
    case "describe": {
      const id = one(args, "logical-cluster id", "cluster describe <id>");
      const d = await api.request<Json>("GET", `/v1/clusters/${encodeURIComponent(id)}`);
      const usage = (d.usage ?? {}) as Json;
      const quotas = Object.entries((d.quotas ?? {}) as Json);
      const text = renderFields([
        ["ID", d.id],
        ["Name", d.name],
        ["Cell", d.cell],
        ["Created", d.created_at],
        ["Topics", usage.topics],
        ["Partitions", usage.partitions],
        ["API keys", usage.api_keys],
        ["ACLs", usage.acls],
        ["Quotas", quotas.length === 0 ? "none" : quotas.map(([k, v]) => `${k}=${v}`).join(", ")],
      ]);
      return [d, text];
    }
    case "delete": {
      const id = one(args, "logical-cluster id", "cluster delete <id>");
      const r = await api.request<Json>("DELETE", `/v1/clusters/${encodeURIComponent(id)}`);
      return [r, `Deleted logical cluster ${id} and its ${str(r.topics_removed)} topic(s).`];
    }
  }
  throw new UsageError(`unknown cluster command: ${command ?? "(none)"}; create, list, describe or delete`);
}

async function apiKeyCommand(
  api: ControlPlaneClient,
  command: string | undefined,
  args: readonly string[],
  values: Values,
): Promise<[unknown, string]> {
  switch (command) {
    case "create": {
      if (args.length > 0)
        throw new UsageError(
          "usage: runnel api-key create --cluster <id> [--description D] [--no-admin] [--principal P]",
        );
      const cluster = clusterOf(values);
      const k = await api.request<Json>("POST", `/v1/clusters/${cluster}/api-keys`, {
        admin: !values["no-admin"],
        ...(values.description === undefined ? {} : { description: values.description }),
        ...(values.principal === undefined ? {} : { principal: values.principal }),
      });
      const text = renderFields([
        ["API key", k.key],
        ["API secret", k.secret],
        ["Cluster", k.cluster_id],
        ["Principal", k.principal],
        ["Admin", k.admin === true ? "yes" : "no (ACLs decide)"],
        ["Description", k.description],
      ]);
      return [k, `${text}\n\nSave the API secret now: it cannot be shown again.`];
    }
    case "list": {
      if (args.length > 0) throw new UsageError("usage: runnel api-key list --cluster <id>");
      const list = await api.request<Json[]>("GET", `/v1/clusters/${clusterOf(values)}/api-keys`);
      return [list, list.length === 0 ? "No API keys." : renderTable(KEY_HEADER, list.map(keyRow))];
    }
    case "delete": {
      const key = one(args, "API key", "api-key delete <key> --cluster <id>");
      const r = await api.request<Json>(
        "DELETE",
        `/v1/clusters/${clusterOf(values)}/api-keys/${encodeURIComponent(key)}`,
      );
      return [r, `Revoked API key ${key}.`];
    }
  }
  throw new UsageError(`unknown api-key command: ${command ?? "(none)"}; create, list or delete`);
}

async function aclCommand(
  api: ControlPlaneClient,
  command: string | undefined,
  args: readonly string[],
  values: Values,
): Promise<[unknown, string]> {
  if (args.length > 0) throw new UsageError(`unexpected argument: ${args[0]}`);
  const base = `/v1/clusters/${clusterOf(values)}/acls`;
  switch (command) {
    case "create": {
      const resource = aclResource(values);
      const permission = aclPermission(values);
      const operations = values.operation ?? [];
      if (resource.resource_type === undefined) {
        throw new UsageError(
          "name the resource: --topic T, --group G, --transactional-id X or --cluster-scope",
        );
      }
      if (permission === undefined) throw new UsageError("give --allow or --deny");
      if (values.principal === undefined) throw new UsageError("--principal User:<name> is required");
      if (operations.length === 0)
        throw new UsageError("--operation is required (it may be given more than once)");
      if (values.prefix && resource.resource_type === "CLUSTER")
        throw new UsageError("--prefix does not apply to --cluster-scope");
      const created: Json[] = [];
      for (const op of operations) {
        created.push(
          await api.request<Json>("POST", base, {
            ...resource,
            pattern_type: values.prefix ? "PREFIXED" : "LITERAL",
            operation: aclName(op),
            permission,
            principal: values.principal,
            host: values.host ?? "*",
          }),
        );
      }
      return [created, renderTable(ACL_HEADER, created.map(aclRow))];
    }
    case "list": {
      // Several operations: the union of one filter per operation.
      const seen = new Set<string>();
      const list: Json[] = [];
      for (const q of aclFilters(values)) {
        for (const a of await api.request<Json[]>("GET", base, undefined, q)) {
          const k = JSON.stringify(a);
          if (!seen.has(k)) list.push(a);
          seen.add(k);
        }
      }
      return [list, list.length === 0 ? "No ACLs match." : renderTable(ACL_HEADER, list.map(aclRow))];
    }
    case "delete": {
      const filters = aclFilters(values);
      if (filters.every((q) => Object.values(q).every((v) => v === undefined))) {
        throw new UsageError("give at least one filter flag (--principal, --topic, --operation, ...)");
      }
      const deleted: Json[] = [];
      for (const q of filters)
        deleted.push(...((await api.request<Json>("DELETE", base, undefined, q)).deleted as Json[]));
      const text =
        deleted.length === 0
          ? "No ACLs matched; none deleted."
          : `Deleted:\n${renderTable(ACL_HEADER, deleted.map(aclRow))}`;
      return [{ deleted }, text];
    }
  }
  throw new UsageError(`unknown acl command: ${command ?? "(none)"}; create, list or delete`);
}

async function quotaCommand(
  api: ControlPlaneClient,
  command: string | undefined,
  args: readonly string[],
  values: Values,
): Promise<[unknown, string]> {
  const url = `/v1/clusters/${clusterOf(values)}/quotas`;
  switch (command) {
    case "set": {
      if (args.length === 0) throw new UsageError("usage: runnel quota set --cluster <id> key=value...");
      const changes: Record<string, number> = {};
      for (const arg of args) {
        const m = /^([^=]+)=(.+)$/.exec(arg);
        const value = m === null ? Number.NaN : Number(m[2]);
        if (m === null || !Number.isFinite(value)) throw new UsageError(`"${arg}" is not key=number`);
        changes[m[1] as string] = value;
      }
      const q = await api.request<Json>("PUT", url, changes);
      return [q, renderQuotas(q)];
    }
    case "list": {
      if (args.length > 0) throw new UsageError("usage: runnel quota list --cluster <id>");
      const q = await api.request<Json>("GET", url);
      return [q, renderQuotas(q)];
    }
    case "delete": {
      if (args.length === 0) throw new UsageError("usage: runnel quota delete --cluster <id> key...");
      const q = await api.request<Json>("PUT", url, Object.fromEntries(args.map((k) => [k, null])));
      return [q, renderQuotas(q)];
    }
  }
  throw new UsageError(`unknown quota command: ${command ?? "(none)"}; set, list or delete`);
}

/** Runs one tenant command; returns the exit code. */
export async function tenantCommand(argv: readonly string[], io: TenantCommandIo = {}): Promise<number> {
  const out = io.out ?? ((t: string) => console.log(t));
  const err = io.err ?? ((t: string) => console.error(t));
  const env = io.env ?? process.env;
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    err(`${e instanceof Error ? e.message : String(e)}\n\n${TENANT_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [group, command, ...args] = positionals;
  if (values.help) {
    out(TENANT_USAGE);
    return 0;
  }
  const output = values.output;
  if (output !== "table" && output !== "json") {
    err(`--output must be table or json, not "${output}"`);
    return 2;
  }
  const timeoutMs = Number(values["timeout-ms"]);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
    err(`--timeout-ms must be a positive integer, not "${values["timeout-ms"]}"`);
    return 2;
  }
  const token = resolveAdminToken(values.token, env, io.repoRoot);
  if (token === undefined) {
    err(
      "No admin token: pass --token, set RUNNEL_ADMIN_TOKEN, or start the local fleet (pnpm start), which writes .data/admin-token.",
    );
    return 2;
  }
  const url = values.url ?? (env.RUNNEL_CONTROL_PLANE_URL || DEFAULT_CONTROL_PLANE_URL);
  let api: ControlPlaneClient;
  try {
    api = new ControlPlaneClient({ url, token, timeoutMs });
  } catch {
    err(`--url must be a URL such as ${DEFAULT_CONTROL_PLANE_URL}, not "${url}"`);
    return 2;
  }
  try {
    const run =
      group === "cluster"
        ? clusterCommand
        : group === "api-key"
          ? apiKeyCommand
          : group === "acl"
            ? aclCommand
            : group === "quota"
              ? quotaCommand
              : undefined;
    if (run === undefined) throw new UsageError(`unknown command: ${group ?? "(none)"}`);
    const [value, text] = await run(api, command, args, values);
    out(output === "json" ? JSON.stringify(value, null, 2) : text);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      err(`${e.message}\n\n${TENANT_USAGE}`);
      return 2;
    }
    if (e instanceof ControlPlaneError || e instanceof ControlPlaneUnreachableError) {
      err(`Error: ${e.message}`);
      return 1;
    }
    throw e;
  }
}
