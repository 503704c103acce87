import { describe, expect, it } from 'vitest';
import { childCpuSeconds } from '../../../scripts/bench/build';

// /proc/self/stat as `man 5 proc` lays it out: cutime is field 16, cstime field 17 (clock ticks).
const stat = (comm: string, cutime: number, cstime: number) =>
  `4242 (${comm}) S 1 4242 4242 0 -1 4194304 99 0 0 0 7 3 ${cutime} ${cstime} 20 0 1 0 4722264 3133440 388`;

describe('childCpuSeconds (bench:site build CPU time)', () => {
  it('adds the waited-for children’s user and system ticks, in seconds', () => {
    expect(childCpuSeconds(() => stat('node', 1234, 56))).toBeCloseTo(12.9, 6);
  });

  it('counts fields after the command name, which may hold spaces and parentheses', () => {
    expect(childCpuSeconds(() => stat('node (bench) x y', 300, 200))).toBeCloseTo(5, 6);
  });

  it('says null, never throws, when /proc cannot be read or holds no numbers', () => {
    expect(
      childCpuSeconds(() => {
        throw new Error('ENOENT');
      }),
    ).toBeNull();
    expect(childCpuSeconds(() => 'garbage')).toBeNull();
  });
});
