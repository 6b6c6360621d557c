/** H5 + local host only: pick a seeded persona. Never part of the WeChat build (see app.config.ts). */
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import type { DevPersona, DevPersonaInfo } from '@api/dev-login'
import { devLogin, fetchPersonas } from '@/features/dev-login/api'
import { useAction } from '@/hooks/useAction'
import { getDevToken, setDevToken } from '@/services/cloud'
import { useActivityListStore } from '@/features/activities/store/activity-list'
import { useSessionStore } from '@/features/session/store/session'
import './index.scss'

const CURRENT_KEY = 'qingju.devPersona'

function goHome() {
  // A new identity starts from a fresh home page; nothing loaded as the previous person survives.
  void Taro.reLaunch({ url: '/pages/index/index' })
}

export default function DevLogin() {
  const [personas, setPersonas] = useState<DevPersonaInfo[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const { busy, run: act } = useAction<DevPersona>()
  const [current, setCurrent] = useState<string | null>(() =>
    getDevToken() ? Taro.getStorageSync<string>(CURRENT_KEY) || '已登录' : null,
  )

  useEffect(() => {
    fetchPersonas()
      .then((res) => setPersonas(res.items))
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)))
  }, [])

  async function choose(p: DevPersonaInfo) {
    setError(null)
    await act(
      p.persona,
      async () => {
        const res = await devLogin(p.persona)
        setDevToken(res.token)
        const label = `${p.label}（${res.nickname}）`
        Taro.setStorageSync(CURRENT_KEY, label)
        setCurrent(label)
        // Lists may depend on who is asking: load them again as the new person.
        useActivityListStore.getState().reset()
        useSessionStore.getState().reset()
        void Taro.showToast({ title: `已切换为${p.label}`, icon: 'none' })
        goHome()
      },
      (err) => {
        setError(err instanceof Error ? err.message : String(err))
      },
    )
  }

  function logout() {
    setDevToken(null)
    Taro.removeStorageSync(CURRENT_KEY)
    setCurrent(null)
    useActivityListStore.getState().reset()
    useSessionStore.getState().reset()
  }

  return (
    <View className="dev-login">
      <View className="dev-login__notice">本地开发登录：仅在本机调试时可用，正式小程序中不存在此页面。</View>
      <View className="dev-login__current">
        <Text>当前身份：</Text>
        <Text className="dev-login__current-name">{current ?? '未登录'}</Text>
        {current ? (
          <Text className="dev-login__logout" onClick={logout}>
            退出
          </Text>
        ) : null}
      </View>
      {error ? <View className="dev-login__error">{error}</View> : null}
      {personas === null && !error ? <View className="dev-login__hint">加载中…</View> : null}
      <View className="dev-login__list">
        {(personas ?? []).map((p) => (
          <Button
            key={p.persona}
            className="dev-login__persona"
            color="primary"
            variant="outlined"
            block
            loading={busy === p.persona}
            disabled={busy !== null}
            onClick={() => void choose(p)}
          >
            {p.label} · {p.nickname}
          </Button>
        ))}
      </View>
    </View>
  )
}
