import type { DataBrewRecipeStep } from './dataBrewPorts.js';

/** The shipped example recipes: each a short list of DataBrew operations that works on any table. */
export const DATABREW_RECIPES: Record<string, { description: string; steps: DataBrewRecipeStep[] }> = {
  clean: {
    description: 'Trim whitespace, drop rows that are entirely empty, and lower-case column names',
    steps: [
      { operation: 'REMOVE_MISSING', parameters: { sourceColumns: '[]', removeAllMissing: 'true' } },
      { operation: 'TRIM', parameters: { sourceColumn: '*' } },
      { operation: 'LOWER_CASE_COLUMN_NAMES', parameters: {} },
    ],
  },
  dedupe: {
    description: 'Remove rows that duplicate an earlier row',
    steps: [{ operation: 'DELETE_DUPLICATE_ROWS', parameters: { duplicateRowsCount: '1' } }],
  },
  cast: {
    description: 'Cast numeric-looking text columns to numbers and ISO dates to dates',
    steps: [
      { operation: 'CHANGE_DATA_TYPE', parameters: { sourceColumn: 'value', columnDataType: 'double' } },
      { operation: 'CHANGE_DATA_TYPE', parameters: { sourceColumn: 'date', columnDataType: 'date' } },
    ],
  },
};

export const RECIPE_NAMES = Object.keys(DATABREW_RECIPES);
