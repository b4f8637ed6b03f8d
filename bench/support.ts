import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'

export interface LoadResult { rps: number; p99ms: number; requests: number; cpuMsPerRequest: number }

/** Makes sure wrk (the load generator) is there, installing Debian's package when we are root. */
export function ensureWrk(): void {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' })
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return // wrk --version exits 1 but exists
    if (process.getuid?.() !== 0) throw new Error('wrk is not installed: apt-get install -y wrk')
    console.log('installing wrk (apt-get install -y wrk)…')
    execFileSync('sh', ['-c', 'apt-get update -qq && apt-get install -y -qq wrk'], { stdio: 'inherit' })
  }
}

/** utime + stime of a process in milliseconds, from /proc (Linux). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = Number(fields[11]) + Number(fields[12]) // utime, stime (fields 14 and 15 of the record)
  return (ticks * 1000) / 100 // USER_HZ is 100 on Linux
}

/** Runs wrk against one URL and reads requests/s, p99 latency and the server's CPU per request. */
export function load(url: string, serverPid: number, opts: { seconds: number; connections: number }): LoadResult {
  const before = cpuMs(serverPid)
  const out = execFileSync('wrk', ['-t1', `-c${opts.connections}`, `-d${opts.seconds}s`, '--latency', url], { encoding: 'utf8' })
  const cpu = cpuMs(serverPid) - before
  const r = parseWrk(out)
  if (r.non2xx) throw new Error(`wrk saw error responses from ${url}:\n${out}`)
  return { rps: r.rps, p99ms: r.p99ms, requests: r.requests, cpuMsPerRequest: cpu / r.requests }
}

export interface WrkResult { rps: number; p99ms: number; requests: number; non2xx: number; socketErrors: number; output: string }

/** Reads wrk's report: requests/s, p99 latency, requests, non-2xx/3xx answers and socket errors. */
export function parseWrk(out: string): WrkResult {
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1])
  const requests = Number(/(\d+) requests in/.exec(out)?.[1])
  const p99 = /99%\s+([\d.]+)(us|ms|s)/.exec(out)
  const p99ms = p99 ? Number(p99[1]) * ({ us: 0.001, ms: 1, s: 1000 } as Record<string, number>)[p99[2]!]! : NaN
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0)
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out)
  const socketErrors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0
  return { rps, p99ms, requests, non2xx, socketErrors, output: out }
}

/** Like {@link load}'s wrk run, without blocking this process's event loop (so it can do other work meanwhile). */
export function wrk(url: string, opts: { seconds: number; connections: number }): Promise<WrkResult> {
  return new Promise((resolve, reject) => {
    execFile('wrk', ['-t1', `-c${opts.connections}`, `-d${opts.seconds}s`, '--latency', url], { encoding: 'utf8' }, (error, stdout) => {
      if (error) reject(error)
      else resolve(parseWrk(stdout))
    })
  })
}

/** Starts a child process (in `cwd`, which decides the tsconfig tsx reads) and resolves once a line of its stdout matches `ready`. */
export function startChild(command: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp, cwd?: string): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] })
    let buffer = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const match = ready.exec(buffer)
      if (match) resolve({ child, match })
    })
    child.once('exit', (code) => reject(new Error(`${command} exited with ${code} before it was ready:\n${buffer}`)))
  })
}
