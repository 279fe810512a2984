import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mean, silhouette } from 'simple-statistics';
import { findStreetTypes, kMeans, meanSilhouette } from '../../../../src/domain/analysis/street-types';

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
