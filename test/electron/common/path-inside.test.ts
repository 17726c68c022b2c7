import { describe, expect, it } from 'vitest';
import { isInside, isPlainName, resolveInside } from '../../../electron/common/path-inside';

describe('path containment shared by the core and the shells', () => {
  it.each([
    ['/root', '/root', true],
    ['/root', '/root/a/b', true],
    ['/root', '/root/..a', true],
    ['/root', '/rootx', false],
    ['/root', '/', false],
    ['/root', '/root/../etc', false],
  ])('isInside(%s, %s) is %s', (root, candidate, expected) => {
    expect(isInside(root, candidate)).toBe(expected);
  });

  it.each([
    ['00.00.mp4', true],
    ['a%2Fb.mp4', true],
    ['..a', true],
    ['', false],
    ['.', false],
    ['..', false],
    ['a/b', false],
    ['a\0b', false],
  ])('isPlainName(%j) is %s', (name, expected) => {
    expect(isPlainName(name)).toBe(expected);
  });

  it('resolveInside keeps to the root', () => {
    expect(resolveInside('/root', '/index.html')).toBe('/root/index.html');
    expect(resolveInside('/root', '/..%2f..%2fetc/passwd')).toBeNull();
  });
});
