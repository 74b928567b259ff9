/**
 * The Kafka handlers of the classic consumer-group APIs, all served by the
 * group coordination shell (`group/shell.ts`).
 */
import type { BrokerContext } from "../context.js";
import type { GroupCoordination } from "../group/shell.js";
import type { AnyHandler } from "../kafka/server.js";
import { offsetCommitHandler } from "./08-offset-commit.js";
import { offsetFetchHandler } from "./09-offset-fetch.js";
import { findCoordinatorHandler } from "./10-find-coordinator.js";
import { joinGroupHandler } from "./11-join-group.js";
import { heartbeatHandler } from "./12-heartbeat.js";
import { leaveGroupHandler } from "./13-leave-group.js";
import { syncGroupHandler } from "./14-sync-group.js";
import { describeGroupsHandler } from "./15-describe-groups.js";
import { listGroupsHandler } from "./16-list-groups.js";
import { deleteGroupsHandler } from "./42-delete-groups.js";
import { offsetDeleteHandler } from "./47-offset-delete.js";

export function groupHandlers(broker: BrokerContext, groups: GroupCoordination): AnyHandler[] {
  return [
    offsetCommitHandler(broker, groups),
    offsetFetchHandler(groups),
    findCoordinatorHandler(groups),
    joinGroupHandler(groups),
    heartbeatHandler(groups),
    leaveGroupHandler(groups),
    syncGroupHandler(groups),
    describeGroupsHandler(groups),
    listGroupsHandler(groups),
    deleteGroupsHandler(groups),
    offsetDeleteHandler(groups),
  ];
}
