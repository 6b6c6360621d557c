import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import { CallError } from '@/components/CallError'
import { PRIVACY_GUIDE_PAGE, useConsentStore } from '@/features/privacy/store/consent'
import { useSessionStore } from '@/features/session/store/session'
import { errorMessage } from '@/utils/errors'
import { useAction } from '@/hooks/useAction'
import { useLoad } from '@/hooks/useLoad'
import { deleteAccount, exportMyData, exportMyDataSheet, getMyData, saveMyDataFile } from '../../features/my-data/api'
import { DeleteAccountDialog } from '../../features/my-data/components/DeleteAccountDialog'
import { HeldData } from '../../features/my-data/components/HeldData'
import './index.scss'

export default function MyDataPage() {
  const data = useLoad(getMyData, [])
  const { busy, run } = useAction<'export' | 'sheet' | 'delete'>()
  const [deleting, setDeleting] = useState(false)
  const [deleteError, setDeleteError] = useState<string | null>(null)

  async function download() {
    await run('export', async () => saveMyDataFile(await exportMyData()), { modal: '下载失败' })
  }

  async function downloadSheet() {
    await run('sheet', async () => saveMyDataFile(await exportMyDataSheet()), { modal: '下载失败' })
  }

  async function confirmDelete() {
    setDeleteError(null)
    const done = await run(
      'delete',
      async () => {
        await deleteAccount()
        return true
      },
      (err) => setDeleteError(errorMessage(err)),
    )
    if (!done) return
    setDeleting(false)
    // The next person on this device is asked again; the session is someone new now.
    useConsentStore.getState().forget()
    useSessionStore.getState().reset()
    void Taro.showToast({ title: '账号已注销', icon: 'success' })
    void Taro.reLaunch({ url: '/pages/index/index' })
  }

  if (data.phase === 'loading') return <View className="my-data__loading">加载中…</View>
  if (data.phase === 'error') return <CallError error={data.error} onRetry={() => void data.reload()} />
  return (
    <View className="my-data" data-testid="my-data-page">
      <Text className="my-data__intro">这里是青聚保存的关于你的全部信息。你可以下载一份副本，或注销账号。</Text>
      <View className="my-data__actions">
        <Button
          color="primary"
          shape="round"
          block
          loading={busy === 'export'}
          disabled={busy !== null}
          onClick={() => void download()}
        >
          下载我的数据
        </Button>
        <Button
          className="my-data__sheet"
          color="primary"
          variant="outlined"
          shape="round"
          block
          loading={busy === 'sheet'}
          disabled={busy !== null}
          onClick={() => void downloadSheet()}
        >
          下载为表格（Excel）
        </Button>
        <Text
          className="my-data__guide-link"
          data-testid="guide-link"
          onClick={() => void Taro.navigateTo({ url: PRIVACY_GUIDE_PAGE })}
        >
          查看《青聚隐私保护指引》
        </Text>
      </View>
      <HeldData d={data.data} />
      <View className="my-data__danger">
        <Button
          className="my-data__delete"
          color="danger"
          variant="outlined"
          shape="round"
          block
          disabled={busy !== null}
          onClick={() => {
            setDeleteError(null)
            setDeleting(true)
          }}
        >
          注销账号
        </Button>
      </View>
      {deleting ? (
        <DeleteAccountDialog
          busy={busy === 'delete'}
          error={deleteError}
          onCancel={() => setDeleting(false)}
          onConfirm={() => void confirmDelete()}
        />
      ) : null}
    </View>
  )
}
