import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import type { ReviewEvidence, StarEvidenceState } from '@api/star'
import { CallError } from '@/components/CallError'
import { EmptyState } from '@/components/EmptyState'
import { FormError, TextField } from '@/components/form/Field'
import { useAction } from '@/hooks/useAction'
import { useLoad } from '@/hooks/useLoad'
import { errorMessage } from '@/utils/errors'
import { EVIDENCE_STATE_NAMES, approveEvidence, declineEvidence, evidencePhotos, reviewList } from '../../features/api'
import '../mine/index.scss'

const STATES: StarEvidenceState[] = ['pending', 'approved', 'declined']

/** One submission: the person, the indicator, the note; photos through short-lived links; approve or decline. */
function EvidenceCard({ e, onDecided }: { e: ReviewEvidence; onDecided: () => void }) {
  const [urls, setUrls] = useState<string[] | null>(null)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const { busy, run } = useAction<'photos' | 'approve' | 'decline'>()
  const decide = async (kind: 'approve' | 'decline') => {
    if (kind === 'decline' && reason.trim().length < 2) {
      setError('请填写未通过的原因')
      return
    }
    setError(null)
    const done = await run(
      kind,
      () => (kind === 'approve' ? approveEvidence(e.id) : declineEvidence(e.id, reason)),
      (err) => setError(errorMessage(err)),
    )
    if (done) {
      void Taro.showToast({ title: kind === 'approve' ? '已通过' : '已退回', icon: 'none' })
      onDecided()
    }
  }
  return (
    <View className="stars__item" data-testid="evidence-card">
      <View className="stars__head">
        <Text className="stars__name">
          {e.person.realName ?? e.person.nickname} · {e.indicatorName}
        </Text>
        <Text className="stars__count">{EVIDENCE_STATE_NAMES[e.state]}</Text>
      </View>
      <View className="stars__desc">{e.note}</View>
      {e.reason ? <View className="stars__evidence">原因：{e.reason}</View> : null}
      {e.reviewerName ? <View className="stars__evidence">审核人：{e.reviewerName}</View> : null}
      {e.photoCount > 0 && !urls ? (
        <Text
          className="stars__link"
          data-testid="evidence-photos"
          onClick={() =>
            void run('photos', () => evidencePhotos(e.id)).then((r) => {
              if (r) setUrls(r.urls)
            })
          }
        >
          查看照片（{e.photoCount} 张）
        </Text>
      ) : null}
      {urls ? (
        <View className="stars__photos">
          {urls.map((u) => (
            <Image
              key={u}
              className="stars__photo"
              src={u}
              mode="aspectFill"
              onClick={() => void Taro.previewImage({ urls, current: u })}
            />
          ))}
        </View>
      ) : null}
      {e.state === 'pending' ? (
        <View>
          <TextField
            name="reason"
            label="未通过原因"
            value={reason}
            onChange={setReason}
            maxlength={100}
            placeholder="退回时填写"
          />
          <FormError message={error} />
          <View className="form-actions">
            <Button
              color="primary"
              shape="round"
              data-testid="evidence-approve"
              loading={busy === 'approve'}
              disabled={busy !== null}
              onClick={() => void decide('approve')}
            >
              通过
            </Button>
            <Button
              shape="round"
              data-testid="evidence-decline"
              loading={busy === 'decline'}
              disabled={busy !== null}
              onClick={() => void decide('decline')}
            >
              退回
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  )
}

/** 摘星证明审核: evidence submitted to the unit (`unitId`), by state. */
export default function EvidenceReviewPage() {
  const { params } = useRouter()
  const unitId = params.unitId ?? ''
  const [state, setState] = useState<StarEvidenceState>('pending')
  const list = useLoad(() => reviewList(unitId, state), [unitId, state])
  let body: JSX.Element
  if (list.phase === 'error') body = <CallError error={list.error} onRetry={() => void list.reload()} />
  else if (list.phase === 'loading') body = <View className="stars__hint">加载中…</View>
  else if (list.data.length === 0) body = <EmptyState text={`没有${EVIDENCE_STATE_NAMES[state]}的证明`} />
  else
    body = (
      <View>
        {list.data.map((e) => (
          <EvidenceCard key={e.id} e={e} onDecided={() => void list.reload()} />
        ))}
      </View>
    )
  return (
    <View className="stars">
      <View className="stars__chips">
        {STATES.map((s) => (
          <Text
            key={s}
            className={`stars__chip${s === state ? ' stars__chip--on' : ''}`}
            data-testid="evidence-state"
            onClick={() => setState(s)}
          >
            {EVIDENCE_STATE_NAMES[s]}
          </Text>
        ))}
      </View>
      {body}
    </View>
  )
}
