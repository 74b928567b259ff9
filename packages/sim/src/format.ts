import type { Entry, Message } from "@runnel/raft";

function entries(es: readonly Entry[]): string {
  if (es.length === 0) return "[]";
  const show = es.slice(0, 4).map((e) => `${e.index}/${e.term}${e.type === "normal" ? "" : `:${e.type}`}`);
  return `[${show.join(" ")}${es.length > 4 ? ` +${es.length - 4}` : ""}]`;
}

/** One message on one line, for traces and scenario output. */
export function describeMessage(m: Message): string {
  const head = `n${m.from}->n${m.to} ${m.type} t${m.term}`;
  switch (m.type) {
    case "vote":
      return `${head}${m.preVote ? " pre" : ""}${m.transfer ? " transfer" : ""} last=${m.lastLogIndex}/${m.lastLogTerm}`;
    case "vote-response":
      return `${head}${m.preVote ? " pre" : ""} ${m.granted ? "granted" : "rejected"}`;
    case "append":
      return `${head} prev=${m.prevLogIndex}/${m.prevLogTerm} ${entries(m.entries)} commit=${m.leaderCommit}`;
    case "append-response":
      return m.success
        ? `${head} ok match=${m.matchIndex}`
        : `${head} reject hint=${m.conflictIndex}${m.conflictTerm ? `/t${m.conflictTerm}` : ""}`;
    case "snapshot":
      return `${head} snapshot=${m.snapshot.index}/${m.snapshot.term} voters=${m.snapshot.voters.join(",")}`;
    case "snapshot-response":
      return `${head} ${m.installed ? "installed" : "not installed"} match=${m.matchIndex}`;
    case "timeout-now":
      return head;
  }
}
