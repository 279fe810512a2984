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
 * Each type is described by its profile (mean WG per dimension over its
 * streets) and its members; types are numbered by descending largest WG.
 *
 * @example
 * findStreetTypes([{ streetId: 1, profile: [0.4, 0] }, { streetId: 2, profile: [0.38, 0.01] }, { streetId: 3, profile: [0, 0.3] }, …], ['mutual-help', 'attachment'])
 */
import { mean } from 'simple-statistics';

export const maxStreetTypes = 5;
/** Below this mean silhouette the streets show no real structure; Kaufman & Rousseeuw call < 0.25 "no substantial structure". */
export const minimumSilhouette = 0.25;

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

const squaredDistance = (a: readonly number[], b: readonly number[]) => a.reduce((total, value, index) => total + (value - b[index]!) ** 2, 0);

function centroid(points: readonly (readonly number[])[], width: number): number[] {
  return Array.from({ length: width }, (_, index) => mean(points.map((point) => point[index]!)));
}

function nearest(point: readonly number[], centres: readonly (readonly number[])[]): number {
  let best = 0;
  for (let index = 1; index < centres.length; index++) if (squaredDistance(point, centres[index]!) < squaredDistance(point, centres[best]!)) best = index;
  return best;
}

/**
 * Mean silhouette of a clustering: per point s = (b − a) / max(a, b), with a the
 * mean distance to the other points of its cluster and b the smallest mean
 * distance to the points of another cluster; 0 for a point alone in its
 * cluster. Computed without a distance matrix, so memory stays linear.
 */
export function meanSilhouette(points: readonly (readonly number[])[], labels: readonly number[], k: number): number {
  const sizes = new Array<number>(k).fill(0);
  for (const label of labels) sizes[label]! += 1;
  const sums = new Float64Array(k);
  let total = 0;
  points.forEach((point, index) => {
    sums.fill(0);
    points.forEach((other, otherIndex) => {
      if (otherIndex !== index) sums[labels[otherIndex]!]! += Math.sqrt(squaredDistance(point, other));
    });
    const own = labels[index]!;
    if (sizes[own] === 1) return;
    const a = sums[own]! / (sizes[own]! - 1);
    let b = Infinity;
    for (let cluster = 0; cluster < k; cluster++) if (cluster !== own && sizes[cluster]! > 0) b = Math.min(b, sums[cluster]! / sizes[cluster]!);
    total += Math.max(a, b) === 0 ? 0 : (b - a) / Math.max(a, b);
  });
  return total / points.length;
}

/** Lloyd's k-means from a farthest-first start; returns the cluster of each point. */
export function kMeans(points: readonly (readonly number[])[], k: number): number[] {
  const width = points[0]!.length;
  const overall = centroid(points, width);
  const centres: number[][] = [[...points[nearest(overall, points)]!]];
  while (centres.length < k) {
    let farthest = 0;
    let farthestDistance = -1;
    points.forEach((point, index) => {
      const distance = Math.min(...centres.map((centre) => squaredDistance(point, centre)));
      if (distance > farthestDistance) { farthest = index; farthestDistance = distance; }
    });
    centres.push([...points[farthest]!]);
  }
  let labels = points.map((point) => nearest(point, centres));
  for (let round = 0; round < 100; round++) {
    for (let cluster = 0; cluster < k; cluster++) {
      const members = points.filter((_, index) => labels[index] === cluster);
      if (members.length > 0) centres[cluster] = centroid(members, width);
    }
    const next = points.map((point) => nearest(point, centres));
    if (next.every((label, index) => label === labels[index])) break;
    labels = next;
  }
  return labels;
}

export function findStreetTypes(streets: readonly StreetProfile[], dimensions: readonly string[]): StreetTypesResult {
  const ordered = [...streets].sort((a, b) => a.streetId - b.streetId);
  if (ordered.length === 0) return { types: [] };
  const points = ordered.map((street) => street.profile);
  let best: { labels: number[]; silhouette: number } | undefined;
  for (let k = 2; k <= Math.min(maxStreetTypes, ordered.length - 1); k++) {
    const labels = kMeans(points, k);
    if (new Set(labels).size < k) continue;
    const score = meanSilhouette(points, labels, k);
    if (score >= minimumSilhouette && (!best || score > best.silhouette + 1e-12)) best = { labels, silhouette: score };
  }
  const labels = best?.labels ?? ordered.map(() => 0);
  const clusters = [...new Set(labels)].map((cluster) => ordered.filter((_, index) => labels[index] === cluster));
  const types = clusters.map((members) => {
    const means = centroid(members.map((member) => member.profile), dimensions.length);
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
