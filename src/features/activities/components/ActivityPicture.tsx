import { useEffect, useState } from 'react'
import { Image } from '@tarojs/components'
import { artFor, artUrl, type ArtShape } from '../illustrations'

interface Props {
  coverUrl: string | null
  category: { code: string; name: string }
  className: string
  /** Lazy in lists; the detail header loads at once. */
  lazy?: boolean
  /** The illustration's frame: a card's square or the detail header's banner. */
  shape?: ArtShape
}

/**
 * The event's picture: its uploaded cover, else the category's illustration (also when the cover's
 * link fails, e.g. expired while the page stayed open).
 */
export function ActivityPicture({ coverUrl, category, className, lazy = false, shape = 'square' }: Props) {
  const [failed, setFailed] = useState(false)
  useEffect(() => setFailed(false), [coverUrl])
  const cover = coverUrl && !failed ? coverUrl : null
  return (
    <Image
      className={className}
      src={cover ?? artUrl(artFor(category), shape)}
      mode="aspectFill"
      lazyLoad={lazy && cover !== null}
      data-testid="activity-picture"
      data-kind={cover ? 'cover' : 'illustration'}
      aria-hidden
      onError={() => setFailed(true)}
    />
  )
}
