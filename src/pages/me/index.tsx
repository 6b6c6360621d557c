import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import Cell from '@taroify/core/cell'
import '@taroify/core/cell/style'
import Skeleton from '@taroify/core/skeleton'
import '@taroify/core/skeleton/style'
import Tag from '@taroify/core/tag'
import '@taroify/core/tag/style'
import type { Me } from '@api/session'
import { ROLE_NAMES, hasRole, useSessionStore } from '@/features/session/store/session'
import { UNIT_ROLE_NAMES } from '@/features/org/unit-kinds'
import { ErrorState } from '@/components/ErrorState'
import { SignInPrompt } from '@/components/CallError'
import { PersonCard } from './PersonCard'
import './index.scss'

const ORG = '/packages/organiser/pages'
const ADMIN = '/packages/admin/pages'
const MINE = '/packages/mine/pages'
const VERIFY = '/packages/verify/pages/verify/index'
const VENUES = '/packages/venues/pages'
const SURVEYS = '/packages/surveys/pages'
const WISHES = '/packages/wishes/pages'
const HONOURS = '/packages/honours/pages'
const RECORD = '/packages/record/pages/timeline/index'

// A text arrow: Taroify's arrow icon is a web font the offline local host cannot load.
const ARROW = <Text className="me__arrow">›</Text>

function go(url: string) {
  void Taro.navigateTo({ url })
}

function Profile({ me }: { me: Me }) {
  const admin = hasRole(me, 'district_admin')
  return (
    <View data-testid="me-profile">
      <View className="me__head">
        <View className="me__avatar">{me.nickname.slice(0, 1) || '青'}</View>
        <View className="me__who">
          <Text className="me__name">{me.nickname}</Text>
          <View className="me__roles">
            {me.roles.map((r) => (
              <Tag key={r} className="me__role" color={r === 'youth' ? 'default' : 'primary'} shape="rounded">
                {ROLE_NAMES[r]}
              </Tag>
            ))}
          </View>
        </View>
      </View>
      <PersonCard />

      <Cell.Group className="me__group" inset data-testid="record-entries">
        <Cell title="成长档案" clickable rightIcon={ARROW} onClick={() => go(RECORD)}>
          活动、时长、证明与评价
        </Cell>
      </Cell.Group>

      <Cell.Group className="me__group" inset title="我的报名" data-testid="my-signups">
        <Cell title="我的活动" clickable rightIcon={ARROW} onClick={() => go(`${MINE}/activities/index`)} />
        <Cell title="个人资料" clickable rightIcon={ARROW} onClick={() => go(`${MINE}/profile/index`)}>
          报名时使用
        </Cell>
        <Cell title="我的身份码" clickable rightIcon={ARROW} onClick={() => go(`${MINE}/identity-code/index`)}>
          现场报名时出示
        </Cell>
      </Cell.Group>

      <Cell.Group className="me__group" inset title="志愿服务" data-testid="my-hours-entries">
        <Cell title="我的时长" clickable rightIcon={ARROW} onClick={() => go(`${MINE}/hours/index`)}>
          时长与证明
        </Cell>
        <Cell title="证明查验" clickable rightIcon={ARROW} onClick={() => go(VERIFY)} />
        <Cell title="我的摘星" clickable rightIcon={ARROW} onClick={() => go('/packages/stars/pages/mine/index')}>
          星级与进度
        </Cell>
      </Cell.Group>

      <Cell.Group className="me__group" inset title="隐私与数据" data-testid="my-privacy">
        <Cell title="我的数据" clickable rightIcon={ARROW} onClick={() => go(`${MINE}/my-data/index`)}>
          查看、下载、注销
        </Cell>
        <Cell title="隐私保护指引" clickable rightIcon={ARROW} onClick={() => go(`${MINE}/privacy/index`)} />
      </Cell.Group>

      <Cell.Group className="me__group" inset title="成员单位">
        {me.application ? (
          // The latest application, until admitted: under review, or not admitted with the reason.
          <Cell
            title={`申请「${me.application.unitName}」`}
            brief={
              me.application.status === 'rejected'
                ? `未通过：${me.application.reason ?? '请查看详情'}`
                : '团区委审核中，结果会通知你'
            }
            className={`me__application me__application--${me.application.status}`}
            data-testid="my-application"
            clickable
            rightIcon={ARROW}
            onClick={() => go(`${ORG}/apply/index`)}
          >
            {me.application.status === 'rejected' ? '未通过' : '审核中'}
          </Cell>
        ) : (
          <Cell title="申请成为成员单位" clickable rightIcon={ARROW} onClick={() => go(`${ORG}/apply/index`)} />
        )}
        <Cell title="加入单位（邀请码）" clickable rightIcon={ARROW} onClick={() => go(`${ORG}/join/index`)} />
      </Cell.Group>

      {me.units.length > 0 ? (
        <Cell.Group className="me__group" inset title="我的单位" data-testid="my-units">
          {me.units.map((u) => (
            <Cell
              key={u.id}
              className="me__unit"
              title={u.name}
              clickable
              rightIcon={ARROW}
              onClick={() => go(`${ORG}/unit/index?id=${encodeURIComponent(u.id)}`)}
            >
              {UNIT_ROLE_NAMES[u.role]}
            </Cell>
          ))}
        </Cell.Group>
      ) : null}

      <Cell.Group className="me__group" inset title="阵地预约" data-testid="venue-entries">
        <Cell title="阵地地图" clickable rightIcon={ARROW} onClick={() => go(`${VENUES}/list/index`)}>
          附近可预订的场地
        </Cell>
        <Cell title="我的青年团体" clickable rightIcon={ARROW} onClick={() => go(`${MINE}/youth-groups/index`)}>
          以团体名义预约场地
        </Cell>
        {me.units.length > 0 ? (
          <Cell title="单位场地预订" clickable rightIcon={ARROW} onClick={() => go(`${VENUES}/bookings/index`)} />
        ) : null}
        {me.units.length > 0 || admin ? (
          <Cell title="场地预订审批" clickable rightIcon={ARROW} onClick={() => go(`${VENUES}/approvals/index`)} />
        ) : null}
        {me.units.some((u) => u.role === 'admin') || admin ? (
          <Cell title="我的阵地" clickable rightIcon={ARROW} onClick={() => go(`${VENUES}/mine/index`)}>
            登记场地、开放时间和设施
          </Cell>
        ) : null}
      </Cell.Group>

      {admin || me.units.length > 0 ? (
        <Cell.Group className="me__group" inset title="青年评议" data-testid="rating-entries">
          <Cell title="活动满意度" clickable rightIcon={ARROW} onClick={() => go(`${ADMIN}/ratings/index`)}>
            {admin ? '全区' : '本单位'}
          </Cell>
        </Cell.Group>
      ) : null}
      <Cell.Group className="me__group" inset title="调研问卷" data-testid="survey-entries">
        <Cell title="调研问卷" clickable rightIcon={ARROW} onClick={() => go(`${SURVEYS}/list/index`)}>
          {me.units.length > 0 || admin ? '填写、发起问卷' : '说说你的想法'}
        </Cell>
      </Cell.Group>

      <Cell.Group className="me__group" inset title="活动点单" data-testid="wish-entries">
        <Cell title="心愿墙" clickable rightIcon={ARROW} onClick={() => go(`${WISHES}/wall/index`)}>
          想参加什么活动，说出来
        </Cell>
      </Cell.Group>

      <Cell.Group className="me__group" inset title="荣誉" data-testid="honour-entries">
        <Cell title="荣誉榜" clickable rightIcon={ARROW} onClick={() => go(`${HONOURS}/roll/index`)}>
          {admin ? '评审、公布' : me.units.length > 0 ? '推荐、我的荣誉' : '我的荣誉'}
        </Cell>
      </Cell.Group>

      {admin ? (
        <Cell.Group className="me__group" inset title="团区委管理" data-testid="admin-entries">
          <Cell title="成员单位审核" clickable rightIcon={ARROW} onClick={() => go(`${ADMIN}/review/index`)} />
          <Cell title="年度活动清单" clickable rightIcon={ARROW} onClick={() => go(`${ADMIN}/plan/index`)} />
          <Cell title="完成情况" clickable rightIcon={ARROW} onClick={() => go(`${ADMIN}/completion/index`)} />
          <Cell title="时长统计" clickable rightIcon={ARROW} onClick={() => go(`${ADMIN}/hours/index`)} />
          <Cell title="阵地使用率" clickable rightIcon={ARROW} onClick={() => go(`${ADMIN}/venue-usage/index`)} />
          <Cell title="青年团体审核" clickable rightIcon={ARROW} onClick={() => go(`${ADMIN}/youth-groups/index`)} />
          <Cell title="手机号查看记录" clickable rightIcon={ARROW} onClick={() => go(`${ADMIN}/audit/index`)} />
          <Cell
            title="摘星指标"
            clickable
            rightIcon={ARROW}
            onClick={() => go('/packages/stars/pages/indicators/index')}
          />
          <Cell title="荣誉评选" clickable rightIcon={ARROW} onClick={() => go(`${HONOURS}/review/index`)} />
          <Cell title="五星评比" clickable rightIcon={ARROW} onClick={() => go(`${ADMIN}/unit-scores/index`)} />
        </Cell.Group>
      ) : null}
    </View>
  )
}

export default function MePage() {
  const session = useSessionStore()

  // Roles and units change elsewhere (joining a unit, a review, another dev persona): ask each time.
  useDidShow(() => {
    void useSessionStore.getState().load(true)
  })

  let body: JSX.Element
  if (session.phase === 'signed-out') {
    // Checking a certificate needs no sign-in.
    body = (
      <View>
        <SignInPrompt />
        <View className="me__verify-link" data-testid="verify-link" onClick={() => go(VERIFY)}>
          查验志愿服务证明
        </View>
      </View>
    )
  } else if (session.phase === 'error') {
    body = <ErrorState message={session.error ?? '加载失败'} onRetry={() => void session.load(true)} />
  } else if (session.me) body = <Profile me={session.me} />
  else
    body = (
      <View className="me__loading">
        <Skeleton avatar title row={2} />
      </View>
    )

  return (
    <View className="me">
      {body}
      {process.env.TARO_ENV === 'h5' ? (
        <View className="me__dev-link" onClick={() => go('/pages/dev-login/index')}>
          切换身份(本地)
        </View>
      ) : null}
    </View>
  )
}
