import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mean, silhouette } from 'simple-statistics';
import { findStreetTypes, kMeans, meanSilhouette, minimumSilhouette, silhouetteSample } from '../../../../src/domain/analysis/street-types';

const dimensions = ['mutual-help', 'negative-contacts', 'surface-contact'];

/** Three clear groups: need for mutual help, annoyance, and no need. */
const profiles = [
  { streetId: 1, profile: [0.40, 0.00, 0.02] }, { streetId: 2, profile: [0.36, 0.02, 0.00] }, { streetId: 3, profile: [0.42, -0.01, 0.03] },
  { streetId: 4, profile: [0.01, 0.35, 0.00] }, { streetId: 5, profile: [0.03, 0.31, 0.02] },
  { streetId: 6, profile: [0.00, 0.00, 0.01] }, { streetId: 7, profile: [0.02, 0.01, 0.00] }, { streetId: 8, profile: [-0.01, 0.02, 0.02] },
];

describe('findStreetTypes', () => {
  it('finds the three groups the streets were made in, described by their profiles', () => {
    const result = findStreetTypes(profiles, dimensions);
    expect(result.types.map((type) => type.streetIds)).toEqual([[1, 2, 3], [4, 5], [6, 7, 8]]);
    expect(result.types.map((type) => type.strongestDimension)).toEqual(['mutual-help', 'negative-contacts', 'negative-contacts']);
    // Hand-computed: (0.40 + 0.36 + 0.42) / 3 = 0.39333…
    expect(result.types[0]!.profile['mutual-help']).toBeCloseTo(0.393333, 5);
    expect(result.silhouette).toBeGreaterThan(0.7);
  });

  it('keeps one type when the streets show no structure, and for fewer than three streets', () => {
    const alike = [1, 2, 3, 4, 5, 6].map((streetId) => ({ streetId, profile: [0.1, 0.1, 0.1] }));
    const oneType = findStreetTypes(alike, dimensions);
    expect(oneType.types.map((type) => type.streetIds)).toEqual([[1, 2, 3, 4, 5, 6]]);
    expect(oneType.types[0]!.profile['surface-contact']).toBeCloseTo(0.1, 12);
    expect(oneType.silhouette).toBeUndefined();
    expect(findStreetTypes(profiles.slice(0, 2), dimensions).types).toHaveLength(1);
    expect(findStreetTypes([], dimensions).types).toEqual([]);
  });

  it('gives the same types whatever the order of the streets', () => {
    fc.assert(fc.property(fc.shuffledSubarray(profiles, { minLength: profiles.length }), (shuffled) => {
      expect(findStreetTypes(shuffled, dimensions)).toEqual(findStreetTypes(profiles, dimensions));
    }), { seed: 11, numRuns: 50 });
  });

  it('never makes more than five types and puts every street in exactly one', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true })), { minLength: 1, maxLength: 40 }), (points) => {
      const streets = points.map((profile, index) => ({ streetId: index + 1, profile }));
      const result = findStreetTypes(streets, ['a', 'b']);
      expect(result.types.length).toBeLessThanOrEqual(5);
      expect(result.types.flatMap((type) => type.streetIds).sort((a, b) => a - b)).toEqual(streets.map((street) => street.streetId));
    }), { seed: 5, numRuns: 100 });
  });

  it('k-means converges to the obvious split of two far groups', () => {
    expect(kMeans([[0, 0], [0, 0.1], [1, 1], [1, 0.9]], 2)).toEqual([0, 0, 1, 1]);
  });
});

describe('meanSilhouette', () => {
  it('agrees with simple-statistics, which computes it from a full distance matrix', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true })), { minLength: 4, maxLength: 30 }), (points) => {
      const labels = kMeans(points, 3);
      const k = Math.max(...labels) + 1;
      if (new Set(labels).size < 2) return;
      expect(meanSilhouette(points, labels, k)).toBeCloseTo(mean(silhouette(points, labels)), 9);
    }), { seed: 8, numRuns: 100 });
  });
});

describe('street types of a city-scale study (the silhouette on a fixed sample)', () => {
  /** `count` streets around `centres`, each a seeded scatter of up to ±1.5 `spread` around its centre (street i gets centre i mod the centres). */
  function cityProfiles(count: number, centres: number[][], spread: number, seed: number) {
    let state = seed;
    const random = () => { state = (state * 1_103_515_245 + 12_345) % 2_147_483_648; return state / 2_147_483_648; };
    return Array.from({ length: count }, (_, index) => ({
      // The sum of three uniform draws: a bell around the centre, as a street's figures scatter around its character.
      streetId: index + 1, profile: centres[index % centres.length]!.map((value) => value + (random() + random() + random() - 1.5) * spread),
    }));
  }

  /** Today's choice, written out: the k (2..5) whose k-means has the highest silhouette over every street. */
  function fullSilhouetteChoice(streets: { streetId: number; profile: number[] }[]) {
    const points = streets.map((street) => street.profile);
    const candidates = [2, 3, 4, 5].map((k) => ({ k, labels: kMeans(points, k) }));
    const scores = candidates.map(({ labels, k }) => meanSilhouette(points, labels, k));
    const best = scores.indexOf(Math.max(...scores));
    return { k: candidates[best]!.k, silhouette: scores[best]!, groups: groupsOf(streets, candidates[best]!.labels) };
  }
  const groupsOf = (streets: { streetId: number }[], labels: number[]) => [...new Set(labels)].map((label) => streets.filter((_, index) => labels[index] === label).map((street) => street.streetId)).sort((a, b) => a[0]! - b[0]!);

  it('draws the same 1,000 streets every time, each once, and uses every street up to 1,000', () => {
    expect(silhouetteSample(1000)).toBeUndefined();
    const sample = silhouetteSample(8000)!;
    expect(sample).toHaveLength(1000);
    expect(new Set(sample).size).toBe(1000);
    expect(sample.every((position) => Number.isInteger(position) && position >= 0 && position < 8000)).toBe(true);
    expect(silhouetteSample(8000)).toEqual(sample);
    // Spread over the whole study, not its first streets: about an eighth in each eighth.
    for (let part = 0; part < 8; part++) expect(sample.filter((position) => Math.floor(position / 1000) === part).length).toBeGreaterThan(90);
  });

  it('finds the same types as the full silhouette where the characters are clearly apart (3,000 streets)', () => {
    const centres = [[0.4, 0, 0.02], [0, 0.35, 0], [0, 0, 0.01], [0.2, 0.2, 0.3]];
    const streets = cityProfiles(3000, centres, 0.05, 7);
    const full = fullSilhouetteChoice(streets);
    expect(full.k).toBe(4);
    const result = findStreetTypes(streets, dimensions);
    expect(result.types).toHaveLength(full.k);
    expect(result.types.map((type) => type.streetIds).sort((a, b) => a[0]! - b[0]!)).toEqual(full.groups);
    // The sampled mean silhouette is within a few hundredths of the full one.
    expect(Math.abs(result.silhouette! - full.silhouette)).toBeLessThan(0.03);
  });

  it('finds no types where there is no structure, as the full silhouette does', () => {
    const streets = cityProfiles(2500, [[0.1, 0.1, 0.1]], 0.1, 11);
    expect(fullSilhouetteChoice(streets).silhouette).toBeLessThan(minimumSilhouette);
    expect(findStreetTypes(streets, dimensions).types).toHaveLength(1);
  });
});
