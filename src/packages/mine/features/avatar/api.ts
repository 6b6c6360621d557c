/** Setting the person's avatar: an upload name from the server, the upload, then saving it on the profile. */
import type { Profile } from '@api/signup'
import { callFunction } from '@/services/cloud'
import { uploadPrivate } from '@/services/files'
import { imageKindOf } from '@/features/images/upload'

/** Uploads the picked photo as the person's avatar and saves it; resolves to the saved profile. */
export async function setAvatar(path: string, type?: string): Promise<Profile> {
  const target = await callFunction('signup', 'avatarUpload', { file: imageKindOf(path, type) })
  const fileId = await uploadPrivate(target, path)
  return callFunction('signup', 'updateProfile', { avatar: fileId })
}

export function removeAvatar(): Promise<Profile> {
  return callFunction('signup', 'updateProfile', { avatar: null })
}
