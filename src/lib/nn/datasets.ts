/**
 * Seeded 2-D toy datasets in the spirit of TensorFlow Playground, labels in {0, 1}.
 * Points live in [-6, 6]²; `noise` ∈ [0, 1] scales jitter. Same seed, same points.
 */
import { gaussian, mulberry32, shuffledIndices, type Rng } from './prng';

export type DatasetKind = 'circle' | 'xor' | 'gauss' | 'spiral';
export const DATASETS: DatasetKind[] = ['circle', 'xor', 'gauss', 'spiral'];

export interface Points {
  x: [number, number][];
  y: number[];
}
export interface Dataset {
  train: Points;
  val: Points;
}

const RADIUS = 5;

function generate(kind: DatasetKind, n: number, noise: number, rng: Rng): Points {
  const x: [number, number][] = [];
  const y: number[] = [];
  const push = (px: number, py: number, label: number) => {
    x.push([px, py]);
    y.push(label);
  };
  const uniform = (lo: number, hi: number) => lo + rng() * (hi - lo);
  if (kind === 'circle') {
    // Inside r < 2.5 is class 1; a ring 3.5 < r < 5 is class 0. Noise shifts points across the gap.
    for (let i = 0; i < n; i++) {
      const inner = i < n / 2;
      const r = inner ? uniform(0, RADIUS * 0.5) : uniform(RADIUS * 0.7, RADIUS);
      const angle = uniform(0, 2 * Math.PI);
      const [nx, ny] = [uniform(-RADIUS, RADIUS) * noise * 0.5, uniform(-RADIUS, RADIUS) * noise * 0.5];
      push(r * Math.cos(angle) + nx, r * Math.sin(angle) + ny, inner ? 1 : 0);
    }
  } else if (kind === 'xor') {
    for (let i = 0; i < n; i++) {
      let [px, py] = [uniform(-RADIUS, RADIUS), uniform(-RADIUS, RADIUS)];
      px += px > 0 ? 0.3 : -0.3; // keep points off the axes
      py += py > 0 ? 0.3 : -0.3;
      const label = px * py >= 0 ? 1 : 0;
      push(px + uniform(-RADIUS, RADIUS) * noise * 0.5, py + uniform(-RADIUS, RADIUS) * noise * 0.5, label);
    }
  } else if (kind === 'gauss') {
    const spread = 0.5 + noise * 3;
    for (let i = 0; i < n; i++) {
      const label = i < n / 2 ? 1 : 0;
      const c = label ? 2 : -2;
      push(c + gaussian(rng) * spread, c + gaussian(rng) * spread, label);
    }
  } else {
    for (let i = 0; i < n; i++) {
      const label = i < n / 2 ? 1 : 0;
      const t = ((i % (n / 2)) / (n / 2)) * 1.75 * 2 * Math.PI;
      const r = (t / (1.75 * 2 * Math.PI)) * RADIUS;
      const phase = label ? 0 : Math.PI;
      push(r * Math.sin(t + phase) + uniform(-1, 1) * noise, r * Math.cos(t + phase) + uniform(-1, 1) * noise, label);
    }
  }
  return { x, y };
}

/** Dataset size and training share when a widget names none (the Trainer's defaults). */
export const DEFAULT_SAMPLES = 250;
export const DEFAULT_TRAIN_FRACTION = 0.5;

/** How many of `n` points `makeDataset` puts in the training set. */
export const trainCount = (n: number, trainFraction: number): number => Math.round(n * trainFraction);

/** `n` points of `kind`, shuffled and split: `trainFraction` for training, the rest for validation. */
export function makeDataset(kind: DatasetKind, opts: { n: number; noise: number; seed: number; trainFraction: number }): Dataset {
  const rng = mulberry32(opts.seed);
  const all = generate(kind, opts.n, Math.min(Math.max(opts.noise, 0), 1), rng);
  const order = shuffledIndices(opts.n, rng);
  const cut = trainCount(opts.n, opts.trainFraction);
  const pick = (ids: number[]): Points => ({ x: ids.map((i) => all.x[i]), y: ids.map((i) => all.y[i]) });
  return { train: pick(order.slice(0, cut)), val: pick(order.slice(cut)) };
}
