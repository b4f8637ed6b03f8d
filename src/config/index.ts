export { loadConfig, ConfigError, type Config, type TrustProxy } from './load-config.js'
