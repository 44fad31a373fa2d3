// The catalogue's categories alone: the app shell validates a URL with them, without the schemas.
export const ITEM_CATEGORIES = [
  'clothing',
  'bedding',
  'hygiene',
  'medicine',
  'medical_disposable',
  'food',
  'other',
] as const;
export type ItemCategory = (typeof ITEM_CATEGORIES)[number];
