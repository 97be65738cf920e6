/** AWS tags as the app reads and writes them: key to value. */
export type ResourceTags = Record<string, string>;
