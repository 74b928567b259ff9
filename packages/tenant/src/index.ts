export {
  type ApiKey,
  hashApiKeySecret,
  isApiKeyId,
  newApiKey,
  SCRAM_ITERATIONS_MIN,
  type ScramCredential,
  type ScramMechanism,
  type StoredSecret,
  scramCredential,
  verifyApiKeySecret,
  verifyScramProof,
} from "./credentials.js";
export { isLogicalClusterId, LOGICAL_CLUSTER_PREFIX, newLogicalClusterId } from "./ids.js";
export { NAMESPACE_SEPARATOR, Namespace, TOPIC_NAME_MAX } from "./namespace.js";
