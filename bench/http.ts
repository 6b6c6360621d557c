/**
 * The benchmarks' HTTP client: plain keep-alive http.request. The load generator shares this
 * machine's CPUs with the system under test, and fetch (undici) spends several times more CPU
 * per call, which the host and PostgreSQL would otherwise not get.
 */
import { Agent, request } from 'http'

export interface BenchClient {
  /** POSTs JSON to /api/<fn> as the bearer of `token`; resolves to the parsed envelope. */
  post(
    fn: string,
    token: string | null,
    body: unknown,
  ): Promise<{ ok: boolean; data?: unknown; code?: string; message?: string }>
  close(): void
}

export function benchClient(baseUrl: string, maxSockets: number): BenchClient {
  const agent = new Agent({ keepAlive: true, maxSockets })
  const { hostname, port } = new URL(baseUrl)
  const post = (fn: string, token: string | null, body: unknown, retried = false): ReturnType<BenchClient['post']> =>
    new Promise((resolve, reject) => {
      const payload = JSON.stringify(body)
      const req = request(
        {
          hostname,
          port,
          path: `/api/${fn}`,
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => {
            try {
              resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')))
            } catch (err) {
              reject(err)
            }
          })
          res.on('error', reject)
        },
      )
      req.on('error', (err: NodeJS.ErrnoException) => {
        // A kept-alive socket the host closed while it sat idle (its keep-alive timeout is 5 s, and a
        // loaded machine can leave a socket idle that long between bursts): send once more, as Node's
        // documentation advises. Every call the benchmarks make is idempotent (sign-ups carry a key).
        if (!retried && req.reusedSocket && err.code === 'ECONNRESET') post(fn, token, body, true).then(resolve, reject)
        else reject(err)
      })
      req.end(payload)
    })
  return { post, close: () => agent.destroy() }
}
