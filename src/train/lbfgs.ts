/** @module lbfgs: limited-memory BFGS with a backtracking (Armijo) line search, for smooth convex objectives. Deterministic. */

/** Returns the objective's value at x and writes its gradient into `grad`. */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

export interface LbfgsOptions {
  iterations: number;
  /** Pairs of steps kept. */
  memory: number;
  /** Stop when the gradient's largest component is below this. */
  tolerance: number;
}

const dot = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

export function minimize(objective: Objective, start: Float64Array, options: Partial<LbfgsOptions> = {}): { x: Float64Array; value: number; iterations: number } {
  const { iterations = 200, memory = 10, tolerance = 1e-6 } = options;
  const n = start.length;
  let x = Float64Array.from(start);
  let grad = new Float64Array(n);
  let value = objective(x, grad);
  const ss: Float64Array[] = [];
  const ys: Float64Array[] = [];
  let it = 0;
  for (; it < iterations; it++) {
    let gmax = 0;
    for (let i = 0; i < n; i++) gmax = Math.max(gmax, Math.abs(grad[i]));
    if (gmax < tolerance) break;
    // Two-loop recursion: direction = -H·grad.
    const q = Float64Array.from(grad);
    const alpha: number[] = [];
    for (let k = ss.length - 1; k >= 0; k--) {
      const a = dot(ss[k], q) / dot(ys[k], ss[k]);
      alpha[k] = a;
      for (let i = 0; i < n; i++) q[i] -= a * ys[k][i];
    }
    const gamma = ss.length ? dot(ss[ss.length - 1], ys[ys.length - 1]) / dot(ys[ys.length - 1], ys[ys.length - 1]) : 1 / Math.max(1, gmax);
    for (let i = 0; i < n; i++) q[i] *= gamma;
    for (let k = 0; k < ss.length; k++) {
      const b = dot(ys[k], q) / dot(ys[k], ss[k]);
      for (let i = 0; i < n; i++) q[i] += ss[k][i] * (alpha[k] - b);
    }
    for (let i = 0; i < n; i++) q[i] = -q[i];
    let slope = dot(q, grad);
    if (slope >= 0) {
      // Not a descent direction (curvature lost): restart from the gradient.
      ss.length = 0;
      ys.length = 0;
      for (let i = 0; i < n; i++) q[i] = -grad[i] / Math.max(1, gmax);
      slope = dot(q, grad);
    }
    let step = 1;
    const next = new Float64Array(n);
    const nextGrad = new Float64Array(n);
    let nextValue = Infinity;
    for (let tries = 0; tries < 40; tries++) {
      for (let i = 0; i < n; i++) next[i] = x[i] + step * q[i];
      nextValue = objective(next, nextGrad);
      if (nextValue <= value + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(nextValue < value)) break;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = next[i] - x[i];
      y[i] = nextGrad[i] - grad[i];
    }
    if (dot(s, y) > 1e-12) {
      ss.push(s);
      ys.push(y);
      if (ss.length > memory) {
        ss.shift();
        ys.shift();
      }
    }
    const converged = value - nextValue < 1e-9 * Math.max(1, Math.abs(value));
    x = next;
    grad = nextGrad;
    value = nextValue;
    if (converged) break;
  }
  return { x, value, iterations: it };
}
