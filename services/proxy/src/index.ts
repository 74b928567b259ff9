// The proxy as a library: the service, and the pure pieces it is built from.
export {
  authenticateErrorCode,
  handshakeErrorCode,
  handshakeOf,
  loginOf,
  refuseAuthenticate,
  saslRounds,
  tenantOf,
} from "./auth.js";
export {
  activeBrokers,
  type BrokerAddress,
  brokerAddress,
  brokerOfServerName,
  brokerPort,
  INTERNAL_ENDPOINT,
  PLAINTEXT_ENDPOINT,
} from "./directory.js";
export { type RequestCaps, RequestScanner, ResponseScanner } from "./frames.js";
export { type Admission, ConnectionLimits, type Limit } from "./limits.js";
export { type Directory, KafkaProxy, type ProxyOptions, type TlsOptions } from "./proxy.js";
export { type ProxyConfig, proxyConfigSchema, startProxy } from "./service.js";
