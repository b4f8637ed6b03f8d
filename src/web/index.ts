export { buildApp, type AppOptions } from './app.js'
export { createRateLimitRedis } from './hooks/rate-limit-redis.js'
export { setupToken } from './newsroom/sign-in.routes.js'
