/**
 * Runs the local host as its own process, exactly as `npm start` does (one Node process, so a
 * signal or SIGKILL reaches the host itself), and waits for the URLs it prints.
 * Used by the end-to-end tests, the host test and the benchmarks.
 */
import { spawn, type ChildProcess } from 'child_process'
import { join } from 'path'

export interface HostProcess {
  child: ChildProcess
  url: string
  databaseUrl: string
  /** SIGINT (Ctrl-C) and wait for a clean exit. */
  stop(): Promise<void>
}

/** `env.HOST_NODE_ARGS` adds flags for the host's node (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile a benchmark). */
export function startHostProcess(env: Record<string, string>, timeoutMs = 240_000): Promise<HostProcess> {
  const nodeArgs = env.HOST_NODE_ARGS ? env.HOST_NODE_ARGS.split(' ') : []
  const child = spawn(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', join(__dirname, '..', 'scripts', 'start.ts')],
    {
      cwd: join(__dirname, '..'),
      env: { ...process.env, PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  return new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(
      () => reject(new Error(`local host did not start in time:\n${out.slice(-3000)}`)),
      timeoutMs,
    )
    const onData = (chunk: Buffer) => {
      out += chunk.toString()
      const url = out.match(/running at (http:\/\/[^\s/]+)/)
      const db = out.match(/database (postgresql:\/\/\S+)/)
      if (url && db) {
        clearTimeout(timer)
        resolve({
          child,
          url: url[1],
          databaseUrl: db[1],
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done()
              child.once('exit', () => done())
              child.kill('SIGINT')
            }),
        })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`local host exited with ${code}:\n${out.slice(-3000)}`))
    })
  })
}
