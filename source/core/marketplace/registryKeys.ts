/** Where each file of a registry lives below its root: one folder per slug and version. */
export const registryKeys = {
  index: 'index.json',
  releaseDir: (slug: string, version: string) => `templates/${slug}/${version}`,
  template: (slug: string, version: string) => `templates/${slug}/${version}/template.yml`,
  signature: (slug: string, version: string) => `templates/${slug}/${version}/signature.json`,
  review: (slug: string, version: string) => `templates/${slug}/${version}/review.json`,
  scan: (slug: string, version: string) => `templates/${slug}/${version}/scan.json`,
  ratingsDir: (slug: string, version: string) => `ratings/${slug}/${version}/`,
  rating: (slug: string, version: string, user: string) => `ratings/${slug}/${version}/${user}.json`,
  downloads: (slug: string) => `downloads/${slug}.json`,
};
