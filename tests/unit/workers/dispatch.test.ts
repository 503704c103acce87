import { describe, expect, it, vi } from 'vitest';
import { labDispatcher, type LabHandler, type LabLoader } from '../../../src/lib/workers/dispatch';
import { labHello, LAB_NAMES, type LabName } from '../../../src/lib/workers/labs';

const msg = (data: unknown) => ({ data }) as MessageEvent;

/** One loader per lab; each resolves only when the test says so, recording what its handler gets. */
function labs() {
  const got = new Map<LabName, unknown[]>();
  const release = new Map<LabName, () => void>();
  const fail = new Map<LabName, (e: unknown) => void>();
  const loaded: LabName[] = [];
  const loaders = Object.fromEntries(
    LAB_NAMES.map((lab): [LabName, LabLoader] => [
      lab,
      () => {
        loaded.push(lab);
        got.set(lab, []);
        const onMessage: LabHandler = (e) => got.get(lab)?.push(e.data);
        return new Promise((resolve, reject) => {
          release.set(lab, () => resolve({ onMessage }));
          fail.set(lab, reject);
        });
      },
    ]),
  ) as Record<LabName, LabLoader>;
  return { loaders, got, release, fail, loaded };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the lab worker dispatcher', () => {
  it('loads only the lab the hello names', () => {
    const l = labs();
    labDispatcher(l.loaders, () => {}).receive(msg(labHello('compress-lab')));
    expect(l.loaded).toEqual(['compress-lab']);
  });

  it('hands the lab every message after the hello in order, including those that came while it loaded', async () => {
    const l = labs();
    const d = labDispatcher(l.loaders, () => {});
    d.receive(msg(labHello('text-lab')));
    d.receive(msg({ type: 'start', n: 1 }));
    d.receive(msg({ type: 'pause' }));
    expect(l.got.get('text-lab')).toEqual([]);
    l.release.get('text-lab')?.();
    await settle();
    d.receive(msg({ type: 'resume' }));
    expect(l.got.get('text-lab')).toEqual([{ type: 'start', n: 1 }, { type: 'pause' }, { type: 'resume' }]);
  });

  it('drops messages before a valid hello, and loads nothing for them', async () => {
    const l = labs();
    const d = labDispatcher(l.loaders, () => {});
    d.receive(msg({ type: 'start', job: 1 }));
    d.receive(msg({ type: 'lab', lab: 'toString' }));
    expect(l.loaded).toEqual([]);
    d.receive(msg(labHello('interpret-view')));
    d.receive(msg({ type: 'start', job: 2 }));
    l.release.get('interpret-view')?.();
    await settle();
    expect(l.got.get('interpret-view')).toEqual([{ type: 'start', job: 2 }]);
  });

  it('loads one lab per worker: a later hello is passed to the lab like any message', async () => {
    const l = labs();
    const d = labDispatcher(l.loaders, () => {});
    d.receive(msg(labHello('gpt-train')));
    d.receive(msg(labHello('text-lab')));
    l.release.get('gpt-train')?.();
    await settle();
    expect(l.loaded).toEqual(['gpt-train']);
    expect(l.got.get('gpt-train')).toEqual([labHello('text-lab')]);
  });

  it('reports a lab whose code did not load, once, and loads nothing more, even on a second hello', async () => {
    const l = labs();
    const failed = vi.fn();
    const d = labDispatcher(l.loaders, failed);
    d.receive(msg(labHello('compress-lab')));
    d.receive(msg({ type: 'start', job: 1 }));
    const error = new Error('Failed to fetch dynamically imported module');
    l.fail.get('compress-lab')?.(error);
    await settle();
    d.receive(msg(labHello('compress-lab')));
    await settle();
    expect(failed).toHaveBeenCalledTimes(1);
    expect(failed).toHaveBeenCalledWith('compress-lab', error);
    expect(l.loaded).toEqual(['compress-lab']);
  });
});
