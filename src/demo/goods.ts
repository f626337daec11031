/** A daily good on offer at the quarterly redemption event, and its price in points. */
export interface Good {
  readonly sku: string;
  readonly name: string;
  readonly points: number;
}

/** Cooking oil, rice, pots and paper, as the field reports list them. */
export const GOODS: readonly Good[] = [
  { sku: 'paper-10', name: 'tissue-paper-10-rolls', points: 10 },
  { sku: 'soap-3', name: 'laundry-soap-3-bars', points: 15 },
  { sku: 'rice-5', name: 'rice-5kg', points: 30 },
  { sku: 'oil-5', name: 'cooking-oil-5L', points: 50 },
  { sku: 'pot-1', name: 'cooking-pot', points: 80 },
];

/** The price of the cheapest good: a resident with less stays home on redemption day. */
export const CHEAPEST = Math.min(...GOODS.map((good) => good.points));
