/** Opening an export in WeChat: by the short-lived link the action returns, by fileID only if the link fails. */
import Taro from '@tarojs/taro'
import { openExport } from '@/utils/open-export'

const file = {
  fileName: '志愿时长-2026-11.xlsx',
  fileId: 'cloud://env.bucket/exports/hours/runzhou/x.xlsx',
  url: 'https://bucket.tcb.qcloud.la/exports/hours/runzhou/x.xlsx?sign=t',
}

const taro = Taro as unknown as { cloud?: { downloadFile: jest.Mock } }
let savedEnv: typeof process.env.TARO_ENV
let savedCloud: typeof taro.cloud
let download: jest.SpyInstance
let open: jest.SpyInstance

beforeEach(() => {
  savedEnv = process.env.TARO_ENV
  process.env.TARO_ENV = 'weapp'
  savedCloud = taro.cloud
  taro.cloud = { downloadFile: jest.fn().mockResolvedValue({ tempFilePath: 'wxfile://by-id.xlsx' }) }
  download = jest.spyOn(Taro, 'downloadFile')
  open = jest.spyOn(Taro, 'openDocument').mockResolvedValue({} as never)
})

afterEach(() => {
  process.env.TARO_ENV = savedEnv
  taro.cloud = savedCloud
  download.mockRestore()
  open.mockRestore()
})

test('the document viewer opens the file downloaded through the link', async () => {
  download.mockResolvedValue({ statusCode: 200, tempFilePath: 'wxfile://by-link.xlsx' } as never)
  await openExport(file)
  expect(download).toHaveBeenCalledWith({ url: file.url })
  expect(taro.cloud!.downloadFile).not.toHaveBeenCalled()
  expect(open).toHaveBeenCalledWith({ filePath: 'wxfile://by-link.xlsx', fileType: 'xlsx', showMenu: true })
})

test('a link that cannot be downloaded falls back to the fileID', async () => {
  download.mockRejectedValue(new Error('downloadFile:fail url not in domain list'))
  await openExport(file)
  expect(taro.cloud!.downloadFile).toHaveBeenCalledWith({ fileID: file.fileId })
  expect(open).toHaveBeenCalledWith({ filePath: 'wxfile://by-id.xlsx', fileType: 'xlsx', showMenu: true })
})

test('an expired link that the fileID cannot replace says so in Chinese', async () => {
  download.mockResolvedValue({ statusCode: 403, tempFilePath: '' } as never)
  taro.cloud!.downloadFile.mockRejectedValue(new Error('downloadFile:fail permission denied'))
  await expect(openExport(file)).rejects.toThrow('下载链接已失效，请重新导出')
  expect(open).not.toHaveBeenCalled()
})
