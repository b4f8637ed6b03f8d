import cluster, { type Worker } from 'node:cluster'
import type { Config } from '../../config/index.js'
import { startServer } from '../../main.js'

/**
 * `khabar serve`: runs the site until SIGINT/SIGTERM. With KHABAR_WORKERS=N (N > 1) this process
 * supervises N worker processes that share one port (node's cluster) and hold no state the others
 * lack: content, its version, form secrets and — with Redis — rate limits all live outside them.
 */
export async function serve(config: Config): Promise<number> {
  if (config.workers > 1 && cluster.isPrimary) return superviseWorkers(config)
  const server = await startServer(config, { workerId: cluster.worker?.id })
  let stopping = false
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return
      stopping = true
      // Stop accepting, let the requests already in progress finish, then close the pools.
      void server.close().then(() => process.exit(0), (e: unknown) => {
        console.error(`khabar: shutdown failed: ${(e as Error).message}`)
        process.exit(1)
      })
    })
  }
  return 0
}

/**
 * Forks the workers and keeps them running: one that dies is replaced after a pause that grows
 * while workers keep dying young (a bad deploy must not spin the machine). SIGTERM is passed on,
 * and this process exits once every worker has finished its requests and stopped.
 */
function superviseWorkers(config: Config): number {
  let stopping = false
  let quickDeaths = 0
  const started = new Map<Worker, number>()
  const fork = () => started.set(cluster.fork(), Date.now())
  if (!config.redisUrl) {
    console.warn(`khabar: ${config.workers} workers count rate limits each on their own (up to ${config.workers}× the limit); set KHABAR_REDIS_URL to share them`)
  }
  let listening = 0
  cluster.on('listening', (_worker, address) => {
    if (++listening === config.workers) console.log(`khabar: ${config.workers} workers serving on port ${address.port}`)
  })
  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (started.get(worker) ?? 0)
    started.delete(worker)
    if (stopping) {
      if (started.size === 0) process.exit(0)
      return
    }
    quickDeaths = lived < 10_000 ? quickDeaths + 1 : 0
    const pause = Math.min(30_000, 250 * 2 ** quickDeaths)
    console.error(`khabar: worker ${worker.process.pid} stopped (${signal ?? `exit code ${code}`}); starting another in ${pause} ms`)
    setTimeout(() => { if (!stopping) fork() }, pause)
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return
      stopping = true
      if (started.size === 0) process.exit(0)
      for (const worker of started.keys()) worker.process.kill('SIGTERM')
    })
  }
  for (let i = 0; i < config.workers; i++) fork()
  return 0
}
