/**
 * Checks a recorded history and prints one row per property:
 *
 *   npx tsx e2e/chaos/check.ts HISTORY.jsonl [--json] [--examples N]
 *
 * --json prints the whole report as JSON instead of the table; --examples
 * bounds the examples kept per property (default 10). Exits 0 when every
 * property holds, 1 on any violation, 2 when the history cannot be read or is
 * malformed (each problem printed with its line).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { type CheckReport, check, PROPERTIES } from "./checker.js";
import { HistoryError, parseHistory } from "./history.js";

/** The report as a human-readable table followed by the examples. */
export function formatReport(report: CheckReport, source: string): string {
  const s = report.sends;
  const r = report.reads;
  const out = [
    `${source}: ${report.ops} ops`,
    `sends: ${s.invoked} invoked, ${s.ok} ok, ${s.fail} fail, ${s.info} info, ${s.unfinished} unfinished; ` +
      `${s.recovered} indeterminate read back (recovered), ${s.unverified} acknowledged but unverified (no later drain)`,
    `reads: ${r.polls} polls, ${r.drains} drain${r.drains === 1 ? "" : "s"}, ${r.records} records`,
    "",
    `${"property".padEnd(22)}${"count".padStart(7)}  result`,
  ];
  for (const p of PROPERTIES) {
    const { count } = report.properties[p];
    out.push(`${p.padEnd(22)}${String(count).padStart(7)}  ${count === 0 ? "ok" : "VIOLATED"}`);
  }
  for (const p of PROPERTIES) {
    const { count, examples } = report.properties[p];
    if (count === 0) continue;
    out.push("", `${p}: ${count} (showing ${examples.length})`);
    for (const e of examples) out.push(`  ${e.message}`);
  }
  const violations = PROPERTIES.reduce((n, p) => n + report.properties[p].count, 0);
  out.push(
    "",
    report.valid
      ? "valid: every property holds"
      : `INVALID: ${violations} violation${violations === 1 ? "" : "s"}`,
  );
  return out.join("\n");
}

function main(): void {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { json: { type: "boolean" }, examples: { type: "string" } },
  });
  const file = positionals[0];
  const maxExamples = values.examples === undefined ? 10 : Number(values.examples);
  if (!file || positionals.length > 1 || !Number.isSafeInteger(maxExamples) || maxExamples < 0) {
    console.error("usage: check.ts HISTORY.jsonl [--json] [--examples N]");
    process.exit(2);
  }
  let report: CheckReport;
  try {
    report = check(parseHistory(readFileSync(file, "utf8"), file), { maxExamples });
  } catch (e) {
    if (e instanceof HistoryError) {
      console.error(`${e.message}\n${file}: malformed history (${e.problems.length} problems shown)`);
    } else {
      console.error(`${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
    process.exit(2);
  }
  console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report, file));
  process.exit(report.valid ? 0 : 1);
}

// Runs only as a script, so tests can import formatReport.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
