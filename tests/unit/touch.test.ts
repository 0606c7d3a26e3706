/** The server's guess that a request comes from a touch screen (lib/http/touch.ts). */
import { describe, expect, it } from 'vitest';
import { likelyTouch } from '@/lib/http/touch';

const req = (h: Record<string, string>) => new Headers(h);
const PIXEL = 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';
const DESKTOP = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
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
