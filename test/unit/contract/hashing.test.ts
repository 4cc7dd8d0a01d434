import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../lambdas/contract/hashing.js';

describe('sha256Hex', () => {
  it('hashes strings as UTF-8 and bytes as given', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(new TextEncoder().encode('韩立明'))).toBe(sha256Hex('韩立明'));
  });
});
