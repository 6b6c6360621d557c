import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { MyData } from '@api/session'
import { RATING_TAG_NAMES, type RatingTag } from '@contract/rating'
import { SURVEY_STATE_NAMES } from '@contract/survey'
import type { WishState } from '@contract/wish'
import { YOUTH_GROUP_KIND_NAMES, YOUTH_GROUP_STATE_NAMES } from '@contract/youth-group'
import { KIND_NAMES, STATUS_NAMES, dayText, hoursText } from '@/features/hours/format'
import { UNIT_ROLE_NAMES, UNIT_STATUS_NAMES } from '@/features/org/unit-kinds'
import { STATE_NAMES } from '@/features/signup/states'
import { formatDateTime } from '@/utils/time'
import './HeldData.scss'

const METHOD_NAMES: Record<MyData['scans'][number]['method'], string> = {
  site_code: '扫现场码',
  ticket: '出示入场券',
  walk_in: '现场登记',
}

const WISH_STATE_NAMES: Record<WishState, string> = { open: '展示中', withdrawn: '已撤回', hidden: '已隐藏' }

/** Tag codes as their Chinese names (an unknown code is left out rather than shown). */
const tagsText = (tags: string[]) =>
  tags
    .map((t) => RATING_TAG_NAMES[t as RatingTag])
    .filter(Boolean)
    .join('、')

const monthsText = (months: number[]) => (months.length ? months.map((m) => `${m}月`).join('、') : '不限')

const orNone = (v: string | null) => v ?? '未填写'

function Group({
  title,
  testId,
  empty,
  children,
}: {
  title: string
  testId: string
  empty: boolean
  children: ReactNode
}) {
  return (
    <View className="my-data__group" data-testid={testId}>
      <Text className="my-data__group-title">{title}</Text>
      {empty ? <Text className="my-data__none">暂无</Text> : children}
    </View>
  )
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className="my-data__row">
      <Text className="my-data__label">{label}</Text>
      <Text className="my-data__value">{value}</Text>
    </View>
  )
}

/** Everything held about the person, grouped as 我的数据 shows it. */
export function HeldData({ d }: { d: MyData }) {
  const p = d.profile
  return (
    <>
      <Group title="个人资料" testId="data-profile" empty={false}>
        <Row label="昵称" value={p.nickname} />
        <Row label="真实姓名" value={orNone(p.realName)} />
        <Row label="手机号" value={p.phone ? `${p.phone}${p.phoneVerifiedAt ? '（已通过微信验证）' : ''}` : '未填写'} />
        <Row label="出生日期" value={orNone(p.birthDate)} />
        <Row label="性别" value={orNone(p.gender)} />
        <Row label="共青团员" value={p.leagueMember ? '是' : '否'} />
        <Row label="证件类型" value={orNone(p.idType)} />
        {p.guardian ? (
          <Row
            label="监护人同意"
            value={`${p.guardian.name} ${p.guardian.phone}，${formatDateTime(p.guardian.consentAt)} 同意`}
          />
        ) : null}
        <Row label="注册时间" value={formatDateTime(p.createdAt)} />
        <Row
          label="隐私保护指引"
          value={p.privacyAgreedAt ? `${formatDateTime(p.privacyAgreedAt)} 同意（版本 ${p.privacyVersion}）` : '未同意'}
        />
      </Group>
      <Group title="所属单位" testId="data-units" empty={!d.units.length && !d.districtAdmin}>
        {d.units.map((u) => (
          <Row key={u.id} label={u.name} value={UNIT_ROLE_NAMES[u.role]} />
        ))}
        {d.districtAdmin ? <Row label="团区委" value="管理员" /> : null}
      </Group>
      {d.applications.length ? (
        <Group title="成员单位申请" testId="data-applications" empty={false}>
          {d.applications.map((a) => (
            <View key={`${a.unitName}-${a.createdAt}`} className="my-data__item">
              <Text className="my-data__item-title">
                {a.unitName} · {UNIT_STATUS_NAMES[a.status]}
              </Text>
              <Text className="my-data__item-line">
                联系人：{a.contactName || '未填写'} {a.contactPhone}
              </Text>
            </View>
          ))}
        </Group>
      ) : null}
      {d.youthGroups?.length ? (
        <Group title="我负责的青年团体" testId="data-youth-groups" empty={false}>
          {d.youthGroups.map((g) => (
            <Row
              key={`${g.name}-${g.createdAt}`}
              label={g.name}
              value={`${YOUTH_GROUP_KIND_NAMES[g.kind]} · ${g.size} 人 · ${YOUTH_GROUP_STATE_NAMES[g.state]}`}
            />
          ))}
        </Group>
      ) : null}
      <Group title="报名记录" testId="data-signups" empty={!d.signups.length}>
        {d.signups.map((s) => (
          <View key={`${s.activityId}-${s.createdAt}`} className="my-data__item" data-testid="data-signup">
            <Text className="my-data__item-title">{s.title}</Text>
            <Text className="my-data__item-line">
              {formatDateTime(s.startAt)} · {STATE_NAMES[s.state]}
            </Text>
            {s.answers.map((a) => (
              <Text key={a.question} className="my-data__item-line">
                {a.question}：{a.answer}
              </Text>
            ))}
          </View>
        ))}
      </Group>
      <Group title="签到记录" testId="data-scans" empty={!d.scans.length}>
        {d.scans.map((s, i) => (
          <View key={`${s.scannedAt}-${i}`} className="my-data__item">
            <Text className="my-data__item-title">{s.activityTitle}</Text>
            <Text className="my-data__item-line">
              {s.direction === 'in' ? '签到' : '签退'} · {formatDateTime(s.scannedAt)} · {METHOD_NAMES[s.method]}
            </Text>
            <Text className="my-data__item-line">
              {s.latitude !== null && s.longitude !== null
                ? `位置：北纬 ${s.latitude.toFixed(4)}，东经 ${s.longitude.toFixed(4)}`
                : '未记录位置'}
            </Text>
          </View>
        ))}
      </Group>
      <Group title="志愿服务时长" testId="data-hours" empty={!d.hours.length}>
        {d.hours.map((h, i) => (
          <Row
            key={`${h.day}-${i}`}
            label={`${h.activityTitle} · ${dayText(h.day)}`}
            value={`${KIND_NAMES[h.kind]} ${hoursText(h.hours)} 小时 · ${STATUS_NAMES[h.status]}`}
          />
        ))}
      </Group>
      <Group title="志愿服务证明" testId="data-certificates" empty={!d.certificates.length}>
        {d.certificates.map((c) => (
          <Row key={c.code} label={c.code} value={`${c.from} 至 ${c.to} · ${hoursText(c.totalHours)} 小时`} />
        ))}
      </Group>
      <Group title="我的活动评价" testId="data-ratings" empty={!d.ratings?.length}>
        {d.ratings?.map((r) => (
          <View key={r.activityId} className="my-data__item">
            <Text className="my-data__item-title">{r.title}</Text>
            <Text className="my-data__item-line">
              {r.stars} 星 · {formatDateTime(r.ratedAt)}
            </Text>
            {r.tags.length ? <Text className="my-data__item-line">标签：{tagsText(r.tags)}</Text> : null}
            {r.comment ? <Text className="my-data__item-line">留言：{r.comment}</Text> : null}
          </View>
        ))}
      </Group>
      <Group title="问卷回答" testId="data-surveys" empty={!d.surveyResponses?.length}>
        {d.surveyResponses?.map((s) => (
          <View key={s.surveyId} className="my-data__item">
            <Text className="my-data__item-title">{s.title}</Text>
            <Text className="my-data__item-line">
              {s.ownerUnitName ?? '团区委'} · {SURVEY_STATE_NAMES[s.status]} · {formatDateTime(s.answeredAt)} 填写
            </Text>
            {s.answers.map((a) => (
              <Text key={a.question} className="my-data__item-line">
                {a.question}：{a.answer}
              </Text>
            ))}
          </View>
        ))}
      </Group>
      <Group title="我提出的心愿" testId="data-wishes" empty={!d.wishes?.length}>
        {d.wishes?.map((w) => (
          <View key={w.id} className="my-data__item">
            <Text className="my-data__item-title">{w.title}</Text>
            <Text className="my-data__item-line">
              {w.categoryName} · 希望月份：{monthsText(w.months)} · {WISH_STATE_NAMES[w.state]} · {w.supporters}{' '}
              人想参加
            </Text>
            {w.body ? <Text className="my-data__item-line">{w.body}</Text> : null}
            <Text className="my-data__item-line">{formatDateTime(w.createdAt)} 提出</Text>
          </View>
        ))}
      </Group>
      <Group title="我想参加的心愿" testId="data-wish-supports" empty={!d.wishSupports?.length}>
        {d.wishSupports?.map((w) => (
          <Row
            key={w.wishId}
            label={w.title}
            value={`${WISH_STATE_NAMES[w.state]} · ${formatDateTime(w.createdAt)} 想参加`}
          />
        ))}
      </Group>
    </>
  )
}
