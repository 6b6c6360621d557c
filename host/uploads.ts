/**
 * The local stand-in for a client upload to CloudBase storage: `PUT /upload/<path>?exp=&sig=` with the
 * photo as the body. The ticket (file-link.ts, purpose 'upload') is issued by an action that checked who
 * may attach the file, for exactly that path, for ten minutes. The host writes only upload names
 * (isUploadPath), only images, only once: a path that exists is never overwritten.
 */
import { mkdir, writeFile } from 'fs/promises'
import type { IncomingMessage, ServerResponse } from 'http'
import { dirname, join } from 'path'
import type { ApiResult } from '@api/result'
import { MAX_UPLOAD_BYTES, isUploadPath } from '../server/domain/files/uploads'
import { signedPathOf } from '../server/platform/file-link'
import { systemClock } from '../server/runtime/clock'

type Send = (res: ServerResponse, status: number, body: unknown) => void
const failure = (code: string, message: string) => ({ ok: false, code, message })

/** JPEG, PNG, WebP or HEIC, by their first bytes: what the phone pickers produce. */
function isImage(head: Buffer): boolean {
  if (head.length < 12) return false
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return true
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return true
  if (head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') return true
  return head.toString('latin1', 4, 8) === 'ftyp'
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    // Drain past the limit so the client reads the 413 rather than a reset connection.
    if (size <= MAX_UPLOAD_BYTES) chunks.push(chunk as Buffer)
  }
  return size > MAX_UPLOAD_BYTES ? null : Buffer.concat(chunks)
}

export async function receiveUpload(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  options: { filesDir: string; filesSecret: string },
  send: Send,
): Promise<void> {
  const signed = signedPathOf(url, '/upload/', options.filesSecret, systemClock(), 'upload')
  if (!signed.ok || !isUploadPath(signed.path)) {
    const expired = !signed.ok && signed.expired
    return send(
      res,
      403,
      failure('FORBIDDEN', expired ? '上传链接已过期，请重新选择照片' : '上传链接无效，请重新选择照片'),
    )
  }
  const path = signed.path
  const body = await readBody(req)
  if (!body) return send(res, 413, failure('INVALID_INPUT', '照片太大，请选择 10MB 以内的照片'))
  if (!isImage(body)) return send(res, 400, failure('INVALID_INPUT', '只能上传照片'))
  const target = join(options.filesDir, path)
  await mkdir(dirname(target), { recursive: true })
  try {
    await writeFile(target, body, { flag: 'wx' })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      return send(res, 409, failure('CONFLICT', '该照片已上传，请重新选择照片'))
    }
    throw err
  }
  send(res, 200, { ok: true, data: { fileId: `local://${path}` } } satisfies ApiResult<{ fileId: string }>)
}
