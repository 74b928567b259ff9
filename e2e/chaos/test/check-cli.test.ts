/**
 * The command line: a table per property, exit 0 on a valid history, 1 on a
 * violation, 2 on a malformed one; --json prints the report.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { formatHistory } from "../history.js";
import { HistoryBuilder } from "./build.js";

const script = join(dirname(fileURLToPath(import.meta.url)), "..", "check.ts");
const dir = mkdtempSync(join(tmpdir(), "chaos-check-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(text: string, ...args: string[]) {
  const file = join(dir, `h${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(file, text);
  const r = spawnSync(process.execPath, ["--import", "tsx", script, file, ...args], { encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, file };
}

describe("check.ts", () => {
  it("prints every property ok and exits 0 on a valid history", () => {
    const h = new HistoryBuilder();
    h.send("p1", "a", 0, 0);
    h.drain("d", [[0, 0, "a"]], { 0: 1 });
    const r = run(formatHistory(h.ops));
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^lost-write +0 {2}ok$/m);
    expect(r.stdout).toMatch(/^phantom-read +0 {2}ok$/m);
    expect(r.stdout).toContain("valid: every property holds");
  });

  it("prints the violated property with its example and exits 1", () => {
    const h = new HistoryBuilder();
    h.send("p1", "a", 0, 0);
    h.send("p1", "b", 0, 1);
    h.poll("c1", [[0, 1, "b"]]);
    const r = run(formatHistory(h.ops));
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^lost-write +1 {2}VIOLATED$/m);
    expect(r.stdout).toContain('value "a" acknowledged at t/0 offset 0 (line 2) was never read');
    expect(r.stdout).toContain("INVALID: 1 violation");

    const json = run(formatHistory(h.ops), "--json");
    expect(json.status).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report.valid).toBe(false);
    expect(report.properties["lost-write"].examples[0]).toMatchObject({ value: "a", offset: 0 });
  });

  it("names the file and line of a malformed history and exits 2", () => {
    const r = run('{"type":"ok"}\n');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${r.file}:1: "f" must be one of`);
  });
});
