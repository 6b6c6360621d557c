import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import { DELETE_ACCOUNT_CONFIRM } from '@contract/session'
import './DeleteAccountDialog.scss'

interface Props {
  busy: boolean
  error: string | null
  onCancel(): void
  onConfirm(): void
}

/** 注销账号: says what goes and what is kept, and asks for the confirmation word before anything happens. */
export function DeleteAccountDialog({ busy, error, onCancel, onConfirm }: Props) {
  const [typed, setTyped] = useState('')
  const ready = typed.trim() === DELETE_ACCOUNT_CONFIRM
  return (
    <View className="delete-dialog" data-testid="delete-dialog" catchMove>
      <View className="delete-dialog__box">
        <Text className="delete-dialog__title">注销账号</Text>
        <Text className="delete-dialog__text">注销后：</Text>
        <Text className="delete-dialog__text">· 你尚未开始的活动报名将被取消，名额依次让给候补者；</Text>
        <Text className="delete-dialog__text">
          · 你将退出所在的成员单位，尚在审核中的单位申请将被撤回；你负责的青年团体将被停用（审核中的申请不再受理）；
        </Text>
        <Text className="delete-dialog__text">
          · 你的姓名、手机号、出生日期、性别、团员身份、证件类型、报名填写的信息和签到位置将被删除；
        </Text>
        <Text className="delete-dialog__text">
          · 你写的活动评价留言和问卷文字回答将被删除；你提出的心愿如无他人想参加、也未被认领，将被撤下并删除内容；
        </Text>
        <Text className="delete-dialog__text">· 之后再用同一微信进入，将是一个新的账号。</Text>
        <Text className="delete-dialog__kept" data-testid="delete-kept">
          志愿服务时长和已出具的证书依规需保留，将以匿名方式保存（证明仍可查验，但不显示姓名）。
        </Text>
        <Text className="delete-dialog__kept" data-testid="delete-kept-voice">
          你给出的评分和标签、问卷选择题和评分题的答案、你点过的“想参加”仍计入统计，但不再与你关联；已有他人想参加或已被认领的心愿继续留在心愿墙上（心愿墙不显示提出人，记录中的提出人为“已注销用户”）。
        </Text>
        <Text className="delete-dialog__text">此操作无法撤销。请输入“{DELETE_ACCOUNT_CONFIRM}”确认：</Text>
        <Input
          className="delete-dialog__input"
          data-testid="input-confirm"
          value={typed}
          maxlength={10}
          placeholder={DELETE_ACCOUNT_CONFIRM}
          onInput={(e) => setTyped(e.detail.value)}
        />
        {error ? (
          <Text className="delete-dialog__error" data-testid="delete-error">
            {error}
          </Text>
        ) : null}
        <View className="delete-dialog__actions">
          <Button className="delete-dialog__cancel" shape="round" variant="outlined" disabled={busy} onClick={onCancel}>
            取消
          </Button>
          <Button
            className="delete-dialog__confirm"
            color="danger"
            shape="round"
            loading={busy}
            disabled={!ready || busy}
            onClick={onConfirm}
          >
            确认注销
          </Button>
        </View>
      </View>
    </View>
  )
}
