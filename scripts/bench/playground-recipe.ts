/**
 * Browser side of `npm run bench:nn`'s baseline, bundled by esbuild and injected into a page of
 * the built site; never part of the book. It follows TensorFlow Playground's published recipe,
 * written here from that description (not from its code): plain-TypeScript math, backpropagation
 * one sample at a time with the error derivatives accumulated over a mini-batch, the mean applied
 * as the update, one epoch over the training set per animation frame, then the train and test
 * losses and a 100×100 heat map of the output redrawn on a canvas every frame.
 * It sees exactly what the §3.2 widget sees: the same seeded dataset (our generator), the same
 * initial weights (the same PRNG and formula as src/lib/nn/network.ts's initParams), tanh units
 * with ±1 targets, loss ½(ŷ − y)² averaged, so both follow the same trajectory step for step and
 * only their speed differs.
 */
import { makeDataset, type Points } from '../../src/lib/nn/datasets';
import { gaussian, mulberry32 } from '../../src/lib/nn/prng';

const DENSITY = 100;
const EXTENT = 6;

interface Layer {
  /** w[j][i]: from unit i of the layer below to unit j. */
  w: number[][];
  b: number[];
  dw: number[][];
  db: number[];
}

/** Layers with initParams's values for `sizes` and `seed`: N(0, 2/(fanIn+fanOut)) weights, biases 0.1. */
function initLayers(sizes: number[], seed: number): Layer[] {
  const rng = mulberry32(seed);
  const layers: Layer[] = [];
  for (let l = 1; l < sizes.length; l++) {
    const [fanIn, fanOut] = [sizes[l - 1], sizes[l]];
    const std = Math.sqrt(2 / (fanIn + fanOut));
    const w = Array.from({ length: fanOut }, () => Array.from({ length: fanIn }, () => gaussian(rng) * std));
    layers.push({ w, b: new Array(fanOut).fill(0.1), dw: w.map((r) => r.map(() => 0)), db: new Array(fanOut).fill(0) });
  }
  return layers;
}

/** Activations of every layer for one input, a[0] = x. */
function forward(layers: Layer[], x: number[]): number[][] {
  const a = [x];
  for (const { w, b } of layers) {
    const prev = a[a.length - 1];
    a.push(w.map((row, j) => Math.tanh(row.reduce((s, wji, i) => s + wji * prev[i], b[j]))));
  }
  return a;
}

/** Adds this sample's ∂ℒ/∂w and ∂ℒ/∂b (ℒ = ½(ŷ − t)²) to the accumulators. */
function backward(layers: Layer[], a: number[][], target: number): void {
  let der = [a[a.length - 1][0] - target]; // ∂ℒ/∂a of the output unit
  for (let l = layers.length - 1; l >= 0; l--) {
    const { w, dw, db } = layers[l];
    const delta = der.map((d, j) => d * (1 - a[l + 1][j] ** 2));
    const below = a[l];
    delta.forEach((dj, j) => {
      db[j] += dj;
      below.forEach((ai, i) => (dw[j][i] += dj * ai));
    });
    der = below.map((_, i) => delta.reduce((s, dj, j) => s + dj * w[j][i], 0));
  }
}

function update(layers: Layer[], rate: number, count: number): void {
  for (const { w, b, dw, db } of layers) {
    w.forEach((row, j) => {
      row.forEach((_, i) => {
        row[i] -= (rate * dw[j][i]) / count;
        dw[j][i] = 0;
      });
      b[j] -= (rate * db[j]) / count;
      db[j] = 0;
    });
  }
}

const loss = (layers: Layer[], p: Points) => p.x.reduce((s, x, k) => s + 0.5 * (forward(layers, x).at(-1)![0] - (2 * p.y[k] - 1)) ** 2, 0) / p.x.length;

function draw(ctx: CanvasRenderingContext2D, image: ImageData, layers: Layer[], p: Points): void {
  for (let r = 0; r < DENSITY; r++) {
    for (let c = 0; c < DENSITY; c++) {
      const x = -EXTENT + ((c + 0.5) * 2 * EXTENT) / DENSITY;
      const y = EXTENT - ((r + 0.5) * 2 * EXTENT) / DENSITY;
      const t = Math.min(1, Math.max(0, (forward(layers, [x, y]).at(-1)![0] + 1) / 2));
      const k = 4 * (r * DENSITY + c);
      image.data[k] = 245 - 170 * t;
      image.data[k + 1] = 160 + 20 * t;
      image.data[k + 2] = 60 + 170 * t;
      image.data[k + 3] = 255;
    }
  }
  ctx.putImageData(image, 0, 0);
  p.x.forEach(([x, y], k) => {
    ctx.fillStyle = p.y[k] ? '#1e3a8a' : '#ffffff';
    ctx.fillRect(((x + EXTENT) / (2 * EXTENT)) * DENSITY - 1, ((EXTENT - y) / (2 * EXTENT)) * DENSITY - 1, 2, 2);
  });
}

export interface BaselineRun {
  seconds: number;
  epochs: number;
  fps: number;
  loss: number;
}

/**
 * Trains the circle dataset (500 points, half for training, noise 0, `seed`) with a 2-4-2-1 tanh
 * network, rate 0.03, batch 10, one epoch per frame, until the training loss shown after a frame
 * is below `goal` (or `maxSeconds` pass). Resolves with the wall time from the call.
 */
export function run(seed: number, goal = 0.05, maxSeconds = 30): Promise<BaselineRun> {
  const start = performance.now();
  const { train, val } = makeDataset('circle', { n: 500, noise: 0, seed, trainFraction: 0.5 });
  const layers = initLayers([2, 4, 2, 1], seed);
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = DENSITY;
  canvas.style.cssText = 'position:fixed;top:0;left:0;width:240px;height:240px;z-index:99';
  document.body.append(canvas);
  const ctx = canvas.getContext('2d')!;
  const image = ctx.createImageData(DENSITY, DENSITY);
  let epochs = 0;
  let frames = 0;
  return new Promise((resolve) => {
    const tick = () => {
      train.x.forEach((x, k) => {
        backward(layers, forward(layers, x), 2 * train.y[k] - 1);
        if ((k + 1) % 10 === 0) update(layers, 0.03, 10);
      });
      epochs++;
      frames++;
      const trainLoss = loss(layers, train);
      loss(layers, val); // shown beside the training loss, so computed every frame as well
      draw(ctx, image, layers, train);
      const seconds = (performance.now() - start) / 1000;
      if (trainLoss < goal || seconds > maxSeconds) {
        canvas.remove();
        resolve({ seconds, epochs, fps: frames / seconds, loss: trainLoss });
      } else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}
