/**
 * Street types (straattypen): the streets large enough to report, grouped by
 * their dimension profiles so that "one street is not another" becomes visible
 * (instruments.md, "Street types"; domain-research.md §1.8).
 *
 * Profile of a street: its weighted gap (WG) per dimension, all on the same
 * scale [−1, 1], so no standardisation is needed. A dimension without a figure
 * counts as 0 (no gap).
 *
 * Method: k-means (Lloyd's algorithm) with a deterministic start: the first
 * centre is the street closest to the mean profile, each next centre the
 * street farthest from the centres chosen so far (ties by street id). For
 * k = 2 … min(5, streets − 1) the clustering with the highest mean silhouette
 * (Rousseeuw 1987, J. Comput. Appl. Math. 20, 53–65) is kept; with fewer than
 * three streets, or when no k reaches `minimumSilhouette`, all streets form
 * one type. The same profiles always give the same types.
 *
 * The silhouette compares every pair of streets, which grows with the square
 * of their number (8,000 streets: 32 million pairs, some 1.5 s). Above
 * `silhouetteSampleSize` streets it is therefore computed on a fixed random
 * sample of that many streets, drawn with a fixed seed (as scikit-learn's
 * `silhouette_score(sample_size=…)` does): a mean over 1,000 streets is within
 * a few hundredths of the full one, the choice of k does not change where the
 * types are clearly apart, and the cost no longer grows with the study. Up to
 * that size every street counts, as before. k-means itself is linear.
 *
 * Each type is described by its profile (mean WG per dimension over its
 * streets) and its members; types are numbered by descending largest WG.
 *
 * @example
 * findStreetTypes([{ streetId: 1, profile: [0.4, 0] }, { streetId: 2, profile: [0.38, 0.01] }, { streetId: 3, profile: [0, 0.3] }, …], ['mutual-help', 'attachment'])
 */
import { mean } from 'simple-statistics';

export const maxStreetTypes = 5;
/** Above this many streets the silhouette is computed on a fixed sample of this many (see above). */
export const silhouetteSampleSize = 1000;
const silhouetteSampleSeed = 20_261_203;
/** Below this mean silhouette the streets show no real structure; Kaufman & Rousseeuw call < 0.25 "no substantial structure". */
export const minimumSilhouette = 0.25;

/** A mean weighted gap below this is "near zero": no gap worth naming a type after. */
export const noticeableWeightedGap = 0.05;

/**
 * What a type is named after: the dimensions of its highest profile values,
 * at most two and highest first, among those clearly above zero. None when its
 * whole profile is near zero or below (a type of streets with no clear wish),
 * so no type is ever named after a gap of 0,00.
 */
export function typeCharacter(profile: Readonly<Record<string, number>>): string[] {
  return Object.entries(profile).filter(([, value]) => value >= noticeableWeightedGap)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 2).map(([dimension]) => dimension);
}

/** Whether the streets fell into types at all: without structure, all of them form one "type" that says nothing. */
export function hasStreetTypes(result: StreetTypesResult): boolean {
  return result.silhouette !== undefined;
}

export interface StreetProfile {
  streetId: number;
  /** WG per dimension, in the order of `dimensions`. */
  profile: readonly number[];
}

export interface StreetType {
  /** 1-based number of the type, in the order of the types. */
  number: number;
  streetIds: number[];
  /** Mean WG per dimension over the type's streets, keyed by dimension id. */
  profile: Record<string, number>;
  /** The dimension with the largest mean WG: what sets this type apart most. */
  strongestDimension: string;
}

export interface StreetTypesResult {
  types: StreetType[];
  /** Mean silhouette of the chosen clustering; undefined when all streets form one type. */
  silhouette?: number;
}

/** The profiles as one flat array, row by row: the loops below run over it without allocating. */
function flatten(points: readonly (readonly number[])[]): { values: Float64Array; count: number; width: number } {
  const width = points[0]?.length ?? 0;
  const values = new Float64Array(points.length * width);
  points.forEach((point, index) => values.set(point, index * width));
  return { values, count: points.length, width };
}

function squaredDistance(a: Float64Array, aOffset: number, b: Float64Array, bOffset: number, width: number): number {
  let total = 0;
  for (let index = 0; index < width; index++) {
    const difference = a[aOffset + index]! - b[bOffset + index]!;
    total += difference * difference;
  }
  return total;
}

function nearestCentre(values: Float64Array, offset: number, centres: Float64Array, k: number, width: number): number {
  let best = 0;
  let bestDistance = Infinity;
  for (let cluster = 0; cluster < k; cluster++) {
    const distance = squaredDistance(values, offset, centres, cluster * width, width);
    if (distance < bestDistance) { best = cluster; bestDistance = distance; }
  }
  return best;
}

function centroidOf(points: readonly (readonly number[])[], width: number): number[] {
  return Array.from({ length: width }, (_, index) => mean(points.map((point) => point[index]!)));
}

/**
 * Mean silhouette of several clusterings of the same points at once: per
 * point s = (b − a) / max(a, b), with a the mean distance to the other points
 * of its cluster and b the smallest mean distance to the points of another
 * cluster; 0 for a point alone in its cluster. Each distance is computed once
 * (for the pair), whatever the number of clusterings, and no distance matrix
 * is kept, so memory stays linear.
 */
export function meanSilhouettes(points: readonly (readonly number[])[], clusterings: readonly { labels: readonly number[]; k: number }[]): number[] {
  const { values, count, width } = flatten(points);
  // sums[c][i * k + cluster]: total distance from point i to the points of `cluster` in clustering c.
  const sums = clusterings.map(({ k }) => new Float64Array(count * k));
  const labels = clusterings.map((clustering) => Int32Array.from(clustering.labels));
  // Point i's distances to the points after it, computed once and then added per clustering in a plain loop.
  const row = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    for (let j = i + 1; j < count; j++) row[j] = Math.sqrt(squaredDistance(values, i * width, values, j * width, width));
    for (let c = 0; c < clusterings.length; c++) addDistances(row, i, sums[c]!, labels[c]!, clusterings[c]!.k);
  }
  return clusterings.map(({ k }, c) => {
    const sizes = new Array<number>(k).fill(0);
    for (const label of labels[c]!) sizes[label]! += 1;
    let total = 0;
    for (let i = 0; i < count; i++) {
      const own = labels[c]![i]!;
      if (sizes[own] === 1) continue;
      const a = sums[c]![i * k + own]! / (sizes[own]! - 1);
      let b = Infinity;
      for (let cluster = 0; cluster < k; cluster++) if (cluster !== own && sizes[cluster]! > 0) b = Math.min(b, sums[c]![i * k + cluster]! / sizes[cluster]!);
      total += Math.max(a, b) === 0 ? 0 : (b - a) / Math.max(a, b);
    }
    return total / count;
  });
}

/** Adds point i's distances to the later points (`row`) to both ends' totals per cluster. */
function addDistances(row: Float64Array, i: number, sums: Float64Array, labels: Int32Array, k: number): void {
  const own = labels[i]!;
  for (let j = i + 1; j < row.length; j++) {
    const distance = row[j]!;
    sums[i * k + labels[j]!]! += distance;
    sums[j * k + own]! += distance;
  }
}

/** Mean silhouette of one clustering (see meanSilhouettes). */
export function meanSilhouette(points: readonly (readonly number[])[], labels: readonly number[], k: number): number {
  return meanSilhouettes(points, [{ labels, k }])[0]!;
}

/** Lloyd's k-means from a farthest-first start; returns the cluster of each point. */
export function kMeans(points: readonly (readonly number[])[], k: number): number[] {
  const { values, count, width } = flatten(points);
  const centres = new Float64Array(k * width);
  // First centre: the point nearest the overall mean; then each next the point farthest from the centres so far.
  const overall = Float64Array.from(centroidOf(points, width));
  const first = nearestCentre(overall, 0, values, count, width);
  centres.set(values.subarray(first * width, (first + 1) * width), 0);
  const nearestSoFar = new Float64Array(count).fill(Infinity);
  for (let chosen = 1; chosen < k; chosen++) {
    let farthest = 0;
    let farthestDistance = -1;
    for (let index = 0; index < count; index++) {
      nearestSoFar[index] = Math.min(nearestSoFar[index]!, squaredDistance(values, index * width, centres, (chosen - 1) * width, width));
      if (nearestSoFar[index]! > farthestDistance) { farthest = index; farthestDistance = nearestSoFar[index]!; }
    }
    centres.set(values.subarray(farthest * width, (farthest + 1) * width), chosen * width);
  }
  const labels = new Int32Array(count);
  for (let index = 0; index < count; index++) labels[index] = nearestCentre(values, index * width, centres, k, width);
  const sizes = new Int32Array(k);
  for (let round = 0; round < 100; round++) {
    const totals = new Float64Array(k * width);
    sizes.fill(0);
    for (let index = 0; index < count; index++) {
      const cluster = labels[index]!;
      sizes[cluster]! += 1;
      for (let dimension = 0; dimension < width; dimension++) totals[cluster * width + dimension]! += values[index * width + dimension]!;
    }
    for (let cluster = 0; cluster < k; cluster++) {
      if (sizes[cluster]! === 0) continue;
      for (let dimension = 0; dimension < width; dimension++) centres[cluster * width + dimension] = totals[cluster * width + dimension]! / sizes[cluster]!;
    }
    let changed = false;
    for (let index = 0; index < count; index++) {
      const next = nearestCentre(values, index * width, centres, k, width);
      if (next !== labels[index]) { labels[index] = next; changed = true; }
    }
    if (!changed) break;
  }
  return [...labels];
}

/**
 * The positions (in street-id order) of the streets the silhouette is computed on: undefined, for all of them,
 * up to `silhouetteSampleSize`; else that many, drawn by a partial Fisher–Yates shuffle driven by a fixed-seed
 * generator (mulberry32), so the same streets always give the same sample.
 */
export function silhouetteSample(count: number): number[] | undefined {
  if (count <= silhouetteSampleSize) return undefined;
  let state = silhouetteSampleSeed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const positions = Int32Array.from({ length: count }, (_, index) => index);
  for (let drawn = 0; drawn < silhouetteSampleSize; drawn++) {
    const pick = drawn + Math.floor(random() * (count - drawn));
    [positions[drawn], positions[pick]] = [positions[pick]!, positions[drawn]!];
  }
  return [...positions.subarray(0, silhouetteSampleSize)].sort((a, b) => a - b);
}

export function findStreetTypes(streets: readonly StreetProfile[], dimensions: readonly string[]): StreetTypesResult {
  const ordered = [...streets].sort((a, b) => a.streetId - b.streetId);
  if (ordered.length === 0) return { types: [] };
  const points = ordered.map((street) => street.profile);
  const candidates: { labels: number[]; k: number }[] = [];
  for (let k = 2; k <= Math.min(maxStreetTypes, ordered.length - 1); k++) {
    const labels = kMeans(points, k);
    if (new Set(labels).size === k) candidates.push({ labels, k });
  }
  let best: { labels: number[]; silhouette: number } | undefined;
  const sample = silhouetteSample(ordered.length);
  const scores = sample
    ? meanSilhouettes(sample.map((index) => points[index]!), candidates.map(({ labels, k }) => ({ labels: sample.map((index) => labels[index]!), k })))
    : meanSilhouettes(points, candidates);
  scores.forEach((score, index) => {
    if (score >= minimumSilhouette && (!best || score > best.silhouette + 1e-12)) best = { labels: candidates[index]!.labels, silhouette: score };
  });
  const labels = best?.labels ?? ordered.map(() => 0);
  const clusters = [...new Set(labels)].map((cluster) => ordered.filter((_, index) => labels[index] === cluster));
  const types = clusters.map((members) => {
    const means = centroidOf(members.map((member) => member.profile), dimensions.length);
    const strongest = means.reduce((bestIndex, value, index) => (value > means[bestIndex]! ? index : bestIndex), 0);
    return {
      streetIds: members.map((member) => member.streetId),
      profile: Object.fromEntries(dimensions.map((dimension, index) => [dimension, means[index]!])),
      strongestDimension: dimensions[strongest]!,
      largest: means[strongest]!,
    };
  }).sort((a, b) => b.largest - a.largest || a.streetIds[0]! - b.streetIds[0]!);
  return {
    types: types.map(({ largest: _largest, ...type }, index) => ({ number: index + 1, ...type })),
    silhouette: best?.silhouette,
  };
}
