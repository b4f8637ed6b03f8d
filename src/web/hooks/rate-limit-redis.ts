import { Redis } from 'ioredis'

/**
 * A Redis client for counting rate limits across app processes, tuned so that a Redis that is down
 * or stuck never holds up a reader: a command fails at once while the connection is down (no
 * offline queue) and after half a second when Redis does not answer, and the app then serves the
 * request without counting it (`skipOnError`, see buildApp). It reconnects on its own. The caller
 * owns it and quits it after the app has closed.
 */
export function createRateLimitRedis(url: string): Redis {
  return new Redis(url, { enableOfflineQueue: false, commandTimeout: 500, connectTimeout: 2000, maxRetriesPerRequest: 1 })
}
