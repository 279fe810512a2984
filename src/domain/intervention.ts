/**
 * An intervention recorded for a street between two waves (a method from the
 * catalogue, a residents' workshop with the straatladder, or street
 * agreements): a follow-up wave's street report shows it beside the change.
 */
export interface Intervention {
  id: number;
  streetId: number;
  kind: 'method' | 'workshop' | 'street-agreements';
  methodId: string | null;
  heldOn: string;
  note: string;
}
