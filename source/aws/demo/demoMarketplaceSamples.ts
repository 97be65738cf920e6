import type { Rating } from '../../core/marketplace/ratings.js';
import type { ReleaseStatement } from '../../core/marketplace/releaseStatement.js';

export interface DemoRelease {
  publisher: string;
  listing: Pick<ReleaseStatement, 'slug' | 'name' | 'description' | 'category' | 'tags' | 'compliance'>;
  version: string;
  changelog: string;
  text: string;
  approved: boolean;
}

function template(slug: string, name: string, description: string, extra = ''): string {
  return `name: ${name}\nslug: ${slug}\ndescription: ${JSON.stringify(description)}\ncategory: Research\ninherits: [ubuntu-24-04]\n${extra}`;
}

const RNASEQ = 'RNA-seq pipeline: STAR, salmon and DESeq2 on Ubuntu';
const RNASEQ_COMPLIANCE = 'compliance:\n  frameworks: [NIST-800-171]\n  controls: [encrypted_storage]\n';

/** The demo registry's releases, in publishing order (a release's review follows it). */
export const DEMO_RELEASES: readonly DemoRelease[] = [
  {
    publisher: 'Genomics Core',
    listing: {
      slug: 'rnaseq-pipeline',
      name: 'RNA-seq Pipeline',
      description: RNASEQ,
      category: 'Research',
      tags: ['genomics', 'bioinformatics'],
      compliance: { frameworks: ['NIST-800-171'], controls: ['encrypted_storage'] },
    },
    version: '1.0.0',
    changelog: 'First release: STAR 2.7 and salmon 1.10',
    text: template('rnaseq-pipeline', 'RNA-seq Pipeline', RNASEQ, RNASEQ_COMPLIANCE),
    approved: true,
  },
  {
    publisher: 'Genomics Core',
    listing: {
      slug: 'rnaseq-pipeline',
      name: 'RNA-seq Pipeline',
      description: RNASEQ,
      category: 'Research',
      tags: ['genomics', 'bioinformatics'],
      compliance: { frameworks: ['NIST-800-171'], controls: ['encrypted_storage'] },
    },
    version: '1.1.0',
    changelog: 'DESeq2 added; salmon 1.10.2',
    text: template('rnaseq-pipeline', 'RNA-seq Pipeline', `${RNASEQ} (with DESeq2)`, RNASEQ_COMPLIANCE),
    approved: true,
  },
  {
    publisher: 'Imaging Lab',
    listing: {
      slug: 'microscopy-fiji',
      name: 'Microscopy with Fiji',
      description: 'Fiji and napari for light-sheet microscopy',
      category: 'Research',
      tags: ['imaging'],
    },
    version: '2.0.0',
    changelog: 'napari 0.5; Fiji pinned to 2.16',
    text: template('microscopy-fiji', 'Microscopy with Fiji', 'Fiji and napari for light-sheet microscopy'),
    approved: true,
  },
  {
    publisher: 'Social Science Methods',
    listing: {
      slug: 'survey-r',
      name: 'Survey Analysis in R',
      description: 'R with survey, lavaan and tidyverse',
      category: 'Research',
      tags: ['statistics', 'r'],
    },
    version: '0.9.0',
    changelog: 'Beta for the methods course',
    text: template('survey-r', 'Survey Analysis in R', 'R with survey, lavaan and tidyverse'),
    approved: true,
  },
  {
    publisher: 'Social Science Methods',
    listing: {
      slug: 'survey-r',
      name: 'Survey Analysis in R',
      description: 'R with survey, lavaan, tidyverse and brms',
      category: 'Research',
      tags: ['statistics', 'r'],
    },
    version: '1.0.0',
    changelog: 'brms added; awaiting approval',
    text: template('survey-r', 'Survey Analysis in R', 'R with survey, lavaan, tidyverse and brms'),
    approved: false,
  },
];

export const DEMO_REVIEWS: readonly Rating[] = [
  {
    slug: 'rnaseq-pipeline',
    version: '1.1.0',
    user: 'mchen',
    stars: 5,
    text: 'Ran our whole cohort without changes',
    rated_at: '2026-11-02T10:00:00Z',
  },
  {
    slug: 'rnaseq-pipeline',
    version: '1.0.0',
    user: 'jdoe',
    stars: 4,
    text: 'Good; DESeq2 was missing',
    rated_at: '2026-10-12T10:00:00Z',
  },
  {
    slug: 'microscopy-fiji',
    version: '2.0.0',
    user: 'akumar',
    stars: 4,
    text: 'napari works over the tunnel',
    rated_at: '2026-11-05T10:00:00Z',
  },
  {
    slug: 'survey-r',
    version: '0.9.0',
    user: 'jdoe',
    stars: 3,
    text: 'Fine for the course',
    rated_at: '2026-11-08T10:00:00Z',
  },
];
