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
  return {
    post: (fn, token, body) =>
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
        req.on('error', reject)
        req.end(payload)
      }),
    close: () => agent.destroy(),
  }
}
