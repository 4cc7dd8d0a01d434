/**
 * Script detection (countScriptChars, detectScript) answers from OpenCC's dictionaries without building opencc-js's
 * converters: building the t2s and s2tw tries cost every process 25-35 ms CPU on its first Han character. Phrase
 * conversion (toSimplified) still builds its converter, on first use. simplified-load.test.ts holds the answers to
 * opencc-js's own converters for every Han code point.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const built = vi.hoisted(() => ({ count: 0 }));
vi.mock('opencc-js/core', async (importOriginal) => {
  const core = await importOriginal<typeof import('opencc-js/core')>();
  return {
    ...core,
    ConverterBuilder: (...args: Parameters<typeof core.ConverterBuilder>) => {
      const converter = core.ConverterBuilder(...args);
      return (options: Parameters<typeof converter>[0]) => {
        built.count++;
        return converter(options);
      };
    },
    ConverterFactory: (...args: Parameters<typeof core.ConverterFactory>) => {
      built.count++;
      return core.ConverterFactory(...args);
    },
  };
});

const { countScriptChars, detectScript, toSimplified } = await import('../../../../lambdas/normalize/clean/simplified.js');

describe('script detection builds no OpenCC converter', () => {
  beforeEach(() => {
    built.count = 0;
  });

  it('counts and detects both scripts with no converter built', () => {
    expect(countScriptChars('國家發展，经济发展，中国')).toEqual({ traditional: 2, simplified: 4 });
    expect(detectScript('這是繁體中文的新聞報導')).toBe('Hant');
    expect(detectScript('这是简体中文的新闻报道')).toBe('Hans');
    expect(built.count).toBe(0);
  });

  it('builds the phrase converter when a Traditional text is converted', () => {
    expect(toSimplified('這是繁體')).toBe('这是繁体');
    expect(built.count).toBeGreaterThan(0);
  });
});
