/**
 * Moving .xlsx files in and out of the app. WeChat: files come from a chat (chooseMessageFile)
 * and exports open in the document viewer. H5 (local host): a file input and a download link.
 */
import Taro from '@tarojs/taro'
import type { ExportResult } from '@api/plan'

/** The contract's cap on fileBase64 (callFunction payloads must stay under ~100 KB). */
export const MAX_BASE64 = 72_000

export interface PickedFile {
  name: string
  base64: string
}

/** "data:application/…;base64,AAAA" → "AAAA" */
export function stripDataUrl(dataUrl: string): string {
  const comma = dataUrl.indexOf(',')
  return comma >= 0 ? dataUrl.slice(comma + 1) : dataUrl
}

function pickInBrowser(): Promise<PickedFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    input.style.display = 'none'
    input.setAttribute('data-testid', 'xlsx-file-input')
    const done = () => input.remove()
    input.addEventListener('cancel', () => {
      done()
      resolve(null)
    })
    input.addEventListener('change', () => {
      const file = input.files?.[0]
      if (!file) {
        done()
        resolve(null)
        return
      }
      const reader = new FileReader()
      reader.onload = () => {
        done()
        resolve({ name: file.name, base64: stripDataUrl(String(reader.result)) })
      }
      reader.onerror = () => {
        done()
        reject(new Error('读取文件失败'))
      }
      reader.readAsDataURL(file)
    })
    document.body.appendChild(input)
    input.click()
  })
}

async function pickInWechat(): Promise<PickedFile | null> {
  let picked: Taro.chooseMessageFile.SuccessCallbackResult
  try {
    picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] })
  } catch {
    return null // closed without choosing
  }
  const file = picked.tempFiles[0]
  if (!file) return null
  const base64 = Taro.getFileSystemManager().readFileSync(file.path, 'base64') as string
  return { name: file.name, base64 }
}

export function pickXlsx(): Promise<PickedFile | null> {
  if (process.env.TARO_ENV === 'h5') return pickInBrowser()
  return pickInWechat()
}

/** Opens an exported list: the WeChat document viewer (with its share menu), or a browser download. */
export async function openExport(res: ExportResult): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    if (!res.url) throw new Error('导出文件没有下载地址')
    const a = document.createElement('a')
    a.setAttribute('href', res.url)
    a.setAttribute('download', res.fileName)
    document.body.appendChild(a)
    a.click()
    a.remove()
    return
  }
  const { tempFilePath } = await Taro.cloud.downloadFile({ fileID: res.fileId })
  await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true })
}
