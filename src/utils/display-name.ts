/** Shown where a person has neither a real name nor a nickname. */
export const NO_NAME = '（未填姓名）'

export interface NamedPerson {
  realName?: string | null
  nickname?: string | null
}

/** A person's shown name: the real name, else the nickname, else `placeholder`. */
export function displayName(p: NamedPerson | null | undefined, placeholder: string = NO_NAME): string {
  return p?.realName?.trim() || p?.nickname?.trim() || placeholder
}
