import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'

/** The channel the content tables' triggers notify on (migration 006); the payload is `schema token`. */
export const CONTENT_CHANNEL = 'khabar_content'

/**
 * What the page cache checks on every request: a version that moves whenever content committed
 * by any process on this database (other workers, other machines, `khabar import`) changes.
 */
export interface ContentSignal {
  /** Synchronous: `epoch.count` while listening; a never-repeating value while the listener is down. */
  version(): string
  /** Records a write this process committed (it shows at once, without waiting for the notification). */
  changed(): void
  /**
   * Resolves when this process's listener has received the notification of the transaction that
   * committed with `token` (or after `timeoutMs`, or at once when not listening). Every listening
   * process was signalled by the same commit, so by then they have it too, or are reading it.
   */
  delivered(token: string, timeoutMs: number): Promise<void>
  close(): Promise<void>
}

/**
 * Listens on one dedicated connection (`LISTEN`), for the tables of `schema`. While that
 * connection is down — PostgreSQL restarted, a network cut — notifications are lost, so the
 * version changes on every call (nothing is served from the page cache) until it is back;
 * it reconnects with a growing back-off (0.1 s → 5 s), and a new epoch starts, because anything
 * may have changed meanwhile.
 */
export async function listenForContentChanges(
  client: (applicationName: string) => pg.Client,
  schema: string,
  log: (message: string) => void = (m) => console.error(m),
): Promise<ContentSignal> {
  let epoch = 0
  let count = 0
  let listening = false
  let downTicks = 0
  let stopped = false
  let current: pg.Client | null = null
  const waiting = new Map<string, () => void>()
  // Tokens already received: a notification can arrive before its writer asks about it.
  const seen = new Set<string>()

  function onNotification(msg: pg.Notification) {
    const [from, token = ''] = (msg.payload ?? '').split(' ')
    if (from !== schema) return
    count++
    if (!token) return
    seen.add(token)
    if (seen.size > 1_000) seen.delete(seen.values().next().value!)
    waiting.get(token)?.()
  }

  /** Connects and listens; resolves when the connection ends (or rejects if it cannot start). */
  async function listenOnce(): Promise<{ ended: Promise<void> }> {
    const c = client(`khabar-listen:${schema}`.slice(0, 63))
    current = c
    const ended = new Promise<void>((resolve) => {
      c.once('end', resolve)
      c.on('error', () => resolve())
    })
    c.on('notification', onNotification)
    await c.connect()
    await c.query(`LISTEN ${CONTENT_CHANNEL}`)
    epoch++
    listening = true
    // Wrapped: an async function returning a bare promise would wait for it to settle.
    return {
      ended: ended.then(() => {
        listening = false
        for (const done of waiting.values()) done()
      }),
    }
  }

  async function keepListening(ended: Promise<void>) {
    await ended
    for (let attempt = 0; !stopped; attempt++) {
      if (attempt === 0) log('khabar: lost the PostgreSQL notification connection; pages are not cached until it is back')
      await sleep(Math.min(5_000, 100 * 2 ** attempt))
      if (stopped) return
      try {
        ended = (await listenOnce()).ended
        log('khabar: listening for content changes again')
        attempt = -1
        await ended
      } catch {
        await current?.end().catch(() => {})
      }
    }
  }

  void keepListening((await listenOnce()).ended)

  return {
    version: () => (listening ? `${epoch}.${count}` : `down.${++downTicks}`),
    changed() {
      count++
    },
    delivered(token, timeoutMs) {
      if (!listening || seen.has(token)) return Promise.resolve()
      return new Promise<void>((resolve) => {
        const timer = setTimeout(done, timeoutMs)
        function done() {
          clearTimeout(timer)
          waiting.delete(token)
          resolve()
        }
        waiting.set(token, done)
      })
    },
    async close() {
      stopped = true
      listening = false
      await current?.end().catch(() => {})
    },
  }
}
