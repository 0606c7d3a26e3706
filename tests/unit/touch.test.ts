/** The server's guess that a request comes from a touch screen (lib/http/touch.ts). */
import { describe, expect, it } from 'vitest';
import { DEFAULT_WIDTH, PHONE_WIDTH } from '@/lib/charts/constants';
import { deviceGuess, likelyPhone, likelyTouch } from '@/lib/http/touch';
import { closeEnough } from '@/app/_components/charts/use-chart-width';

const req = (h: Record<string, string>) => new Headers(h);
const PIXEL = 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';
const DESKTOP = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const IPAD = 'Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/604.1';
const ANDROID_TABLET = 'Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const FIREFOX_ANDROID = 'Mozilla/5.0 (Android 14; Mobile; rv:132.0) Gecko/132.0 Firefox/132.0';

describe('likelyTouch', () => {
  it('believes the Sec-CH-UA-Mobile client hint over the user agent', () => {
    expect(likelyTouch(req({ 'sec-ch-ua-mobile': '?1', 'user-agent': DESKTOP }))).toBe(true);
    expect(likelyTouch(req({ 'sec-ch-ua-mobile': '?0', 'user-agent': PIXEL }))).toBe(false);
  });

  it('reads the user agent when there is no hint (Safari, Firefox)', () => {
    expect(likelyTouch(req({ 'user-agent': IPHONE }))).toBe(true);
    expect(likelyTouch(req({ 'user-agent': FIREFOX_ANDROID }))).toBe(true);
    expect(likelyTouch(req({ 'user-agent': PIXEL }))).toBe(true);
    expect(likelyTouch(req({ 'user-agent': DESKTOP }))).toBe(false);
  });

  it('assumes a mouse when the request says nothing', () => {
    expect(likelyTouch(req({}))).toBe(false);
    expect(likelyTouch(req({ 'sec-ch-ua-mobile': 'nonsense', 'user-agent': 'curl/8.5.0' }))).toBe(false);
  });
});

describe('likelyPhone and deviceGuess', () => {
  it('tells phones from tablets, which also have touch screens', () => {
    for (const ua of [PIXEL, IPHONE, FIREFOX_ANDROID]) expect(likelyPhone(req({ 'user-agent': ua })), ua).toBe(true);
    for (const ua of [IPAD, ANDROID_TABLET, DESKTOP]) expect(likelyPhone(req({ 'user-agent': ua })), ua).toBe(false);
    expect(likelyTouch(req({ 'user-agent': IPAD }))).toBe(true);
    expect(likelyPhone(req({ 'sec-ch-ua-mobile': '?0', 'user-agent': PIXEL }))).toBe(false);
    expect(likelyPhone(req({ 'sec-ch-ua-mobile': '?1', 'user-agent': DESKTOP }))).toBe(true);
  });

  it("draws a phone's charts at the phone width and anything else's at the default width", () => {
    expect(deviceGuess(req({ 'user-agent': PIXEL }))).toEqual({ touch: true, width: PHONE_WIDTH });
    expect(deviceGuess(req({ 'user-agent': IPAD }))).toEqual({ touch: true, width: DEFAULT_WIDTH });
    expect(deviceGuess(req({ 'user-agent': DESKTOP }))).toEqual({ touch: false, width: DEFAULT_WIDTH });
    expect(deviceGuess(req({}))).toEqual({ touch: false, width: DEFAULT_WIDTH });
  });

  it('a phone-width drawing is kept on phones 375 to 430 px wide (viewport less 32 px of padding), never scaled down', () => {
    for (const viewport of [375, 390, 393, 412, 414, 430]) expect(closeEnough(PHONE_WIDTH, viewport - 32), String(viewport)).toBe(true);
    for (const viewport of [320, 360, 768]) expect(closeEnough(PHONE_WIDTH, viewport - 32), String(viewport)).toBe(false);
    expect(closeEnough(DEFAULT_WIDTH, 736)).toBe(true);
    expect(closeEnough(DEFAULT_WIDTH, 700)).toBe(false);
    expect(closeEnough(DEFAULT_WIDTH, 1000)).toBe(false);
  });
});
