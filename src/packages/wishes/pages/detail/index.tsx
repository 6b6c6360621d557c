import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import { CallError } from '@/components/CallError'
import { ReasonDialog } from '@/components/ReasonDialog'
import { useAction } from '@/hooks/useAction'
import { useLoad } from '@/hooks/useLoad'
import { errorMessage } from '@/utils/errors'
import { getWish, hideWish, wantWish, withdrawWish } from '../../features/wish/api'
import { WishPath } from '../../features/wish/components/WishPath'
import { WISH_PAGES, WISH_STAGE_NAMES, monthsText } from '../../features/wish/labels'
import './index.scss'

/** One wish: what it asks, 想参加 (once each, tap again to take it back), its path, and what the caller may do. */
export default function WishDetailPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const wish = useLoad(() => getWish(id), [id])
  const { busy, run } = useAction<'want' | 'withdraw' | 'hide'>()
  const [hiding, setHiding] = useState(false)
  const [hideError, setHideError] = useState<string | null>(null)
  // Back from claiming it: read again.
  const [shown, setShown] = useState(false)
  useDidShow(() => {
    if (shown) void wish.reload()
    setShown(true)
  })

  if (wish.phase === 'error') return <CallError error={wish.error} onRetry={() => void wish.reload()} />
  if (wish.phase === 'loading') return <View className="wish__hint">加载中…</View>
  const w = wish.data

  const toggle = async () => {
    const r = await run('want', () => wantWish(w.id, !w.mine.wanted))
    if (r) wish.setData({ ...w, supporters: r.supporters, mine: { ...w.mine, wanted: r.wanted } })
  }

  const withdraw = async () => {
    const ok = await Taro.showModal({ title: '撤回这个心愿？', content: '撤回后其他人将看不到它。' })
    if (!ok.confirm) return
    const r = await run('withdraw', () => withdrawWish(w.id))
    if (r) {
      wish.setData(r)
      void Taro.showToast({ title: '已撤回', icon: 'none' })
    }
  }

  const hide = async (reason: string) => {
    setHideError(null)
    const r = await run(
      'hide',
      () => hideWish(w.id, reason),
      (err) => setHideError(errorMessage(err)),
    )
    if (r) {
      setHiding(false)
      wish.setData(r)
    }
  }

  const open = w.state === 'open'
  return (
    <View className="wish">
      <View className="wish__card">
        <View className="wish__head">
          <Text className="wish__title">{w.title}</Text>
          <Text className="wish__stage" data-testid="wish-stage">
            {w.state === 'withdrawn' ? '已撤回' : w.state === 'hidden' ? '已隐藏' : WISH_STAGE_NAMES[w.stage]}
          </Text>
        </View>
        <View className="wish__meta">
          {w.categoryName} · 希望时间：{monthsText(w.months)}
        </View>
        {w.body ? <View className="wish__body">{w.body}</View> : null}
        {w.hiddenReason ? <View className="wish__reason">隐藏原因：{w.hiddenReason}</View> : null}
        <View className="wish__count" data-testid="wish-count">
          {w.supporters} 人想参加
          {w.stage === 'collecting' && open ? (
            <Text className="wish__goal">（满 {w.threshold} 人将提交团区委）</Text>
          ) : null}
        </View>
        {open ? (
          <Button
            className="wish__want"
            color={w.mine.wanted ? 'default' : 'primary'}
            shape="round"
            block
            data-testid="wish-want"
            loading={busy === 'want'}
            disabled={busy !== null}
            onClick={() => void toggle()}
          >
            <Text data-testid="wish-want-label">{w.mine.wanted ? '已想参加（点击取消）' : '想参加'}</Text>
          </Button>
        ) : null}
      </View>

      <WishPath wish={w} />

      <View className="wish__actions">
        {w.mine.claimUnits.length > 0 ? (
          <Button
            color="primary"
            shape="round"
            data-testid="wish-claim"
            onClick={() => void Taro.navigateTo({ url: `${WISH_PAGES}/claim/index?id=${encodeURIComponent(w.id)}` })}
          >
            认领到本单位清单
          </Button>
        ) : null}
        {w.mine.canWithdraw ? (
          <Button shape="round" data-testid="wish-withdraw" disabled={busy !== null} onClick={() => void withdraw()}>
            撤回心愿
          </Button>
        ) : null}
        {w.mine.canHide ? (
          <Button shape="round" data-testid="wish-hide" onClick={() => setHiding(true)}>
            隐藏
          </Button>
        ) : null}
      </View>

      <ReasonDialog
        open={hiding}
        title="隐藏这个心愿？"
        message={w.title}
        placeholder="隐藏原因，提出人会看到"
        minLength={2}
        maxLength={100}
        confirmText="隐藏"
        busy={busy === 'hide'}
        error={hideError}
        onCancel={() => setHiding(false)}
        onConfirm={(reason) => void hide(reason)}
      />
    </View>
  )
}
