/**
 * Picking .xlsx files to import. WeChat: files come from a chat (chooseMessageFile); H5 (local
 * host): a file input. Opening exports lives in src/utils/open-export.ts (the roster uses it too).
 */
import Taro from '@tarojs/taro'

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
