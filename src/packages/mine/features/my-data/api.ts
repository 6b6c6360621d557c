import Taro from '@tarojs/taro'
import { DELETE_ACCOUNT_CONFIRM } from '@contract/session'
import { callFunction } from '@/services/cloud'
import { downloadLink } from '@/services/files'
import { openExport } from '@/utils/open-export'

export const getMyData = () => callFunction('session', 'myData', {})
export const exportMyData = () => callFunction('session', 'exportMyData', {})
/** The same record as an Excel workbook, one sheet per group. */
export const exportMyDataSheet = () => callFunction('session', 'exportMyData', { format: 'xlsx' })
export const deleteAccount = () => callFunction('session', 'deleteAccount', { confirm: DELETE_ACCOUNT_CONFIRM })

/**
 * Saves the downloaded copy: a browser download in H5; in WeChat the file is downloaded through its
 * short-lived link and offered with the share sheet (send it to 文件传输助手 to keep it), since the
 * document viewer does not open JSON.
 */
export async function saveMyDataFile(file: { fileName: string; fileId: string; url: string }): Promise<void> {
  // The workbook opens in WeChat's document viewer (with its share menu), like every other export.
  if (process.env.TARO_ENV === 'h5' || file.fileName.endsWith('.xlsx')) return openExport(file)
  const filePath = await downloadLink(file.url)
  await Taro.shareFileMessage({ filePath, fileName: file.fileName })
}
