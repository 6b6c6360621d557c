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

describe('the phone-number button', () => {
  const getPhoneNumber = jest.fn()
  beforeAll(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sdk = require('wx-server-sdk') as { openapi?: unknown }
    sdk.openapi = { phonenumber: { getPhoneNumber } }
  })

  test('a code is exchanged through phonenumber.getPhoneNumber for the pure mainland number', async () => {
    getPhoneNumber.mockResolvedValueOnce({
      errCode: 0,
      phoneInfo: { phoneNumber: '+86 13905110042', purePhoneNumber: '13905110042', countryCode: '86' },
    })
    expect(await platform.phoneNumber('code-from-button', new Date())).toBe('13905110042')
    expect(getPhoneNumber).toHaveBeenLastCalledWith({ code: 'code-from-button' })
  })

  test('a number from elsewhere keeps its country code, so it is never taken for a mainland one', async () => {
    getPhoneNumber.mockResolvedValueOnce({ phoneInfo: { purePhoneNumber: '4155550100', countryCode: '1' } })
    expect(await platform.phoneNumber('code', new Date())).toBe('+14155550100')
  })

  test('an invalid or used code reads as none; other failures are faults', async () => {
    getPhoneNumber.mockRejectedValueOnce(Object.assign(new Error('invalid code'), { errCode: 40029 }))
    expect(await platform.phoneNumber('old', new Date())).toBeNull()
    getPhoneNumber.mockRejectedValueOnce(Object.assign(new Error('system busy'), { errCode: -1 }))
    await expect(platform.phoneNumber('code', new Date())).rejects.toThrow('system busy')
  })
})
