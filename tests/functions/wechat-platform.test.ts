/** WechatPlatform's reading of the CloudBase context, with wx-server-sdk replaced by a stand-in context. */
const wxContext: { OPENID?: string; SOURCE?: string } = {}

jest.mock(
  'wx-server-sdk',
  () => ({
    init: () => {},
    DYNAMIC_CURRENT_ENV: 'env',
    getWXContext: () => wxContext,
  }),
  { virtual: true },
)

import { WechatPlatform } from '../../server/platform/wechat'

const platform = new WechatPlatform()

function as(context: { OPENID?: string; SOURCE?: string }) {
  delete wxContext.OPENID
  delete wxContext.SOURCE
  Object.assign(wxContext, context)
}

test('only a timer trigger of its own is a scheduled run', () => {
  as({ SOURCE: 'wx_trigger' })
  expect(platform.isScheduledRun({})).toBe(true)
  for (const SOURCE of ['wx_client', 'wx_devtools', 'wx_http', 'wx_trigger,scf', 'wx_client,scf', undefined]) {
    as({ OPENID: 'o-user', SOURCE })
    expect(platform.isScheduledRun({ trigger: 'timer' })).toBe(false)
  }
})

test('the caller is the OPENID of the context, never anything the event or context claims', () => {
  as({ OPENID: 'o-real', SOURCE: 'wx_client' })
  expect(platform.caller({ devSessionToken: 'anything', openid: 'o-forged' })).toEqual({ openid: 'o-real' })
  as({ SOURCE: 'wx_trigger' })
  expect(platform.caller({})).toBeNull()
})
