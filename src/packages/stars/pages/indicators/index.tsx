import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import type { StarKind, StarYear } from '@api/star'
import { CallError } from '@/components/CallError'
import { FormError, TextField } from '@/components/form/Field'
import { useAction } from '@/hooks/useAction'
import { useLoad } from '@/hooks/useLoad'
import { callFunction } from '@/services/cloud'
import { errorMessage } from '@/utils/errors'
import { currentYear } from '@/utils/month'
import '../mine/index.scss'

const STAR_KINDS: StarKind[] = ['hours', 'activities', 'category', 'evidence']

const KIND_NAMES: Record<StarKind, string> = {
  hours: '志愿时长',
  activities: '参加活动',
  category: '按类别',
  evidence: '提交证明',
}

/** 摘星指标: the district admin's indicators of the year (data, not code), added, removed, published. */
export default function IndicatorEditorPage() {
  const year = currentYear()
  const loaded = useLoad(() => callFunction('star', 'indicators', { year }), [year])
  const [saved, setSaved] = useState<StarYear | null>(null)
  const [name, setName] = useState('')
  const [kind, setKind] = useState<StarKind>('hours')
  const [threshold, setThreshold] = useState('')
  const [categories, setCategories] = useState('')
  const [error, setError] = useState<string | null>(null)
  const { busy, run } = useAction<'save' | 'publish' | 'remove'>()

  if (loaded.phase === 'error') return <CallError error={loaded.error} onRetry={() => void loaded.reload()} />
  if (loaded.phase === 'loading') return <View className="stars__hint">加载中…</View>
  const data = saved ?? loaded.data

  const add = async () => {
    const n = kind === 'evidence' ? 1 : Number(threshold)
    if (name.trim().length < 2 || !(n > 0)) {
      setError('请填写指标名称和达标数')
      return
    }
    setError(null)
    const cats = kind === 'category' ? categories.split(/[,，\s]+/).filter(Boolean) : []
    const next = await run(
      'save',
      () =>
        callFunction('star', 'saveIndicator', {
          year,
          name,
          kind,
          threshold: n,
          categories: cats,
          order: data.indicators.length + 1,
        }),
      (err) => setError(errorMessage(err)),
    )
    if (next) {
      setSaved(next)
      setName('')
      setThreshold('')
      setCategories('')
    }
  }

  return (
    <View className="stars">
      <View className="stars__total" data-testid="indicators-state">
        {year} 年摘星指标 · {data.published ? '已发布' : '未发布'}
      </View>
      {data.indicators.map((i) => (
        <View key={i.id} className="stars__item" data-testid="indicator-row">
          <View className="stars__head">
            <Text className="stars__name">{i.name}</Text>
            <Text className="stars__count">
              {KIND_NAMES[i.kind]}
              {i.kind === 'evidence' ? '' : ` ≥ ${i.threshold}`}
            </Text>
          </View>
          <Text
            className="stars__link"
            data-testid="indicator-remove"
            onClick={() =>
              void run('remove', () => callFunction('star', 'removeIndicator', { indicatorId: i.id })).then(
                (next) => next && setSaved(next),
              )
            }
          >
            删除
          </Text>
        </View>
      ))}
      <View className="stars__form">
        <View className="stars__chips">
          {STAR_KINDS.map((k) => (
            <Text
              key={k}
              className={`stars__chip${k === kind ? ' stars__chip--on' : ''}`}
              data-testid="indicator-kind"
              onClick={() => setKind(k)}
            >
              {KIND_NAMES[k]}
            </Text>
          ))}
        </View>
        <TextField name="name" label="指标名称" value={name} onChange={setName} maxlength={20} />
        {kind === 'evidence' ? null : (
          <TextField name="threshold" label="达标数" type="digit" value={threshold} onChange={setThreshold} />
        )}
        {kind === 'category' ? (
          <TextField name="categories" label="活动类别代码" value={categories} onChange={setCategories} />
        ) : null}
        <FormError message={error} />
        <View className="form-actions">
          <Button
            color="primary"
            shape="round"
            data-testid="indicator-add"
            loading={busy === 'save'}
            disabled={busy !== null}
            onClick={() => void add()}
          >
            添加指标
          </Button>
          <Button
            shape="round"
            data-testid="indicators-publish"
            loading={busy === 'publish'}
            disabled={busy !== null}
            onClick={() =>
              void run('publish', () => callFunction('star', 'publish', { year, published: !data.published })).then(
                (next) => next && setSaved(next),
              )
            }
          >
            {data.published ? '撤回发布' : '发布'}
          </Button>
        </View>
      </View>
    </View>
  )
}
