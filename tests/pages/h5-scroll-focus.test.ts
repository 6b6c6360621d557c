/** H5: scrolling regions are keyboard-focusable, including those that appear later (a new page). */
import { focusableScrollRegions } from '@/utils/h5-scroll-focus'

test('page containers and sideways scrollers get tabindex 0, now and when they appear; others are left alone', async () => {
  document.body.innerHTML = '<div class="taro_page" id="first"></div><div class="plain"></div>'
  focusableScrollRegions()
  expect(document.getElementById('first')?.getAttribute('tabindex')).toBe('0')
  expect(document.querySelector('.plain')?.hasAttribute('tabindex')).toBe(false)

  const later = document.createElement('div')
  later.className = 'taro-scroll-view__scroll-x'
  const kept = document.createElement('div')
  kept.className = 'taroify-tabs__wrap__scroll'
  kept.setAttribute('tabindex', '-1')
  document.body.append(later, kept)
  await Promise.resolve() // mutation records are delivered as a microtask
  expect(later.getAttribute('tabindex')).toBe('0')
  expect(kept.getAttribute('tabindex')).toBe('-1')
})
