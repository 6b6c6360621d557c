import { Button, Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Profile } from '@api/signup'
import { FieldRow } from '@/components/form/Field'
import { pickPhotos } from '@/features/images/upload'
import { useAction } from '@/hooks/useAction'
import { removeAvatar, setAvatar } from './api'
import './AvatarField.scss'

const WECHAT = process.env.TARO_ENV === 'weapp'

interface Props {
  avatarUrl: string | null
  onSaved(p: Profile): void
}

/**
 * 头像: shown (never with a name) on the cards of events the person signed up for. WeChat's own
 * avatar chooser (`chooseAvatar`) in the mini-program, the photo picker on H5; uploaded to a name the
 * server gives the person, then saved. 移除 takes it off every card.
 */
export function AvatarField({ avatarUrl, onSaved }: Props) {
  const { busy, run } = useAction()

  const save = (path: string, type?: string) =>
    run('set', async () => {
      onSaved(await setAvatar(path, type))
      void Taro.showToast({ title: '头像已更新', icon: 'success' })
    })

  async function pick() {
    const [photo] = await pickPhotos(1)
    if (photo) await save(photo.path, photo.type)
  }

  const remove = () =>
    run('remove', async () => {
      onSaved(await removeAvatar())
      void Taro.showToast({ title: '头像已移除', icon: 'success' })
    })

  const face = avatarUrl ? (
    <Image className="avatar-field__face" src={avatarUrl} mode="aspectFill" data-testid="my-avatar" />
  ) : (
    <View className="avatar-field__face avatar-field__face--blank" data-testid="my-avatar-blank" />
  )

  return (
    <FieldRow label="头像" name="avatar" hint="报名后，头像会出现在活动卡片的“已报名”处，不显示姓名">
      <View className="avatar-field">
        {WECHAT ? (
          <Button
            className="avatar-field__choose"
            openType="chooseAvatar"
            disabled={busy !== null}
            data-testid="choose-avatar"
            onChooseAvatar={(e) => void save(e.detail.avatarUrl)}
          >
            {face}
            <Text className="avatar-field__action">{avatarUrl ? '更换头像' : '设置头像'}</Text>
          </Button>
        ) : (
          <View
            className="avatar-field__choose"
            data-testid="choose-avatar"
            onClick={() => void (busy === null && pick())}
          >
            {face}
            <Text className="avatar-field__action">
              {busy === 'set' ? '上传中…' : avatarUrl ? '更换头像' : '设置头像'}
            </Text>
          </View>
        )}
        {avatarUrl ? (
          <Text
            className="avatar-field__remove"
            data-testid="remove-avatar"
            onClick={() => void (busy === null && remove())}
          >
            移除
          </Text>
        ) : null}
      </View>
    </FieldRow>
  )
}
