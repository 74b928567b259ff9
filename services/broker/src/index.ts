export { type BrokerConfig, brokerConfigSchema, startBroker } from "./service.js";
