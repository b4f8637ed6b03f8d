import type { Config } from '../../config/index.js'
import { startServer } from '../../main.js'

/** `khabar serve`: runs the site until SIGINT/SIGTERM. */
export async function serve(config: Config): Promise<number> {
  const server = await startServer(config)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void server.close().then(() => process.exit(0)))
  }
  return 0
}
