// Small field helpers shared by the object types.
import { builder } from './builder';
import { paging } from './connections';

/** Options every to-many relation uses: paged like the root lists, with totalCount. */
export const relationConnection = { cursor: 'id', totalCount: true, ...paging } as const;

export const timestampFields = {
  createdAt: 'When the row was created.',
  updatedAt: 'When the row was last modified (kept current by a database trigger).',
} as const;

export { builder };
