/**
 * Route options for @fastify/rate-limit (registered with `global: false`): at most `max` requests
 * a minute from one client address on that route, then 429 with the Arabic page or JSON error.
 * `0` leaves the route unlimited.
 */
export const perMinute = (max: number) => (max > 0 ? { config: { rateLimit: { max, timeWindow: '1 minute' } } } : {})
