/**
 * 分享年度小结: draws the summary on a canvas (a DOM canvas in H5, an offscreen 2D canvas in WeChat)
 * and opens it in the image preview, where it can be saved or sent to a friend.
 */
import Taro from '@tarojs/taro'
import type { GrowthRecord } from '@api/record'
import { SUMMARY_HEIGHT, SUMMARY_WIDTH, drawYearSummary, type SummaryContext } from './draw'

export async function shareYearSummary(record: GrowthRecord, name: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const canvas = document.createElement('canvas')
    canvas.width = SUMMARY_WIDTH
    canvas.height = SUMMARY_HEIGHT
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new Error('no 2d canvas')
    drawYearSummary(ctx, record, name)
    await Taro.previewImage({ urls: [canvas.toDataURL('image/png')] })
    return
  }
  const canvas = Taro.createOffscreenCanvas({ type: '2d', width: SUMMARY_WIDTH, height: SUMMARY_HEIGHT })
  drawYearSummary(canvas.getContext('2d') as unknown as SummaryContext, record, name)
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas } as unknown as Taro.canvasToTempFilePath.Option)
  await Taro.previewImage({ urls: [tempFilePath] })
}
